import { TZDate } from "@date-fns/tz";
import type { IsoDate } from "./codes";

/** SPEC: dates and days are calendar dates in Europe/Stockholm, whatever the server's zone. */
export const TIME_ZONE = "Europe/Stockholm";

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;
const localDateTime =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;
const withOffset = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** The instant 00:00 Europe/Stockholm on a calendar date (the meaning of a date-only timestamp). */
export function startOfStockholmDay(date: IsoDate | string): number {
  const m = dateOnly.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), TIME_ZONE).getTime();
}

/** The first instant after calendar day `date` in Stockholm: "before the end of day D". */
export function endOfStockholmDay(date: IsoDate | string): number {
  return startOfStockholmDay(addDays(date, 1));
}

/**
 * Parses `occurred_at` of the interchange format: a date (00:00 Stockholm), an ISO 8601
 * timestamp with `Z` or an offset, or a local date-time (read as Stockholm time).
 * Returns epoch milliseconds, or undefined when the text is not such a value.
 */
export function parseOccurredAt(text: string): number | undefined {
  if (dateOnly.test(text)) return isRealDate(text) ? startOfStockholmDay(text) : undefined;
  if (withOffset.test(text)) {
    if (!isRealDate(text.slice(0, 10))) return undefined;
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
  }
  const m = localDateTime.exec(text);
  if (!m || !isRealDate(text.slice(0, 10))) return undefined;
  const [hh, mi, ss] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (hh > 23 || mi > 59 || ss > 59) return undefined;
  const ms = Number((m[7] ?? "0").padEnd(3, "0"));
  return new TZDate(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    hh,
    mi,
    ss,
    ms,
    TIME_ZONE,
  ).getTime();
}

/** The calendar date in Stockholm of an instant. */
export function stockholmDate(instant: number): IsoDate {
  const d = new TZDate(instant, TIME_ZONE);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` as IsoDate;
}

/** Whole days from calendar date a to calendar date b (negative when b is earlier). */
export function daysBetween(a: IsoDate | string, b: IsoDate | string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

export function addDays(date: IsoDate | string, days: number): IsoDate {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10) as IsoDate;
}

export function isRealDate(text: string): boolean {
  if (!dateOnly.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
