import type { Case, CaseEvent } from "../case";
import type { StepEntry } from "../case-state";
import type { Disclosure } from "../disclosure/mode";
import type { CountTable } from "../suppression";
import { gridTable } from "../suppression";
import type { CellKeys, Published } from "./cells";
import { assertUngrouped, countCasesPerPair, publishCounts } from "./cells";
import { population } from "./population";
import type { MetricQuery, UnitPrincipal } from "./query";

/** The parameter metric 3 requires on top of the common ones. */
export interface FlowParameters {
  readonly process: string;
}

export interface FlowCell {
  readonly fromStep: number;
  readonly toStep: number;
  /** Cases that made the transition at least once. */
  readonly count: number;
  readonly cellKeys: CellKeys<"count">;
}

export type PublishedFlowCell = Published<FlowCell>;

/**
 * The transitions of one case, given its step entries as of asOf in event order: consecutive
 * pairs (s, s′) with s ≠ s′. A back-step (10 → 6) is a transition like any other; a step
 * recorded twice in a row is not. Repeats are kept: the count is made distinct per case later.
 */
export function caseTransitions(stepEntries: readonly StepEntry[]): [number, number][] {
  return stepEntries.flatMap((entry, i) => {
    const previous = stepEntries[i - 1];
    return previous !== undefined && previous.step !== entry.step
      ? [[previous.step, entry.step] as [number, number]]
      : [];
  });
}

/**
 * Metric 3, the reference: for the cases of the population (status `all` unless asked
 * otherwise) in `flow.process`, the number of cases that made each transition. Ordered by
 * fromStep, then toStep; transitions nobody made are absent.
 */
export function referenceFlow(
  cases: readonly Case[],
  eventsByCase: ReadonlyMap<string, readonly CaseEvent[]>,
  query: MetricQuery,
  flow: FlowParameters,
  unitPrincipal: UnitPrincipal,
): FlowCell[] {
  assertUngrouped(query, "flow");
  const members = population(cases, eventsByCase, query, unitPrincipal).filter(
    (m) => m.case.process === flow.process,
  );
  const transitions = members.map((m) => ({
    pairs: caseTransitions(m.state.stepEntries),
    recordKey: m.recordKey,
  }));
  return countCasesPerPair(transitions).map(({ pair: [fromStep, toStep], count, cellKey }) => ({
    fromStep,
    toStep,
    count,
    cellKeys: { count: cellKey },
  }));
}

/**
 * Flow as a table for `suppress`: the cells without lines. SPEC: flow publishes no line totals,
 * and one case can count in several cells of a line (several transitions), so no total gives a
 * hidden cell away and the cells get primary suppression alone.
 */
export function flowTable(cells: readonly FlowCell[]): CountTable {
  const table = gridTable(
    cells.map((c) => ({ coordinates: [c.fromStep, c.toStep], count: c.count })),
  );
  return { ...table, lines: [] };
}

/** The flow cells as the API publishes them (SPEC "Privacy and disclosure control"). */
export function suppressFlow(
  cells: readonly FlowCell[],
  disclosure: Disclosure,
): PublishedFlowCell[] {
  return publishCounts(cells, flowTable(cells), disclosure);
}
