import type { Filters } from "./filters";
import { t } from "./i18n";
import { formatMonth } from "./periods";

/** "nov 2026" on a chart's month axis, as the tables say it; anything else as it is. */
export function monthTick(value: unknown): string {
  const text = String(value);
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text) ? formatMonth(text, "short") : text;
}

/**
 * Which cases a page's figures cover, in one sentence: the months of the filter bar and the
 * date the state is taken at. `closed` for the trend of closed cases, whose period bounds the
 * close date instead of the opening date (SPEC Metrics, trend).
 */
export function periodText(
  filters: Pick<Filters, "from" | "to">,
  asOf: string,
  by: "opened" | "closed" = "opened",
): string {
  const { from, to } = filters;
  const months =
    from !== null && to !== null
      ? t(`period.${by}.between`, {
          from: formatMonth(from, "short"),
          to: formatMonth(to, "short"),
        })
      : from !== null
        ? t(`period.${by}.from`, { from: formatMonth(from, "short") })
        : to !== null
          ? t(`period.${by}.to`, { to: formatMonth(to, "short") })
          : t(`period.${by}.all`);
  return t("period.sentence", { months, asOf });
}
