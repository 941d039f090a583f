import {
  cellKeyOf,
  type IsoDate,
  type MetricAccess,
  type MetricQuery,
  recordKeyFromHash,
  referenceRecordKey,
  type Scope,
  stockholmDate,
} from "@samsyn/domain";
import { processkartaCase } from "@samsyn/domain/testing";
import { sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "../../migrate";
import { appendCaseEvent } from "../../operations/cases/append-event";
import { createCase } from "../../operations/cases/create-case";
import { hashCaseRef } from "../../ref-hash";
import {
  anAuditContext,
  aScope,
  importExampleCounty,
  resetData,
  testDatabases,
  testSecret,
  useMigratedDatabase,
} from "../../testing";
import { writeCounty } from "../../testing/reference-county";
import { selectRows } from "../rows";
import { caseCounts } from "./case-counts";
import { flow } from "./flow";
import { leadTimes } from "./lead-times";
import { network } from "./network";
import { sipConsent } from "./sip-consent";
import { stuck } from "./stuck";
import { trend } from "./trend";

/** The whole county, as admin and länsgrupp see it. */
const county: MetricAccess = { view: "county", restriction: undefined };

const d = (date: string) => date as IsoDate;
const intern = "intern_samsjuklighet";

/**
 * Seed 004's processkarta case (domain `processkartaCase`): steps 1–11 with a back-step from 10
 * to 6, SIP established on 25 March 2024, closed after step 11 in February 2025 and reopened at
 * step 9 on 1 April 2025, consent withdrawn on 5 May 2025. The figures are worked out by hand.
 */
describe.each(testDatabases())("the metrics of one processkarta case on $name", (target) => {
  const database = useMigratedDatabase(target);
  const db = () => database().db;
  const asOf = (date: string, extra: Partial<MetricQuery> = {}): MetricQuery => ({
    asOf: d(date),
    ...extra,
  });

  // The reference county stores a ref as its own hash: this is the case's record key.
  const key = referenceRecordKey(processkartaCase().case.ref);

  beforeAll(async () => {
    await resetData(db());
    await writeCounty(db(), [processkartaCase()]);
  });

  it("counts the case at its step and lead as of a date, and not before it opened", async () => {
    const grouped = { groupBy: ["step", "leadPrincipal", "leadUnit"] } as const;
    expect(await caseCounts(db(), asOf("2024-06-30", grouped), county)).toEqual({
      cells: [
        {
          step: 8,
          leadPrincipal: "kommun",
          leadUnit: "beroendeenheten",
          count: 1,
          cellKeys: { count: key },
        },
      ],
      total: 1,
      totalKey: key,
    });
    expect(await caseCounts(db(), asOf("2024-03-03"), county)).toEqual({
      cells: [],
      total: 0,
      totalKey: 0,
    });
    // Closed on 24 February 2025 (after step 11), reopened on 1 April.
    expect((await caseCounts(db(), asOf("2025-03-15"), county)).total).toBe(0);
    expect((await caseCounts(db(), asOf("2025-03-15", { status: "closed" }), county)).total).toBe(
      1,
    );
  });

  it("times steps, a back-step included, in Stockholm calendar days", async () => {
    const times = (fromStep: number, toStep: number) =>
      leadTimes(db(), asOf("2025-06-30"), { process: intern, fromStep, toStep }, county);
    const keys = { n: key, pending: 0 };
    expect(await times(1, 3)).toEqual([{ n: 1, median: 7, p90: 7, pending: 0, cellKeys: keys }]);
    expect(await times(6, 8)).toEqual([{ n: 1, median: 14, p90: 14, pending: 0, cellKeys: keys }]);
    expect(await times(10, 6)).toEqual([{ n: 1, median: 7, p90: 7, pending: 0, cellKeys: keys }]);
    const early = await leadTimes(
      db(),
      asOf("2024-06-30"),
      {
        process: intern,
        fromStep: 6,
        toStep: 9,
      },
      county,
    );
    expect(early).toEqual([
      { n: 0, median: null, p90: null, pending: 1, cellKeys: { n: 0, pending: key } },
    ]);
  });

  it("makes each transition once, the back-step and the return after reopening included", async () => {
    const cells = await flow(db(), asOf("2025-06-30"), { process: intern }, county);
    expect(cells.map((c) => [c.fromStep, c.toStep, c.count])).toEqual([
      [1, 2, 1],
      [2, 3, 1],
      [3, 4, 1],
      [4, 5, 1],
      [5, 6, 1],
      [6, 7, 1],
      [7, 8, 1],
      [8, 9, 1],
      [9, 10, 1],
      [10, 6, 1],
      [10, 11, 1],
      [11, 9, 1],
    ]);
  });

  it("counts the closing month, consent as last given, SIP days, the network and days stuck", async () => {
    const year2025 = asOf("2025-06-30", { from: d("2025-01-01"), to: d("2025-12-31") });
    expect(await trend(db(), year2025, { measure: "closed" }, county)).toEqual([
      { month: "2025-02", count: 1, cellKeys: { count: key } },
    ]);
    expect(await sipConsent(db(), asOf("2025-06-30"), county)).toEqual([
      {
        consentGiven: 0,
        consentDeclined: 0,
        consentWithdrawn: 1,
        sipEstablished: 1,
        medianDaysToSip: 21,
        cellKeys: {
          consentGiven: 0,
          consentDeclined: 0,
          consentWithdrawn: key,
          sipEstablished: key,
        },
      },
    ]);
    expect(await network(db(), asOf("2025-06-30"), { level: "principalType" }, county)).toEqual([
      { a: "kommun", b: "region", count: 1, cellKeys: { count: key } },
    ]);
    // Step 9 since 1 April 2025 is 90 days by 30 June; its default target is 60.
    expect(await stuck(db(), asOf("2025-06-30", { groupBy: ["step"] }), county)).toEqual([
      { step: 9, count: 1, medianDaysOver: 30, cellKeys: { count: key } },
    ]);
  });

  it("restricts the population to cases their organisations took part in by asOf", async () => {
    const restricted = (date: string, organisations: string[]) =>
      caseCounts(db(), asOf(date, { status: "all" }), {
        view: "own",
        restriction: { organisations },
      });
    // soc-vuxen (stockholms_stad) initiated it; psykiatrisk-oppenvard (region) joined on 6 March.
    expect((await restricted("2024-03-04", ["stockholms_stad"])).total).toBe(1);
    expect((await restricted("2024-03-05", ["region_stockholm"])).total).toBe(0);
    expect((await restricted("2024-03-06", ["region_stockholm"])).total).toBe(1);
    expect((await restricted("2025-06-30", ["nacka_skola"])).total).toBe(0);
    expect((await restricted("2025-06-30", [])).total).toBe(0);
  });
});

/** Every writer keeps the facts in step with the events, in its own transaction. */
describe.each(testDatabases())("the facts kept by every writer on $name", (target) => {
  const database = useMigratedDatabase(target);
  const db = () => database().db;
  const samordnare: Scope = aScope("samordnare", ["stockholms_stad"]);
  const today = () => stockholmDate(Date.now());
  const byStep = () =>
    caseCounts(db(), { asOf: today(), status: "all", groupBy: ["step"] }, county);

  beforeEach(async () => {
    await resetData(db());
    await importExampleCounty(database());
  });

  /** The cell key of these refs as the application keys them: from their keyed hashes. */
  const keyOf = (...refs: string[]) =>
    cellKeyOf(refs.map((ref) => recordKeyFromHash(hashCaseRef(testSecret, ref))));
  const others = ["REF-B", "REF-C", "REF-D", "REF-E", "REF-F"];

  async function idOf(ref: string): Promise<number> {
    const [row] = await selectRows<{ id: number }>(
      db(),
      sql`SELECT id FROM cases WHERE ref_hash = ${hashCaseRef(testSecret, ref)}`,
    );
    return row?.id ?? 0;
  }

  it("the importer: every imported case, with its state and its record key", async () => {
    // REF-A is at step 2; the five others have no step.
    expect((await byStep()).cells).toEqual([
      { step: 2, count: 1, cellKeys: { count: keyOf("REF-A") } },
      { step: null, count: 5, cellKeys: { count: keyOf(...others) } },
    ]);
  });

  it("appendCaseEvent: the new step counts at once", async () => {
    const id = await idOf("REF-A");
    const input = { occurredAt: "2024-01-25", type: "step", step: 3 };
    expect(
      (await appendCaseEvent(db(), samordnare, anAuditContext(samordnare), id, input)).ok,
    ).toBe(true);
    expect((await byStep()).cells).toContainEqual({
      step: 3,
      count: 1,
      cellKeys: { count: keyOf("REF-A") },
    });
  });

  it("createCase: a case without events counts from the day it opens", async () => {
    const created = await createCase(
      db(),
      samordnare,
      anAuditContext(samordnare),
      {
        ref: "NY-1",
        process: "sip",
        targetGroup: "samsjuklighet",
        ageGroup: "vuxen",
        municipality: "0180",
        openedOn: "2024-08-01",
        initiatingUnit: "sthlm_soc",
      },
      testSecret,
    );
    expect(created.ok).toBe(true);
    expect((await byStep()).cells).toContainEqual({
      step: null,
      count: 6,
      cellKeys: { count: keyOf(...others, "NY-1") },
    });
  });

  it("numbers an attribute code once: a new municipality's, and no number spent by later writes", async () => {
    const codes = async () =>
      (await selectRows<{ code: string }>(db(), sql`SELECT code FROM case_codes ORDER BY id`)).map(
        (row) => row.code,
      );
    const before = await codes();
    expect(before).not.toContain("0182");
    const created = await createCase(
      db(),
      samordnare,
      anAuditContext(samordnare),
      {
        ref: "NY-2",
        process: "sip",
        targetGroup: "samsjuklighet",
        ageGroup: "vuxen",
        municipality: "0182",
        openedOn: "2024-08-01",
        initiatingUnit: "sthlm_soc",
      },
      testSecret,
    );
    expect(created.ok).toBe(true);
    expect(await codes()).toEqual([...before, "0182"]);
    const input = { occurredAt: "2024-08-02", type: "step", step: 1 };
    const id = await idOf("NY-2");
    expect(
      (await appendCaseEvent(db(), samordnare, anAuditContext(samordnare), id, input)).ok,
    ).toBe(true);
    await migrate(database());
    expect(await codes()).toEqual([...before, "0182"]);
    const [sequence] = await selectRows<{ last: number }>(
      db(),
      sql`SELECT last_value::int AS last FROM case_codes_id_seq`,
    );
    expect(sequence?.last).toBe(before.length + 1);
    const byMunicipality = await caseCounts(
      db(),
      { asOf: today(), status: "all", groupBy: ["municipality"] },
      county,
    );
    expect(byMunicipality.cells).toContainEqual({
      municipality: "0182",
      count: 1,
      cellKeys: { count: keyOf("NY-2") },
    });
  });

  it("migrate: derives the facts of cases that have none", async () => {
    await db().execute(sql`TRUNCATE case_facts`);
    await migrate(database());
    expect(await byStep()).toMatchObject({ total: 6, totalKey: keyOf("REF-A", ...others) });
  });
});
