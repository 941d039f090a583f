import type { Database } from "@samsyn/db";

type Row = Record<string, unknown>;

/**
 * One statement on the raw driver of either kind. The benchmark's baseline SQL and its
 * housekeeping (CREATE DATABASE, VACUUM) are plain text that drizzle adds nothing to.
 */
export async function rawQuery(
  database: Database,
  text: string,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  if (database.kind === "postgres") {
    return [...(await database.client.unsafe(text, params as never[]))] as Row[];
  }
  return (await database.client.query<Row>(text, [...params])).rows;
}

/** A number from a row: postgres.js gives bigint and numeric as text. */
export function numberAt(row: Row | undefined, column: string): number {
  const value = row?.[column];
  return typeof value === "number" ? value : Number(value);
}
