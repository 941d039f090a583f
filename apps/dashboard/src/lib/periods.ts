import { addMonths, lastDayOf } from "./filters";
import { intlLocale, t } from "./i18n";

/**
 * Months as readers meet them: a figure for a month that has not ended (or that the data ends
 * inside) is read as a fall, so the pages default to the last complete month and mark a partial
 * one wherever it appears. Dates are YYYY-MM-DD in Europe/Stockholm, months YYYY-MM.
 */

function addDays(date: string, delta: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + delta);
  return d.toISOString().slice(0, 10);
}

/**
 * The last day whose figures are final as of `asOf`: asOf itself for an earlier date, but
 * yesterday when asOf is today, since today's cases are still being recorded.
 */
export function lastCompleteDay(asOf: string, today: string = asOf): string {
  return asOf < today ? asOf : addDays(today, -1);
}

/** The latest month whose every day is final as of `asOf` (see lastCompleteDay). */
export function lastCompleteMonth(asOf: string, today: string = asOf): string {
  const day = lastCompleteDay(asOf, today);
  const month = day.slice(0, 7);
  return day === lastDayOf(month) ? month : addMonths(month, -1);
}

export function isPartialMonth(month: string, asOf: string, today: string = asOf): boolean {
  return month > lastCompleteMonth(asOf, today);
}

function utc(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** "november 2026" (long) or "nov 2026" (short: tables, axes and ranges). */
export function formatMonth(month: string, style: "long" | "short" = "long"): string {
  const parts = new Intl.DateTimeFormat(intlLocale(), {
    month: style,
    year: "numeric",
    timeZone: "UTC",
  }).formatToParts(utc(`${month}-01`));
  // sv-SE abbreviates "nov." with a point; in a column of months the points are only noise.
  return parts
    .map((p) => (p.type === "month" ? p.value.replace(/\.$/, "") : p.value))
    .join("")
    .trim();
}

/** "3 dec": the last day a partial month's figures cover. */
export function formatDay(date: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { day: "numeric", month: "short", timeZone: "UTC" })
    .formatToParts(utc(date))
    .map((p) => (p.type === "month" ? p.value.replace(/\.$/, "") : p.value))
    .join("");
}

/** A month as a label, marked when its figures stop before its end: "dec 2026 (t.o.m. 3 dec, ofullständig)". */
export function monthLabel(
  month: string,
  asOf: string,
  style: "long" | "short" = "short",
  today: string = asOf,
): string {
  const name = formatMonth(month, style);
  if (!isPartialMonth(month, asOf, today)) return name;
  return t("period.partial", { month: name, day: formatDay(asOf) });
}

/** "jan 2022–nov 2026", the last month marked if partial; one month alone when from = to. */
export function periodLabel(from: string, to: string, asOf: string, today: string = asOf): string {
  const end = monthLabel(to, asOf, "short", today);
  if (from === to) return end;
  return t("period.range", { from: formatMonth(from, "short"), to: end });
}
