import type { LeadTimeCell, LeadTimeSteps, MetricQuery } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../../client";
import { selectRows } from "../rows";
import {
  groupByClause,
  groupSelect,
  type MetricRestriction,
  orderByClause,
  selectList,
} from "./parameters";
import { populationSql } from "./population";

/**
 * Metric 2 in SQL: per group of the population in `steps.process` (status `all` unless asked
 * otherwise), over the cases that reached step a before asOf: n, median and p90 of the days from
 * t_a to t_b (`percentile_cont`, as the reference's `percentileCont`), and pending. t_a is the
 * first step a; t_b the first step b after t_a in event order, both before asOf: positions in
 * the case's step timeline no later than `step_count`.
 */
export function leadTimes(
  db: Db,
  query: MetricQuery,
  steps: LeadTimeSteps,
  restriction?: MetricRestriction,
): Promise<LeadTimeCell[]> {
  const dims = query.groupBy ?? [];
  const population = populationSql(query, {
    status: query.status ?? "all",
    boundOpening: true,
    restriction,
  });
  const days = sql`p.step_dates[p.tb] - p.step_dates[p.ta]`;
  return selectRows<LeadTimeCell>(
    db,
    sql`SELECT ${selectList([
      ...groupSelect(dims),
      sql`count(p.tb)::int AS n`,
      sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days}) AS median`,
      sql`percentile_cont(0.9) WITHIN GROUP (ORDER BY ${days}) AS p90`,
      sql`(count(*) - count(p.tb))::int AS pending`,
    ])}
    FROM (SELECT s.*, CASE WHEN s.next_b <= s.step_count THEN s.next_b END AS tb
      FROM (SELECT a.*, array_position(a.steps, ${steps.toStep}::smallint, a.ta + 1) AS next_b
        FROM (SELECT p.*, array_position(p.steps, ${steps.fromStep}::smallint) AS ta
          FROM (${population}) p WHERE p.process = ${steps.process}) a
        WHERE a.ta <= a.step_count) s) p
    ${groupByClause(dims)} HAVING count(*) > 0 ${orderByClause(dims)}`,
  );
}
