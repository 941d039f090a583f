import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { countSummary, createDb } from "@samsyn/db";
import { testDatabases } from "@samsyn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/samsyn-process";

/**
 * The CLI as a user runs it: the demo county round-trips through `import` without errors, a
 * second import changes nothing, and a broken file set is refused whole with a Swedish report.
 */
describe("samsyn demo-data | samsyn import", () => {
  let work: string;
  const demoDir = () => join(work, "demo");

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "samsyn-cli-"));
    const res = await runCli(["demo-data", "--out", demoDir(), "--cases", "600", "--seed", "11"]);
    expect(res.stderr).toMatch(/Demolänet skrivet/);
    expect(res.code).toBe(0);
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it("rejects a missing --out with a Swedish message and a non-zero exit", async () => {
    const res = await runCli(["demo-data"]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/Flaggan --out krävs/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects an unknown command", async () => {
    const res = await runCli(["frobnicate"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/Okänt kommando: frobnicate/);
  });

  describe.each(testDatabases())("into $name", (target) => {
    let env: Record<string, string | undefined>;
    let close: () => Promise<void>;

    beforeAll(async () => {
      // A fresh database per target: its URL (PostgreSQL) or a data dir (PGlite) goes to the CLI.
      if (target.name === "postgres") {
        const database = await target.open();
        if (database.kind !== "postgres") throw new Error("expected PostgreSQL");
        const { host, port, database: name, user } = database.client.options;
        env = {
          DATABASE_URL: `postgres://${user}@${host[0]}:${port[0]}/${name}`,
          SAMSYN_SECRET: "a-test-secret-that-is-at-least-32-characters",
        };
        close = () => database.close();
      } else {
        const dataDir = join(work, "pglite");
        env = { DATABASE_URL: undefined, SAMSYN_DATA_DIR: dataDir, SAMSYN_SECRET: undefined };
        close = async () => {};
      }
    });

    afterAll(async () => {
      await close();
    });

    it("imports the demo county without errors, every row counted", async () => {
      const res = await runCli(["import", "--dir", demoDir()], env);
      expect(res.stderr).toMatch(/Importen klar/);
      expect(res.code).toBe(0);
      const counts = await countsIn(env);
      expect(counts.cases).toBe(600);
      expect(counts.events).toBe(await dataRows(join(demoDir(), "events.csv")));
      expect(counts.units).toBe(await dataRows(join(demoDir(), "units.csv")));
    });

    it("changes nothing when the same files are imported again", async () => {
      const before = await countsIn(env);
      const res = await runCli(["import", "--dir", demoDir()], env);
      expect(res.code).toBe(0);
      expect(res.stderr).toMatch(/0 enheter, 0 ärenden och 0 händelser tillagda/);
      expect(await countsIn(env)).toEqual(before);
    });

    it("refuses a file set with a bad row, reporting file, line and column, saving nothing", async () => {
      const bad = join(work, `bad-${target.name}`);
      await copyDemo(demoDir(), bad);
      const events = await readFile(join(bad, "events.csv"), "utf8");
      await writeFile(join(bad, "events.csv"), `${events}NOT-A-CASE,2024-13-45,step,1,,\n`);
      const before = await countsIn(env);
      const res = await runCli(["import", "--dir", bad], env);
      expect(res.code).not.toBe(0);
      expect(res.stderr).toMatch(/events\.csv:\d+:occurred_at:/);
      expect(res.stderr).toMatch(/Importen avbröts/);
      expect(await countsIn(env)).toEqual(before);
    });
  });
});

/** What the database the CLI wrote to holds (opened after the CLI has exited). */
async function countsIn(env: Record<string, string | undefined>) {
  const database = await createDb(
    env.DATABASE_URL !== undefined
      ? { databaseUrl: env.DATABASE_URL }
      : { dataDir: env.SAMSYN_DATA_DIR ?? "" },
  );
  try {
    return await countSummary(database.db);
  } finally {
    await database.close();
  }
}

async function dataRows(file: string): Promise<number> {
  const text = await readFile(file, "utf8");
  return text.trimEnd().split("\n").length - 1;
}

function copyDemo(from: string, to: string): Promise<void> {
  return cp(from, to, { recursive: true });
}
