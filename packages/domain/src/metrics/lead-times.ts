import type { Case, CaseEvent } from "../case";
import type { StepEntry } from "../case-state";
import type { Disclosure } from "../disclosure/mode";
import { cellKeyOf } from "../disclosure/record-key";
import { percentileCont } from "../percentile";
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

/** The parameters metric 2 requires on top of the common ones. */
export interface LeadTimeSteps {
  readonly process: string;
  readonly fromStep: number;
  readonly toStep: number;
}

export type CaseLeadTime =
  | { readonly status: "done"; readonly days: number }
  | { readonly status: "pending" }
  | { readonly status: "not_started" };

export type LeadTimeCell = GroupValues & {
  /** Cases with both t_a and t_b. */
  readonly n: number;
  readonly median: number | null;
  readonly p90: number | null;
  /** Cases with t_a but no t_b yet. */
  readonly pending: number;
  readonly cellKeys: CellKeys<"n" | "pending">;
};

/**
 * One case's lead time from step a to step b, given its step entries as of asOf in event order.
 * t_b is the first b *after* t_a: after a back-step from step 10 to step 6, the lead time 6→8
 * runs from the first 6 to the first 8 that follows it, not to an 8 from before.
 */
export function caseLeadTime(
  stepEntries: readonly StepEntry[],
  fromStep: number,
  toStep: number,
): CaseLeadTime {
  const a = stepEntries.findIndex((e) => e.step === fromStep);
  const ta = stepEntries[a];
  if (ta === undefined) return { status: "not_started" };
  const tb = stepEntries.slice(a + 1).find((e) => e.step === toStep);
  if (tb === undefined) return { status: "pending" };
  return { status: "done", days: daysBetween(stockholmDate(ta.at), stockholmDate(tb.at)) };
}

/**
 * Metric 2, the reference: per group of the population (status `all` unless asked otherwise,
 * only cases of `steps.process`), n, median and p90 of the durations in days, and pending.
 * Groups without any case that reached step a are absent.
 */
export function referenceLeadTimes(
  cases: readonly Case[],
  eventsByCase: ReadonlyMap<string, readonly CaseEvent[]>,
  query: MetricQuery,
  steps: LeadTimeSteps,
  unitPrincipal: UnitPrincipal,
): LeadTimeCell[] {
  const started = population(cases, eventsByCase, query, unitPrincipal)
    .filter((m) => m.case.process === steps.process)
    .map((m) => ({
      values: m.values,
      recordKey: m.recordKey,
      leadTime: caseLeadTime(m.state.stepEntries, steps.fromStep, steps.toStep),
    }))
    .filter((m) => m.leadTime.status !== "not_started");
  return groupBy(started, query.groupBy ?? [], (m) => m.values).map((g) => {
    const done = g.members.flatMap((m) =>
      m.leadTime.status === "done" ? [{ recordKey: m.recordKey, days: m.leadTime.days }] : [],
    );
    const days = done.map((m) => m.days);
    const pending = g.members.filter((m) => m.leadTime.status === "pending");
    return {
      ...g.values,
      n: days.length,
      median: percentileCont(days, 0.5),
      p90: percentileCont(days, 0.9),
      pending: pending.length,
      cellKeys: {
        n: cellKeyOf(done.map((m) => m.recordKey)),
        pending: cellKeyOf(pending.map((m) => m.recordKey)),
      },
    };
  });
}

export type LeadTimeNumber = "n" | "median" | "p90" | "pending";

export type PublishedLeadTimeCell = GroupValues & {
  readonly n: number | null;
  readonly median: number | null;
  readonly p90: number | null;
  readonly pending: number | null;
  readonly suppressed: boolean;
  readonly withheld: readonly LeadTimeNumber[];
};

/** The two counts of metric 2 as tables for `suppress`, each with the lines of the groups. */
export function leadTimeTables(
  cells: readonly LeadTimeCell[],
  dims: readonly Dimension[],
): Record<"n" | "pending", CountTable> {
  const column = (count: "n" | "pending") =>
    gridTable(cells.map((c) => ({ coordinates: groupCoordinates(c, dims), count: c[count] })));
  return { n: column("n"), pending: column("pending") };
}

/**
 * The cells as the API publishes them. SPEC: "a group with n < k has n, median, p90 null;
 * pending follows the count rule" — n < k includes n = 0, and a median beside a withheld n
 * would tell it apart from 1..k−1.
 */
export function suppressLeadTimes(
  cells: readonly LeadTimeCell[],
  dims: readonly Dimension[],
  disclosure: Disclosure,
): PublishedLeadTimeCell[] {
  const { k } = disclosure;
  const tables = leadTimeTables(cells, dims);
  const keys = (count: "n" | "pending") => cells.map((c) => c.cellKeys[count]);
  const ns = publishedCounts(tables.n, keys("n"), disclosure, { hideZeros: true });
  const pendings = publishedCounts(tables.pending, keys("pending"), disclosure);
  return cells.map(({ cellKeys, ...cell }, i) => {
    const n = ns[i] ?? null;
    const pending = pendings[i] ?? null;
    const withheld = withheldNames<LeadTimeNumber>([
      ["n", n === null],
      ["median", n === null],
      ["p90", n === null],
      ["pending", pending === null],
    ]);
    return {
      ...cell,
      n,
      median: publishedStatistic(cell.median, cell.n, n, k),
      p90: publishedStatistic(cell.p90, cell.n, n, k),
      pending,
      suppressed: withheld.length > 0,
      withheld,
    };
  });
}
