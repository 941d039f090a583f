import type { Case, CaseEvent } from "../case";
import type { CountTable } from "../suppression";
import { gridTable } from "../suppression";
import { groupBy } from "./groups";
import { population } from "./population";
import type { Dimension, GroupValues, MetricQuery, UnitPrincipal } from "./query";

export type CaseCountCell = GroupValues & { readonly count: number };

export interface CaseCounts {
  /** One cell per group with at least one case; groups with no case are absent. */
  readonly cells: readonly CaseCountCell[];
  readonly total: number;
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
  }));
  return { cells, total: members.length };
}

/** The case counts as a table for `suppress`: one coordinate per groupBy dimension. */
export function caseCountTable(counts: CaseCounts, dims: readonly Dimension[]): CountTable {
  const table = gridTable(
    counts.cells.map((c) => ({ coordinates: dims.map((d) => c[d] ?? null), count: c.count })),
  );
  return { ...table, total: counts.total };
}
