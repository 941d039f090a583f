import type { IsoDate } from "@samsyn/domain";
import type { AnswerMapping } from "./agreement";
import {
  caseCountsSql,
  flowSql,
  leadTimesSql,
  networkSql,
  type Period,
  sipSql,
  stuckSql,
  studiedProcess,
  trendSql,
} from "./baseline-sql";
import type { BenchTarget } from "./options";

export const benchPeriod: Period = {
  from: "2022-01-01" as IsoDate,
  to: "2025-06-30" as IsoDate,
  asOf: "2025-06-30" as IsoDate,
};

/** One metric endpoint with a realistic query, and the same question in plain SQL. */
export interface MetricQuestion {
  /** The path under /api/v1/metrics/. */
  readonly endpoint: string;
  /** The endpoint's own parameters; the period is added to every question. */
  readonly params: Readonly<Record<string, string>>;
  /** p95 targets of issue 5, in milliseconds. */
  readonly targetMs: Readonly<Record<BenchTarget, number>>;
  /**
   * The best hand-written SQL for the same question straight over `case_events` + `cases`, no
   * helper tables, no suppression: the baseline of PERFORMANCE-NOTES the API must beat.
   */
  readonly baseline: (period: Period, target: BenchTarget) => string;
  /** Which baseline column holds each field of an API cell, to hold the two answers equal. */
  readonly answer: AnswerMapping;
}

/**
 * Issue 20's target at national size, on PostgreSQL: every metric p95 ≤ 1 s from 10 M cases on,
 * in place of issue 5's county targets below.
 */
const nationalCases = 10_000_000;
const nationalTargetMs = 1_000;

/** The p95 target of a question for a target and a dataset's number of cases, in milliseconds. */
export function p95TargetMs(question: MetricQuestion, target: BenchTarget, cases: number): number {
  return target === "postgres" && cases >= nationalCases
    ? nationalTargetMs
    : question.targetMs[target];
}

const countTargets = { postgres: 300, pglite: 500 } as const;
const durationTargets = { postgres: 800, pglite: 500 } as const;
const process = studiedProcess;
const targetGroup = { targetGroup: "target_group" };
const municipality = { municipality: "municipality_code" };
const count = { count: "count" };

export const metricQuestions: readonly MetricQuestion[] = [
  {
    endpoint: "cases",
    params: { groupBy: "targetGroup,step" },
    targetMs: countTargets,
    baseline: caseCountsSql,
    answer: { keys: { ...targetGroup, step: "step" }, numbers: count },
  },
  {
    endpoint: "lead-times",
    params: { process, fromStep: "1", toStep: "3", groupBy: "targetGroup,municipality" },
    targetMs: durationTargets,
    baseline: leadTimesSql,
    answer: {
      keys: { ...targetGroup, ...municipality },
      numbers: { n: "n", median: "median", p90: "p90", pending: "pending" },
    },
  },
  {
    endpoint: "flow",
    params: { process },
    targetMs: durationTargets,
    baseline: flowSql,
    answer: { keys: { fromStep: "from_step", toStep: "to_step" }, numbers: count },
  },
  {
    endpoint: "trend",
    params: { measure: "opened", groupBy: "targetGroup,municipality" },
    targetMs: countTargets,
    baseline: trendSql,
    answer: { keys: { month: "month", ...targetGroup, ...municipality }, numbers: count },
  },
  {
    endpoint: "sip",
    params: { groupBy: "targetGroup,ageGroup" },
    targetMs: countTargets,
    baseline: sipSql,
    answer: {
      keys: { ...targetGroup, ageGroup: "age_group" },
      numbers: {
        consentGiven: "consent_given",
        consentDeclined: "consent_declined",
        consentWithdrawn: "consent_withdrawn",
        sipEstablished: "sip_established",
        medianDaysToSip: "median_days_to_sip",
      },
    },
  },
  {
    endpoint: "network",
    params: { level: "principalType" },
    targetMs: countTargets,
    baseline: networkSql,
    answer: { keys: { a: "a", b: "b" }, numbers: count },
  },
  {
    endpoint: "stuck",
    params: { groupBy: "step,municipality" },
    targetMs: countTargets,
    baseline: stuckSql,
    answer: {
      keys: { step: "step", ...municipality },
      numbers: { ...count, medianDaysOver: "median_days_over" },
    },
  },
];

/** The request path of a question: its parameters, then the period. */
export function questionPath(question: MetricQuestion, period: Period = benchPeriod): string {
  const query = new URLSearchParams({ ...question.params, ...period });
  return `/api/v1/metrics/${question.endpoint}?${query.toString()}`;
}

/** The parameters as a reader wants them in the table (the period is the same everywhere). */
export function questionLabel(question: MetricQuestion): string {
  return Object.entries(question.params)
    .map(([name, value]) => `${name}=${value}`)
    .join(" ");
}
