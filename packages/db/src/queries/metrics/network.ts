import type { MetricQuery, NetworkCell, NetworkParameters } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../../client";
import { assertUngrouped, type MetricRestriction } from "./parameters";
import { populationSql } from "./population";
import { selectMetricRows } from "./run";

/**
 * Metric 6 in SQL: for the population (status `all` unless asked otherwise), the number of cases
 * in which both a and b took part, a < b in byte order: a case's pairs of units named in `lead`
 * and `join` events (a later `leave` does not undo it), or of their principal types, whose
 * later member took part on or before asOf. No groupBy.
 */
export function network(
  db: Db,
  query: MetricQuery,
  parameters: NetworkParameters,
  restriction?: MetricRestriction,
): Promise<NetworkCell[]> {
  assertUngrouped(query, "network");
  const population = populationSql(query, {
    status: query.status ?? "all",
    boundOpening: true,
    restriction,
  });
  const [a, b, dates] =
    parameters.level === "unit"
      ? [sql`c.unit_pair_a`, sql`c.unit_pair_b`, sql`c.unit_pair_dates`]
      : [sql`c.principal_pair_a`, sql`c.principal_pair_b`, sql`c.principal_pair_dates`];
  const met = sql`1:width_bucket(${query.asOf}::date, ${dates})`;
  return selectMetricRows<NetworkCell>(
    db,
    sql`SELECT pair.a, pair.b, count(*)::int AS count
    FROM (${population}) p
    JOIN case_pairs c ON c.case_id = p.id
    CROSS JOIN LATERAL unnest(${a}[${met}], ${b}[${met}]) AS pair (a, b)
    GROUP BY pair.a, pair.b ORDER BY pair.a COLLATE "C", pair.b COLLATE "C"`,
  );
}
