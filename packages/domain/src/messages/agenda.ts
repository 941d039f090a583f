/** The suggested agenda's signals (SPEC "Ledningsforum"): one title per kind. */
export const agendaMessages = {
  "agenda.signal.stuck_cases": {
    sv: "Fastnade ärenden i steg {step} {name} ({process})",
    en: "Stuck cases in step {step} {name} ({process})",
  },
  "agenda.signal.open_escalation": {
    sv: "Eskalering på ledningsnivå, öppen i {days} dagar",
    en: "Escalation at management level, open for {days} days",
  },
  "agenda.signal.review_due": {
    sv: "Årlig översyn av ”{title}” ska vara klar {date}",
    en: "The yearly review of “{title}” is due {date}",
  },
  "agenda.signal.review_overdue": {
    sv: "Årlig översyn av ”{title}” är försenad (skulle vara klar {date})",
    en: "The yearly review of “{title}” is overdue (due {date})",
  },
  "agenda.signal.indicator_off_target": {
    sv: "Indikatorn ”{name}” når inte målet",
    en: "The indicator “{name}” misses its target",
  },
  "agenda.signal.deviation.avvikelse": {
    sv: "Ny avvikelse mot ”{title}”",
    en: "New deviation from “{title}”",
  },
  "agenda.signal.deviation.tvist": {
    sv: "Ny tvist om ”{title}”",
    en: "New dispute about “{title}”",
  },
  "agenda.signal.overdue_action": {
    sv: "Försenad åtgärd: {title} ({days} dagar efter sista dag)",
    en: "Overdue action: {title} ({days} days past due)",
  },
  "agenda.effect.noLink": {
    sv: "Åtgärden är inte kopplad till någon indikator eller något nyckeltal.",
    en: "The action is not linked to an indicator or a metric.",
  },
} as const;
