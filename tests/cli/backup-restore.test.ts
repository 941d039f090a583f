import { existsSync } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDemoEvaluations, loadDemoForums, loadDemoRegister } from "@samsyn/api/demo";
import {
  createDb,
  type Database,
  type Metric,
  type PublishOptions,
  publishMetric,
} from "@samsyn/db";
import {
  databaseContents,
  schemaTableNames,
  type TestTarget,
  testDatabases,
} from "@samsyn/db/testing";
import type { IsoDate, MetricAccess, MetricQuery } from "@samsyn/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startSamsyn } from "../support/samsyn-process";

const secret = "the-secret-kept-with-the-backup-0001";
const otherSecret = "a-secret-that-is-not-the-backups-0002";
/** The fixed date demo-data writes its county up to. */
const demoAsOf = "2025-06-30" as IsoDate;

type CliEnv = Record<string, string | undefined>;

/** Each step runs the CLI on PGlite, a minute or more when the machine is shared. */
const minutes = 480_000;

/** A place the CLI can be pointed at, opened in this process once the CLI has exited. */
interface Place {
  readonly env: CliEnv;
  open(): Promise<Database>;
  /** Nothing restored or created there: no tables (PostgreSQL), no database folder (PGlite). */
  isEmpty(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Issue 20, "Data safety": the demo county with its register, forums and evaluations is backed up
 * with `samsyn backup`, restored with `samsyn restore` into a fresh place, and every table's rows,
 * every sequence and the metrics' answers are the same there. A restore refuses a database that is
 * not empty and a secret that is not the backup's, and changes nothing when it does.
 */
describe.each(testDatabases())("samsyn backup and restore on $name", (target) => {
  let work: string;
  let source: Place;
  let restored: Place;
  const places: Place[] = [];
  const backupFile = () => join(work, target.name === "postgres" ? "samsyn.dump" : "samsyn.tgz");

  const newPlace = async (name: string): Promise<Place> => {
    const place = await placeOf(target, join(work, name));
    places.push(place);
    return place;
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "samsyn-backup-"));
    const demo = join(work, "demo");
    const written = await runCli(["demo-data", "--out", demo, "--cases", "600", "--seed", "5"]);
    expect(written.code, written.stderr).toBe(0);
    source = await newPlace("source");
    restored = await newPlace("restored");
    const imported = await runCli(["import", "--dir", demo], source.env);
    expect(imported.stderr).toMatch(/Importen klar/);
    expect(imported.code).toBe(0);
    const database = await source.open();
    try {
      await loadDemoRegister(database, demoAsOf);
      await loadDemoForums(database, demoAsOf);
      await loadDemoEvaluations(database, secret, demoAsOf);
    } finally {
      await database.close();
    }
  }, minutes);

  afterAll(async () => {
    for (const place of places) await place.close();
    await rm(work, { recursive: true, force: true });
  });

  it("backs up, says to keep SAMSYN_SECRET with the backup, and refuses to overwrite it", {
    timeout: minutes,
  }, async () => {
    const backup = await runCli(["backup", "--out", backupFile()], source.env);
    expect(backup.stderr).toMatch(/Säkerhetskopian är skriven: .* \(\d+(,\d)? MB, \d+,\d s\)/);
    expect(backup.stderr).toMatch(/Förvara SAMSYN_SECRET tillsammans med säkerhetskopian/);
    expect(backup.code).toBe(0);
    const { size } = await stat(backupFile());
    console.info(`backup of the demo county on ${target.name}: ${size} bytes`);

    const again = await runCli(["backup", "--out", backupFile()], source.env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/finns redan/);
    expect((await stat(backupFile())).size).toBe(size);
  });

  it("refuses a restore under another secret, restoring nothing", {
    timeout: minutes,
  }, async () => {
    const refused = await runCli(["restore", backupFile()], {
      ...restored.env,
      SAMSYN_SECRET: otherSecret,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/SAMSYN_SECRET är inte den hemlighet som säkerhetskopian/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(await restored.isEmpty()).toBe(true);
  });

  it("restores into a fresh place every table's rows, every sequence and the metrics' answers", {
    timeout: minutes,
  }, async () => {
    const restore = await runCli(["restore", backupFile()], restored.env);
    expect(restore.stderr).toMatch(/Återställningen klar: \d+ tabeller, 600 ärenden/);
    expect(restore.code).toBe(0);

    const [before, after] = await Promise.all([contentsOf(source), contentsOf(restored)]);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(schemaTableNames()));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) {
      if (table === "public.case_data_version") continue;
      expect(after[table], table).toEqual(before[table]);
    }
    // The metric cache's counter of case data writes: the restore's migrate may advance it,
    // which only makes a cache read again.
    const version = (rows: string[] | undefined) => Number(rows?.[0]?.match(/(\d+)\)$/)?.[1] ?? 0);
    expect(version(after["public.case_data_version"])).toBeGreaterThanOrEqual(
      version(before["public.case_data_version"]),
    );
    // The demo county filled the modules' tables: an empty table proves little when compared.
    for (const table of [
      "public.cases",
      "public.case_events",
      "public.forums",
      "public.audit_log",
    ]) {
      expect(before[table]?.length, table).toBeGreaterThan(0);
    }
    expect(await answersOf(restored)).toEqual(await answersOf(source));
  });

  it("refuses to restore into a database that is not empty, changing nothing", {
    timeout: minutes,
  }, async () => {
    const before = await contentsOf(restored);
    const refused = await runCli(["restore", backupFile()], restored.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      target.name === "postgres" ? /Databasen \S+ är inte tom/ : /innehåller redan en databas/,
    );
    expect(await contentsOf(restored)).toEqual(before);
  });

  it("leaves the restored database tied to its secret: migrate under another one is refused", {
    timeout: minutes,
  }, async () => {
    const refused = await runCli(["migrate"], { ...restored.env, SAMSYN_SECRET: otherSecret });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/SAMSYN_SECRET är inte den hemlighet som den här databasen/);
  });

  it("refuses a file that is no backup, and a backup of the other kind of database", {
    timeout: minutes,
  }, async () => {
    const notBackup = join(work, "notes.txt");
    await writeFile(notBackup, "inte en säkerhetskopia\n");
    const fresh = await newPlace("fresh");
    const refused = await runCli(["restore", notBackup], fresh.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/är inte en säkerhetskopia från `samsyn backup`/);

    const otherKind = join(work, target.name === "postgres" ? "other.tgz" : "other.dump");
    await writeFile(otherKind, target.name === "postgres" ? Buffer.from([0x1f, 0x8b, 8]) : "PGDMP");
    const wrongKind = await runCli(["restore", otherKind], fresh.env);
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.stderr).toMatch(/återställs till samma slags databas/);
    expect(await fresh.isEmpty()).toBe(true);
  });

  it.runIf(target.name === "pglite")(
    "refuses to back up a PGlite data dir that a running Samsyn holds",
    { timeout: minutes },
    async () => {
      const running = await startSamsyn("serve", source.env);
      try {
        const out = join(work, "while-running.tgz");
        const refused = await runCli(["backup", "--out", out], source.env);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(/används av en annan process \(pid \d+/);
        expect(existsSync(out)).toBe(false);
      } finally {
        await running.stop();
      }
    },
  );
});

/** A fresh database of the target: a new PostgreSQL database, or a new PGlite data dir. */
async function placeOf(target: TestTarget, dir: string): Promise<Place> {
  if (target.name === "pglite") {
    const dataDir = join(dir, "data");
    const env = { DATABASE_URL: undefined, SAMSYN_DATA_DIR: dataDir, SAMSYN_SECRET: secret };
    // Opening a data dir creates a database in it: its folder is looked at, not opened.
    const isEmpty = async () => !existsSync(join(dataDir, "pglite"));
    return { env, open: () => createDb({ dataDir }), isEmpty, close: async () => {} };
  }
  const database = await target.open();
  if (database.kind !== "postgres") throw new Error("expected PostgreSQL");
  const { host, port, database: name, user } = database.client.options;
  const databaseUrl = `postgres://${user}@${host[0]}:${port[0]}/${name}`;
  const place: Place = {
    env: { DATABASE_URL: databaseUrl, SAMSYN_SECRET: secret },
    open: () => createDb({ databaseUrl }),
    isEmpty: async () => {
      const contents = await withPlace(place, databaseContents);
      return Object.keys(contents).length === 0;
    },
    close: () => database.close(),
  };
  return place;
}

async function withPlace<T>(place: Place, read: (database: Database) => Promise<T>): Promise<T> {
  const database = await place.open();
  try {
    return await read(database);
  } finally {
    await database.close();
  }
}

function contentsOf(place: Place) {
  return withPlace(place, databaseContents);
}

const county: MetricAccess = { view: "county", restriction: undefined };
const own: MetricAccess = { view: "own", restriction: { organisations: ["stockholms_stad"] } };
const query: MetricQuery = { asOf: demoAsOf, status: "all", groupBy: ["step"] };
const options: PublishOptions = {
  // Cell-key perturbation hashes each case's stored key: equal answers mean equal keys too.
  disclosure: { mode: "cellkey", k: 5 },
  audit: { published: () => {} },
};

/** A few metrics' published answers, in the county's and in one organisation's view. */
function answersOf(place: Place) {
  return withPlace(place, async (database) => {
    const answers: unknown[] = [];
    const metrics: Metric[] = [{ name: "caseCounts" }, { name: "stuck" }, { name: "sipConsent" }];
    for (const metric of metrics) {
      for (const access of [county, own]) {
        answers.push(await publishMetric(database.db, metric, query, access, options));
      }
    }
    return answers;
  });
}
