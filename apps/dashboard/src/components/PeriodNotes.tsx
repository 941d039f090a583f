import { t } from "../lib/i18n";
import { formatDay, formatMonth, isPartialMonth } from "../lib/periods";

/**
 * Said under a chart whose last month has not ended: without it, the month that is still being
 * recorded reads as a fall in cases. Nothing when the month is complete.
 */
export function PartialMonthNote(props: { month: string | undefined; asOf: string }) {
  if (props.month === undefined || !isPartialMonth(props.month, props.asOf)) return null;
  return (
    <p className="partial-month-note">
      {t("period.partial_chart_note", {
        month: formatMonth(props.month, "short"),
        day: formatDay(props.asOf),
      })}
    </p>
  );
}
