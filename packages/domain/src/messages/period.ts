/** The period a page's figures cover, said beside them (dashboard: lib/period.ts). */
export const figurePeriodMessages = {
  "period.sentence": {
    sv: "Uppgifterna gäller {months}, läget per {asOf}.",
    en: "The figures cover {months}, as of {asOf}.",
  },
  "period.opened.between": {
    sv: "ärenden öppnade {from}–{to}",
    en: "cases opened {from}–{to}",
  },
  "period.opened.from": { sv: "ärenden öppnade från {from}", en: "cases opened from {from}" },
  "period.opened.to": {
    sv: "ärenden öppnade till och med {to}",
    en: "cases opened up to and including {to}",
  },
  "period.opened.all": {
    sv: "alla ärenden oavsett när de öppnades",
    en: "all cases, whenever opened",
  },
  "period.closed.between": {
    sv: "ärenden avslutade {from}–{to}",
    en: "cases closed {from}–{to}",
  },
  "period.closed.from": { sv: "ärenden avslutade från {from}", en: "cases closed from {from}" },
  "period.closed.to": {
    sv: "ärenden avslutade till och med {to}",
    en: "cases closed up to and including {to}",
  },
  "period.closed.all": { sv: "alla avslutade ärenden", en: "all closed cases" },
} as const;
