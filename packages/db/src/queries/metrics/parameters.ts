import type { CaseStatus, Dimension, MetricQuery } from "@samsyn/domain";
import { type SQL, sql } from "drizzle-orm";

/**
 * Each dimension's column in a population row `p` (see `populationSql`). The case's own attributes
 * are `case_codes` ids there: a query groups by them and `decodedGroups` turns them back into codes.
 */
const dimensionColumns: Readonly<Record<Dimension, SQL>> = {
  targetGroup: sql`p.target_group_id`,
  ageGroup: sql`p.age_group_id`,
  municipality: sql`p.municipality_id`,
  process: sql`p.process_id`,
  step: sql`p.step`,
  leadPrincipal: sql`p.lead_principal`,
  leadUnit: sql`p.lead_unit`,
};

const codedDimensions: ReadonlySet<Dimension> = new Set<Dimension>([
  "targetGroup",
  "ageGroup",
  "municipality",
  "process",
]);

/** The grouped dimensions as select-list items named as the domain's cells name them. */
export function groupSelect(dims: readonly Dimension[]): SQL[] {
  return dims.map((d) => sql`${dimensionColumns[d]} AS ${sql.identifier(d)}`);
}

/** `GROUP BY` over the grouped dimensions; the empty grouping set when there are none. */
export function groupByClause(dims: readonly Dimension[], extra: readonly SQL[] = []): SQL {
  const columns = [...extra, ...dims.map((d) => dimensionColumns[d])];
  return columns.length === 0 ? sql`GROUP BY ()` : sql`GROUP BY ${sql.join(columns, sql`, `)}`;
}

export interface DecodedGroups {
  readonly dims: readonly Dimension[];
  /** One row per group (`g`), its dimensions named as the cells name them (`groupSelect`). */
  readonly groups: SQL;
  /** Select-list items over `g` before the dimensions (trend's month). */
  readonly leading?: readonly SQL[];
  /** Select-list items over `g` after the dimensions: the figures. */
  readonly figures: readonly SQL[];
  /** Output columns (alias `d`) to order by before the dimensions. */
  readonly orderFirst?: readonly SQL[];
}

/**
 * The groups with each coded dimension as its code again, in the reference's order: the rows
 * below grouped by small integers, and only the groups meet `case_codes`.
 */
export function decodedGroups(q: DecodedGroups): SQL {
  const code = (d: Dimension) => sql.identifier(`code_${d}`);
  const coded = q.dims.filter((d) => codedDimensions.has(d));
  const columns = q.dims.map((d) =>
    codedDimensions.has(d)
      ? sql`${code(d)}.code AS ${sql.identifier(d)}`
      : sql`g.${sql.identifier(d)}`,
  );
  const joins = coded.map(
    (d) => sql` JOIN case_codes ${code(d)} ON ${code(d)}.id = g.${sql.identifier(d)}`,
  );
  return sql`SELECT * FROM (SELECT ${selectList([...(q.leading ?? []), ...columns, ...q.figures])}
    FROM (${q.groups}) g${sql.join(joins, sql``)}) d
    ${orderByOutput(q.dims, sql`d`, q.orderFirst)}`;
}

/** Codes in byte order (the domain's code-unit order), nulls last, as the reference sorts. */
function orderByOutput(dims: readonly Dimension[], alias: SQL, first: readonly SQL[] = []): SQL {
  const columns = dims.map((d) => {
    const column = sql`${alias}.${sql.identifier(d)}`;
    return d === "step" ? sql`${column} NULLS LAST` : sql`${column} COLLATE "C" NULLS LAST`;
  });
  const all = [...first, ...columns];
  return all.length === 0 ? sql`` : sql`ORDER BY ${sql.join(all, sql`, `)}`;
}

/**
 * SPEC `cellkey`: the cell key of the rows an aggregate counts (those meeting `filter`, if any):
 * the sum of their record keys modulo 2³¹, as the domain's `cellKeyOf`. A sum of a million keys
 * below 2³¹ stays far inside a bigint.
 */
export function cellKeySum(recordKeys: SQL, filter?: SQL): SQL {
  const where = filter === undefined ? sql`` : sql` FILTER (WHERE ${filter})`;
  return sql`(coalesce(sum(${recordKeys}::bigint)${where}, 0) % 2147483648)::int`;
}

/** The cell keys of a cell's counts as one JSON object `cellKeys` (name → key column). */
export function cellKeysObject(keys: Readonly<Record<string, SQL>>): SQL {
  const entries = Object.entries(keys).map(([name, key]) => sql`${name}::text, ${key}`);
  return sql`json_build_object(${sql.join(entries, sql`, `)}) AS "cellKeys"`;
}

/** Select-list items joined by commas, skipping nothing: `a, b, c`. */
export function selectList(items: readonly SQL[]): SQL {
  return sql.join([...items], sql`, `);
}

export function statusOf(query: MetricQuery, fallback: CaseStatus): CaseStatus {
  return query.status ?? fallback;
}

/**
 * `column = ANY(ids)` for a non-empty filter on a coded attribute (`case_codes` ids), the ids
 * looked up once per query; absent or empty filters do not filter (SPEC).
 */
export function codedIn(column: SQL, codes: readonly string[] | undefined): SQL | undefined {
  if (codes === undefined || codes.length === 0) return undefined;
  return sql`${column} = ANY (ARRAY(SELECT k.id FROM case_codes k WHERE k.code IN ${[...codes]}))`;
}

/** `column IN (…)` for a non-empty filter; absent or empty filters do not filter (SPEC). */
export function inFilter(column: SQL, values: readonly string[] | undefined): SQL | undefined {
  if (values === undefined || values.length === 0) return undefined;
  return sql`${column} IN ${[...values]}`;
}

/** The conditions given, joined with AND; `true` when there are none. */
export function allOf(conditions: readonly (SQL | undefined)[]): SQL {
  const present = conditions.filter((c): c is SQL => c !== undefined);
  return present.length === 0 ? sql`true` : sql.join(present, sql` AND `);
}

/** Flow and network are one matrix over the whole population: SPEC allows them no groupBy. */
export function assertUngrouped(query: MetricQuery, metric: string): void {
  if ((query.groupBy ?? []).length > 0) {
    throw new RangeError(`${metric} takes no groupBy: ${query.groupBy?.join(",")}`);
  }
}
