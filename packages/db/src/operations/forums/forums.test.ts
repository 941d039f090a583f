import { type Scope, t } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getForum, listForums } from "../../queries/forums";
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
import { createForum, type NewForum } from ".";

const lan = aScope("lan", []);
const admin = aScope("admin", []);
const stockholmLedning = aScope("ledning", ["stockholms_stad"]);
const solnaLedning = aScope("ledning", ["solna_stad"]);
const stockholmSamordnare = aScope("samordnare", ["stockholms_stad"]);
const personnummer = "19121212-1212";

const stockholmForum = {
  name: "Ledningsgruppen Stockholm–regionen",
  level: "lokal",
  members: ["stockholms_stad", "region_stockholm"],
  chair: "region_stockholm",
} as unknown as NewForum;

describe.each(testDatabases())("forums on $name", (target) => {
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

  const forumCount = async () =>
    (await selectRows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM forums`))[0]?.n;

  const lastAudit = async () =>
    (
      await selectRows<{ outcome: string; object_id: string | null; details: unknown }>(
        db(),
        sql`SELECT outcome, object_id, details FROM audit_log ORDER BY id DESC LIMIT 1`,
      )
    )[0];

  async function created(scope: Scope = lan, input: NewForum = stockholmForum) {
    const result = await write(() => createForum(db(), scope, anAuditContext(scope), input));
    if (!result.ok) throw new Error(`refused: ${result.error}`);
    return result.value;
  }

  it("creates a forum with its members as a sorted set, audited with its id", async () => {
    const forum = await created(lan, {
      ...stockholmForum,
      members: [...stockholmForum.members, "stockholms_stad"],
    } as unknown as NewForum);
    expect(forum).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: stockholmForum.name,
      level: "lokal",
      members: ["region_stockholm", "stockholms_stad"],
      chair: "region_stockholm",
    });
    expect(await lastAudit()).toMatchObject({ outcome: "ok", object_id: forum.id });
    expect((await created(admin)).level).toBe("lokal");
  });

  it("lets only lan and admin create forums, storing nothing for anyone else", async () => {
    for (const scope of [stockholmLedning, stockholmSamordnare]) {
      const r = await write(() => createForum(db(), scope, anAuditContext(scope), stockholmForum));
      expect(r).toEqual({ ok: false, error: "forbidden" });
      expect(await lastAudit()).toMatchObject({ outcome: "denied" });
    }
    expect(await forumCount()).toBe(0);
  });

  it("screens the name, naming the field and never the number", async () => {
    const r = await write(() =>
      createForum(db(), lan, anAuditContext(lan), {
        ...stockholmForum,
        name: `Forum för ${personnummer}`,
      }),
    );
    expect(r).toEqual({
      ok: false,
      error: "invalid",
      details: [{ path: "name", message: t("screening.identifierFound", { field: "name" }) }],
    });
    expect(JSON.stringify(r)).not.toContain("1212");
    expect(JSON.stringify(await lastAudit())).not.toContain("1212");
    expect(await forumCount()).toBe(0);
  });

  it("refuses too few members, unknown organisations and a chair from outside, naming the field", async () => {
    const refusals = [
      [{ members: ["stockholms_stad", "stockholms_stad"], chair: "stockholms_stad" }, "members"],
      [{ members: ["stockholms_stad", "okand"] }, "members"],
      [{ chair: "solna_stad" }, "chair"],
    ] as const;
    for (const [change, path] of refusals) {
      const r = await write(() =>
        createForum(db(), lan, anAuditContext(lan), {
          ...stockholmForum,
          ...change,
        } as unknown as NewForum),
      );
      expect(r).toMatchObject({ ok: false, error: "invalid", details: [{ path }] });
      expect(await lastAudit()).toMatchObject({ outcome: "invalid" });
    }
    expect(await forumCount()).toBe(0);
  });

  it("shows lan and admin every forum, and ledning and samordnare their organisations' only", async () => {
    const stockholm = await created();
    const solna = await created(lan, {
      ...stockholmForum,
      name: "Solna samverkansforum",
      members: ["solna_stad", "region_stockholm"],
    } as unknown as NewForum);
    const names = async (scope: Scope) => (await listForums(db(), scope)).map((f) => f.name);
    expect(await names(lan)).toEqual([stockholm.name, solna.name].sort());
    expect(await names(admin)).toHaveLength(2);
    expect(await names(stockholmLedning)).toEqual([stockholm.name]);
    expect(await names(stockholmSamordnare)).toEqual([stockholm.name]);
    expect(await names(aScope("ledning", []))).toEqual([]);
    expect(await getForum(db(), stockholmSamordnare, stockholm.id)).toEqual({
      ok: true,
      value: stockholm,
    });
    expect(await getForum(db(), solnaLedning, stockholm.id)).toEqual({
      ok: false,
      error: "not_found",
    });
    for (const id of ["00000000-0000-4000-8000-000000000000", "inte-ett-id", "'; --"]) {
      expect(await getForum(db(), lan, id)).toEqual({ ok: false, error: "not_found" });
    }
  });
});
