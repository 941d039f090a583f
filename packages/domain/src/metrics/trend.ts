import type { Case, CaseEvent } from "../case";
import { eventsAsOf } from "../case-state";
import { compareCoordinates } from "../coordinates";
import type { Disclosure } from "../disclosure/mode";
import { RECORD_KEY_MODULUS } from "../disclosure/record-key";
import type { CountTable } from "../suppression";
import { gridTable } from "../suppression";
import { stockholmDate } from "../time";
import type { CellKeys, Published } from "./cells";
import { groupCoordinates, publishCounts } from "./cells";
import { pick } from "./groups";
import type { PopulationMember } from "./population";
import { population } from "./population";
import type { Dimension, GroupValues, MetricQuery, UnitPrincipal } from "./query";

/** SPEC: trend groups only by the case's own attributes, never by its state as of asOf. */
export const trendDimensions = ["targetGroup", "ageGroup", "municipality", "process"] as const;
export type TrendDimension = (typeof trendDimensions)[number];

export const trendMeasures = ["opened", "closed"] as const;
export type TrendMeasure = (typeof trendMeasures)[number];

/** The parameter metric 4 requires on top of the common ones. */
export interface TrendParameters {
  readonly measure: TrendMeasure;
}

export type TrendCell = GroupValues & {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly count: number;
  readonly cellKeys: CellKeys<"count">;
};

export type PublishedTrendCell = Published<TrendCell>;

/** The calendar month `YYYY-MM` of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/**
 * Metric 4, the reference. `opened`: the population counted by the month of `openedOn`.
 * `closed`: `from`/`to` bound the date of a `close` event instead of `openedOn`; the cases are
 * those opened on or before asOf that match the filters, and `status` (default `all`) applies as
 * of asOf just as it does to a population, so `closed` with status `open` counts closings of
 * cases reopened since. A case counts once per month in which it has a `close` event dated in
 * [from, to] and before asOf, even if it was reopened later. Ordered by month, then groups.
 */
export function referenceTrend(
  cases: readonly Case[],
  eventsByCase: ReadonlyMap<string, readonly CaseEvent[]>,
  query: MetricQuery,
  trend: TrendParameters,
  unitPrincipal: UnitPrincipal,
): TrendCell[] {
  const dims = query.groupBy ?? [];
  assertTrendDimensions(dims);
  if (trend.measure === "opened") {
    const members = population(cases, eventsByCase, query, unitPrincipal);
    return countByMonth(members, (m) => [monthOf(m.case.openedOn)], dims);
  }
  // from/to bound the close date here, so the cases may have been opened at any time.
  const { from, to, ...anyOpening } = query;
  const members = population(cases, eventsByCase, anyOpening, unitPrincipal);
  return countByMonth(members, (m) => closingMonths(m.events, query), dims);
}

/** The distinct months of a case's `close` events before asOf, dated in [from, to]. */
export function closingMonths(events: readonly CaseEvent[], query: MetricQuery): string[] {
  const dates = eventsAsOf(events, query.asOf)
    .filter((e) => e.type === "close")
    .map((e) => stockholmDate(e.occurredAt))
    .filter((date) => withinPeriod(date, query));
  return [...new Set(dates.map(monthOf))];
}

/** Trend as a table for `suppress`: the month and each groupBy dimension are its lines. */
export function trendTable(cells: readonly TrendCell[], dims: readonly Dimension[]): CountTable {
  // A case closed in two months sits in two cells of its group's row; see `flowTable` for why
  // summing the row is still the right test.
  return gridTable(
    cells.map((c) => ({ coordinates: [c.month, ...groupCoordinates(c, dims)], count: c.count })),
  );
}

/** The trend cells as the API publishes them. */
export function suppressTrend(
  cells: readonly TrendCell[],
  dims: readonly Dimension[],
  disclosure: Disclosure,
): PublishedTrendCell[] {
  return publishCounts(cells, trendTable(cells, dims), disclosure);
}

function assertTrendDimensions(dims: readonly Dimension[]): void {
  const other = dims.filter((d) => !(trendDimensions as readonly string[]).includes(d));
  if (other.length > 0) throw new RangeError(`trend cannot group by ${other.join(",")}`);
}

function withinPeriod(date: string, query: MetricQuery): boolean {
  return (
    (query.from === undefined || date >= query.from) && (query.to === undefined || date <= query.to)
  );
}

function countByMonth(
  members: readonly PopulationMember[],
  monthsOf: (member: PopulationMember) => readonly string[],
  dims: readonly Dimension[],
): TrendCell[] {
  const cells = new Map<string, TrendCell & { count: number; cellKeys: { count: number } }>();
  for (const member of members) {
    const values = pick(member.values, dims);
    for (const month of monthsOf(member)) {
      const key = JSON.stringify([month, ...groupCoordinates(values, dims)]);
      const cell = cells.get(key) ?? { ...values, month, count: 0, cellKeys: { count: 0 } };
      cell.count += 1;
      cell.cellKeys.count = (cell.cellKeys.count + member.recordKey) % RECORD_KEY_MODULUS;
      cells.set(key, cell);
    }
  }
  return [...cells.values()].sort((a, b) =>
    compareCoordinates(
      [a.month, ...groupCoordinates(a, dims)],
      [b.month, ...groupCoordinates(b, dims)],
    ),
  );
}
