import type { FlowCell, FlowParameters, MetricQuery } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../../client";
import { assertUngrouped, type MetricRestriction } from "./parameters";
import { populationSql } from "./population";
import { selectMetricRows } from "./run";

/**
 * Metric 3 in SQL: for the population in `flow.process` (status `all` unless asked otherwise),
 * the number of cases that made each transition (s, s′), s ≠ s′, between consecutive `step`
 * events before asOf: a case's distinct transitions first made on or before asOf. No groupBy.
 */
export function flow(
  db: Db,
  query: MetricQuery,
  parameters: FlowParameters,
  restriction?: MetricRestriction,
): Promise<FlowCell[]> {
  assertUngrouped(query, "flow");
  const population = populationSql(query, {
    status: query.status ?? "all",
    boundOpening: true,
    restriction,
  });
  const made = sql`1:width_bucket(${query.asOf}::date, c.transition_dates)`;
  return selectMetricRows<FlowCell>(
    db,
    sql`SELECT t.from_step::int AS "fromStep", t.to_step::int AS "toStep", count(*)::int AS count
    FROM (${population}) p
    JOIN case_transitions c ON c.case_id = p.id
    CROSS JOIN LATERAL unnest(c.transition_from[${made}], c.transition_to[${made}]) AS t (from_step, to_step)
    WHERE p.process = ${parameters.process}
    GROUP BY t.from_step, t.to_step ORDER BY t.from_step, t.to_step`,
  );
}
