import type { SQL } from "drizzle-orm";
import type { Db } from "../client";

/**
 * The rows of a hand-written SQL query on either driver: `db.execute` gives postgres.js's row
 * array but PGlite's `{ rows }`. Cast numbers in SQL (`count(*)::int`): postgres.js returns
 * bigint and numeric as strings.
 */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  if (hasRows(result)) return result.rows as T[];
  throw new Error("unexpected result shape from db.execute");
}

function hasRows(result: unknown): result is { rows: unknown[] } {
  return typeof result === "object" && result !== null && "rows" in result;
}
