import type { MetricAccess, MetricQuery, NetworkCell, NetworkParameters } from "@samsyn/domain";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../client";
import { assertUngrouped, cellKeySum, cellKeysObject } from "./parameters";
import { populationSql } from "./population";
import { principalPairTable } from "./principal-pairs";
import { selectMetricRows } from "./run";

/**
 * Metric 6 in SQL: for the population (status `all` unless asked otherwise), the number of cases
 * in which both a and b took part, a < b in byte order: units named in `lead` and `join` events
 * (a later `leave` does not undo it), or their principal types, both by asOf. No groupBy.
 */
export function network(
  db: Db,
  query: MetricQuery,
  parameters: NetworkParameters,
  access: MetricAccess,
): Promise<NetworkCell[]> {
  assertUngrouped(query, "network");
  const population = populationSql(query, {
    status: query.status ?? "all",
    boundOpening: true,
    restriction: access.restriction,
  });
  const counted =
    parameters.level === "unit" ? unitPairs(query, population) : principalTypePairs(population);
  return selectMetricRows<NetworkCell>(
    db,
    sql`SELECT n.a, n.b, n.count, ${cellKeysObject({ count: sql`n.count_key` })}
      FROM (${counted}) n WHERE n.count > 0
      ORDER BY n.a COLLATE "C", n.b COLLATE "C"`,
  );
}

/** A case's unit pairs whose later member took part on or before asOf, counted per pair. */
function unitPairs(query: MetricQuery, population: SQL): SQL {
  const met = sql`1:width_bucket(${query.asOf}::date, c.unit_pair_dates)`;
  return sql`SELECT pair.a, pair.b, count(*)::int AS count,
      ${cellKeySum(sql`p.record_key`)} AS count_key
    FROM (${population}) p
    JOIN case_pairs c ON c.case_id = p.id
    CROSS JOIN LATERAL unnest(c.unit_pair_a[${met}], c.unit_pair_b[${met}]) AS pair (a, b)
    GROUP BY pair.a, pair.b`;
}

/**
 * The principal-type pairs present as of asOf are one bit set per case, and there are only a
 * few dozen distinct sets: count the cases per set, then each pair over the sets that hold it.
 */
function principalTypePairs(population: SQL): SQL {
  return sql`SELECT pair.a, pair.b, sum(sets.cases)::int AS count,
      ${cellKeySum(sql`sets.record_keys`)} AS count_key
    FROM (SELECT p.principal_pairs AS mask, count(*) AS cases,
        sum(p.record_key::bigint) AS record_keys
      FROM (${population}) p
      WHERE p.principal_pairs <> 0 GROUP BY p.principal_pairs) sets
    JOIN ${principalPairTable("pair")} ON sets.mask & pair.bit <> 0
    GROUP BY pair.a, pair.b`;
}
