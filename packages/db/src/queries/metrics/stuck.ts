import type { MetricAccess, MetricQuery, StuckCell } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../../client";
import { histogramSql } from "./histogram";
import { populationSql } from "./population";
import { selectMetricRows } from "./run";

/**
 * Metric 7 in SQL: the open cases of the population (whatever `status` says) whose current step
 * has `targetDays` in `process_steps` (as the county set them) and whose days from the date of
 * the last `step` event before asOf to asOf exceed it; per group, the count and the median of
 * the days over.
 */
export function stuck(db: Db, query: MetricQuery, access: MetricAccess): Promise<StuckCell[]> {
  const population = populationSql(query, {
    status: "open",
    boundOpening: true,
    restriction: access.restriction,
  });
  const over = sql`SELECT o.* FROM (
      SELECT p.*, (${query.asOf}::date - p.step_on) - ps.target_days AS days_over
      FROM (${population}) p
      JOIN (SELECT k.id AS process_id, s.number, s.target_days FROM process_steps s
        JOIN case_codes k ON k.code = s.process_code) ps
        ON ps.process_id = p.process_id AND ps.number = p.step) o
    WHERE o.days_over > 0`;
  return selectMetricRows<StuckCell>(
    db,
    histogramSql({
      dims: query.groupBy ?? [],
      rows: over,
      value: sql`p.days_over`,
      counts: { count: sql`true` },
      percentiles: [{ name: "medianDaysOver", p: 0.5 }],
      keep: sql`g.count > 0`,
    }),
  );
}
