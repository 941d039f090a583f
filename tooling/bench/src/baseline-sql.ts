import { endOfStockholmDay, type IsoDate } from "@samsyn/domain";
import type { BenchTarget } from "./options";

/** The window every question asks about: whole months, so every role may ask it (issue 5). */
export interface Period {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly asOf: IsoDate;
}

/**
 * The baselines: the best hand-written SQL we found for each question straight over
 * `case_events` + `cases` (no helper tables, no suppression), as PERFORMANCE-NOTES measured them.
 * Values are inlined: they are the benchmark's own constants, and the planner sees them as a
 * hand-written query would show them.
 */

/** The process that lead times and flow are asked about. */
export const studiedProcess = "intern_samsjuklighet";
const process = studiedProcess;

/** "Before asOf" of SPEC: before the first instant after asOf in Stockholm. */
function endOf(period: Period): string {
  return `'${new Date(endOfStockholmDay(period.asOf)).toISOString()}'::timestamptz`;
}

/** The population's period condition over alias `c` (its filters are not used here). */
function opened(period: Period): string {
  return `c.opened_on BETWEEN '${period.from}' AND '${period.to}' AND c.opened_on <= '${period.asOf}'`;
}

/** A Stockholm calendar date of a timestamptz expression. */
function stockholmDay(column: string): string {
  return `(${column} AT TIME ZONE 'Europe/Stockholm')::date`;
}

/**
 * Per case of `pop`, its last event of `types` before `end`, with `columns`. At 1 000 000 cases
 * this beat one pass of `array_agg(… ORDER BY …)[1]` per case (1.8×), two LATERAL probes per
 * case (2.8×) and `max(ARRAY[epoch, seq, step])` (2×); at 100 000 all were within 1.8×.
 */
function lastOf(end: string, types: string, columns: string): string {
  return `SELECT DISTINCT ON (e.case_id) e.case_id, ${columns}
    FROM case_events e JOIN pop p ON p.id = e.case_id
    WHERE e.type IN (${types}) AND e.occurred_at < ${end}
    ORDER BY e.case_id, e.occurred_at DESC, e.seq DESC`;
}

/** The CTEs `step` (current step, entered at) and `ending` (last close/reopen) over `pop`. */
function currentState(end: string): string {
  return `step AS (${lastOf(end, "'step'", "e.step, e.occurred_at")}),
    ending AS (${lastOf(end, "'close', 'reopen'", "e.type")})`;
}

/** Q1 (metric 1): open cases by target group and current step. */
export function caseCountsSql(period: Period): string {
  return `WITH pop AS (SELECT c.id, c.target_group FROM cases c WHERE ${opened(period)}),
    ${currentState(endOf(period))}
    SELECT p.target_group, step.step, count(*)::int AS count
    FROM pop p
    LEFT JOIN step ON step.case_id = p.id
    LEFT JOIN ending ON ending.case_id = p.id
    WHERE ending.type IS DISTINCT FROM 'close'
    GROUP BY 1, 2`;
}

/**
 * Q2 (metric 2): per case of the process, t_a and the first step 3 after it; then the durations
 * per group. PostgreSQL is fastest with two index probes per case; PGlite, single-threaded and
 * with slower index access, with one pass over the step events and a window `bool_or` marking
 * those after a step 1.
 */
export function leadTimesSql(period: Period, target: BenchTarget): string {
  const durations = target === "postgres" ? probedDurations(period) : windowedDurations(period);
  return `WITH pop AS (
      SELECT c.id, c.target_group, c.municipality_code FROM cases c
      WHERE c.process = '${process}' AND ${opened(period)}),
    durations AS (${durations})
    SELECT p.target_group, p.municipality_code, count(d.days)::int AS n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY d.days) AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY d.days) AS p90,
      (count(*) - count(d.days))::int AS pending
    FROM durations d JOIN pop p ON p.id = d.case_id
    GROUP BY 1, 2`;
}

/** Per case of `pop` with a step 1: its days to the first step 3 after it (null when none). */
function probedDurations(period: Period): string {
  const end = endOf(period);
  const first = (step: number, after: string) => `SELECT e.occurred_at, e.seq FROM case_events e
      WHERE e.case_id = p.id AND e.type = 'step' AND e.step = ${step} AND e.occurred_at < ${end}
        ${after} ORDER BY e.occurred_at, e.seq LIMIT 1`;
  return `SELECT p.id AS case_id,
      ${stockholmDay("tb.occurred_at")} - ${stockholmDay("ta.occurred_at")} AS days
    FROM pop p
    JOIN LATERAL (${first(1, "")}) ta ON true
    LEFT JOIN LATERAL (${first(3, "AND (e.occurred_at, e.seq) > (ta.occurred_at, ta.seq)")}) tb
      ON true`;
}

/** The same as `probedDurations`, in one pass over the step events of `pop`. */
function windowedDurations(period: Period): string {
  return `SELECT case_id, ${stockholmDay("tb")} - ${stockholmDay("ta")} AS days
    FROM (
      SELECT case_id, min(occurred_at) FILTER (WHERE step = 1) AS ta,
        min(occurred_at) FILTER (WHERE step = 3 AND after_a) AS tb
      FROM (
        SELECT e.case_id, e.step, e.occurred_at,
          coalesce(bool_or(e.step = 1) OVER (PARTITION BY e.case_id ORDER BY e.occurred_at, e.seq
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), false) AS after_a
        FROM case_events e JOIN pop p ON p.id = e.case_id
        WHERE e.type = 'step' AND e.step IN (1, 3) AND e.occurred_at < ${endOf(period)}) steps
      GROUP BY case_id) per_case
    WHERE ta IS NOT NULL`;
}

/** Q3 (metric 3): consecutive step pairs by `lag` in event order, distinct cases per pair. */
export function flowSql(period: Period): string {
  const end = endOf(period);
  return `WITH pop AS (
      SELECT c.id FROM cases c WHERE c.process = '${process}' AND ${opened(period)}),
    pairs AS (
      SELECT e.case_id, e.step AS to_step,
        lag(e.step) OVER (PARTITION BY e.case_id ORDER BY e.occurred_at, e.seq) AS from_step
      FROM case_events e JOIN pop p ON p.id = e.case_id
      WHERE e.type = 'step' AND e.occurred_at < ${end})
    SELECT from_step, to_step, count(DISTINCT case_id)::int AS count
    FROM pairs WHERE from_step <> to_step
    GROUP BY 1, 2`;
}

/** Q4 (metric 4, opened): needs no event at all. */
export function trendSql(period: Period): string {
  return `SELECT to_char(c.opened_on, 'YYYY-MM') AS month, c.target_group, c.municipality_code,
      count(*)::int AS count
    FROM cases c WHERE ${opened(period)}
    GROUP BY 1, 2, 3`;
}

/** Q5 (metric 5): the last consent and the first established SIP per case in one pass. */
export function sipSql(period: Period): string {
  const end = endOf(period);
  return `WITH per_case AS (
      SELECT e.case_id,
        (array_agg(e.value ORDER BY e.occurred_at DESC, e.seq DESC)
          FILTER (WHERE e.type = 'consent'))[1] AS consent,
        min(e.occurred_at) FILTER (WHERE e.type = 'sip' AND e.value = 'established') AS sip_at
      FROM case_events e
      WHERE e.type IN ('consent', 'sip') AND e.occurred_at < ${end}
      GROUP BY e.case_id)
    SELECT c.target_group, c.age_group,
      count(*) FILTER (WHERE pc.consent = 'given')::int AS consent_given,
      count(*) FILTER (WHERE pc.consent = 'declined')::int AS consent_declined,
      count(*) FILTER (WHERE pc.consent = 'withdrawn')::int AS consent_withdrawn,
      count(pc.sip_at)::int AS sip_established,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${stockholmDay("pc.sip_at")} - c.opened_on)
        AS median_days_to_sip
    FROM cases c LEFT JOIN per_case pc ON pc.case_id = c.id
    WHERE ${opened(period)}
    GROUP BY 1, 2`;
}

/** Q6 (metric 6, principal types): the principal types per case, paired by `unnest`. */
export function networkSql(period: Period): string {
  return `WITH per_case AS (
      SELECT e.case_id, array_agg(DISTINCT o.principal_type) AS types
      FROM case_events e
      JOIN units u ON u.code = e.unit_code
      JOIN organisations o ON o.code = u.organisation_code
      WHERE e.type IN ('lead', 'join') AND e.occurred_at < ${endOf(period)}
      GROUP BY e.case_id)
    SELECT a, b, count(*)::int AS count
    FROM cases c
    JOIN per_case pc ON pc.case_id = c.id
    CROSS JOIN LATERAL unnest(pc.types) a
    CROSS JOIN LATERAL unnest(pc.types) b
    WHERE ${opened(period)} AND a < b
    GROUP BY 1, 2`;
}

/** Q7 (metric 7): open cases, the date their current step was entered, days over its target. */
export function stuckSql(period: Period): string {
  return `WITH pop AS (
      SELECT c.id, c.process, c.municipality_code FROM cases c WHERE ${opened(period)}),
    ${currentState(endOf(period))},
    over AS (
      SELECT step.step, p.municipality_code,
        '${period.asOf}'::date - ${stockholmDay("step.occurred_at")} - ps.target_days AS days_over
      FROM pop p
      JOIN step ON step.case_id = p.id
      LEFT JOIN ending ON ending.case_id = p.id
      JOIN process_steps ps ON ps.process_code = p.process AND ps.number = step.step
      WHERE ending.type IS DISTINCT FROM 'close' AND ps.target_days IS NOT NULL)
    SELECT step, municipality_code, count(*)::int AS count,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY days_over) AS median_days_over
    FROM over WHERE days_over > 0
    GROUP BY 1, 2`;
}
