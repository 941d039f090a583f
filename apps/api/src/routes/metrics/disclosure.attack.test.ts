import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importDirectory } from "@samsyn/db";
import { testDatabases, trueCaseCounts, useMigratedDatabase } from "@samsyn/db/testing";
import { generateDemoCounty } from "@samsyn/demo-data";
import {
  addDays,
  type DisclosureMode,
  disclosureModes,
  type IsoDate,
  type MetricAccess,
  type MetricQuery,
} from "@samsyn/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authed, testApp, testSecret } from "../../testing";

/**
 * Issue 13's differencing attacks, run through the API against a demo county in both disclosure
 * modes, with the true counts from the database beside them to judge what the attacker learnt.
 */
const k = 5;
const asOf = "2025-06-30" as IsoDate;
const from = "2021-01-01" as IsoDate;
const period = `from=${from}&to=${asOf}&asOf=${asOf}`;
const county: MetricAccess = { view: "county", restriction: undefined };

interface CountCell {
  readonly count: number | null;
  readonly suppressed: boolean;
  readonly [dimension: string]: unknown;
}
interface CaseCountsBody {
  readonly k: number;
  readonly disclosure: DisclosureMode;
  readonly cells: readonly CountCell[];
  readonly total: number | null;
}

const target = testDatabases().find((t) => t.name === "pglite");
if (target === undefined) throw new Error("PGlite is always a test database");

describe("disclosure control against a differencing attacker (demo county on PGlite)", () => {
  const database = useMigratedDatabase(target);
  let demoDir: string;
  let municipalities: string[];

  beforeAll(async () => {
    demoDir = await mkdtemp(join(tmpdir(), "samsyn-attack-"));
    await generateDemoCounty({ outDir: demoDir, cases: 3000, seed: 13 });
    const report = await importDirectory(database(), { dir: demoDir, secret: testSecret });
    if (!report.ok) throw new Error("demo import failed");
    const truth = await trueCaseCounts(
      database().db,
      { asOf, from, to: asOf, groupBy: ["municipality"] },
      county,
    );
    municipalities = truth.cells.map((c) => c.municipality ?? "");
  }, 120_000);

  afterAll(async () => {
    await rm(demoDir, { recursive: true, force: true });
  });

  async function ask<T = CaseCountsBody>(mode: DisclosureMode, path: string): Promise<T> {
    const app = testApp(database(), {}, { k, disclosure: mode });
    const res = await authed(app, `/api/v1/metrics/${path}`);
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  }

  /** True counts per group, as the database holds them (what no caller ever sees). */
  async function trueCounts(query: Omit<MetricQuery, "asOf"> & { asOf?: IsoDate }) {
    const counts = await trueCaseCounts(database().db, { asOf, from, to: asOf, ...query }, county);
    const byGroup = new Map(
      counts.cells.map((c) => [JSON.stringify(query.groupBy?.map((d) => c[d])), c.count]),
    );
    return { byGroup, total: counts.total };
  }

  const others = (m: string) => municipalities.filter((x) => x !== m);
  const filter = (name: string, values: readonly string[]) =>
    values.map((v) => `&${name}=${v}`).join("");

  it.each(disclosureModes)("says its mode (%s) in every metric response", async (mode) => {
    const paths = [
      `cases?${period}`,
      `lead-times?${period}&process=intern_samsjuklighet&fromStep=1&toStep=3`,
      `flow?${period}&process=intern_samsjuklighet`,
      `trend?${period}&measure=opened`,
      `sip?${period}`,
      `network?${period}&level=principalType`,
      `stuck?${period}`,
    ];
    for (const path of paths) {
      const body = await ask<{ disclosure: string; k: number }>(mode, path);
      expect(body).toMatchObject({ disclosure: mode, k });
    }
  });

  describe("cellkey (the default)", () => {
    it("is the mode when the installation names none", async () => {
      const res = await authed(testApp(database()), `/api/v1/metrics/cases?${period}`);
      expect(((await res.json()) as CaseCountsBody).disclosure).toBe("cellkey");
    });

    it("gives the same cases the same number, whichever query yields them", async () => {
      const grouped = await ask("cellkey", `cases?${period}&groupBy=municipality`);
      for (const m of municipalities.slice(0, 12)) {
        const alone = await ask("cellkey", `cases?${period}&municipality=${m}`);
        const cell = grouped.cells.find((c) => c.municipality === m);
        expect(alone.total, m).toBe(cell === undefined ? 0 : cell.count);
      }
    });

    it("never publishes 1..k−1 and stays within 2 of the truth", async () => {
      const published = await ask("cellkey", `cases?${period}&groupBy=municipality,targetGroup`);
      const truth = await trueCounts({ groupBy: ["municipality", "targetGroup"] });
      for (const cell of published.cells) {
        const trueCount =
          truth.byGroup.get(JSON.stringify([cell.municipality, cell.targetGroup])) ?? 0;
        if (trueCount < k) expect(cell.count).toBeNull();
        else expect(Math.abs((cell.count ?? 0) - trueCount)).toBeLessThanOrEqual(2);
      }
      expect(Math.abs((published.total ?? 0) - truth.total)).toBeLessThanOrEqual(2);
    });

    it("tells a filter against its complement no small count more often than chance", async () => {
      // The attack of issue 13: targetGroup=t (all kommuner) minus targetGroup=t in the other
      // 25 kommuner is kommun m's count for t. Judged over every (t, m) whose true count is small.
      const all = await ask("cellkey", `cases?${period}&groupBy=targetGroup`);
      const truth = await trueCounts({ groupBy: ["targetGroup", "municipality"] });
      const guesses: boolean[] = [];
      for (const m of municipalities) {
        const rest = await ask(
          "cellkey",
          `cases?${period}&groupBy=targetGroup${filter("municipality", others(m))}`,
        );
        for (const cell of all.cells) {
          const small = truth.byGroup.get(JSON.stringify([cell.targetGroup, m])) ?? 0;
          const without = rest.cells.find((c) => c.targetGroup === cell.targetGroup);
          if (small < 1 || small >= k || cell.count === null || !without?.count) continue;
          guesses.push(cell.count - without.count === small);
        }
      }
      expect(guesses.length).toBeGreaterThanOrEqual(40);
      // Noises that agree (and so a right guess) have probability 0.26 (docs/adr/0004).
      expect(guesses.filter(Boolean).length / guesses.length).toBeLessThan(0.45);
    }, 120_000);

    it("tells asOf shifted by a day no small change more often than chance", async () => {
      const guesses: boolean[] = [];
      for (let day = 0; day < 20; day++) {
        const later = addDays(asOf, -day);
        const earlier = addDays(later, -1);
        const path = (on: IsoDate) =>
          `cases?from=${from}&to=${asOf}&asOf=${on}&groupBy=municipality`;
        const [a, b] = [await ask("cellkey", path(later)), await ask("cellkey", path(earlier))];
        const [ta, tb] = [
          await trueCounts({ asOf: later, groupBy: ["municipality"] }),
          await trueCounts({ asOf: earlier, groupBy: ["municipality"] }),
        ];
        for (const cell of a.cells) {
          const key = JSON.stringify([cell.municipality]);
          const change = (ta.byGroup.get(key) ?? 0) - (tb.byGroup.get(key) ?? 0);
          const before = b.cells.find((c) => c.municipality === cell.municipality);
          if (change === 0 || Math.abs(change) >= k) continue;
          if (cell.count === null || before?.count === null || before === undefined) continue;
          guesses.push(cell.count - before.count === change);
        }
      }
      expect(guesses.length).toBeGreaterThanOrEqual(40);
      expect(guesses.filter(Boolean).length / guesses.length).toBeLessThan(0.45);
    }, 120_000);
  });

  describe("suppression", () => {
    it("publishes today's exact figures where it publishes any", async () => {
      const published = await ask("suppression", `cases?${period}&groupBy=municipality,step`);
      const truth = await trueCounts({ groupBy: ["municipality", "step"] });
      for (const cell of published.cells.filter((c) => c.count !== null)) {
        expect(cell.count).toBe(truth.byGroup.get(JSON.stringify([cell.municipality, cell.step])));
      }
      expect(published.total).toBe(truth.total);
    });

    it("leaves no withheld cell that a row's, column's or the grand total pins down", async () => {
      // The lines of municipality × step, each with its total from the coarser query.
      const table = await ask("suppression", `cases?${period}&groupBy=municipality,step`);
      const rows = await ask("suppression", `cases?${period}&groupBy=municipality`);
      const columns = await ask("suppression", `cases?${period}&groupBy=step`);
      const lines = [
        ...rows.cells.map((row) => ({
          total: row.count,
          cells: table.cells.filter((c) => c.municipality === row.municipality),
        })),
        ...columns.cells.map((column) => ({
          total: column.count,
          cells: table.cells.filter((c) => c.step === column.step),
        })),
        { total: table.total, cells: table.cells },
      ];
      let withheldLines = 0;
      for (const line of lines) {
        if (line.total === null) continue;
        const hidden = line.cells.filter((c) => c.count === null);
        const shown = line.cells.reduce((sum, c) => sum + (c.count ?? 0), 0);
        if (hidden.length === 0 || shown === 0) continue;
        withheldLines += 1;
        // Each hidden cell holds at least one case: the most any one can hold.
        const most = line.total - shown - (hidden.length - 1);
        expect(hidden.length).toBeGreaterThanOrEqual(2);
        expect(most).toBeGreaterThanOrEqual(k);
      }
      expect(withheldLines).toBeGreaterThan(0);
    });

    it("leaves no SIP column cell that the kommun's ungrouped answer pins down", async () => {
      type SipCell = Record<string, number | null | string>;
      const measures = ["consentGiven", "consentDeclined", "consentWithdrawn", "sipEstablished"];
      let checked = 0;
      for (const m of municipalities) {
        const q = `sip?${period}&municipality=${m}`;
        const byGroup = await ask<{ cells: SipCell[] }>("suppression", `${q}&groupBy=targetGroup`);
        const whole = await ask<{ cells: SipCell[] }>("suppression", q);
        for (const measure of measures) {
          const total = whole.cells[0]?.[measure];
          if (typeof total !== "number") continue;
          const values = byGroup.cells.map((c) => c[measure] ?? null);
          const hidden = values.filter((v) => v === null).length;
          const shown = values.reduce<number>((sum, v) => sum + (typeof v === "number" ? v : 0), 0);
          if (hidden === 0 || shown === 0) continue;
          checked += 1;
          expect(hidden).toBeGreaterThanOrEqual(2);
          expect(total - shown - (hidden - 1)).toBeGreaterThanOrEqual(k);
        }
      }
      expect(checked).toBeGreaterThan(0);
    }, 120_000);
  });
});
