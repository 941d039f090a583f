import type { Role, Scope } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import { type AuditContext, auditContext } from "../audit";
import type { Db } from "../client";
import { selectRows } from "../queries/rows";

/** A signed-in caller: `aScope("samordnare", ["stockholms_stad"])`. */
export function aScope(role: Role, orgs: readonly string[] = [], sub = `${role}-user`): Scope {
  return { sub, role, orgs };
}

let requests = 0;

/** The audit context a route would build for `scope`, with a fresh request id. */
export function anAuditContext(scope: Scope): AuditContext {
  requests += 1;
  return auditContext(scope, `test-request-${requests}`);
}

export async function countAuditRows(db: Db): Promise<number> {
  const [row] = await selectRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_log`);
  return row?.n ?? 0;
}
