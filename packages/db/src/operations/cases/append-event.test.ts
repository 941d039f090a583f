import { type Scope, t } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getCase, listCases } from "../../queries/cases";
import { selectRows } from "../../queries/rows";
import { hashCaseRef } from "../../ref-hash";
import {
  anAuditContext,
  aScope,
  countAuditRows,
  importExampleCounty,
  resetData,
  testDatabases,
  testSecret,
  useMigratedDatabase,
} from "../../testing";
import { appendCaseEvent, type NewCaseEvent } from "./append-event";

const stockholm = aScope("samordnare", ["stockholms_stad"]);
const region = aScope("samordnare", ["region_stockholm"]);
const personnummer = "19121212-1212";

describe.each(testDatabases())("appendCaseEvent on $name", (target) => {
  const database = useMigratedDatabase(target);
  const db = () => database().db;

  beforeEach(async () => {
    await resetData(db());
    await importExampleCounty(database());
  });

  async function idOf(ref: string): Promise<number> {
    const [row] = await selectRows<{ id: number }>(
      db(),
      sql`SELECT id FROM cases WHERE ref_hash = ${hashCaseRef(testSecret, ref)}`,
    );
    if (row === undefined) throw new Error(`no case ${ref}`);
    return row.id;
  }

  async function append(ref: string, input: NewCaseEvent, scope: Scope = stockholm) {
    const caseId = await idOf(ref);
    const before = await countAuditRows(db());
    const result = await appendCaseEvent(db(), scope, anAuditContext(scope), caseId, input);
    expect(await countAuditRows(db())).toBe(before + 1);
    return result;
  }

  async function maxSeq(): Promise<number> {
    const [row] = await selectRows<{ n: number }>(
      db(),
      sql`SELECT max(seq)::int AS n FROM case_events`,
    );
    return row?.n ?? 0;
  }

  it("records the event after every other and changes the case's state", async () => {
    const last = await maxSeq();
    const result = await append("REF-A", { occurredAt: "2024-01-25", type: "step", step: 3 });
    expect(result).toEqual({ ok: true, value: { seq: last + 1 } });
    const detail = await getCase(db(), stockholm, anAuditContext(stockholm), await idOf("REF-A"));
    expect(detail.ok && detail.value.currentStep).toBe(3);
  });

  it("numbers identical events of a case by occurrence, as the importer does", async () => {
    const event = { occurredAt: "2024-02-01T10:00:00+01:00", type: "step", step: 2 };
    await append("REF-A", event);
    await append("REF-A", event);
    const rows = await selectRows<{ occurrence: number }>(
      db(),
      sql`SELECT occurrence::int AS occurrence FROM case_events
        WHERE occurred_at = '2024-02-01T09:00:00Z' ORDER BY seq`,
    );
    expect(rows).toEqual([{ occurrence: 1 }, { occurrence: 2 }]);
  });

  it("gives concurrent writers different sequence numbers", async () => {
    const [refA, refD] = [await idOf("REF-A"), await idOf("REF-D")];
    const before = await countAuditRows(db());
    const writers = Array.from({ length: 8 }, (_, i) =>
      i % 2 === 0
        ? appendCaseEvent(db(), stockholm, anAuditContext(stockholm), refA, {
            occurredAt: "2024-02-02",
            type: "sip",
            value: "followed_up",
          })
        : appendCaseEvent(db(), region, anAuditContext(region), refD, {
            occurredAt: "2024-05-02",
            type: "step",
            step: 1,
          }),
    );
    const seqs = (await Promise.all(writers)).map((r) => (r.ok ? r.value.seq : 0));
    expect(seqs.every((seq) => seq > 0)).toBe(true);
    expect(new Set(seqs).size).toBe(writers.length);
    expect(await countAuditRows(db())).toBe(before + writers.length);
  });

  it("ends a participating organisation's view when consent is withdrawn", async () => {
    const solna = aScope("samordnare", ["solna_stad"]);
    const seesRefA = async () => {
      const page = await listCases(db(), solna, anAuditContext(solna), { limit: 10, offset: 0 });
      return page.ok && page.value.items.some((c) => c.initiatingUnit === "sthlm_soc");
    };
    expect(await seesRefA()).toBe(true);
    await append("REF-A", { occurredAt: "2024-02-01", type: "consent", value: "withdrawn" });
    expect(await seesRefA()).toBe(false);
    // The organisations of the initiating and the lead unit still see it.
    expect(
      (await append("REF-A", { occurredAt: "2024-02-02", type: "step", step: 4 }, region)).ok,
    ).toBe(true);
  });

  it("checks the event like an imported row", async () => {
    const invalid = (path: string, message: string) => ({
      ok: false,
      error: "invalid",
      details: [{ path, message }],
    });
    expect(await append("REF-A", { occurredAt: "2024-02-30", type: "step", step: 2 })).toEqual(
      invalid("occurredAt", t("import.error.badTimestamp")),
    );
    expect(await append("REF-A", { occurredAt: "2024-02-01", type: "step", step: 12 })).toEqual(
      invalid("step", t("access.invalid.stepNotInProcess")),
    );
    expect(
      await append("REF-A", { occurredAt: "2024-02-01", type: "join", unitCode: "finns_inte" }),
    ).toEqual(invalid("unitCode", t("access.invalid.unknownUnit")));
    expect(
      await append("REF-A", {
        occurredAt: "2024-02-01",
        type: "lead",
        unitCode: "rs_psyk",
        step: 2,
      }),
    ).toEqual(invalid("step", t("import.error.mustBeEmpty")));
    expect(
      await append("REF-A", { occurredAt: "2024-02-01", type: "consent", value: "kanske" }),
    ).toEqual(invalid("value", t("import.error.badValue")));
  });

  describe("the consent rule (as the importer's consentRequired)", () => {
    const refused = {
      ok: false,
      error: "invalid",
      details: [{ path: "unitCode", message: t("import.error.consentRequired") }],
    };
    const join = (occurredAt: string, unitCode: string) => ({ occurredAt, type: "join", unitCode });

    it("brings another huvudman into a case only while consent is given", async () => {
      // REF-E: Stockholm's, consent unset, no one else in it yet.
      const before = await maxSeq();
      expect(await append("REF-E", join("2024-06-01", "rs_beroende"))).toEqual(refused);
      expect(await append("REF-E", { ...join("2024-06-01", "solna_soc"), type: "lead" })).toEqual(
        refused,
      );
      expect(await maxSeq()).toBe(before);
      expect((await append("REF-E", join("2024-06-01", "sthlm_soc"))).ok).toBe(true);
      await append("REF-E", { occurredAt: "2024-06-02", type: "consent", value: "given" });
      // As of the event: dated before the consent, it is still refused.
      expect(await append("REF-E", join("2024-06-01T12:00", "rs_beroende"))).toEqual(refused);
      expect((await append("REF-E", join("2024-06-03", "rs_beroende"))).ok).toBe(true);
      await append("REF-E", { occurredAt: "2024-06-04", type: "consent", value: "withdrawn" });
      expect(await append("REF-E", join("2024-06-05", "rs_psyk"))).toEqual(refused);
    });

    it("lets in a unit of an organisation that holds the case already", async () => {
      // REF-A: the region leads and Solna takes part, consent unset.
      expect((await append("REF-A", join("2024-02-01", "rs_psyk"))).ok).toBe(true);
      // REF-D: the region initiated it; consent is withdrawn, and Solna never took part.
      expect((await append("REF-D", join("2024-05-01", "rs_beroende"))).ok).toBe(true);
      expect(await append("REF-D", join("2024-05-01", "solna_soc"))).toEqual(refused);
    });

    it("audits a refusal as invalid", async () => {
      const ctx = anAuditContext(stockholm);
      await appendCaseEvent(
        db(),
        stockholm,
        ctx,
        await idOf("REF-E"),
        join("2024-06-01", "rs_psyk"),
      );
      const [row] = await selectRows<{ outcome: string }>(
        db(),
        sql`SELECT outcome FROM audit_log WHERE request_id = ${ctx.requestId}`,
      );
      expect(row).toEqual({ outcome: "invalid" });
    });
  });

  it("refuses a close reason holding a personnummer without storing or echoing it", async () => {
    const before = await maxSeq();
    const result = await append("REF-A", {
      occurredAt: "2024-02-01",
      type: "close",
      value: `Flyttat, se ${personnummer}`,
    });
    expect(result).toEqual({
      ok: false,
      error: "invalid",
      details: [{ path: "value", message: t("screening.identifierFound", { field: "value" }) }],
    });
    expect(JSON.stringify(result)).not.toContain("1212");
    expect(await maxSeq()).toBe(before);
  });

  it("answers not_found for a case outside scope, before looking at the content", async () => {
    const solna = aScope("samordnare", ["solna_stad"]);
    const bad = { occurredAt: "not a date", type: "step", step: 99 };
    expect(await append("REF-C", bad, solna)).toEqual({ ok: false, error: "not_found" });
    const missing = await appendCaseEvent(db(), solna, anAuditContext(solna), 9999, bad);
    expect(missing).toEqual({ ok: false, error: "not_found" });
  });

  it.each(["admin", "ledning", "lan"] as const)("refuses %s", async (role) => {
    const scope = aScope(role, ["stockholms_stad"]);
    const result = await append("REF-A", { occurredAt: "2024-02-01", type: "reopen" }, scope);
    expect(result).toEqual({ ok: false, error: "forbidden" });
  });

  it("audits the write with the case's ref hash and the new seq", async () => {
    const ctx = anAuditContext(stockholm);
    const caseId = await idOf("REF-A");
    const result = await appendCaseEvent(db(), stockholm, ctx, caseId, {
      occurredAt: "2024-02-01",
      type: "reopen",
    });
    const [row] = await selectRows<Record<string, unknown>>(
      db(),
      sql`SELECT action, object_type, object_id, outcome, encode(case_ref_hash, 'hex') AS hash,
        details FROM audit_log WHERE request_id = ${ctx.requestId}`,
    );
    expect(row).toEqual({
      action: "event.create",
      object_type: "case",
      object_id: String(caseId),
      outcome: "ok",
      hash: hashCaseRef(testSecret, "REF-A").toString("hex"),
      details: { seq: result.ok ? result.value.seq : -1 },
    });
  });
});
