/** Charts that say what they leave out, and drill-down from a figure (issue 14). */
export const chartMessages = {
  "chart.nothing_drawable": {
    sv: "Inget av värdena i den här uppdelningen kan ritas, eftersom alla redovisas som ”..”. Se tabellen.",
    en: "None of the values in this breakdown can be drawn, since all are shown as “..”. See the table.",
  },
  "chart.mostly_withheld": {
    sv: "De flesta uppgifterna i den här uppdelningen redovisas inte, eftersom grupperna är för små.",
    en: "Most figures in this breakdown are not published, since the groups are too small.",
  },
  "chart.coarser_intro": {
    sv: "Den grövre uppgiften kan redovisas:",
    en: "The coarser figure can be published:",
  },
  "chart.total_of": { sv: "{caption}, totalt", en: "{caption}, total" },
  "chart.cases_total": {
    sv: "Totalt {count} pågående ärenden med de valda filtren.",
    en: "In all {count} open cases with the chosen filters.",
  },
  "chart.top_n": {
    sv: "Diagrammet visar de {shown} {groups} med flest ärenden; övriga {rest} finns i tabellen.",
    en: "The chart shows the {shown} {groups} with the most cases; the other {rest} are in the table.",
  },
  "chart.top_n_rate": {
    sv: "Diagrammet visar de {shown} kommuner med högst redovisad andel fastnade; övriga {rest} finns i tabellen.",
    en: "The chart shows the {shown} municipalities with the highest published share stuck; the other {rest} are in the table.",
  },
  "chart.top_n_period": {
    sv: "Diagrammet visar de {shown} {groups} med flest ärenden under perioden; övriga {rest} finns i tabellen.",
    en: "The chart shows the {shown} {groups} with the most cases in the period; the other {rest} are in the table.",
  },
  "chart.step_label": { sv: "Steg {n}: {name}", en: "Step {n}: {name}" },
  "chart.groups.targetGroup": { sv: "målgrupper", en: "target groups" },
  "chart.groups.ageGroup": { sv: "åldersgrupper", en: "age groups" },
  "chart.groups.municipality": { sv: "kommuner", en: "municipalities" },
  "chart.groups.process": { sv: "processkartor", en: "processes" },
  "chart.groups.step": { sv: "processteg", en: "process steps" },
  "chart.groups.leadPrincipal": { sv: "huvudmän", en: "lead principals" },
  "chart.groups.leadUnit": { sv: "enheter", en: "units" },
  "lead.target_short": { sv: "Måltid {days} dagar", en: "Target {days} days" },
  "stuck.by_process_caption": {
    sv: "Fastnade ärenden per processkarta",
    en: "Stuck cases by process",
  },
  "stuck.total_caption": { sv: "Fastnade ärenden totalt", en: "Stuck cases in all" },
} as const;
