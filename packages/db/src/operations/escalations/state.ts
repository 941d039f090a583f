import type { IsoDate } from "@samsyn/domain";
import { eq } from "drizzle-orm";
import type { AuditEntry, AuditOutcome } from "../../audit";
import type { Db } from "../../client";
import { isUuid } from "../../queries/agreements/views";
import type { EscalationRow } from "../../queries/escalations/access";
import { type EscalationView, escalationViews } from "../../queries/escalations/views";
import { agreements } from "../../schema";

/** The agreement `id` if it exists (any status: a dispute may be about an old routine). */
export async function loadAgreementId(db: Db, id: string): Promise<{ id: string } | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select({ id: agreements.id })
    .from(agreements)
    .where(eq(agreements.id, id));
  return row;
}

/** The escalation as the decider reads it, and as the operation answers. */
export async function escalationRecord(
  db: Db,
  row: EscalationRow,
  today: IsoDate,
): Promise<EscalationView> {
  const [view] = await escalationViews(db, [row], today);
  if (view === undefined) throw new Error("an escalation without its view");
  return view;
}

/** The audit row of a write to one escalation: codes and ids only, never its texts. */
export function escalationEntry(
  action: "escalation.create" | "escalation.lift" | "escalation.resolve",
  id: string | null,
  caseRefHashHex: string | null,
) {
  return (outcome: AuditOutcome, details: AuditEntry["details"] = null): AuditEntry => ({
    action,
    objectType: "escalation",
    objectId: id,
    outcome,
    caseRefHash: caseRefHashHex === null ? null : Buffer.from(caseRefHashHex, "hex"),
    details,
  });
}
