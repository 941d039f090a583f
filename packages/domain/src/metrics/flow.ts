import type { Case, CaseEvent } from "../case";
import type { StepEntry } from "../case-state";
import type { CountTable } from "../suppression";
import { gridTable } from "../suppression";
import type { Published } from "./cells";
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
  return countCasesPerPair(members.map((m) => caseTransitions(m.state.stepEntries))).map(
    ({ pair: [fromStep, toStep], count }) => ({ fromStep, toStep, count }),
  );
}

/**
 * Flow as a table for `suppress`: fromStep rows, toStep columns (SPEC), and the grand total.
 * One case can sit in several cells of a row, so a line's sum overstates its distinct cases;
 * the outcome is the same as with distinct totals: when a line's distinct total is below k,
 * every cell on it is below k and already hidden, so the larger sum asks for nothing more.
 */
export function flowTable(cells: readonly FlowCell[]): CountTable {
  return gridTable(cells.map((c) => ({ coordinates: [c.fromStep, c.toStep], count: c.count })));
}

/** The flow cells as the API publishes them (SPEC "Privacy and disclosure control"). */
export function suppressFlow(cells: readonly FlowCell[], k: number): PublishedFlowCell[] {
  return publishCounts(cells, flowTable(cells), k);
}
