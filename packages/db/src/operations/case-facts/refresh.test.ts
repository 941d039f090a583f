import { defaultProcessModels } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Db } from "../../client";
import { selectRows } from "../../queries/rows";
import { resetData, testDatabases, useMigratedDatabase } from "../../testing";
import { arbCounty, writeCounty } from "../../testing/reference-county";
import { refreshImportedFacts } from "./refresh";

/** Every derived row, in a fixed order: what the metrics read. */
async function derivedRows(db: Db): Promise<Record<string, unknown[]>> {
  const tables = ["case_facts", "case_steps", "case_timelines", "case_pairs"];
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) {
    rows[table] = await selectRows(db, sql`SELECT * FROM ${sql.identifier(table)} ORDER BY 1`);
  }
  return rows;
}

const version = async (db: Db) =>
  (await selectRows<{ v: number }>(db, sql`SELECT version::int AS v FROM case_data_version`))[0]
    ?.v ?? 0;

/**
 * An import's refresh goes chunk by chunk (a first import of 10 M cases in one statement filled
 * the disk with temporary files): the chunks together must derive exactly what one statement
 * over every case derives.
 */
describe.each(testDatabases())("the refresh after an import, in chunks, on $name", (target) => {
  const database = useMigratedDatabase(target);
  const db = () => database().db;

  it("derives, for any county and any chunk size, exactly the rows of one refresh over all cases", async () => {
    await fc.assert(
      fc.asyncProperty(
        arbCounty(defaultProcessModels),
        fc.integer({ min: 1, max: 6 }),
        async (county, chunkCases) => {
          await resetData(db());
          // Written, then derived in one statement over every case, as every writer does.
          await writeCounty(db(), county.cases, county.targets);
          const whole = await derivedRows(db());
          const cases = whole.case_facts?.length ?? 0;
          // Forgotten, and derived again after "an import" that added every case.
          for (const table of ["case_facts", "case_steps", "case_timelines", "case_pairs"]) {
            await db().execute(sql`DELETE FROM ${sql.identifier(table)}`);
          }
          const before = await version(db());
          await db().transaction(async (tx) => {
            const session = {
              run: (statement: ReturnType<typeof sql>) => tx.execute(statement),
              rows: <T>(query: ReturnType<typeof sql>) => selectRows<T>(tx as unknown as Db, query),
            };
            // No event is newer than the last: the cases to refresh are those without facts.
            await refreshImportedFacts(session, Number.MAX_SAFE_INTEGER, chunkCases);
          });
          expect(await derivedRows(db())).toEqual(whole);
          // One statement, and one step of the data version, per chunk.
          expect((await version(db())) - before).toBe(Math.ceil(cases / chunkCases));
        },
      ),
      { numRuns: 15 },
    );
  });
});
