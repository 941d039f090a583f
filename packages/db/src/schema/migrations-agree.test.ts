import { readFile } from "node:fs/promises";
import { generateDrizzleJson, generateMigration } from "drizzle-kit/api";
import { describe, expect, it } from "vitest";
import * as schema from "./index";

/**
 * The schema in code and the committed migrations must describe the same tables: a column added
 * to the schema without `pnpm --filter @samsyn/db generate` would work in tests that build
 * tables from the schema and fail on a migrated production database.
 */
describe("the drizzle schema", () => {
  it("agrees with the last committed migration's snapshot", async () => {
    const migrations = new URL("../../migrations/", import.meta.url);
    const journal = JSON.parse(await readFile(new URL("meta/_journal.json", migrations), "utf8"));
    const last = journal.entries.at(-1) as { idx: number };
    const snapshot = JSON.parse(
      await readFile(
        new URL(`meta/${String(last.idx).padStart(4, "0")}_snapshot.json`, migrations),
        "utf8",
      ),
    );
    const current = generateDrizzleJson(schema as Record<string, unknown>, snapshot.id);
    expect(await generateMigration(snapshot, current)).toEqual([]);
  });
});
