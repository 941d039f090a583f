import { mayActOnEscalation, type Scope, seesEscalation } from "@samsyn/domain";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../client";
import { cases, escalations } from "../../schema";
import { isUuid } from "../agreements/views";
import { selectVisibleCase } from "../cases";

export type EscalationRow = typeof escalations.$inferSelect;

/** An escalation's row with its case's keyed ref hash (hex) when it is about a case. */
export interface LoadedEscalation {
  readonly row: EscalationRow;
  readonly caseRefHashHex: string | null;
}

/**
 * The escalation `id`, or undefined when the id names none (whatever its shape). `for update`
 * locks it for the rest of the transaction: a second lift waits, then sees the level the first
 * one reached, so that two lifts at once never skip a level.
 */
export async function loadEscalation(
  db: Db,
  id: string,
  lock: "for update" | "shared" = "shared",
): Promise<LoadedEscalation | undefined> {
  if (!isUuid(id)) return undefined;
  const query = db
    .select({ row: escalations, refHash: sql<string | null>`encode(${cases.refHash}, 'hex')` })
    .from(escalations)
    .leftJoin(cases, eq(cases.id, escalations.caseId))
    .where(eq(escalations.id, id));
  const [found] =
    lock === "for update" ? await query.for("update", { of: escalations }) : await query;
  return found === undefined ? undefined : { row: found.row, caseRefHashHex: found.refHash };
}

/**
 * What the caller may do with an escalation: `act` (lift, resolve; and read), `see` (read
 * only), or `none` (it answers as absent). A samordnare acts on a case escalation whose case is
 * in their scope, by the same visibility as `GET /cases/{id}`, and reads what they act on.
 */
export async function escalationAccess(
  db: Db,
  scope: Scope,
  row: EscalationRow,
): Promise<"act" | "see" | "none"> {
  const caseInScope =
    scope.role === "samordnare" && row.caseId !== null
      ? (await selectVisibleCase(db, scope, row.caseId))?.visible === true
      : false;
  const escalation = { organisations: row.organisations, aboutKind: row.aboutKind };
  if (mayActOnEscalation(scope, escalation, caseInScope)) return "act";
  return seesEscalation(scope, row.organisations) ? "see" : "none";
}
