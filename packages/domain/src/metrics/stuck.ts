import type { Case, CaseEvent } from "../case";
import type { CaseState } from "../case-state";
import type { IsoDate } from "../codes";
import type { Disclosure } from "../disclosure/mode";
import { cellKeyOf } from "../disclosure/record-key";
import { median } from "../percentile";
import type { ProcessModel } from "../process-models";
import { findStep } from "../process-models";
import type { CountTable } from "../suppression";
import { gridTable } from "../suppression";
import { daysBetween, stockholmDate } from "../time";
import {
  type CellKeys,
  groupCoordinates,
  publishedCounts,
  publishedStatistic,
  withheldNames,
} from "./cells";
import { groupBy } from "./groups";
import { population } from "./population";
import type { Dimension, GroupValues, MetricQuery, UnitPrincipal } from "./query";

/**
 * The parameter metric 7 requires: the process models with their target days as the county has
 * set them (they are data that counties edit, not the defaults in code).
 */
export interface StuckParameters {
  readonly processModels: readonly ProcessModel[];
}

export type StuckCell = GroupValues & {
  /** Stuck cases; also the n of `medianDaysOver`, since every stuck case has its days over. */
  readonly count: number;
  /** Raw: suppression decides whether it is shown. */
  readonly medianDaysOver: number | null;
  readonly cellKeys: CellKeys<"count">;
};

export type StuckNumber = "count" | "medianDaysOver";

export type PublishedStuckCell = GroupValues & {
  readonly count: number | null;
  readonly medianDaysOver: number | null;
  readonly suppressed: boolean;
  readonly withheld: readonly StuckNumber[];
};

/**
 * How many days past its current step's `targetDays` a case is as of asOf: the days from the
 * date of the last `step` event before asOf (the one that entered the current step) to asOf,
 * minus the target. Undefined when the case is not stuck: no step yet, no target for the step
 * (or no model for the process), or not more days than the target.
 */
export function caseDaysOver(
  c: Case,
  state: CaseState,
  asOf: IsoDate,
  processModels: readonly ProcessModel[],
): number | undefined {
  if (state.currentStep === null || state.currentStepSince === null) return undefined;
  const model = processModels.find((m) => m.code === c.process);
  const targetDays = model && findStep(model, state.currentStep)?.targetDays;
  if (targetDays === undefined) return undefined;
  const days = daysBetween(stockholmDate(state.currentStepSince), asOf);
  return days > targetDays ? days - targetDays : undefined;
}

/**
 * Metric 7, the reference: the open cases of the population (status is always `open`, whatever
 * the query says) that are stuck, per group, with the median of their days over target.
 */
export function referenceStuck(
  cases: readonly Case[],
  eventsByCase: ReadonlyMap<string, readonly CaseEvent[]>,
  query: MetricQuery,
  stuck: StuckParameters,
  unitPrincipal: UnitPrincipal,
): StuckCell[] {
  const open = population(cases, eventsByCase, { ...query, status: "open" }, unitPrincipal);
  const stuckCases = open.flatMap((m) => {
    const daysOver = caseDaysOver(m.case, m.state, query.asOf, stuck.processModels);
    return daysOver === undefined ? [] : [{ values: m.values, daysOver, recordKey: m.recordKey }];
  });
  return groupBy(stuckCases, query.groupBy ?? [], (m) => m.values).map((g) => ({
    ...g.values,
    count: g.members.length,
    medianDaysOver: median(g.members.map((m) => m.daysOver)),
    cellKeys: { count: cellKeyOf(g.members.map((m) => m.recordKey)) },
  }));
}

/** Stuck cases as a table for `suppress`: the lines of the groups and the grand total. */
export function stuckTable(cells: readonly StuckCell[], dims: readonly Dimension[]): CountTable {
  return gridTable(cells.map((c) => ({ coordinates: groupCoordinates(c, dims), count: c.count })));
}

/** The stuck cells as the API publishes them; `medianDaysOver` only beside a published count. */
export function suppressStuck(
  cells: readonly StuckCell[],
  dims: readonly Dimension[],
  disclosure: Disclosure,
): PublishedStuckCell[] {
  const counts = publishedCounts(
    stuckTable(cells, dims),
    cells.map((c) => c.cellKeys.count),
    disclosure,
  );
  return cells.map(({ cellKeys, ...cell }, i) => {
    const count = counts[i] ?? null;
    const withheld = withheldNames<StuckNumber>([
      ["count", count === null],
      ["medianDaysOver", count === null],
    ]);
    return {
      ...cell,
      count,
      medianDaysOver: publishedStatistic(cell.medianDaysOver, cell.count, count, disclosure.k),
      suppressed: withheld.length > 0,
      withheld,
    };
  });
}
