import type { Coordinate } from "../coordinates";
import { compareCoordinates } from "../coordinates";
import type { CountTable } from "../suppression";
import { suppress, suppressStatistic } from "../suppression";
import type { Dimension, GroupValues, MetricQuery } from "./query";

/** A cell's coordinates for `suppress`: its value along each groupBy dimension, in that order. */
export function groupCoordinates(cell: GroupValues, dims: readonly Dimension[]): Coordinate[] {
  return dims.map((d) => cell[d] ?? null);
}

/** Flow and network are one matrix over the whole population: SPEC allows them no groupBy. */
export function assertUngrouped(query: MetricQuery, metric: string): void {
  if ((query.groupBy ?? []).length > 0) {
    throw new RangeError(`${metric} takes no groupBy: ${query.groupBy?.join(",")}`);
  }
}

export interface PairCount<A extends Coordinate, B extends Coordinate> {
  readonly pair: readonly [A, B];
  readonly count: number;
}

/**
 * For flow and network: how many cases have each pair at least once. A case that makes the same
 * transition twice counts once (SPEC: every count is a number of distinct cases). Ordered by the
 * pair, like an SQL `ORDER BY` on both columns.
 */
export function countCasesPerPair<A extends Coordinate, B extends Coordinate>(
  pairsOfEachCase: Iterable<readonly (readonly [A, B])[]>,
): PairCount<A, B>[] {
  const counts = new Map<string, { pair: readonly [A, B]; count: number }>();
  for (const pairs of pairsOfEachCase) {
    const distinct = new Map(pairs.map((pair) => [JSON.stringify(pair), pair] as const));
    for (const [key, pair] of distinct) {
      const entry = counts.get(key) ?? { pair, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort((x, y) => compareCoordinates(x.pair, y.pair));
}

export interface ColumnOptions {
  /**
   * Withhold zeros too. SPEC for lead times: "a group with n < k has n, median, p90 null", zero
   * included, where the count rule would publish 0.
   */
  readonly hideZeros?: boolean;
}

/**
 * One count column, suppressed with its table's lines: the published count of each cell in the
 * table's order, null where withheld. `suppress` hides only 1..k−1, so a zero that must be hidden
 * enters as 1: the primary rule hides it, and since the lines keep their true totals, a line
 * whose only hidden cell is such a zero still gets a second one (or the zero could be subtracted).
 */
export function publishedCounts(
  table: CountTable,
  k: number,
  options: ColumnOptions = {},
): (number | null)[] {
  const input = options.hideZeros
    ? { ...table, cells: table.cells.map((c) => (c.count === 0 ? { ...c, count: 1 } : c)) }
    : table;
  return suppress(input, k).cells.map((c, i) =>
    c.suppressed ? null : (table.cells[i]?.count ?? null),
  );
}

/** A single-count cell as the API publishes it. */
export type Published<C extends { readonly count: number }> = Omit<C, "count"> & {
  readonly count: number | null;
  readonly suppressed: boolean;
};

/** Cells with one count each (flow, trend, network), published under `table`'s lines. */
export function publishCounts<C extends { readonly count: number }>(
  cells: readonly C[],
  table: CountTable,
  k: number,
): Published<C>[] {
  const counts = publishedCounts(table, k);
  return cells.map((cell, i) => {
    const count = counts[i] ?? null;
    return { ...cell, count, suppressed: count === null };
  });
}

/**
 * A statistic over the n cases behind a published count: shown only when that count is shown
 * and ≥ k. A statistic beside a count withheld by secondary suppression would tell that the
 * hidden count is ≥ k, which is what the second hidden cell is there to blur.
 */
export function publishedStatistic(
  value: number | null,
  publishedN: number | null,
  k: number,
): number | null {
  return publishedN === null ? null : suppressStatistic(value, publishedN, k);
}

/** The names of the withheld numbers of a cell, in the order given. */
export function withheldNames<F extends string>(withheld: readonly (readonly [F, boolean])[]): F[] {
  return withheld.filter(([, hidden]) => hidden).map(([name]) => name);
}
