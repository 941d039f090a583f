import { type Scope, t } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getAgreement, listAgreements } from "../../queries/agreements/agreements";
import { agreementCoverage } from "../../queries/agreements/coverage";
import { selectRows } from "../../queries/rows";
import {
  anAuditContext,
  aScope,
  countAuditRows,
  importExampleCounty,
  resetData,
  testDatabases,
  useMigratedDatabase,
} from "../../testing";
import {
  addIndicator,
  changeAgreementStatus,
  closeDeviation,
  createAgreement,
  logDeviation,
  type NewAgreement,
  reviseAgreement,
} from ".";

const lan = aScope("lan", []);
const admin = aScope("admin", []);
const solnaLedning = aScope("ledning", ["solna_stad"]);
const stockholmLedning = aScope("ledning", ["stockholms_stad"]);
const personnummer = "19121212-1212";

const solnaAgreement = {
  title: "Överenskommelse om missbruk och beroende, Solna",
  level: "lokal",
  parties: ["solna_stad", "region_stockholm"],
  targetGroups: ["missbruk_beroende"],
  municipalities: ["0184"],
  validFrom: "2026-01-15",
  validTo: null,
  sections: [{ kind: "sip", title: "SIP", text: "Kallelse till SIP inom fem arbetsdagar." }],
} as unknown as NewAgreement;

describe.each(testDatabases())("the agreement register on $name", (target) => {
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

  async function created(scope: Scope = lan, input: NewAgreement = solnaAgreement) {
    const result = await write(() => createAgreement(db(), scope, anAuditContext(scope), input));
    if (!result.ok) throw new Error(`refused: ${result.error}`);
    return result.value;
  }

  const count = async (table: string) =>
    (
      await selectRows<{ n: number }>(
        db(),
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`,
      )
    )[0]?.n;

  it("registers a draft at revision 1, due for review on the first 30 November, with its first revision", async () => {
    const a = await created();
    expect(a).toMatchObject({
      status: "draft",
      revision: 1,
      replacedBy: null,
      reviewBy: "2026-11-30",
      documentUrl: null,
    });
    const detail = await getAgreement(db(), lan, a.id);
    expect(detail.ok && detail.value.revisions).toEqual([
      expect.objectContaining({
        revision: 1,
        changedBy: "lan-user",
        fields: expect.arrayContaining(["title", "parties"]),
      }),
    ]);
  });

  it("lets only lan and admin write, and stores nothing for anyone else", async () => {
    for (const scope of [solnaLedning, aScope("samordnare", ["solna_stad"])]) {
      const r = await write(() =>
        createAgreement(db(), scope, anAuditContext(scope), solnaAgreement),
      );
      expect(r).toEqual({ ok: false, error: "forbidden" });
    }
    expect(await count("agreements")).toBe(0);
    expect((await created(admin)).status).toBe("draft");
  });

  it("screens every text and names the field, never the number", async () => {
    const r = await write(() =>
      createAgreement(db(), lan, anAuditContext(lan), {
        ...solnaAgreement,
        sections: [{ kind: "sip", title: "SIP", text: `Gäller ${personnummer}` }],
      }),
    );
    expect(r).toEqual({
      ok: false,
      error: "invalid",
      details: [
        {
          path: "sections.0.text",
          message: t("screening.identifierFound", { field: "sections.0.text" }),
        },
      ],
    });
    expect(JSON.stringify(r)).not.toContain("1212");
    expect(await count("agreements")).toBe(0);
    const audit = await selectRows<{ details: unknown }>(
      db(),
      sql`SELECT details FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(JSON.stringify(audit)).not.toContain("1212");
  });

  it("refuses codes the catalogue does not have, naming the field", async () => {
    const r = await write(() =>
      createAgreement(db(), lan, anAuditContext(lan), {
        ...solnaAgreement,
        parties: ["solna_stad", "okand"],
      } as unknown as NewAgreement),
    );
    expect(r).toEqual({
      ok: false,
      error: "invalid",
      details: [{ path: "parties", message: t("agreements.error.unknownOrganisation") }],
    });
  });

  it("takes exactly one of two edits of the same revision, and keeps both attempts in the trail", async () => {
    const a = await created();
    const before = await countAuditRows(db());
    const [first, second] = await Promise.all([
      reviseAgreement(db(), lan, anAuditContext(lan), a.id, 1, { title: "Ny titel A" }),
      reviseAgreement(db(), admin, anAuditContext(admin), a.id, 1, { title: "Ny titel B" }),
    ]);
    const outcomes = [first, second].map((r) => (r.ok ? "ok" : r.error)).sort();
    expect(outcomes).toEqual(["conflict", "ok"]);
    expect(await countAuditRows(db())).toBe(before + 2);
    const detail = await getAgreement(db(), lan, a.id);
    expect(detail.ok && detail.value.revision).toBe(2);
    expect(detail.ok && detail.value.revisions.map((r) => [r.revision, r.fields])).toEqual([
      [2, ["title"]],
      [1, expect.any(Array)],
    ]);
  });

  it("makes no revision for a PATCH that changes nothing, and refuses a stale one", async () => {
    const a = await created();
    const same = await write(() =>
      reviseAgreement(db(), lan, anAuditContext(lan), a.id, 1, { title: a.title }),
    );
    expect(same.ok && same.value.revision).toBe(1);
    const stale = await write(() =>
      reviseAgreement(db(), lan, anAuditContext(lan), a.id, 7, { title: "X" }),
    );
    expect(stale.ok ? "ok" : stale.error).toBe("conflict");
    expect(await count("agreement_revisions")).toBe(1);
  });

  it("answers not found for an id that names nothing, whatever its shape", async () => {
    for (const id of [
      "00000000-0000-4000-8000-000000000000",
      "inte-ett-id",
      "'; DROP TABLE agreements; --",
    ]) {
      const r = await write(() =>
        reviseAgreement(db(), lan, anAuditContext(lan), id, 1, { title: "X" }),
      );
      expect(r).toEqual({ ok: false, error: "not_found" });
      expect(await getAgreement(db(), lan, id)).toEqual({ ok: false, error: "not_found" });
    }
  });

  it("moves through the status rules, covering the kommun only while in force", async () => {
    const a = await created();
    const cell = async () =>
      (await agreementCoverage(db(), "2026-12-03" as never)).cells.find(
        (c) => c.municipality === "0184" && c.targetGroup === "missbruk_beroende",
      );
    expect((await cell())?.covered).toBe(false);
    const status = (status: string, extra: object = {}) =>
      write(() =>
        changeAgreementStatus(
          db(),
          lan,
          anAuditContext(lan),
          a.id,
          { status: status as never, ...extra },
          new Date("2026-12-03T10:00:00Z"),
        ),
      );
    expect((await status("active")).ok).toBe(true);
    expect((await cell())?.agreements).toEqual([a.id]);
    expect(await status("draft")).toMatchObject({ ok: false, error: "conflict" });
    expect((await status("under_review")).ok).toBe(true);
    const reviewed = await status("active");
    expect(reviewed.ok && reviewed.value).toMatchObject({ reviewBy: "2027-11-30", revision: 4 });
    const successor = await created();
    expect(await status("replaced")).toMatchObject({ ok: false, error: "invalid" });
    const replaced = await status("replaced", { replacedBy: successor.id });
    expect(replaced.ok && replaced.value).toMatchObject({
      status: "replaced",
      replacedBy: successor.id,
    });
    expect((await cell())?.covered).toBe(false);
  });

  it("shows ledning the agreements its organisations are party to, and no other", async () => {
    const a = await created();
    expect((await getAgreement(db(), solnaLedning, a.id)).ok).toBe(true);
    expect(await getAgreement(db(), stockholmLedning, a.id)).toEqual({
      ok: false,
      error: "not_found",
    });
    const today = "2026-12-03" as never;
    expect((await listAgreements(db(), solnaLedning, {}, today)).map((x) => x.id)).toEqual([a.id]);
    expect(await listAgreements(db(), stockholmLedning, {}, today)).toEqual([]);
    expect(await listAgreements(db(), aScope("ledning", []), {}, today)).toEqual([]);
  });

  it("lists reviews overdue and due within N days apart, for agreements in force only", async () => {
    const overdue = await created();
    const soon = await created(lan, {
      ...solnaAgreement,
      reviewBy: "2027-01-10",
    } as unknown as NewAgreement);
    const draft = await created(lan, {
      ...solnaAgreement,
      reviewBy: "2026-01-10",
    } as unknown as NewAgreement);
    for (const a of [overdue, soon])
      await changeAgreementStatus(db(), lan, anAuditContext(lan), a.id, { status: "active" });
    const today = "2026-12-03" as never;
    const ids = async (reviewDue: object) =>
      (await listAgreements(db(), lan, { reviewDue } as never, today)).map((a) => a.id);
    expect(await ids({ kind: "overdue" })).toEqual([overdue.id]);
    expect(await ids({ kind: "within", days: 60 })).toEqual([soon.id]);
    expect(await ids({ kind: "within", days: 30 })).toEqual([]);
    expect(
      (await listAgreements(db(), lan, { status: ["draft"] }, today)).map((a) => a.id),
    ).toEqual([draft.id]);
  });

  it("logs deviations per section and closes each once", async () => {
    const a = await created();
    const logged = await write(() =>
      logDeviation(db(), lan, anAuditContext(lan), a.id, {
        kind: "tvist",
        section: "sip",
        occurredOn: "2026-11-02" as never,
        organisations: ["solna_stad", "region_stockholm"] as never,
        description: "Oenighet om vem som kallar till SIP",
      }),
    );
    if (!logged.ok) throw new Error("not logged");
    expect(logged.value).toMatchObject({ status: "open", resolution: null });
    const close = () =>
      write(() =>
        closeDeviation(db(), lan, anAuditContext(lan), a.id, {
          deviationId: logged.value.id,
          resolution: "Regionen kallar",
        }),
      );
    expect((await close()).ok).toBe(true);
    expect(await close()).toMatchObject({ ok: false, error: "conflict" });
    const other = await created();
    const elsewhere = await write(() =>
      closeDeviation(db(), lan, anAuditContext(lan), other.id, {
        deviationId: logged.value.id,
        resolution: "x",
      }),
    );
    expect(elsewhere).toEqual({ ok: false, error: "not_found" });
    const detail = await getAgreement(db(), solnaLedning, a.id);
    expect(detail.ok && detail.value.deviationsBySection.find((s) => s.section === "sip")).toEqual({
      section: "sip",
      open: 0,
      total: 1,
    });
  });

  it("stores an indicator whose figure the metric has, and refuses one it lacks", async () => {
    const a = await created();
    const indicator = {
      name: "SIP upprättad",
      kind: "process",
      metric: "sip",
      params: { from: "2026-01-01", to: "2026-12-31", municipality: ["0184"] },
      target: { value: 20, direction: "at_least" },
    } as const;
    const ok = await write(() =>
      addIndicator(db(), lan, anAuditContext(lan), a.id, {
        ...indicator,
        figure: "sipEstablished",
      }),
    );
    expect(ok.ok && ok.value).toMatchObject({ agreementId: a.id, figure: "sipEstablished" });
    const wrong = await write(() =>
      addIndicator(db(), lan, anAuditContext(lan), a.id, { ...indicator, figure: "p90" }),
    );
    expect(wrong).toMatchObject({ ok: false, error: "invalid", details: [{ path: "figure" }] });
    const denied = await write(() =>
      addIndicator(db(), solnaLedning, anAuditContext(solnaLedning), a.id, {
        ...indicator,
        figure: "sipEstablished",
      }),
    );
    expect(denied).toEqual({ ok: false, error: "forbidden" });
    expect(await count("agreement_indicators")).toBe(1);
  });
});
