/**
 * Periods on the dashboard (issue 14): a month that has not ended is marked as such, the default
 * is the last complete month, and every figure on Översikt and Trender says its period and unit.
 */
export const periodMessages = {
  "period.partial": {
    sv: "{month} (t.o.m. {day}, ofullständig)",
    en: "{month} (to {day}, incomplete)",
  },
  "period.range": { sv: "{from}–{to}", en: "{from}–{to}" },
  "period.partial_chart_note_notes": {
    sv: "Den sista månaden, {month}, är inte slut: uppgifterna gäller t.o.m. {day}. Därför sjunker kurvan där, utan att färre lappar har skrivits.",
    en: "The last month, {month}, has not ended: the figures run to {day}. That is why the line falls there, not because fewer notes were written.",
  },
  "period.partial_chart_note": {
    sv: "Den sista månaden, {month}, är inte slut: uppgifterna gäller t.o.m. {day}. Därför sjunker kurvan där, utan att färre ärenden har kommit in.",
    en: "The last month, {month}, has not ended: the figures run to {day}. That is why the line falls there, not because fewer cases came in.",
  },

  "unit.cases": { sv: "{value} ärenden", en: "{value} cases" },
  "unit.case": { sv: "{value} ärende", en: "{value} case" },
  "unit.day": { sv: "{value} dag", en: "{value} day" },
  "unit.cases_word": { sv: "ärenden", en: "cases" },
  "unit.case_word": { sv: "ärende", en: "case" },
  "unit.day_name": { sv: "dag", en: "day" },
  "unit.count_name": { sv: "antal", en: "number" },
  "unit.days_name": { sv: "dagar", en: "days" },
  "unit.percent_name": { sv: "%", en: "%" },

  "trends.period": {
    sv: "Period: {period}.",
    en: "Period: {period}.",
  },
  "trends.period_default": {
    sv: "Period: {period}. Utan vald slutmånad slutar perioden med den senaste hela månaden.",
    en: "Period: {period}. Without a chosen last month the period ends with the last complete month.",
  },
  "trends.caption_period": {
    sv: "{measure} ärenden per månad, {period} (antal ärenden)",
    en: "{measure} cases per month, {period} (number of cases)",
  },

  "overview.intro_periods": {
    sv: "Nyckeltal för en hel månad – den senaste hela månaden, eller slutmånaden i filtret – jämförda med månaden före och med samma månad året före.",
    en: "Key figures for a whole month – the last complete month, or the filter's last month – compared with the month before and with the same month a year earlier.",
  },
  "overview.period_default": {
    sv: "Visar {month}, den senaste hela månaden.",
    en: "Showing {month}, the last complete month.",
  },
  "overview.period_latest_with_cases": {
    sv: "Visar {month}, den senaste hela månaden med ärenden.",
    en: "Showing {month}, the last complete month with cases.",
  },
  "overview.period_chosen": {
    sv: "Visar {month}, slutmånaden i filtret.",
    en: "Showing {month}, the filter's last month.",
  },
  "overview.period_compared": {
    sv: "Jämförs med {previous} och {yearAgo}.",
    en: "Compared with {previous} and {yearAgo}.",
  },
  "overview.period_partial": {
    sv: "Månaden är inte slut: nya och avslutade ärenden jämförs därför inte med hela månader.",
    en: "The month has not ended, so cases opened and closed are not compared with whole months.",
  },
  "overview.opened": { sv: "Nya ärenden", en: "Cases opened" },
  "overview.closed": { sv: "Avslutade ärenden", en: "Cases closed" },
  "overview.span_month": { sv: "under {month}", en: "in {month}" },
  "overview.span_end": { sv: "vid slutet av {month}", en: "at the end of {month}" },
  "overview.span_date": { sv: "den {date}", en: "on {date}" },
  "overview.row_month": {
    sv: "{label} under månaden ({unit})",
    en: "{label} in the month ({unit})",
  },
  "overview.row_end": {
    sv: "{label} vid månadens slut ({unit})",
    en: "{label} at the month's end ({unit})",
  },
  "overview.against": { sv: "Mot {period}: {change}", en: "Against {period}: {change}" },
  "overview.no_change_withheld": {
    sv: "ingen jämförelse (värdet redovisas inte)",
    en: "no comparison (value not published)",
  },
  "overview.no_change_partial": {
    sv: "jämförs inte, månaden är inte slut",
    en: "not compared, the month has not ended",
  },
  "overview.no_change_no_data": {
    sv: "ingen jämförelse, inga ärenden då",
    en: "no comparison, no cases then",
  },
  "overview.figures_caption_periods": {
    sv: "Nyckeltal för {month}, {previous} och {yearAgo}",
    en: "Key figures for {month}, {previous} and {yearAgo}",
  },
  "overview.trend_caption_period": {
    sv: "Nya och avslutade ärenden per månad, {period} (antal ärenden)",
    en: "Cases opened and closed per month, {period} (number of cases)",
  },
  "overview.change_note_cellkey": {
    sv: "Förändringarna räknas från de publicerade antalen. Eftersom varje antal kan avvika med högst 2 kan en skillnad mellan två antal avvika med högst 4: små förändringar kan bero på skyddet.",
    en: "Changes are computed from the published counts. Since each count may differ by at most 2, a difference of two counts may differ by at most 4: small changes can be due to the protection.",
  },
} as const;
