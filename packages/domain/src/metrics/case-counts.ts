import type { Case, CaseEvent } from "../case";
import type { Disclosure } from "../disclosure/mode";
import { cellKeyOf } from "../disclosure/record-key";
import type { CountTable } from "../suppression";
import { gridTable } from "../suppression";
import { type CellKeys, publishedCounts, publishedTotal } from "./cells";
import { groupBy } from "./groups";
import { population } from "./population";
import type { Dimension, GroupValues, MetricQuery, UnitPrincipal } from "./query";

export type CaseCountCell = GroupValues & {
  readonly count: number;
  readonly cellKeys: CellKeys<"count">;
};

export interface CaseCounts {
  /** One cell per group with at least one case; groups with no case are absent. */
  readonly cells: readonly CaseCountCell[];
  readonly total: number;
  /** The total's cell key: the whole population's, which is every cell's together. */
  readonly totalKey: number;
}

/**
 * Metric 1, the reference: the population (status `open` unless asked otherwise) counted per
 * group. Counts are true counts; suppression is applied on top, by `suppress`.
 */
export function referenceCaseCounts(
  cases: readonly Case[],
  eventsByCase: ReadonlyMap<string, readonly CaseEvent[]>,
  query: MetricQuery,
  unitPrincipal: UnitPrincipal,
): CaseCounts {
  const members = population(
    cases,
    eventsByCase,
    { ...query, status: query.status ?? "open" },
    unitPrincipal,
  );
  const cells = groupBy(members, query.groupBy ?? [], (m) => m.values).map((g) => ({
    ...g.values,
    count: g.members.length,
    cellKeys: { count: cellKeyOf(g.members.map((m) => m.recordKey)) },
  }));
  return { cells, total: members.length, totalKey: cellKeyOf(members.map((m) => m.recordKey)) };
}

/** The case counts as a table for `suppress`: one coordinate per groupBy dimension. */
export function caseCountTable(counts: CaseCounts, dims: readonly Dimension[]): CountTable {
  const table = gridTable(
    counts.cells.map((c) => ({ coordinates: dims.map((d) => c[d] ?? null), count: c.count })),
  );
  return { ...table, total: counts.total };
}

export type PublishedCaseCountCell = GroupValues & {
  readonly count: number | null;
  readonly suppressed: boolean;
};

export interface PublishedCaseCounts {
  readonly cells: readonly PublishedCaseCountCell[];
  readonly total: number | null;
  readonly totalSuppressed: boolean;
}

/**
 * Metric 1 as the API publishes it: in `cellkey` every count and the total perturbed on their
 * own; in `suppression` exact, with primary and secondary suppression over the groupBy lines.
 */
export function suppressCaseCounts(
  counts: CaseCounts,
  dims: readonly Dimension[],
  disclosure: Disclosure,
): PublishedCaseCounts {
  const table = caseCountTable(counts, dims);
  const published = publishedCounts(
    table,
    counts.cells.map((c) => c.cellKeys.count),
    disclosure,
  );
  const total = publishedTotal(counts.total, counts.totalKey, disclosure);
  return {
    cells: counts.cells.map(({ cellKeys, ...cell }, i) => {
      const count = published[i] ?? null;
      return { ...cell, count, suppressed: count === null };
    }),
    total,
    totalSuppressed: total === null,
  };
}
