import type { FlowCell, FlowParameters, MetricQuery } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../../client";
import { assertUngrouped, type MetricAccess } from "./parameters";
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
  access: MetricAccess,
): Promise<FlowCell[]> {
  assertUngrouped(query, "flow");
  const population = populationSql(query, {
    status: query.status ?? "all",
    boundOpening: true,
    restriction: access.restriction,
  });
  // A transition's code is `from * 100 + to`, so its order is (fromStep, toStep).
  return selectMetricRows<FlowCell>(
    db,
    sql`SELECT (tr.code / 100)::int AS "fromStep", (tr.code % 100)::int AS "toStep",
      count(*)::int AS count
    FROM (${population}) p CROSS JOIN LATERAL unnest(p.transitions) AS tr (code)
    WHERE p.process = ${parameters.process}
    GROUP BY tr.code ORDER BY tr.code`,
  );
}
