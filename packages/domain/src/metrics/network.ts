import type { Case, CaseEvent } from "../case";
import type { CaseState } from "../case-state";
import { compareCoordinate } from "../coordinates";
import type { Disclosure } from "../disclosure/mode";
import type { CountTable } from "../suppression";
import { gridTable } from "../suppression";
import type { CellKeys, Published } from "./cells";
import { assertUngrouped, countCasesPerPair, publishCounts } from "./cells";
import { population } from "./population";
import type { MetricQuery, UnitPrincipal } from "./query";

export const networkLevels = ["principalType", "unit"] as const;
export type NetworkLevel = (typeof networkLevels)[number];

/** The parameter metric 6 requires on top of the common ones. */
export interface NetworkParameters {
  readonly level: NetworkLevel;
}

export interface NetworkCell {
  /** a < b in code-unit order (PostgreSQL's "C" collation). */
  readonly a: string;
  readonly b: string;
  /** Cases in which both a and b took part. */
  readonly count: number;
  readonly cellKeys: CellKeys<"count">;
}

export type PublishedNetworkCell = Published<NetworkCell>;

/**
 * Who took part in a case as of asOf, distinct and in code-unit order: the units named in its
 * `lead` and `join` events (a later `leave` does not undo it), or their principal types. A
 * unit whose principal type is unknown has no type to count under, so it is left out there.
 */
export function caseParticipants(
  state: CaseState,
  level: NetworkLevel,
  unitPrincipal: UnitPrincipal,
): string[] {
  const units = [...state.unitsThatTookPart];
  const participants =
    level === "unit" ? units : units.flatMap((unit) => unitPrincipal(unit) ?? []);
  return [...new Set(participants)].sort(compareCoordinate);
}

/** Every pair (a, b) with a < b of distinct values given in order. */
export function participantPairs(participants: readonly string[]): [string, string][] {
  return participants.flatMap((a, i) =>
    participants.slice(i + 1).map((b) => [a, b] as [string, string]),
  );
}

/**
 * Metric 6, the reference: for the cases of the population (status `all` unless asked
 * otherwise), the number of cases in which both a and b took part, for a < b. Ordered by a,
 * then b; pairs that never met are absent.
 */
export function referenceNetwork(
  cases: readonly Case[],
  eventsByCase: ReadonlyMap<string, readonly CaseEvent[]>,
  query: MetricQuery,
  network: NetworkParameters,
  unitPrincipal: UnitPrincipal,
): NetworkCell[] {
  assertUngrouped(query, "network");
  const members = population(cases, eventsByCase, query, unitPrincipal);
  const pairs = members.map((m) => ({
    pairs: participantPairs(caseParticipants(m.state, network.level, unitPrincipal)),
    recordKey: m.recordKey,
  }));
  return countCasesPerPair(pairs).map(({ pair: [a, b], count, cellKey }) => ({
    a,
    b,
    count,
    cellKeys: { count: cellKey },
  }));
}

/**
 * The network as a table for `suppress`: the cells without lines. As for flow (`flowTable`), no
 * line total is published and one case sits in every cell of its pairs: primary suppression alone.
 */
export function networkTable(cells: readonly NetworkCell[]): CountTable {
  const table = gridTable(cells.map((c) => ({ coordinates: [c.a, c.b], count: c.count })));
  return { ...table, lines: [] };
}

/** The network cells as the API publishes them. */
export function suppressNetwork(
  cells: readonly NetworkCell[],
  disclosure: Disclosure,
): PublishedNetworkCell[] {
  return publishCounts(cells, networkTable(cells), disclosure);
}
