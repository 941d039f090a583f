import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "./client";
import { selectRows } from "./queries/rows";
import * as schema from "./schema";

/**
 * Everything a database holds, as text, for tests that hold a restored database to its original:
 * every table of the database's own schemas (the drizzle schema's and the migrator's journal),
 * each row as PostgreSQL writes it, ordered by primary key; and each sequence's position, which a
 * restore must carry over or the next insert would collide.
 */
export async function databaseContents(database: Database): Promise<Record<string, string[]>> {
  const contents: Record<string, string[]> = {};
  const tables = await selectRows<{ name: string; kind: string; key: string | null }>(
    database.db,
    sql`SELECT format('%I.%I', n.nspname, c.relname) AS name, c.relkind::text AS kind,
          (SELECT string_agg(format('%I', a.attname), ', ' ORDER BY k.ord)
             FROM pg_index i
             CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE i.indrelid = c.oid AND i.indisprimary) AS key
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'S') AND n.nspname IN ('public', 'drizzle')
       ORDER BY 1`,
  );
  for (const table of tables) {
    // Rows compared whole; the primary key orders them, the row text breaks ties (no key).
    const order = table.key === null ? "1" : `${table.key}, 1`;
    const query =
      table.kind === "S"
        ? `SELECT format('%s %s', last_value, is_called) AS row FROM ${table.name}`
        : `SELECT t::text AS row FROM ${table.name} AS t ORDER BY ${order}`;
    const rows = await selectRows<{ row: string }>(database.db, sql.raw(query));
    contents[table.name] = rows.map((r) => r.row);
  }
  return contents;
}

/** The tables the drizzle schema declares, as `public.<name>`. */
export function schemaTableNames(): string[] {
  return Object.values(schema)
    .filter(isTable)
    .map((table) => `${getTableConfig(table).schema ?? "public"}.${getTableConfig(table).name}`)
    .sort();
}

function isTable(value: unknown): value is PgTable {
  return is(value, PgTable);
}
