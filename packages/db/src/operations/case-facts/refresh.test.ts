import { defaultProcessModels } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Db } from "../../client";
import { selectRows } from "../../queries/rows";
import { resetData, testDatabases, useMigratedDatabase } from "../../testing";
import { arbCounty, writeCounty } from "../../testing/reference-county";
import { refreshCasesWithoutFacts, refreshImportedFacts } from "./refresh";

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
          const heard: [number, number][] = [];
          await db().transaction(async (tx) => {
            const session = {
              run: (statement: ReturnType<typeof sql>) => tx.execute(statement),
              rows: <T>(query: ReturnType<typeof sql>) => selectRows<T>(tx as unknown as Db, query),
            };
            // No event is newer than the last: the cases to refresh are those without facts.
            await refreshImportedFacts(
              session,
              Number.MAX_SAFE_INTEGER,
              chunkCases,
              (done, total) => heard.push([done, total]),
            );
          });
          expect(await derivedRows(db())).toEqual(whole);
          // One statement, and one step of the data version, per chunk.
          const chunks = Math.ceil(cases / chunkCases);
          expect((await version(db())) - before).toBe(chunks);
          // The total first, then progress after every chunk, up to every case there was to do.
          expect(heard).toEqual([
            [0, cases],
            ...Array.from({ length: chunks }, (_, i) => [
              Math.min((i + 1) * chunkCases, cases),
              cases,
            ]),
          ]);
        },
      ),
      { numRuns: 15 },
    );
  });

  it("gives facts to the cases without them in chunks, as migrate does, also after a run stopped half-way", async () => {
    await fc.assert(
      fc.asyncProperty(
        arbCounty(defaultProcessModels),
        fc.integer({ min: 1, max: 6 }),
        // Which cases lost their derived rows: a migration emptied the tables, or a run stopped.
        fc.func(fc.boolean()),
        async (county, chunkCases, lost) => {
          await resetData(db());
          await writeCounty(db(), county.cases, county.targets);
          const whole = await derivedRows(db());
          const ids = ((whole.case_facts ?? []) as { case_id: number }[]).map((r) => r.case_id);
          const forgotten = ids.filter((id) => lost(id));
          for (const table of ["case_facts", "case_steps", "case_timelines", "case_pairs"]) {
            for (const id of forgotten) {
              await db().execute(sql`DELETE FROM ${sql.identifier(table)} WHERE case_id = ${id}`);
            }
          }
          const heard: [number, number][] = [];
          await refreshCasesWithoutFacts(db(), chunkCases, (done, total) =>
            heard.push([done, total]),
          );
          expect(await derivedRows(db())).toEqual(whole);
          // Progress after every chunk, up to every case there was to do.
          expect(heard).toEqual(
            Array.from({ length: Math.ceil(forgotten.length / chunkCases) }, (_, i) => [
              Math.min((i + 1) * chunkCases, forgotten.length),
              forgotten.length,
            ]),
          );
        },
      ),
      { numRuns: 15 },
    );
  });
});
