import type { MetricQuery, StuckCell } from "@samsyn/domain";
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
 * Metric 7 in SQL: the open cases of the population (whatever `status` says) whose current step
 * has `targetDays` in `process_steps` (as the county set them) and whose days from the date of
 * the last `step` event before asOf to asOf exceed it; per group, the count and the median of
 * the days over.
 */
export function stuck(
  db: Db,
  query: MetricQuery,
  restriction?: MetricRestriction,
): Promise<StuckCell[]> {
  const dims = query.groupBy ?? [];
  const population = populationSql(query, { status: "open", boundOpening: true, restriction });
  const daysOver = sql`(${query.asOf}::date - p.step_on) - ps.target_days`;
  return selectRows<StuckCell>(
    db,
    sql`SELECT ${selectList([
      ...groupSelect(dims),
      sql`count(*)::int AS count`,
      sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${daysOver}) AS "medianDaysOver"`,
    ])}
    FROM (${population}) p
    JOIN process_steps ps ON ps.process_code = p.process AND ps.number = p.step
    WHERE ${daysOver} > 0
    ${groupByClause(dims)} HAVING count(*) > 0 ${orderByClause(dims)}`,
  );
}
