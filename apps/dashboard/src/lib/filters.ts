/**
 * The shared filter bar's state as URL search params. Periods are whole months: the API refuses
 * other periods for leaders, since shifting a window by a day could isolate one case.
 */
export const filterDimensions = [
  "municipality",
  "targetGroup",
  "ageGroup",
  "process",
  "leadPrincipal",
] as const;
export type FilterDimension = (typeof filterDimensions)[number];

export type View = "own" | "county";

export interface Filters {
  readonly from: string | null;
  readonly to: string | null;
  readonly view: View | null;
  readonly codes: Readonly<Record<FilterDimension, readonly string[]>>;
}

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(value: string | null): value is string {
  return value !== null && monthPattern.test(value);
}

export function readFilters(search: URLSearchParams): Filters {
  const from = search.get("from");
  const to = search.get("to");
  const view = search.get("view");
  const codes = Object.fromEntries(
    filterDimensions.map((d) => [d, search.getAll(d).filter((v) => v !== "")]),
  ) as Record<FilterDimension, string[]>;
  return {
    from: isMonth(from) ? from : null,
    to: isMonth(to) ? to : null,
    view: view === "own" || view === "county" ? view : null,
    codes,
  };
}

/** A copy of `search` with `key` set to `values` (none: removed). Other params are kept. */
export function withParam(
  search: URLSearchParams,
  key: string,
  values: readonly string[] | string | null,
): URLSearchParams {
  const next = new URLSearchParams(search);
  next.delete(key);
  const list = values === null ? [] : typeof values === "string" ? [values] : values;
  for (const v of list) if (v !== "") next.append(key, v);
  return next;
}

export function firstDayOf(month: string): string {
  return `${month}-01`;
}

export function lastDayOf(month: string): string {
  const [year, mon] = month.split("-").map(Number);
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(year ?? 1970, mon ?? 1, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, "0")}`;
}

export function addMonths(month: string, delta: number): string {
  const [year, mon] = month.split("-").map(Number);
  const d = new Date(Date.UTC(year ?? 1970, (mon ?? 1) - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The common metric parameters for the API (SPEC "Metrics"), filters repeated per value. */
export function metricParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.from !== null) params.set("from", firstDayOf(filters.from));
  if (filters.to !== null) params.set("to", lastDayOf(filters.to));
  if (filters.view !== null) params.set("view", filters.view);
  for (const d of filterDimensions) for (const v of filters.codes[d]) params.append(d, v);
  return params;
}

/** Today in Europe/Stockholm as YYYY-MM-DD: the API's day, not the browser's. */
export function stockholmToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(now);
}
