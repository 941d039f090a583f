import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  agreementCoverage,
  getAgreement,
  importDirectory,
  listAgreements,
  listIndicatorDefinitions,
} from "@samsyn/db";
import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import { DEFAULT_DEMO_AS_OF, demoRegister, generateDemoCounty } from "@samsyn/demo-data";
import { beforeAll, describe, expect, it } from "vitest";
import { testScope, testSecret } from "../testing";
import { loadDemoRegister } from "./demo-register";

const asOf = DEFAULT_DEMO_AS_OF;
const lan = testScope("lan", [], "lena");

describe("the demo register", () => {
  it("is the same for the same day, and names målgrupper in its titles, not their codes", () => {
    expect(demoRegister(asOf)).toEqual(demoRegister(asOf));
    for (const { title } of demoRegister(asOf)) expect(title).not.toMatch(/_/);
  });
});

describe.each(testDatabases())("the demo county's register on $name", (target) => {
  const database = useMigratedDatabase(target);

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), "samsyn-demo-register-"));
    try {
      await generateDemoCounty({ outDir: dir, seed: 1, cases: 200, asOf });
      const report = await importDirectory(database(), { dir, secret: testSecret });
      if (!report.ok) throw new Error("demo import failed");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(await loadDemoRegister(database(), asOf)).toBe(demoRegister(asOf).length);
  }, 120_000);

  it("leaves coverage gaps beside covered cells", async () => {
    const coverage = await agreementCoverage(database().db, asOf);
    const covered = coverage.cells.filter((c) => c.covered);
    expect(covered.length).toBeGreaterThan(0);
    expect(coverage.cells.length - covered.length).toBeGreaterThan(0);
  });

  it("has reviews overdue and agreements under review, local ones beside the county's", async () => {
    const all = await listAgreements(database().db, lan, {}, asOf);
    const overdue = await listAgreements(
      database().db,
      lan,
      { reviewDue: { kind: "overdue" } },
      asOf,
    );
    expect(overdue.some((a) => a.status === "active")).toBe(true);
    expect(all.some((a) => a.status === "under_review")).toBe(true);
    expect(new Set(all.map((a) => a.level))).toEqual(new Set(["lan", "lokal"]));
  });

  it("has indicators of every kind, and deviations of both kinds, open and closed", async () => {
    const { db } = database();
    const kinds = new Set<string>();
    const deviations = new Set<string>();
    for (const agreement of await listAgreements(db, lan, {}, asOf)) {
      for (const i of await listIndicatorDefinitions(db, agreement.id)) kinds.add(i.kind);
      const detail = await getAgreement(db, lan, agreement.id);
      if (!detail.ok) throw new Error("agreement not found");
      for (const d of detail.value.deviations) deviations.add(`${d.kind}:${d.status}`);
    }
    expect([...kinds].sort()).toEqual(["precondition", "process", "result"]);
    expect([...deviations].sort()).toEqual([
      "avvikelse:closed",
      "avvikelse:open",
      "tvist:closed",
      "tvist:open",
    ]);
  });
});
