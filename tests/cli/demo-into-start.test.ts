import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { countSummary, createDb } from "@samsyn/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startSamsyn } from "../support/samsyn-process";

/**
 * What a new user tries first (issue 14): `samsyn start` loads the demo county, then the files of
 * `samsyn demo-data` (default seed) are imported into it. The two must not share case refs, or
 * the import is refused with one error per case. The start log prints its numbers Swedish style
 * and no rate worked out over a few milliseconds.
 */
describe("samsyn demo-data imported into the county samsyn start loaded", () => {
  let work: string;
  let startLog = "";
  const env = () => ({
    DATABASE_URL: undefined,
    SAMSYN_DATA_DIR: join(work, "data"),
    SAMSYN_DEMO_CASES: "1500",
    SAMSYN_SECRET: undefined,
  });

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "samsyn-demo-into-start-"));
    const samsyn = await startSamsyn("start", env());
    startLog = samsyn.output();
    await samsyn.stop();
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it("logs the start with every count formatted alike and no rate over a blink", () => {
    expect(startLog).toMatch(/Skapar demolänet \(1\s500 ärenden\)/);
    expect(startLog).toMatch(
      /\d+ enheter, 1\s500 ärenden, \d{1,3}(\s\d{3})* händelser \(\d+,\d s\)/,
    );
    expect(startLog).toMatch(/Importen klar: \d+ enheter, 1\s500 ärenden/);
    // Numbers of four digits or more are grouped (the port, the temporary path and the JSON
    // request log aside).
    const counts = startLog
      .split(/\n|\r/)
      .filter((line) => !line.includes("http") && !line.startsWith("{"))
      .map((line) => line.replace(/\/\S+/g, ""));
    expect(counts.filter((line) => /\d{4}/.test(line))).toEqual([]);
    // A rate is printed only for a file that ran a second or more, so never a million rows/s.
    for (const [, rate] of startLog.matchAll(/([\d\s]+) rader\/s/g)) {
      expect(Number((rate ?? "").replace(/\s/g, ""))).toBeLessThan(1_000_000);
    }
  });

  it("imports demo-data's default output beside the loaded county without an error", async () => {
    const demoDir = join(work, "demo");
    const written = await runCli(["demo-data", "--out", demoDir, "--cases", "1500"]);
    expect(written.code).toBe(0);
    const res = await runCli(["import", "--dir", demoDir], env());
    expect(res.stderr).not.toMatch(/fel/);
    expect(res.stderr).toMatch(/Importen klar: 0 enheter, 1\s500 ärenden/);
    expect(res.code).toBe(0);
    const database = await createDb({ dataDir: env().SAMSYN_DATA_DIR });
    try {
      expect((await countSummary(database.db)).cases).toBe(3000);
    } finally {
      await database.close();
    }
  });
});
