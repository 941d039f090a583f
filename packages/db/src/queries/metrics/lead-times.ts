import type { LeadTimeCell, LeadTimeSteps, MetricAccess, MetricQuery } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../../client";
import { histogramSql } from "./histogram";
import { codedIn } from "./parameters";
import { populationSql } from "./population";
import { selectMetricRows } from "./run";

/**
 * Metric 2 in SQL: per group of the population in `steps.process` (status `all` unless asked
 * otherwise), over the cases that reached step a before asOf: n, median and p90 of the days from
 * t_a to t_b (as `percentile_cont`), and pending. t_a is the first step a; t_b the first step b
 * after t_a in event order; both count when their position in the case's step timeline is no
 * later than `step_count`, the steps dated on or before asOf.
 */
export function leadTimes(
  db: Db,
  query: MetricQuery,
  steps: LeadTimeSteps,
  access: MetricAccess,
): Promise<LeadTimeCell[]> {
  const population = populationSql(query, {
    status: query.status ?? "all",
    boundOpening: true,
    restriction: access.restriction,
    withSteps: true,
  });
  const started = sql`SELECT s.*,
      CASE WHEN s.tb <= s.step_count THEN s.step_dates[s.tb] - s.step_dates[s.ta] END AS days
    FROM (SELECT a.*, array_position(a.steps, ${steps.toStep}::smallint, a.ta + 1) AS tb
      FROM (SELECT p.*, array_position(p.steps, ${steps.fromStep}::smallint) AS ta
        FROM (${population}) p WHERE ${codedIn(sql`p.process_id`, [steps.process])}) a
      WHERE a.ta <= a.step_count) s`;
  return selectMetricRows<LeadTimeCell>(
    db,
    histogramSql({
      dims: query.groupBy ?? [],
      rows: started,
      value: sql`p.days`,
      counts: { n: sql`p.days IS NOT NULL`, pending: sql`p.days IS NULL` },
      percentiles: [
        { name: "median", p: 0.5 },
        { name: "p90", p: 0.9 },
      ],
      keep: sql`g.n + g.pending > 0`,
    }),
  );
}
