import { type Scope, t } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type AuditContext, recordAudit } from "../audit";
import {
  anAuditContext,
  aScope,
  countAuditRows,
  resetData,
  testDatabases,
  useMigratedDatabase,
} from "../testing";
import { auditCsvColumns, exportAuditLogCsv, listAuditLog } from "./audit-log";
import { selectRows } from "./rows";

const admin = aScope("admin", [], "admin-1");

describe.each(testDatabases())("the audit log queries on $name", (target) => {
  const database = useMigratedDatabase(target);
  const db = () => database().db;

  beforeEach(() => resetData(db()));

  /** `n` rows: case reads by anna (odd) and bertil (even) of cases 1…n. */
  async function seed(n: number): Promise<void> {
    for (let i = 1; i <= n; i++) {
      const ctx: AuditContext = {
        actor: i % 2 === 1 ? "anna" : "bertil",
        role: "samordnare",
        requestId: `seed-${i}`,
        orgs: ["solna_stad"],
      };
      await recordAudit(db(), ctx, {
        action: "case.read",
        objectType: "case",
        objectId: String(i),
        outcome: "ok",
      });
    }
  }

  const list = (query: Parameters<typeof listAuditLog>[3], scope: Scope = admin) =>
    listAuditLog(db(), scope, anAuditContext(scope), query);

  it("pages newest first without gaps or repeats", async () => {
    await seed(7);
    const seen: string[] = [];
    let cursor: number | undefined;
    let pages = 0;
    do {
      const page = await list({ limit: 3, objectType: "case", ...(cursor ? { cursor } : {}) });
      if (!page.ok) throw new Error(page.error);
      seen.push(...page.value.items.map((e) => e.objectId ?? ""));
      cursor = page.value.nextCursor ?? undefined;
      pages++;
    } while (cursor !== undefined);
    expect(seen).toEqual(["7", "6", "5", "4", "3", "2", "1"]);
    expect(pages).toBe(3);
  });

  it("filters by actor, object and period", async () => {
    await seed(4);
    const byActor = await list({ limit: 10, actor: "bertil" });
    expect(byActor.ok && byActor.value.items.map((e) => e.objectId)).toEqual(["4", "2"]);
    const byObject = await list({ limit: 10, objectType: "case", objectId: "3" });
    expect(byObject.ok && byObject.value.items).toEqual([
      expect.objectContaining({
        actor: "anna",
        role: "samordnare",
        action: "case.read",
        objectType: "case",
        objectId: "3",
        outcome: "ok",
        requestId: "seed-3",
        scopeOrgs: ["solna_stad"],
        caseRefHash: null,
      }),
    ]);
    const past = await list({ limit: 10, from: "2000-01-01", to: "2000-12-31" });
    expect(past).toEqual({ ok: true, value: { items: [], nextCursor: null } });
    const recent = await list({ limit: 10, actor: "anna", from: "2000-01-01", to: "2999-12-31" });
    expect(recent.ok && recent.value.items.length).toBe(2);
  });

  it("audits each read as audit.read, after the page was read", async () => {
    await seed(1);
    const ctx = anAuditContext(admin);
    const page = await listAuditLog(db(), admin, ctx, { limit: 10, actor: "anna" });
    expect(page.ok && page.value.items.length).toBe(1);
    const [row] = await selectRows<Record<string, unknown>>(
      db(),
      sql`SELECT actor, action, object_type, outcome, details FROM audit_log
        WHERE request_id = ${ctx.requestId}`,
    );
    expect(row).toEqual({
      actor: "admin-1",
      action: "audit.read",
      object_type: "audit_log",
      outcome: "ok",
      details: { actor: "anna", limit: 10 },
    });
  });

  it("refuses bad parameters with details", async () => {
    const result = await list({
      limit: 501,
      from: "2024-02-30",
      cursor: -1,
      objectId: "191212121212",
    });
    expect(result).toEqual({
      ok: false,
      error: "invalid",
      details: [
        { path: "limit", message: t("access.invalid.limit", { max: 500 }) },
        { path: "objectId", message: t("screening.identifierFound", { field: "objectId" }) },
        { path: "from", message: t("import.error.badDate") },
        { path: "cursor", message: t("access.invalid.cursor") },
      ],
    });
    const [row] = await selectRows<{ details: unknown }>(
      db(),
      sql`SELECT details FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(JSON.stringify(row)).not.toContain("1212");
  });

  it.each(["lan", "ledning", "samordnare"] as const)(
    "refuses %s, and records the refusal",
    async (role) => {
      const scope = aScope(role, ["solna_stad"]);
      const before = await countAuditRows(db());
      expect(await list({ limit: 10 }, scope)).toEqual({ ok: false, error: "forbidden" });
      expect(await exportAuditLogCsv(db(), scope, anAuditContext(scope), {})).toEqual({
        ok: false,
        error: "forbidden",
      });
      const rows = await selectRows<{ action: string; outcome: string }>(
        db(),
        sql`SELECT action, outcome FROM audit_log ORDER BY id`,
      );
      expect(rows.slice(before)).toEqual([
        { action: "audit.read", outcome: "denied" },
        { action: "audit.export", outcome: "denied" },
      ]);
    },
  );

  describe("exportAuditLogCsv", () => {
    async function exported(filter: Parameters<typeof exportAuditLogCsv>[3]): Promise<string[]> {
      const result = await exportAuditLogCsv(db(), admin, anAuditContext(admin), filter);
      if (!result.ok) throw new Error(result.error);
      const lines: string[] = [];
      for await (const line of result.value) lines.push(line);
      return lines;
    }

    it("streams the filtered log as CSV, header first, newest first", async () => {
      await seed(3);
      const lines = await exported({ actor: "anna" });
      expect(lines[0]).toBe(`${auditCsvColumns.join(",")}\r\n`);
      expect(lines.slice(1).map((l) => l.split(",")[6])).toEqual(["3", "1"]);
      expect(lines[1]).toMatch(
        /^\d+,\d{4}-\d{2}-\d{2}T[^,]+,anna,samordnare,case\.read,case,3,,ok,seed-3,solna_stad,\r\n$/,
      );
    });

    it("records the export before the first line", async () => {
      const lines = await exported({});
      // The only row is the export's own: it was committed before the log was read.
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(",audit.export,audit_log,");
    });

    it("quotes RFC 4180 fields and defuses spreadsheet formulas", async () => {
      const ctx: AuditContext = { actor: '=HYPERLINK("x"),1', role: "admin", requestId: "r" };
      await recordAudit(db(), ctx, {
        action: "unit.create",
        objectType: "unit",
        objectId: "a,b",
        outcome: "ok",
      });
      const lines = await exported({ action: "unit.create" });
      expect(lines[1]).toContain(`,"'=HYPERLINK(""x""),1",admin,unit.create,unit,"a,b",`);
    });

    it("reads past one batch", async () => {
      await seed(1);
      const many = Array.from({ length: 1100 }, (_, i) => i);
      await db().execute(sql`INSERT INTO audit_log (actor, role, action, object_type, object_id, outcome)
        SELECT 'bulk', 'admin', 'unit.create', 'unit', n::text, 'ok'
        FROM generate_series(1, ${many.length}) AS n`);
      const lines = await exported({ actor: "bulk" });
      expect(lines).toHaveLength(1 + many.length);
      expect(new Set(lines).size).toBe(lines.length);
    });
  });
});
