import type { Scope } from "@samsyn/domain";
import { addDays, daysBetween, stockholmDate } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { appendCaseEvent, type NewCaseEvent } from "../operations/cases/append-event";
import { createCase } from "../operations/cases/create-case";
import { hashCaseRef } from "../ref-hash";
import {
  anAuditContext,
  aScope,
  countAuditRows,
  exampleCountyVisibility,
  importExampleCounty,
  resetData,
  testDatabases,
  testSecret,
  useMigratedDatabase,
} from "../testing";
import { getCase, listCases } from "./cases";
import { selectRows } from "./rows";

const prefixOf = (ref: string) => hashCaseRef(testSecret, ref).toString("hex").slice(0, 8);
const refOfPrefix = new Map(
  ["REF-A", "REF-B", "REF-C", "REF-D", "REF-E", "REF-F"].map((ref) => [prefixOf(ref), ref]),
);
const page = { limit: 50, offset: 0 };
const personnummer = "19121212-1212";
/** Stuck is judged as of today, so the stuck cases below are dated from today. */
const today = stockholmDate(Date.now());
const daysAgo = (n: number) => addDays(today, -n);

describe.each(testDatabases())("case queries on $name", (target) => {
  const database = useMigratedDatabase(target);
  const db = () => database().db;

  beforeAll(async () => {
    await resetData(db());
    await importExampleCounty(database());
  });

  /** Runs a call and checks that it wrote exactly one audit row. */
  async function once<T>(call: () => Promise<T>): Promise<T> {
    const before = await countAuditRows(db());
    const result = await call();
    expect(await countAuditRows(db())).toBe(before + 1);
    return result;
  }

  async function visibleRefs(scope: Scope): Promise<string[]> {
    const result = await once(() => listCases(db(), scope, anAuditContext(scope), page));
    if (!result.ok) throw new Error(`listCases refused: ${result.error}`);
    return result.value.items.map((c) => refOfPrefix.get(c.refHashPrefix) ?? "?").sort();
  }

  async function idOf(ref: string): Promise<number> {
    const [row] = await selectRows<{ id: number }>(
      db(),
      sql`SELECT id FROM cases WHERE ref_hash = ${hashCaseRef(testSecret, ref)}`,
    );
    if (row === undefined) throw new Error(`no case ${ref}`);
    return row.id;
  }

  describe("listCases", () => {
    it.each(Object.entries(exampleCountyVisibility))(
      "shows a samordnare of %s the cases of the visibility rule",
      async (org, refs) => {
        expect(await visibleRefs(aScope("samordnare", [org]))).toEqual([...refs].sort());
      },
    );

    it("shows a samordnare of several organisations the union", async () => {
      const scope = aScope("samordnare", ["solna_stad", "region_stockholm"]);
      expect(await visibleRefs(scope)).toEqual(["REF-A", "REF-B", "REF-C", "REF-D", "REF-F"]);
    });

    it("shows admin every case and a samordnare without organisations none", async () => {
      expect(await visibleRefs(aScope("admin"))).toEqual([
        "REF-A",
        "REF-B",
        "REF-C",
        "REF-D",
        "REF-E",
        "REF-F",
      ]);
      expect(await visibleRefs(aScope("samordnare", []))).toEqual([]);
      expect(await visibleRefs(aScope("samordnare", ["okand_org"]))).toEqual([]);
    });

    it.each(["ledning", "lan"] as const)("refuses %s, whatever its organisations", async (role) => {
      const scope = aScope(role, ["stockholms_stad", "region_stockholm", "solna_stad"]);
      const result = await once(() => listCases(db(), scope, anAuditContext(scope), page));
      expect(result).toEqual({ ok: false, error: "forbidden" });
    });

    it("gives the current state as of today, pseudonymously", async () => {
      const scope = aScope("admin");
      const result = await listCases(db(), scope, anAuditContext(scope), page);
      const byRef = new Map(
        (result.ok ? result.value.items : []).map((c) => [refOfPrefix.get(c.refHashPrefix), c]),
      );
      expect(byRef.get("REF-A")).toEqual({
        id: await idOf("REF-A"),
        refHashPrefix: prefixOf("REF-A"),
        process: "intern_samsjuklighet",
        targetGroup: "samsjuklighet",
        ageGroup: "vuxen",
        municipality: "0180",
        openedOn: "2024-01-10",
        initiatingUnit: "sthlm_soc",
        leadUnit: "rs_beroende",
        currentStep: 2,
        stepOn: "2024-01-20",
        // Step 2 of intern_samsjuklighet has 14 target days; REF-A entered it long ago.
        daysOver: daysBetween("2024-01-20", today) - 14,
        closed: false,
        consent: null,
      });
      expect(byRef.get("REF-C")).toMatchObject({
        closed: true,
        leadUnit: null,
        currentStep: null,
        stepOn: null,
        daysOver: null,
      });
      expect(byRef.get("REF-B")).toMatchObject({ consent: "withdrawn" });
      // The lead event of REF-E lies in the future: not the lead yet.
      expect(byRef.get("REF-E")).toMatchObject({ leadUnit: null, process: "sip" });
    });

    it("pages newest opened first, with the total of all pages", async () => {
      const scope = aScope("admin");
      const at = async (limit: number, offset: number) => {
        const result = await listCases(db(), scope, anAuditContext(scope), { limit, offset });
        if (!result.ok) throw new Error(result.error);
        return {
          refs: result.value.items.map((c) => refOfPrefix.get(c.refHashPrefix)),
          total: result.value.total,
        };
      };
      expect(await at(2, 0)).toEqual({ refs: ["REF-F", "REF-E"], total: 6 });
      expect(await at(4, 3)).toEqual({ refs: ["REF-C", "REF-B", "REF-A"], total: 6 });
      expect(await at(2, 10)).toEqual({ refs: [], total: 6 });
    });

    it("filters by process and municipality, within scope", async () => {
      const admin = aScope("admin");
      const sip = await listCases(db(), admin, anAuditContext(admin), { ...page, process: "sip" });
      expect(sip.ok && sip.value.items.map((c) => c.refHashPrefix)).toEqual([prefixOf("REF-E")]);
      const solna = aScope("samordnare", ["solna_stad"]);
      const in0184 = await listCases(db(), solna, anAuditContext(solna), {
        ...page,
        municipality: "0184",
      });
      expect(in0184).toEqual({ ok: true, value: { items: [], total: 0 } });
    });

    it("refuses a bad page or a filter holding an identifier, and audits the attempt", async () => {
      const scope = aScope("admin");
      const bad = await once(() =>
        listCases(db(), scope, anAuditContext(scope), {
          limit: 0,
          offset: -1,
          process: personnummer,
        }),
      );
      expect(bad.ok).toBe(false);
      expect(!bad.ok && bad.details?.map((d) => d.path)).toEqual(["limit", "offset", "process"]);
      expect(JSON.stringify(bad)).not.toContain("1212");
    });

    it("audits the page with the ids it showed", async () => {
      const scope = aScope("samordnare", ["solna_stad"]);
      const ctx = anAuditContext(scope);
      await listCases(db(), scope, ctx, { ...page, process: "intern_samsjuklighet" });
      const [row] = await selectRows<Record<string, unknown>>(
        db(),
        sql`SELECT actor, role, action, object_type, object_id, outcome, details, scope_orgs
          FROM audit_log WHERE request_id = ${ctx.requestId}`,
      );
      expect(row).toEqual({
        actor: "samordnare-user",
        role: "samordnare",
        action: "case.list",
        object_type: "case_list",
        object_id: "offset=0,limit=50",
        outcome: "ok",
        details: {
          process: "intern_samsjuklighet",
          caseIds: [await idOf("REF-B"), await idOf("REF-A")],
        },
        scope_orgs: ["solna_stad"],
      });
    });
  });

  describe("getCase", () => {
    it("gives a visible case with its events in event order", async () => {
      const scope = aScope("samordnare", ["solna_stad"]);
      const id = await idOf("REF-A");
      const result = await once(() => getCase(db(), scope, anAuditContext(scope), id));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value).toMatchObject({ id, leadUnit: "rs_beroende", currentStep: 2 });
      expect(result.value.events).toEqual([
        {
          type: "step",
          occurredAt: "2024-01-09T23:00:00.000Z",
          step: 1,
          unitCode: null,
          value: null,
        },
        {
          type: "lead",
          occurredAt: "2024-01-10T23:00:00.000Z",
          step: null,
          unitCode: "rs_beroende",
          value: null,
        },
        {
          type: "join",
          occurredAt: "2024-01-11T23:00:00.000Z",
          step: null,
          unitCode: "solna_soc",
          value: null,
        },
        {
          type: "step",
          occurredAt: "2024-01-19T23:00:00.000Z",
          step: 2,
          unitCode: null,
          value: null,
        },
      ]);
    });

    it("answers not_found alike for a case outside scope and a case that does not exist", async () => {
      const scope = aScope("samordnare", ["region_stockholm"]);
      const refB = await idOf("REF-B");
      const outside = await once(() => getCase(db(), scope, anAuditContext(scope), refB));
      const missing = await once(() => getCase(db(), scope, anAuditContext(scope), 9999));
      const absurd = await once(() => getCase(db(), scope, anAuditContext(scope), 2 ** 40));
      expect(outside).toEqual({ ok: false, error: "not_found" });
      expect(missing).toEqual(outside);
      expect(absurd).toEqual(outside);
    });

    it("records the outcome and the case's ref hash, even when out of scope", async () => {
      const scope = aScope("samordnare", ["region_stockholm"]);
      const ctx = anAuditContext(scope);
      await getCase(db(), scope, ctx, await idOf("REF-B"));
      const [row] = await selectRows<{ outcome: string; hash: string; object_id: string }>(
        db(),
        sql`SELECT outcome, encode(case_ref_hash, 'hex') AS hash, object_id
          FROM audit_log WHERE request_id = ${ctx.requestId}`,
      );
      expect(row).toEqual({
        outcome: "not_found",
        hash: hashCaseRef(testSecret, "REF-B").toString("hex"),
        object_id: String(await idOf("REF-B")),
      });
    });

    it.each(["ledning", "lan"] as const)("refuses %s with forbidden", async (role) => {
      const scope = aScope(role, ["stockholms_stad"]);
      const result = await once(() => getCase(db(), scope, anAuditContext(scope), 1));
      expect(result).toEqual({ ok: false, error: "forbidden" });
    });
  });

  describe("listCases with stuck", () => {
    const samordnare = aScope("samordnare", ["stockholms_stad"]);
    /** Registers a case at a Stockholm unit with these events; its id. */
    async function aCaseWith(ref: string, events: NewCaseEvent[]): Promise<number> {
      const ctx = anAuditContext(samordnare);
      const created = await createCase(
        db(),
        samordnare,
        ctx,
        {
          ref,
          process: "intern_samsjuklighet",
          targetGroup: "samsjuklighet",
          ageGroup: "vuxen",
          municipality: "0180",
          openedOn: daysAgo(60),
          initiatingUnit: "sthlm_soc",
        },
        testSecret,
      );
      if (!created.ok) throw new Error(`createCase refused: ${created.error}`);
      for (const event of events) {
        const added = await appendCaseEvent(db(), samordnare, ctx, created.value.id, event);
        if (!added.ok) throw new Error(`appendCaseEvent refused: ${added.error}`);
      }
      return created.value.id;
    }
    const step = (step: number, occurredAt: string): NewCaseEvent => ({
      type: "step",
      step,
      occurredAt,
    });

    /** The stuck cases a scope sees, as id → days over, in the order listed. */
    async function stuckList(scope: Scope): Promise<[number, number | null][]> {
      const result = await once(() =>
        listCases(db(), scope, anAuditContext(scope), { ...page, stuck: true }),
      );
      if (!result.ok) throw new Error(`listCases refused: ${result.error}`);
      expect(result.value.total).toBe(result.value.items.length);
      return result.value.items.map((c) => [c.id, c.daysOver]);
    }

    // intern_samsjuklighet: step 1 has 7 target days, step 2 has 14.
    type Example = "over" | "atTarget" | "lateEvening" | "closed" | "backStep" | "laterStep";
    let ids: Record<Example | "noStep", number>;
    beforeAll(async () => {
      ids = {
        over: await aCaseWith("S-OVER", [step(1, daysAgo(10))]),
        atTarget: await aCaseWith("S-AT-TARGET", [step(1, daysAgo(7))]),
        // 23:30 UTC is past midnight in Stockholm: entered the next day, so 7 days, not 8.
        lateEvening: await aCaseWith("S-LATE", [step(1, `${daysAgo(8)}T23:30:00Z`)]),
        closed: await aCaseWith("S-CLOSED", [
          step(1, daysAgo(30)),
          { type: "close", occurredAt: daysAgo(1), value: "Avslutat" },
        ]),
        // A back-step re-enters step 1: the days count from the re-entry, not the first entry.
        backStep: await aCaseWith("S-BACK", [
          step(1, daysAgo(50)),
          step(2, daysAgo(40)),
          step(1, daysAgo(9)),
        ]),
        // Tomorrow's step does not count yet: still in step 1 today.
        laterStep: await aCaseWith("S-LATER", [step(1, daysAgo(20)), step(2, addDays(today, 1))]),
        noStep: await aCaseWith("S-NO-STEP", []),
      };
    });

    it("lists the open cases past their step's target, most days over first", async () => {
      const refA = await idOf("REF-A");
      expect(await stuckList(aScope("admin"))).toEqual([
        [refA, daysBetween("2024-01-20", today) - 14],
        [ids.laterStep, 13],
        [ids.over, 3],
        [ids.backStep, 2],
      ]);
    });

    it("gives stepOn and daysOver with every case, null when not stuck", async () => {
      const result = await listCases(db(), samordnare, anAuditContext(samordnare), page);
      const byId = new Map((result.ok ? result.value.items : []).map((c) => [c.id, c]));
      expect(byId.get(ids.over)).toMatchObject({ stepOn: daysAgo(10), daysOver: 3 });
      expect(byId.get(ids.atTarget)).toMatchObject({ stepOn: daysAgo(7), daysOver: null });
      expect(byId.get(ids.lateEvening)).toMatchObject({ stepOn: daysAgo(7), daysOver: null });
      expect(byId.get(ids.closed)).toMatchObject({ closed: true, daysOver: null });
      expect(byId.get(ids.backStep)).toMatchObject({ currentStep: 1, stepOn: daysAgo(9) });
      expect(byId.get(ids.laterStep)).toMatchObject({ currentStep: 1, stepOn: daysAgo(20) });
      expect(byId.get(ids.noStep)).toMatchObject({ stepOn: null, daysOver: null });
    });

    it("reads the target days the county set, not the defaults", async () => {
      const setTarget = (days: number | null) =>
        db().execute(sql`UPDATE process_steps SET target_days = ${days}
          WHERE process_code = 'intern_samsjuklighet' AND number = 1`);
      try {
        await setTarget(5);
        const tighter = new Map(await stuckList(aScope("admin")));
        expect(tighter.get(ids.atTarget)).toBe(2);
        expect(tighter.get(ids.over)).toBe(5);
        await setTarget(null);
        // A step without target days holds no stuck case, however long it has lasted.
        const untargeted = new Map(await stuckList(aScope("admin")));
        expect([ids.over, ids.backStep, ids.laterStep].some((id) => untargeted.has(id))).toBe(
          false,
        );
      } finally {
        await setTarget(7);
      }
    });

    it("keeps to the caller's scope and the other filters", async () => {
      const refA = await idOf("REF-A");
      // Solna takes part in REF-A only; Stockholm's new cases are not Solna's.
      expect(await stuckList(aScope("samordnare", ["solna_stad"]))).toEqual([
        [refA, daysBetween("2024-01-20", today) - 14],
      ]);
      const sip = await listCases(db(), samordnare, anAuditContext(samordnare), {
        ...page,
        stuck: true,
        process: "sip",
      });
      expect(sip).toEqual({ ok: true, value: { items: [], total: 0 } });
    });

    it.each(["ledning", "lan"] as const)("refuses %s: leaders get counts only", async (role) => {
      const scope = aScope(role, ["stockholms_stad"]);
      const result = await once(() =>
        listCases(db(), scope, anAuditContext(scope), { ...page, stuck: true }),
      );
      expect(result).toEqual({ ok: false, error: "forbidden" });
    });

    it("audits the stuck list with the ids it showed", async () => {
      const ctx = anAuditContext(samordnare);
      await listCases(db(), samordnare, ctx, { ...page, stuck: true });
      const [row] = await selectRows<{ details: unknown }>(
        db(),
        sql`SELECT details FROM audit_log WHERE request_id = ${ctx.requestId}`,
      );
      expect(row?.details).toEqual({
        stuck: true,
        caseIds: [await idOf("REF-A"), ids.laterStep, ids.over, ids.backStep],
      });
    });
  });
});
