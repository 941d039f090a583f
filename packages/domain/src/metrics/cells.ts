import type { Coordinate } from "../coordinates";
import { compareCoordinates } from "../coordinates";
import type { Disclosure } from "../disclosure/mode";
import { perturbCount } from "../disclosure/perturbation";
import { cellKeyOf } from "../disclosure/record-key";
import type { CountTable } from "../suppression";
import { assertValidK, suppress, suppressCount, suppressStatistic } from "../suppression";
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

/**
 * The cell key of each count of a cell (SPEC `cellkey`): the sum of the record keys of the cases
 * it counts, modulo `RECORD_KEY_MODULUS`. Computed beside every true count, by the reference and
 * the SQL alike; never published.
 */
export type CellKeys<Count extends string> = Readonly<Record<Count, number>>;

export interface PairCount<A extends Coordinate, B extends Coordinate> {
  readonly pair: readonly [A, B];
  readonly count: number;
  readonly cellKey: number;
}

/** One case's pairs (transitions, participants) and its record key. */
export interface CasePairs<A extends Coordinate, B extends Coordinate> {
  readonly pairs: readonly (readonly [A, B])[];
  readonly recordKey: number;
}

/**
 * For flow and network: how many cases have each pair at least once. A case that makes the same
 * transition twice counts once (SPEC: every count is a number of distinct cases). Ordered by the
 * pair, like an SQL `ORDER BY` on both columns.
 */
export function countCasesPerPair<A extends Coordinate, B extends Coordinate>(
  cases: Iterable<CasePairs<A, B>>,
): PairCount<A, B>[] {
  const counts = new Map<string, { pair: readonly [A, B]; recordKeys: number[] }>();
  for (const { pairs, recordKey } of cases) {
    const distinct = new Map(pairs.map((pair) => [JSON.stringify(pair), pair] as const));
    for (const [key, pair] of distinct) {
      const entry = counts.get(key) ?? { pair, recordKeys: [] };
      entry.recordKeys.push(recordKey);
      counts.set(key, entry);
    }
  }
  return [...counts.values()]
    .map(({ pair, recordKeys }) => ({
      pair,
      count: recordKeys.length,
      cellKey: cellKeyOf(recordKeys),
    }))
    .sort((x, y) => compareCoordinates(x.pair, y.pair));
}

export interface ColumnOptions {
  /**
   * Withhold zeros too. SPEC for lead times: "a group with n < k has n, median, p90 null", zero
   * included, where the count rule would publish 0.
   */
  readonly hideZeros?: boolean;
}

/**
 * One count column as the disclosure mode publishes it, in the table's order, null where
 * withheld. `cellkey`: each count on its own, perturbed by its cell key (`cellKeys`, in the
 * table's order); the lines play no part. `suppression`: exact counts, with the secondary
 * suppression of `suppress` along the table's lines.
 */
export function publishedCounts(
  table: CountTable,
  cellKeys: readonly number[],
  disclosure: Disclosure,
  options: ColumnOptions = {},
): (number | null)[] {
  const { k } = disclosure;
  assertValidK(k);
  if (disclosure.mode === "cellkey") {
    return table.cells.map((cell, i) =>
      options.hideZeros && cell.count === 0 ? null : perturbCount(cell.count, cellKeys[i] ?? 0, k),
    );
  }
  // `suppress` hides only 1..k−1, so a zero that must be hidden enters as 1: the primary rule
  // hides it, and since the lines keep their true totals, a line whose only hidden cell is such
  // a zero still gets a second one (or the zero could be subtracted).
  const input = options.hideZeros
    ? { ...table, cells: table.cells.map((c) => (c.count === 0 ? { ...c, count: 1 } : c)) }
    : table;
  return suppress(input, k).cells.map((c, i) =>
    c.suppressed ? null : (table.cells[i]?.count ?? null),
  );
}

/** A total published beside the cells: in `cellkey` a cell of its own, with its own key. */
export function publishedTotal(
  total: number,
  cellKey: number,
  disclosure: Disclosure,
): number | null {
  return disclosure.mode === "cellkey"
    ? perturbCount(total, cellKey, disclosure.k)
    : suppressCount(total, disclosure.k);
}

/** A single-count cell as the API publishes it: its count (or null), never its cell key. */
export type Published<C extends { readonly count: number }> = Omit<C, "count" | "cellKeys"> & {
  readonly count: number | null;
  readonly suppressed: boolean;
};

/** Cells with one count each (flow, trend, network), published under `table`'s lines. */
export function publishCounts<
  C extends { readonly count: number; readonly cellKeys: CellKeys<"count"> },
>(cells: readonly C[], table: CountTable, disclosure: Disclosure): Published<C>[] {
  const counts = publishedCounts(
    table,
    cells.map((c) => c.cellKeys.count),
    disclosure,
  );
  return cells.map(({ cellKeys, ...cell }, i) => {
    const count = counts[i] ?? null;
    return { ...cell, count, suppressed: count === null } as Published<C>;
  });
}

/**
 * A statistic over the n cases behind a published count: shown only when that count is shown
 * and the true n is at least k. A statistic beside a count withheld by secondary suppression
 * would tell that the hidden count is ≥ k, which is what the second hidden cell is there to
 * blur; in `cellkey` the published n may differ from the true one, which decides.
 */
export function publishedStatistic(
  value: number | null,
  trueN: number,
  publishedN: number | null,
  k: number,
): number | null {
  return publishedN === null ? null : suppressStatistic(value, trueN, k);
}

/** The names of the withheld numbers of a cell, in the order given. */
export function withheldNames<F extends string>(withheld: readonly (readonly [F, boolean])[]): F[] {
  return withheld.filter(([, hidden]) => hidden).map(([name]) => name);
}
