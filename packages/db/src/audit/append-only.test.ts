import { type SQL, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { selectRows } from "../queries/rows";
import { anAuditContext, aScope, countAuditRows, resetData } from "../testing";
import { testDatabases, useMigratedDatabase } from "../testing/databases";
import { recordAudit } from "./record";

describe.each(testDatabases())("the audit log on $name", (target) => {
  const database = useMigratedDatabase(target);

  beforeEach(async () => {
    const { db } = database();
    await resetData(db);
    const ctx = anAuditContext(aScope("admin"));
    await recordAudit(db, ctx, {
      action: "unit.create",
      objectType: "unit",
      objectId: "u1",
      outcome: "ok",
    });
  });

  it.each([
    ["UPDATE", sql`UPDATE audit_log SET actor = 'someone-else'`],
    ["DELETE", sql`DELETE FROM audit_log`],
    ["TRUNCATE", sql`TRUNCATE audit_log`],
  ])("refuses %s and keeps the row as written", async (operation, statement: SQL) => {
    const { db } = database();
    await expect(db.execute(statement)).rejects.toSatisfy((error) =>
      messagesOf(error).some((m) => m.includes(`audit_log is append-only: ${operation}`)),
    );
    const rows = await selectRows<{ actor: string }>(db, sql`SELECT actor FROM audit_log`);
    expect(rows).toEqual([{ actor: "admin-user" }]);
  });

  it("still takes new rows", async () => {
    const { db } = database();
    const ctx = anAuditContext(aScope("samordnare", ["stockholms_stad"]));
    await recordAudit(db, ctx, {
      action: "case.read",
      objectType: "case",
      objectId: "1",
      outcome: "not_found",
    });
    expect(await countAuditRows(db)).toBe(2);
  });
});

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
