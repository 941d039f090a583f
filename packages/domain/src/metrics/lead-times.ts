import type { Case, CaseEvent } from "../case";
import type { StepEntry } from "../case-state";
import { percentileCont } from "../percentile";
import { daysBetween, stockholmDate } from "../time";
import { groupBy } from "./groups";
import { population } from "./population";
import type { GroupValues, MetricQuery, UnitPrincipal } from "./query";

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
      leadTime: caseLeadTime(m.state.stepEntries, steps.fromStep, steps.toStep),
    }))
    .filter((m) => m.leadTime.status !== "not_started");
  return groupBy(started, query.groupBy ?? [], (m) => m.values).map((g) => {
    const days = g.members.flatMap((m) => (m.leadTime.status === "done" ? [m.leadTime.days] : []));
    return {
      ...g.values,
      n: days.length,
      median: percentileCont(days, 0.5),
      p90: percentileCont(days, 0.9),
      pending: g.members.length - days.length,
    };
  });
}
