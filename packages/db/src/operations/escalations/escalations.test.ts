import { type Scope, t } from "@samsyn/domain";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getEscalation, listEscalations, openEscalations } from "../../queries/escalations";
import { selectRows } from "../../queries/rows";
import { hashCaseRef } from "../../ref-hash";
import { cases } from "../../schema";
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
import { createAgreement } from "../agreements";
import { liftEscalation, type NewEscalation, raiseEscalation, resolveEscalation } from ".";

const lan = aScope("lan", []);
const admin = aScope("admin", []);
const sthlmLedning = aScope("ledning", ["stockholms_stad"]);
const solnaLedning = aScope("ledning", ["solna_stad"]);
/** Sees REF-A, REF-D, REF-E and REF-F of the example county; Solna's sees REF-A and REF-B. */
const sthlmSamordnare = aScope("samordnare", ["stockholms_stad"]);
const solnaSamordnare = aScope("samordnare", ["solna_stad"]);
const personnummer = "19121212-1212";

const march2 = new Date("2026-03-02T10:00:00Z");
const march10 = new Date("2026-03-10T10:00:00Z");
const april1 = new Date("2026-04-01T08:00:00Z");

const routine: NewEscalation = {
  about: { kind: "routine" },
  organisations: ["stockholms_stad", "region_stockholm"],
  question: "Vem ansvarar för boendestöd under pågående behandling?",
};

describe.each(testDatabases())("escalations on $name", (target) => {
  const database = useMigratedDatabase(target);
  const db = () => database().db;

  beforeEach(async () => {
    await resetData(db());
    await importExampleCounty(database());
  });

  /** Runs a write and checks it wrote exactly one audit row, whatever its outcome. */
  async function write<T>(work: () => Promise<T>): Promise<T> {
    const before = await countAuditRows(db());
    const result = await work();
    expect(await countAuditRows(db())).toBe(before + 1);
    return result;
  }

  async function caseId(ref: string): Promise<number> {
    const [row] = await db()
      .select({ id: cases.id })
      .from(cases)
      .where(eq(cases.refHash, hashCaseRef(testSecret, ref)));
    if (row === undefined) throw new Error(`no case ${ref}`);
    return row.id;
  }

  const aboutCase = async (ref: string): Promise<NewEscalation> => ({
    ...routine,
    about: { kind: "case", caseId: await caseId(ref) },
  });

  async function raised(scope: Scope = lan, input: NewEscalation = routine, now = march2) {
    const result = await write(() =>
      raiseEscalation(db(), scope, anAuditContext(scope), input, now),
    );
    if (!result.ok) throw new Error(`refused: ${result.error}`);
    return result.value;
  }

  const lift = (id: string, scope: Scope = lan, note = "Lyfts till nästa nivå.", now = march10) =>
    write(() => liftEscalation(db(), scope, anAuditContext(scope), id, { note }, now));
  const resolve = (
    id: string,
    scope: Scope = lan,
    resolution = "Regionen ansvarar.",
    now = april1,
  ) => write(() => resolveEscalation(db(), scope, anAuditContext(scope), id, { resolution }, now));

  const count = async (table: "escalations" | "escalation_lifts") =>
    (
      await selectRows<{ n: number }>(
        db(),
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`,
      )
    )[0]?.n;

  const lastAudit = async () =>
    (
      await selectRows<{
        action: string;
        outcome: string;
        object_id: string | null;
        has_hash: boolean;
        details: unknown;
      }>(
        db(),
        sql`SELECT action, outcome, object_id, case_ref_hash IS NOT NULL AS has_hash, details
          FROM audit_log ORDER BY id DESC LIMIT 1`,
      )
    )[0];

  it("raises a case's escalation at level 1 today, for the samordnare who sees the case", async () => {
    const id = await caseId("REF-A");
    const e = await raised(sthlmSamordnare, await aboutCase("REF-A"));
    expect(e).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      about: { kind: "case", caseId: id },
      organisations: ["region_stockholm", "stockholms_stad"],
      question: routine.question,
      level: 1,
      status: "open",
      openedOn: "2026-03-02",
      resolvedOn: null,
      resolution: null,
      lifts: [],
      ageDays: 0,
    });
    expect(await lastAudit()).toMatchObject({
      action: "escalation.create",
      outcome: "ok",
      object_id: e.id,
      has_hash: true,
    });
  });

  it("answers a case outside the samordnare's scope, or no case at all, as absent, storing nothing", async () => {
    for (const about of [
      await aboutCase("REF-D"),
      { ...routine, about: { kind: "case" as const, caseId: 999_999 } },
    ]) {
      const r = await write(() =>
        raiseEscalation(db(), solnaSamordnare, anAuditContext(solnaSamordnare), about),
      );
      expect(r).toEqual({ ok: false, error: "not_found" });
    }
    expect(await count("escalations")).toBe(0);
    expect(await lastAudit()).toMatchObject({ action: "escalation.create", outcome: "not_found" });
  });

  it("lets only samordnare raise about a case, and everyone else about a routine", async () => {
    const aboutA = await aboutCase("REF-A");
    for (const scope of [lan, admin, sthlmLedning]) {
      const r = await write(() => raiseEscalation(db(), scope, anAuditContext(scope), aboutA));
      expect(r).toEqual({ ok: false, error: "forbidden" });
    }
    const r = await write(() =>
      raiseEscalation(db(), sthlmSamordnare, anAuditContext(sthlmSamordnare), routine),
    );
    expect(r).toEqual({ ok: false, error: "forbidden" });
    expect(await count("escalations")).toBe(0);
    for (const scope of [lan, admin, sthlmLedning]) expect((await raised(scope)).level).toBe(1);
  });

  it("refuses ledning (and samordnare) a dispute their organisation is no party to, with 403", async () => {
    const r = await write(() =>
      raiseEscalation(db(), solnaLedning, anAuditContext(solnaLedning), routine),
    );
    expect(r).toEqual({ ok: false, error: "forbidden" });
    // Solna's samordnare sees REF-A, but names a dispute of Stockholm and the region only.
    const aboutA = await aboutCase("REF-A");
    const other = await write(() =>
      raiseEscalation(db(), solnaSamordnare, anAuditContext(solnaSamordnare), aboutA),
    );
    expect(other).toEqual({ ok: false, error: "forbidden" });
    expect(await count("escalations")).toBe(0);
    expect((await raised(lan)).organisations).toEqual(["region_stockholm", "stockholms_stad"]);
  });

  it.each([
    [{ organisations: ["stockholms_stad"] }, "organisations", "tooFewOrganisations"],
    [
      { organisations: ["stockholms_stad", "stockholms_stad"] },
      "organisations",
      "tooFewOrganisations",
    ],
    [{ organisations: ["stockholms_stad", "okand"] }, "organisations", "unknownOrganisation"],
    [
      { about: { kind: "routine", agreementId: "00000000-0000-4000-8000-000000000000" } },
      "about.agreementId",
      "unknownAgreement",
    ],
    [
      { about: { kind: "routine", agreementId: "inte-ett-id" } },
      "about.agreementId",
      "unknownAgreement",
    ],
    [{ about: { kind: "routine", section: "budget" } }, "about.section", "unknownSection"],
  ] as const)("refuses %j as %s (422), storing nothing", async (change, path, code) => {
    const r = await write(() =>
      raiseEscalation(db(), lan, anAuditContext(lan), { ...routine, ...change } as NewEscalation),
    );
    expect(r).toEqual({
      ok: false,
      error: "invalid",
      details: [{ path, message: t(`escalations.error.${code}`) }],
    });
    expect(await count("escalations")).toBe(0);
    expect(await lastAudit()).toMatchObject({ action: "escalation.create", outcome: "invalid" });
  });

  it("keeps a routine's agreement and section", async () => {
    const agreement = await createAgreement(db(), lan, anAuditContext(lan), {
      title: "Överenskommelse om missbruk",
      level: "lokal",
      parties: ["stockholms_stad", "region_stockholm"],
      targetGroups: ["missbruk_beroende"],
      municipalities: ["0180"],
      validFrom: "2026-01-01",
      validTo: null,
      sections: [],
    } as never);
    if (!agreement.ok) throw new Error("no agreement");
    const about = {
      kind: "routine" as const,
      agreementId: agreement.value.id,
      section: "sip" as const,
    };
    expect((await raised(lan, { ...routine, about })).about).toEqual(about);
  });

  it("screens the question, the note and the resolution, naming the field and never the number", async () => {
    const question = await write(() =>
      raiseEscalation(db(), lan, anAuditContext(lan), {
        ...routine,
        question: `Gäller ${personnummer}`,
      }),
    );
    expect(question).toEqual({
      ok: false,
      error: "invalid",
      details: [
        { path: "question", message: t("screening.identifierFound", { field: "question" }) },
      ],
    });
    expect(await count("escalations")).toBe(0);
    const e = await raised();
    const note = await lift(e.id, lan, `Se ${personnummer}`);
    expect(note).toMatchObject({ ok: false, error: "invalid", details: [{ path: "note" }] });
    const resolution = await resolve(e.id, lan, `Löst för ${personnummer}`);
    expect(resolution).toMatchObject({
      ok: false,
      error: "invalid",
      details: [{ path: "resolution" }],
    });
    for (const r of [question, note, resolution]) expect(JSON.stringify(r)).not.toContain("1212");
    const audit = await selectRows<{ row: unknown }>(
      db(),
      sql`SELECT to_jsonb(a) AS row FROM audit_log a`,
    );
    expect(JSON.stringify(audit)).not.toContain("1212");
    const found = await getEscalation(db(), lan, anAuditContext(lan), e.id);
    expect(found.ok && found.value).toMatchObject({ level: 1, status: "open", lifts: [] });
    expect(await count("escalation_lifts")).toBe(0);
  });

  it("lifts 1 → 2 → 3 with a note each, refuses a fourth, resolves, then refuses both", async () => {
    const e = await raised();
    const second = await lift(e.id, lan, "Enhetscheferna är oense.", march10);
    expect(second.ok && second.value).toMatchObject({ level: 2, ageDays: 8 });
    const third = await lift(
      e.id,
      admin,
      "Verksamhetscheferna är oense.",
      new Date("2026-03-20T09:00:00Z"),
    );
    expect(third.ok && third.value.lifts).toEqual([
      { level: 2, note: "Enhetscheferna är oense.", liftedOn: "2026-03-10" },
      { level: 3, note: "Verksamhetscheferna är oense.", liftedOn: "2026-03-20" },
    ]);
    const fourth = await lift(e.id);
    expect(fourth).toEqual({
      ok: false,
      error: "conflict",
      details: [{ path: "level", message: t("escalations.error.levelAboveTop") }],
    });
    expect(await lastAudit()).toMatchObject({ action: "escalation.lift", outcome: "conflict" });
    const resolved = await resolve(e.id, sthlmLedning, "Regionen ansvarar.", april1);
    expect(resolved.ok && resolved.value).toMatchObject({
      level: 3,
      status: "resolved",
      resolvedOn: "2026-04-01",
      resolution: "Regionen ansvarar.",
      ageDays: 30,
    });
    expect(await lastAudit()).toMatchObject({
      action: "escalation.resolve",
      outcome: "ok",
      details: { level: 3 },
    });
    expect(await resolve(e.id)).toMatchObject({ ok: false, error: "conflict" });
    const early = await raised();
    await resolve(early.id);
    expect(await lift(early.id)).toMatchObject({
      ok: false,
      error: "conflict",
      details: [{ path: "status" }],
    });
    expect(await count("escalation_lifts")).toBe(2);
  });

  it("resolves on the day in Stockholm, not in UTC", async () => {
    const e = await raised();
    const lateEvening = new Date("2026-04-01T22:30:00Z"); // 00:30 on 2 April in Stockholm
    const r = await resolve(e.id, lan, "Löst.", lateEvening);
    expect(r.ok && r.value.resolvedOn).toBe("2026-04-02");
  });

  it("lets lan, admin, ledning in dispute and the case's samordnare act; 403 for who only reads, 404 for others", async () => {
    const onCase = await raised(sthlmSamordnare, await aboutCase("REF-A"));
    const onRoutine = await raised(lan);
    // Solna is in neither dispute: it cannot see them.
    expect(await lift(onRoutine.id, solnaLedning)).toEqual({ ok: false, error: "not_found" });
    expect(await resolve(onCase.id, solnaLedning)).toEqual({ ok: false, error: "not_found" });
    // A samordnare of Stockholm sees the routine dispute but acts only on cases.
    expect(await lift(onRoutine.id, sthlmSamordnare)).toEqual({ ok: false, error: "forbidden" });
    // Solna's samordnare sees REF-A: it may act on the case's escalation, though Solna is no party.
    expect((await lift(onCase.id, solnaSamordnare)).ok).toBe(true);
    expect((await lift(onCase.id, sthlmSamordnare)).ok).toBe(true);
    expect((await lift(onRoutine.id, sthlmLedning)).ok).toBe(true);
    const unknown = "00000000-0000-4000-8000-000000000000";
    for (const id of [unknown, "inte-ett-id"]) {
      expect(await lift(id)).toEqual({ ok: false, error: "not_found" });
      expect(await resolve(id)).toEqual({ ok: false, error: "not_found" });
    }
    expect(await lastAudit()).toMatchObject({ action: "escalation.resolve", outcome: "not_found" });
  });

  it("never skips a level when lifts come at once", async () => {
    const e = await raised();
    const results = await Promise.all(
      [lan, admin, sthlmLedning].map((scope) =>
        liftEscalation(db(), scope, anAuditContext(scope), e.id, { note: `Av ${scope.role}` }),
      ),
    );
    expect(results.map((r) => (r.ok ? r.value.level : r.error)).sort()).toEqual([2, 3, "conflict"]);
    const found = await getEscalation(db(), lan, anAuditContext(lan), e.id);
    expect(found.ok && found.value.lifts.map((l) => l.level)).toEqual([2, 3]);
  });

  it("lists what the caller may read, by status and level, and audits every list and read", async () => {
    const onCase = await raised(sthlmSamordnare, await aboutCase("REF-A"));
    const stockholm = await raised(sthlmLedning);
    const solna = await raised(lan, {
      ...routine,
      organisations: ["solna_stad", "region_stockholm"],
    });
    await lift(stockholm.id);
    await resolve(solna.id);
    const ids = async (scope: Scope, filter = {}) => {
      const r = await write(() => listEscalations(db(), scope, anAuditContext(scope), filter));
      return r.ok ? r.value.map((e) => e.id).sort() : r.error;
    };
    expect(await ids(lan)).toEqual([onCase.id, stockholm.id, solna.id].sort());
    expect(await ids(admin, { status: "open" })).toEqual([onCase.id, stockholm.id].sort());
    expect(await ids(lan, { level: 2 })).toEqual([stockholm.id]);
    expect(await ids(sthlmLedning)).toEqual([onCase.id, stockholm.id].sort());
    expect(await ids(solnaSamordnare, { status: "resolved" })).toEqual([solna.id]);
    expect(await ids(aScope("ledning", []))).toEqual([]);
    await listEscalations(db(), sthlmSamordnare, anAuditContext(sthlmSamordnare), {});
    expect(await lastAudit()).toMatchObject({
      action: "escalation.list",
      outcome: "ok",
      details: {
        escalationIds: expect.arrayContaining([onCase.id, stockholm.id]),
        caseIds: [await caseId("REF-A")],
      },
    });
    const read = async (scope: Scope, id: string) =>
      write(() => getEscalation(db(), scope, anAuditContext(scope), id));
    expect((await read(sthlmSamordnare, onCase.id)).ok).toBe(true);
    expect(await lastAudit()).toMatchObject({
      action: "escalation.list",
      object_id: onCase.id,
      has_hash: true,
    });
    expect(await read(solnaLedning, stockholm.id)).toEqual({ ok: false, error: "not_found" });
    expect(await read(lan, "'; DROP TABLE escalations; --")).toEqual({
      ok: false,
      error: "not_found",
    });
  });

  it("gives the forum's agenda the open escalations of its organisations, at a level", async () => {
    const low = await raised(lan, routine, march2);
    const high = await raised(lan, {
      ...routine,
      organisations: ["solna_stad", "region_stockholm"],
    });
    await lift(high.id);
    await lift(high.id);
    const done = await raised(lan);
    await resolve(done.id);
    expect((await openEscalations(db(), { organisations: "all" })).map((e) => e.id).sort()).toEqual(
      [low.id, high.id].sort(),
    );
    expect(await openEscalations(db(), { organisations: ["solna_stad"], level: 3 })).toEqual([
      {
        id: high.id,
        level: 3,
        organisations: ["region_stockholm", "solna_stad"],
        openedOn: "2026-03-02",
        aboutKind: "routine",
      },
    ]);
    expect(await openEscalations(db(), { organisations: ["stockholms_stad"], level: 3 })).toEqual(
      [],
    );
    expect(await openEscalations(db(), { organisations: [] })).toEqual([]);
  });
});
