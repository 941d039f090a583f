import { defaultProcessModels, defaultTargetGroups, stockholmsLan } from "@samsyn/domain";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrate } from "./migrate";
import { selectRows } from "./queries/rows";
import { processSteps } from "./schema";
import { testDatabases, useMigratedDatabase } from "./testing";

describe.each(testDatabases())("migrate on $name", (target) => {
  const database = useMigratedDatabase(target);

  it("runs on the database it is named after", () => {
    expect(database().kind).toBe(target.name);
  });

  it("seeds the default catalogues", async () => {
    const counts = await catalogueCounts();
    expect(counts).toEqual({
      process_models: defaultProcessModels.length,
      process_steps: defaultProcessModels.reduce((n, m) => n + m.steps.length, 0),
      target_groups: defaultTargetGroups.length,
      municipalities: stockholmsLan.length,
      statutory: defaultTargetGroups.filter((g) => g.statutory).length,
    });
  });

  it("is a no-op the second time and keeps a county's edits", async () => {
    const { db } = database();
    const stepThree = and(
      eq(processSteps.processCode, "intern_samsjuklighet"),
      eq(processSteps.number, 3),
    );
    await db.update(processSteps).set({ targetDays: 5 }).where(stepThree);
    const before = await schemaFingerprint();
    await migrate(database());
    expect(await schemaFingerprint()).toEqual(before);
    expect(await catalogueCounts()).toMatchObject({ process_steps: 20 });
    const [edited] = await db.select().from(processSteps).where(stepThree);
    expect(edited?.targetDays).toBe(5);
  });

  async function catalogueCounts() {
    const [row] = await selectRows<Record<string, number>>(
      database().db,
      sql`SELECT
      (SELECT count(*)::int FROM process_models) AS process_models,
      (SELECT count(*)::int FROM process_steps) AS process_steps,
      (SELECT count(*)::int FROM target_groups) AS target_groups,
      (SELECT count(*)::int FROM municipalities) AS municipalities,
      (SELECT count(*)::int FROM target_groups WHERE statutory) AS statutory`,
    );
    return row;
  }

  /** Applied migrations, columns and indexes: what a second migrate must not change. */
  async function schemaFingerprint() {
    const rows = await selectRows<{ item: string }>(
      database().db,
      sql`
      SELECT 'migration ' || hash AS item FROM drizzle.__drizzle_migrations
      UNION ALL SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
        FROM information_schema.columns WHERE table_schema = 'public'
      UNION ALL SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes
        WHERE schemaname = 'public'
      ORDER BY 1`,
    );
    return rows.map((r) => r.item);
  }
});
