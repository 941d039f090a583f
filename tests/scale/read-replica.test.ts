import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type Database } from "@samsyn/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSamsyn, runCli, startSamsyn } from "../support/samsyn-process";
import {
  createThrowawayPostgres,
  createThrowawayReplica,
  postgresAvailable,
  type ThrowawayPostgres,
} from "../support/throwaway-postgres";

/**
 * Issue 20, "Beyond one machine": a primary and a streaming replica on this machine
 * (`pg_basebackup -R`), and `samsyn serve` with DATABASE_URL at the primary and DATABASE_READ_URL
 * at the replica. Metric and page reads are served by the replica — shown by pausing its replay:
 * a metric read then answers the figures as of the replica's last replayed import while the
 * primary holds more — and writes (an import, its audit rows) reach the primary.
 */
type Sql = Extract<Database, { kind: "postgres" }>["client"];

describe.skipIf(!postgresAvailable)("metric reads from a streaming replica", () => {
  const secret = "a-test-secret-that-is-at-least-32-characters";
  let primary: ThrowawayPostgres;
  let replica: ThrowawayPostgres;
  let samsyn: RunningSamsyn;
  let work: string;
  /** Connections of the test's own to either server, beside Samsyn's. */
  let onPrimary: Sql;
  let onReplica: Sql;
  const opened: Database[] = [];
  let token: string;

  beforeAll(async () => {
    primary = await createThrowawayPostgres();
    await primary.start();
    work = await mkdtemp(join(tmpdir(), "samsyn-replica-"));
    const env = { DATABASE_URL: primary.url, SAMSYN_SECRET: secret };
    const [migrated, first, second] = await Promise.all([
      runCli(["migrate"], env),
      runCli(["demo-data", "--out", join(work, "first"), "--cases", "300", "--seed", "20"]),
      runCli(["demo-data", "--out", join(work, "second"), "--cases", "300", "--seed", "21"]),
    ]);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    const imported = await runCli(["import", "--dir", join(work, "first")], env);
    expect(imported.code, imported.stderr).toBe(0);

    replica = await createThrowawayReplica(primary);
    await replica.start();
    onPrimary = await rawClient(primary.url);
    onReplica = await rawClient(replica.url);
    samsyn = await startSamsyn("serve", { ...env, DATABASE_READ_URL: replica.url });
    token = await signIn(samsyn.url);
  });

  afterAll(async () => {
    await samsyn?.stop();
    await Promise.all(opened.map((database) => database.close()));
    await replica?.remove();
    await primary?.remove();
    if (work !== undefined) await rm(work, { recursive: true, force: true });
  });

  async function rawClient(url: string): Promise<Sql> {
    const database = await createDb({ databaseUrl: url });
    opened.push(database);
    if (database.kind !== "postgres") throw new Error("a PostgreSQL URL opened as PGlite");
    return database.client;
  }

  async function signIn(url: string): Promise<string> {
    const res = await fetch(`${url}/api/v1/dev/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ role: "admin", orgs: [], sub: "replica.reader" }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  }

  const get = (path: string) =>
    fetch(`${samsyn.url}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });

  async function caseFigures(): Promise<unknown> {
    const res = await get("/metrics/cases?groupBy=municipality");
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { cells: unknown }).cells;
  }

  const casesOn = async (sql: Sql) =>
    Number((await sql`SELECT count(*)::int AS n FROM cases`)[0]?.n);

  /** Until the replica has replayed everything the primary has written so far. */
  async function caughtUp(): Promise<void> {
    const [at] = await onPrimary`SELECT pg_current_wal_lsn()::text AS lsn`;
    await expect
      .poll(
        async () =>
          (await onReplica`SELECT pg_last_wal_replay_lsn() >= ${at?.lsn}::pg_lsn AS done`)[0]?.done,
      )
      .toBe(true);
  }

  it("says in health that the replica answers", async () => {
    const res = await fetch(`${samsyn.url}/api/v1/health`);
    expect(await res.json()).toEqual({ status: "ok", database: "postgres", readReplica: "ok" });
  });

  it("reads metrics from the replica's pool, as of its last replayed import", async () => {
    await caughtUp();
    const before = await caseFigures();
    // The replica pool of `samsyn serve` has connected to the replica, by its name.
    const readers = await onReplica`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'samsyn-read'`;
    expect(readers[0]?.n).toBeGreaterThan(0);

    await onReplica`SELECT pg_wal_replay_pause()`;
    try {
      // A write through the API reaches the primary: the second county's import.
      const upload = new FormData();
      for (const name of ["units.csv", "cases.csv", "events.csv"]) {
        const bytes = await readFile(join(work, "second", name));
        upload.append(name.replace(".csv", ""), new Blob([bytes]), name);
      }
      const posted = await fetch(`${samsyn.url}/api/v1/imports?mode=commit`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}` },
        body: upload,
      });
      expect(posted.status, await posted.clone().text()).toBe(202);
      const { job } = (await posted.json()) as { job: { id: string } };
      // The job's state is read from the primary (its own write), never from the paused replica.
      await expect
        .poll(
          async () =>
            ((await (await get(`/imports/jobs/${job.id}`)).json()) as { state: string }).state,
        )
        .toBe("done");

      const [primaryCases, replicaCases] = await Promise.all([
        casesOn(onPrimary),
        casesOn(onReplica),
      ]);
      expect(primaryCases).toBeGreaterThan(replicaCases);
      // The figures are the replica's: as of the first import, though the primary has both.
      expect(await caseFigures()).toEqual(before);
      // The import list reads the primary: it shows the import just made.
      const listed = (await (await get("/imports")).json()) as { items: unknown[] };
      expect(listed.items).toHaveLength(2);
      // The metric reads' audit rows went to the primary too.
      const audited = await onPrimary`
        SELECT count(*)::int AS n FROM audit_log WHERE action = 'metric.read'`;
      expect(audited[0]?.n).toBeGreaterThan(0);
    } finally {
      await onReplica`SELECT pg_wal_replay_resume()`;
    }

    await caughtUp();
    expect(await casesOn(onReplica)).toBe(await casesOn(onPrimary));
    await expect.poll(caseFigures).not.toEqual(before);
  });

  it("answers metric reads with 503 while the replica is down, and primary reads with 200", async () => {
    await replica.stop("fast");
    try {
      const res = await get("/metrics/cases");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).not.toBeNull();
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        "database_unavailable",
      );
      // What reads the primary (an import's list, a job's state) does not need the replica.
      expect((await get("/imports")).status).toBe(200);
      const health = await fetch(`${samsyn.url}/api/v1/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", readReplica: "unavailable" });
    } finally {
      await replica.start();
    }
    await expect.poll(async () => (await get("/metrics/cases")).status).toBe(200);
  });
});
