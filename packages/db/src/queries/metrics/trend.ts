import {
  type MetricAccess,
  type MetricQuery,
  type MetricRestriction,
  type TrendCell,
  type TrendParameters,
  trendDimensions,
} from "@samsyn/domain";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../client";
import {
  allOf,
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
 * Metric 4 in SQL. `opened`: the population counted by the month of `openedOn`. `closed`: cases
 * opened on or before asOf that match the filters and the status (default `all`), counted once
 * per month in which they have a `close` event dated in [from, to] and before asOf. groupBy only
 * over the case's own attributes.
 */
export function trend(
  db: Db,
  query: MetricQuery,
  parameters: TrendParameters,
  access: MetricAccess,
): Promise<TrendCell[]> {
  const dims = query.groupBy ?? [];
  const other = dims.filter((d) => !(trendDimensions as readonly string[]).includes(d));
  if (other.length > 0) throw new RangeError(`trend cannot group by ${other.join(",")}`);
  const rows =
    parameters.measure === "opened"
      ? openedRows(query, access.restriction)
      : closedRows(query, access.restriction);
  const month = sql`p.month_start`;
  const counted = sql`SELECT ${selectList([
    month,
    ...groupSelect(dims),
    sql`count(*)::int AS count`,
    sql`${cellKeySum(sql`p.record_key`)} AS count_key`,
  ])} FROM (${rows}) p ${groupByClause(dims, [month])}`;
  // The month is formatted once per cell, not once per case; as YYYY-MM it sorts as the date.
  return selectMetricRows<TrendCell>(
    db,
    decodedGroups({
      dims,
      groups: counted,
      leading: [sql`to_char(g.month_start, 'YYYY-MM') AS month`],
      figures: [sql`g.count`, cellKeysObject({ count: sql`g.count_key` })],
      orderFirst: [sql`d.month COLLATE "C"`],
    }),
  );
}

/** The first day of a date's month, as a date (no time zone involved). */
function monthStart(date: SQL): SQL {
  return sql`date_trunc('month', ${date}::timestamp)::date`;
}

/** The population's cases with the month of `openedOn`: one row per case and month. */
function openedRows(query: MetricQuery, restriction: MetricRestriction | undefined): SQL {
  const population = populationSql(query, {
    status: query.status ?? "all",
    boundOpening: true,
    restriction,
    attributesOnly: true,
  });
  return sql`SELECT p.*, p.opened_month AS month_start FROM (${population}) p`;
}

/**
 * One row per case and month with a `close` dated in [from, to] and on or before asOf (a case
 * closed twice in a month counts once), with the attributes trend may group by.
 */
function closedRows(query: MetricQuery, restriction: MetricRestriction | undefined): SQL {
  const population = populationSql(query, {
    status: query.status ?? "all",
    boundOpening: false,
    restriction,
    attributesOnly: true,
  });
  const closedOn = allOf([
    sql`e.closing`,
    sql`e.day <= ${query.asOf}::date`,
    query.from === undefined ? undefined : sql`e.day >= ${query.from}::date`,
    query.to === undefined ? undefined : sql`e.day <= ${query.to}::date`,
  ]);
  return sql`SELECT DISTINCT p.id, ${monthStart(sql`e.day`)} AS month_start,
      p.target_group_id, p.age_group_id, p.municipality_id, p.process_id, p.record_key
    FROM (${population}) p
    JOIN case_timelines t ON t.case_id = p.id
    CROSS JOIN LATERAL unnest(t.endings, t.ending_dates) AS e (closing, day)
    WHERE ${closedOn}`;
}
