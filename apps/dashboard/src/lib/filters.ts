import { z } from "zod";

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

// A malformed value is dropped, as if it were not in the URL: a bookmark never breaks the page.
const month = z.string().regex(monthPattern).optional().catch(undefined);
const codes = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (typeof v === "string" ? [v] : v).filter((code) => code !== ""))
  .optional()
  .catch(undefined);

/** The shared filters as validated search params, named as in the URL. */
export const filterSearchSchema = z.object({
  from: month,
  to: month,
  view: z.enum(["own", "county"]).optional().catch(undefined),
  municipality: codes,
  targetGroup: codes,
  ageGroup: codes,
  process: codes,
  leadPrincipal: codes,
} satisfies Record<"from" | "to" | "view" | FilterDimension, z.ZodType>);
export type FilterSearch = z.output<typeof filterSearchSchema>;

/** The router's validateSearch for the shared filters (never throws: see `.catch` above). */
export function validateFilterSearch(raw: Record<string, unknown>): FilterSearch {
  return filterSearchSchema.parse(raw);
}

export function readFilters(search: FilterSearch): Filters {
  return {
    from: search.from ?? null,
    to: search.to ?? null,
    view: search.view ?? null,
    codes: {
      municipality: search.municipality ?? [],
      targetGroup: search.targetGroup ?? [],
      ageGroup: search.ageGroup ?? [],
      process: search.process ?? [],
      leadPrincipal: search.leadPrincipal ?? [],
    },
  };
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
