import { generateDrizzleJson, generateMigration } from "drizzle-kit/api";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client";
import { migrate } from "./migrate";
import { selectRows } from "./queries/rows";
import * as schema from "./schema";
import { testDatabases } from "./testing";

/** Two databases opened while other suites share the two cores. */
const slowStart = 240_000;
/**
 * The drizzle schema and the committed migrations describe one database. `schema/migrations-agree`
 * holds the schema to the last migration's snapshot (a schema change without `generate` fails
 * there); this holds the SQL itself to the schema: the tables drizzle-kit would create from the
 * schema alone, and those the committed files build one after another, have the same columns
 * (type, nullability, default), constraints and indexes. A migration edited by hand, or a
 * snapshot that no longer matches its SQL, fails here.
 */
describe.each(testDatabases())(
  "the drizzle schema and the committed migrations on $name",
  (target) => {
    let fromSchema: Database;
    let migrated: Database;

    beforeAll(async () => {
      fromSchema = await target.open();
      migrated = await target.open();
    }, slowStart);

    afterAll(async () => {
      await fromSchema?.close();
      await migrated?.close();
    });

    it("build the same tables, columns, constraints and indexes", {
      timeout: slowStart,
    }, async () => {
      const nothing = generateDrizzleJson({});
      const described = generateDrizzleJson(schema as Record<string, unknown>, nothing.id);
      for (const statement of await generateMigration(nothing, described)) {
        await fromSchema.db.execute(sql.raw(statement));
      }
      await migrate(migrated);
      const built = await schemaOf(migrated);
      expect(built.length).toBeGreaterThan(100);
      expect(built).toEqual(await schemaOf(fromSchema));
    });
  },
);

/** Triggers and functions are left out: they exist only in hand-written SQL, never in the schema. */
async function schemaOf(database: Database): Promise<string[]> {
  const rows = await selectRows<{ item: string }>(
    database.db,
    sql`SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name || ' '
             || is_nullable || ' ' || coalesce(column_default, '') AS item
          FROM information_schema.columns WHERE table_schema = 'public'
        UNION ALL
        SELECT 'constraint ' || cl.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
          FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid
          JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE n.nspname = 'public'
        UNION ALL
        SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        ORDER BY 1`,
  );
  return rows.map((r) => r.item);
}
