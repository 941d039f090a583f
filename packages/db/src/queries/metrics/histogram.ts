import type { Dimension } from "@samsyn/domain";
import { type SQL, sql } from "drizzle-orm";
import {
  cellKeySum,
  cellKeysObject,
  decodedGroups,
  groupByClause,
  groupSelect,
  selectList,
} from "./parameters";

/** A statistic over one group's integer values: `percentile_cont(p)` (median: p = 0.5). */
export interface Percentile {
  readonly name: string;
  readonly p: number;
}

export interface HistogramQuery {
  readonly dims: readonly Dimension[];
  /**
   * The rows to aggregate, as `p` (a population and whatever the metric joins to it), each with
   * its case's `record_key`: every count comes with its cell key (`cellKeys`).
   */
  readonly rows: SQL;
  /** The integer value of each row (days); null for rows that have none. */
  readonly value: SQL;
  /** Counts published beside the statistics: name → the condition a row meets (value: `p.hv`). */
  readonly counts: Readonly<Record<string, SQL>>;
  readonly percentiles: readonly Percentile[];
  /** Which groups to keep, over the published counts (by name) — groups without any are left out. */
  readonly keep: SQL;
}

/**
 * Counts and `percentile_cont` per group without sorting every row: first a histogram per group
 * and value (a hash aggregate over the whole population, parallel on PostgreSQL), then, over that
 * small table, the values at positions floor(p·(n−1)) and ceil(p·(n−1)) from running sums, and
 * PostgreSQL's own interpolation `lo + (pos − floor(pos))·(hi − lo)` in double precision — the same
 * arithmetic as `percentile_cont` and the domain's `percentileCont`, to the last bit.
 */
export function histogramSql(q: HistogramQuery): SQL {
  const dims = q.dims;
  const names = Object.keys(q.counts);
  const byGroup = dims.map((d) => sql`${sql.identifier(d)}`);
  const partition = byGroup.length === 0 ? sql`` : sql`PARTITION BY ${sql.join(byGroup, sql`, `)}`;
  // The value is computed below the GROUP BY: an expression with bound parameters in both the
  // select list and GROUP BY would be two different expressions to PostgreSQL.
  const histogram = sql`SELECT ${selectList([
    ...groupSelect(dims),
    sql`p.hv`,
    ...names.map(
      (name) => sql`count(*) FILTER (WHERE ${q.counts[name]}) AS ${sql.identifier(name)}`,
    ),
    ...names.map(
      (name) => sql`sum(p.record_key::bigint) FILTER (WHERE ${q.counts[name]}) AS ${keyOf(name)}`,
    ),
    sql`count(*) AS hn`,
  ])} FROM (SELECT p.*, ${q.value} AS hv FROM (${q.rows}) p) p
    ${groupByClause(dims, [sql`p.hv`])}`;
  const running = sql`SELECT h.*,
      sum(hn) FILTER (WHERE hv IS NOT NULL) OVER (${partition} ORDER BY hv) AS hupto,
      (sum(hn) FILTER (WHERE hv IS NOT NULL) OVER (${partition}))::float8 AS htotal
    FROM (${histogram}) h`;
  const grouped = sql`SELECT ${selectList([
    ...byGroup,
    ...names.map((name) => sql`sum(${sql.identifier(name)})::int AS ${sql.identifier(name)}`),
    ...names.map((name) => sql`${cellKeySum(keyOf(name))} AS ${keyOf(name)}`),
    ...q.percentiles.map((pc) => percentile(pc)),
  ])} FROM (${running}) r
    ${byGroup.length === 0 ? sql`GROUP BY ()` : sql`GROUP BY ${sql.join(byGroup, sql`, `)}`}`;
  const figures = [...names, ...q.percentiles.map((pc) => pc.name)];
  return decodedGroups({
    dims,
    groups: sql`SELECT * FROM (${grouped}) g WHERE ${q.keep}`,
    figures: [
      ...figures.map((name) => sql`g.${sql.identifier(name)}`),
      cellKeysObject(Object.fromEntries(names.map((name) => [name, sql`g.${keyOf(name)}`]))),
    ],
  });
}

/** The column of a count's record keys: summed per bin, then per group (`cellKeySum`). */
function keyOf(name: string): SQL {
  return sql`${sql.identifier(`key_${name}`)}`;
}

/** The value at 0-based position `position` of the sorted values: the bin that holds it. */
function valueAt(position: SQL): SQL {
  return sql`min(hv) FILTER (WHERE hv IS NOT NULL AND hupto - hn <= ${position} AND ${position} < hupto)`;
}

function percentile({ name, p }: Percentile): SQL {
  const position = sql`(${p}::float8 * (htotal - 1))`;
  const lo = valueAt(sql`floor(${position})`);
  const hi = valueAt(sql`ceil(${position})`);
  return sql`(${lo})::float8 + (max(${position}) - floor(max(${position}))) * ((${hi}) - (${lo}))::float8
    AS ${sql.identifier(name)}`;
}
