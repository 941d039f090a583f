import type { CaseCountCell, CaseCounts, MetricQuery } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../../client";
import {
  decodedGroups,
  groupByClause,
  groupSelect,
  type MetricAccess,
  selectList,
} from "./parameters";
import { populationSql } from "./population";
import { selectMetricRows } from "./run";

/**
 * Metric 1 in SQL: the population (status `open` unless asked otherwise) counted per group.
 * Unsuppressed; `total` is the whole population, which is the sum of the cells since every case
 * sits in exactly one group.
 */
export async function caseCounts(
  db: Db,
  query: MetricQuery,
  access: MetricAccess,
): Promise<CaseCounts> {
  const dims = query.groupBy ?? [];
  const population = populationSql(query, {
    status: query.status ?? "open",
    boundOpening: true,
    restriction: access.restriction,
  });
  const groups = sql`SELECT ${selectList([...groupSelect(dims), sql`count(*)::int AS count`])}
    FROM (${population}) p ${groupByClause(dims)} HAVING count(*) > 0`;
  const cells = await selectMetricRows<CaseCountCell>(
    db,
    decodedGroups({ dims, groups, figures: [sql`g.count`] }),
  );
  return { cells, total: cells.reduce((sum, cell) => sum + cell.count, 0) };
}
