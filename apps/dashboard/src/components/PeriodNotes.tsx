import type { CountUnit } from "../lib/cells";
import { stockholmToday } from "../lib/filters";
import { t } from "../lib/i18n";
import { formatDay, formatMonth, isPartialMonth } from "../lib/periods";

/**
 * Said under a chart whose last month has not ended: without it, the month that is still being
 * recorded reads as a fall in cases (or notes). Nothing when the month is complete — also when
 * asOf is its last day and that day is past, which only today's date tells.
 */
export function PartialMonthNote(props: {
  month: string | undefined;
  asOf: string;
  unit?: CountUnit;
  today?: string;
}) {
  const today = props.today ?? stockholmToday();
  if (props.month === undefined || !isPartialMonth(props.month, props.asOf, today)) return null;
  const key =
    props.unit === "notes" ? "period.partial_chart_note_notes" : "period.partial_chart_note";
  return (
    <p className="partial-month-note">
      {t(key, { month: formatMonth(props.month, "short"), day: formatDay(props.asOf) })}
    </p>
  );
}
