import type { Filters } from "./filters";
import { intlLocale, t } from "./i18n";

/** "nov. 2026": a YYYY-MM month as leaders read it. */
export function monthLabel(month: string): string {
  const [year, mon] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(intlLocale(), {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year ?? 1970, (mon ?? 1) - 1, 1)));
}

/** "nov. 2026" on a chart's month axis, as the tables say it; anything else as it is. */
export function monthTick(value: unknown): string {
  const text = String(value);
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text) ? monthLabel(text) : text;
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
      ? t(`period.${by}.between`, { from: monthLabel(from), to: monthLabel(to) })
      : from !== null
        ? t(`period.${by}.from`, { from: monthLabel(from) })
        : to !== null
          ? t(`period.${by}.to`, { to: monthLabel(to) })
          : t(`period.${by}.all`);
  return t("period.sentence", { months, asOf });
}
