import type { CaseCountCell, CaseCounts, MetricAccess, MetricQuery } from "@samsyn/domain";
import { RECORD_KEY_MODULUS } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../../client";
import {
  cellKeySum,
  cellKeysObject,
  decodedGroups,
  groupByClause,
  groupSelect,
  selectList,
} from "./parameters";
import { populationSql } from "./population";
import { selectMetricRows } from "./run";

/**
 * Metric 1 in SQL: the population (status `open` unless asked otherwise) counted per group, with
 * each count's cell key. Unsuppressed; `total` is the whole population, which is the sum of the
 * cells since every case sits in exactly one group (and so is its key).
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
  const groups = sql`SELECT ${selectList([
    ...groupSelect(dims),
    sql`count(*)::int AS count`,
    sql`${cellKeySum(sql`p.record_key`)} AS count_key`,
  ])} FROM (${population}) p ${groupByClause(dims)} HAVING count(*) > 0`;
  const cells = await selectMetricRows<CaseCountCell>(
    db,
    decodedGroups({
      dims,
      groups,
      figures: [sql`g.count`, cellKeysObject({ count: sql`g.count_key` })],
    }),
  );
  return {
    cells,
    total: cells.reduce((sum, cell) => sum + cell.count, 0),
    totalKey: cells.reduce((sum, cell) => (sum + cell.cellKeys.count) % RECORD_KEY_MODULUS, 0),
  };
}
