import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { countSummary, createDb, type Summary } from "@samsyn/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startCli } from "../support/samsyn-process";
import {
  createThrowawayPostgres,
  postgresAvailable,
  type ThrowawayPostgres,
} from "../support/throwaway-postgres";

/**
 * Issue 20, "Faults": an import that PostgreSQL's stop or a SIGKILL of `samsyn import` cut off
 * mid-COPY leaves nothing behind — not even while it runs, to a reader on another connection —
 * and the same import run again afterwards stores exactly what a clean import of the same files
 * into a database of its own stores.
 */
describe.skipIf(!postgresAvailable)("an import cut off mid-COPY, run again", () => {
  const secret = "a-test-secret-that-is-at-least-32-characters";
  let pg: ThrowawayPostgres;
  let work: string;
  let target: string;
  let reference: string;
  let clean: Summary;
  const demoDir = () => join(work, "demo");

  beforeAll(async () => {
    pg = await createThrowawayPostgres();
    await pg.start();
    work = await mkdtemp(join(tmpdir(), "samsyn-rerun-"));
    target = pg.url;
    reference = pg.url.replace(/\/postgres$/, "/reference");
    const admin = await createDb({ databaseUrl: pg.url });
    if (admin.kind !== "postgres") throw new Error("expected PostgreSQL");
    await admin.client.unsafe("CREATE DATABASE reference");
    await admin.close();
    // 3 000 cases, ~48 000 events: COPYs that run long enough to be caught running.
    const demo = await runCli(["demo-data", "--out", demoDir(), "--cases", "3000", "--seed", "20"]);
    expect(demo.code, demo.stderr).toBe(0);
    const [cleanRun, migrated] = await Promise.all([
      runCli(["import", "--dir", demoDir()], { DATABASE_URL: reference, SAMSYN_SECRET: secret }),
      runCli(["migrate"], { DATABASE_URL: target, SAMSYN_SECRET: secret }),
    ]);
    expect(cleanRun.code, cleanRun.stderr).toBe(0);
    expect(migrated.code, migrated.stderr).toBe(0);
    clean = await counts(reference);
    expect(clean.events).toBeGreaterThan(30_000);
  });

  afterAll(async () => {
    await pg?.remove();
    if (work !== undefined) await rm(work, { recursive: true, force: true });
  });

  it("stores nothing when cut off by PostgreSQL's stop or SIGKILL, and exactly the clean import's rows when run again", async () => {
    const env = { DATABASE_URL: target, SAMSYN_SECRET: secret };
    const empty = await counts(target);
    expect(empty.cases).toBe(0);

    // PostgreSQL stopped mid-COPY.
    const stopped = startCli(["import", "--dir", demoDir()], env);
    await untilCopying(target);
    await pg.stop("immediate");
    const stoppedRun = await stopped.result;
    expect(stoppedRun.code).toBe(1);
    expect(stoppedRun.stderr).toMatch(/Fel: Databasen svarar inte just nu/);
    await pg.start();
    expect(await counts(target)).toEqual(empty);

    // Samsyn killed mid-COPY; meanwhile another connection sees none of its rows.
    const killed = startCli(["import", "--dir", demoDir()], env);
    await untilCopying(target);
    expect(await counts(target), "no half import visible while it runs").toEqual(empty);
    process.kill(killed.pid, "SIGKILL");
    const killedAt = Date.now();
    expect((await killed.result).code).toBeNull();
    // PostgreSQL ends the dead client's session, and with it the transaction, on its own.
    await untilNoCopy(target);
    const goneMs = Date.now() - killedAt;
    expect(await counts(target)).toEqual(empty);

    const rerun = await runCli(["import", "--dir", demoDir()], env);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toMatch(/Importen klar: /);
    // Equal counts, under the tables' unique keys: the same rows, none twice.
    expect(await counts(target)).toEqual(clean);
    console.info(
      `import cut off twice, then run again: ${clean.cases} cases and ${clean.events} events, as a clean import; the SIGKILLed session gone ${goneMs} ms after the kill`,
    );
  });
});

async function counts(url: string): Promise<Summary> {
  const database = await createDb({ databaseUrl: url });
  try {
    return await countSummary(database.db);
  } finally {
    await database.close();
  }
}

async function activeCopies(url: string): Promise<number> {
  const database = await createDb({ databaseUrl: url });
  if (database.kind !== "postgres") throw new Error("expected PostgreSQL");
  try {
    const [row] = await database.client.unsafe(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'COPY %' AND state <> 'idle'",
    );
    return row?.n ?? 0;
  } finally {
    await database.close();
  }
}

const untilCopying = (url: string) =>
  until("a COPY running", async () => (await activeCopies(url)) > 0, 5);
const untilNoCopy = (url: string) =>
  until("the COPY's session gone", async () => (await activeCopies(url)) === 0, 50);

async function until(what: string, check: () => Promise<boolean>, everyMs: number) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`gave up waiting for ${what}`);
}
