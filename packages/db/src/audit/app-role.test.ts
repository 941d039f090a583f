import { randomBytes } from "node:crypto";
import type { IsoDate } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Database } from "../client";
import { readDbEnv } from "../env";
import { migrate } from "../migrate";
import { listCases } from "../queries/cases";
import { caseCounts } from "../queries/metrics/case-counts";
import {
  anAuditContext,
  aScope,
  countAuditRows,
  importExampleCounty,
  testDatabases,
} from "../testing";
import { recordAudits } from "./record";

/**
 * README "Database roles": migrations run as the owner, the application as a role that owns
 * nothing. Only PostgreSQL has roles to speak of; PGlite is one embedded user.
 */
const target = testDatabases().find((t) => t.name === "postgres");
const serverUrl = readDbEnv().databaseUrl;

describe.runIf(target !== undefined && serverUrl !== undefined)("the application role", () => {
  // Roles belong to the whole server: a name of its own, so suites running at once do not meet.
  const appRole = `samsyn_app_test_${randomBytes(4).toString("hex")}`;
  let owner: Database;
  let app: Database;

  beforeAll(async () => {
    if (target === undefined || serverUrl === undefined) return;
    owner = await target.open();
    await owner.db.execute(sql.raw(`CREATE ROLE ${appRole} LOGIN`));
    await migrate(owner, { appRole });
    app = await createDb({ databaseUrl: asRole(owner, appRole) });
  });

  afterAll(async () => {
    await app?.close();
    await owner?.db.execute(sql.raw(`DROP OWNED BY ${appRole}`));
    await owner?.close();
    if (serverUrl === undefined) return;
    const server = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await server.unsafe(`DROP ROLE IF EXISTS ${appRole}`);
    await server.end();
  });

  it("imports, writes, lists and reads metrics, every call audited", async () => {
    await importExampleCounty(app);
    const admin = aScope("admin");
    const page = await listCases(app.db, admin, anAuditContext(admin), { limit: 10, offset: 0 });
    expect(page.ok && page.value.items.length).toBeGreaterThan(0);
    const county = { view: "county", restriction: undefined } as const;
    const counts = await caseCounts(app.db, { asOf: "2025-06-30" as IsoDate }, county);
    expect(counts.total).toBeGreaterThan(0);
    await recordAudits(app.db, [
      {
        ctx: anAuditContext(admin),
        entry: { action: "metric.read", objectType: "metric", objectId: "x", outcome: "ok" },
      },
    ]);
    expect(await countAuditRows(app.db)).toBe(2);
  });

  it.each([
    ["disable its trigger", "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate"],
    ["disable every trigger", "ALTER TABLE audit_log DISABLE TRIGGER ALL"],
    ["drop its trigger", "DROP TRIGGER audit_log_append_only ON audit_log"],
    ["delete its rows", "DELETE FROM audit_log"],
    ["update its rows", "UPDATE audit_log SET actor = 'someone-else'"],
    ["truncate it", "TRUNCATE audit_log"],
    ["drop it", "DROP TABLE audit_log"],
    ["skip triggers for the session", "SET session_replication_role = replica"],
  ])("cannot %s", async (_name, statement) => {
    const before = await countAuditRows(owner.db);
    expect(before).toBeGreaterThan(0);
    await expect(app.db.execute(sql.raw(statement))).rejects.toSatisfy((error) =>
      messagesOf(error).some((m) => /permission denied|must be owner/.test(m)),
    );
    expect(await countAuditRows(owner.db)).toBe(before);
  });
});

/** The URL `owner` was opened with, signed in as `role` instead (the test server trusts). */
function asRole(owner: Database, role: string): string {
  if (owner.kind !== "postgres") throw new Error("roles need PostgreSQL");
  const { host, port, database } = owner.client.options;
  return `postgres://${role}@${host[0]}:${port[0]}/${database}`;
}

/** drizzle wraps the driver's error; the database's message is on the cause. */
function messagesOf(error: unknown): string[] {
  const messages: string[] = [];
  let current: unknown = error;
  while (current instanceof Error) {
    messages.push(current.message);
    current = current.cause;
  }
  return messages;
}
