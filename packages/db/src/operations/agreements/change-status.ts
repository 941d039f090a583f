import {
  type AgreementStatus,
  decideAgreement,
  mayWriteAgreements,
  type Scope,
  stockholmDate,
} from "@samsyn/domain";
import { eq } from "drizzle-orm";
import { type AuditContext, type AuditEntry, type AuditOutcome, audited } from "../../audit";
import type { Db } from "../../client";
import { type AgreementView, agreementView } from "../../queries/agreements/views";
import { ok, type Result, refuse } from "../../queries/result";
import { agreements } from "../../schema";
import { auditOutcomes } from "../refusal";
import { agreementRefusal } from "./refusal";
import { insertRevision, loadAgreement, loadAgreementCatalogue } from "./state";

export interface StatusChange {
  readonly status: AgreementStatus;
  readonly replacedBy?: string;
}

/**
 * `POST /agreements/{id}/status`: one of the allowed transitions, as a new revision; a review
 * completed today moves `reviewBy` to the next 30 November. Any other transition is 409.
 */
export function changeAgreementStatus(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  id: string,
  change: StatusChange,
  now: Date = new Date(),
): Promise<Result<AgreementView>> {
  const entry = (outcome: AuditOutcome, revision?: number): AuditEntry => ({
    action: "agreement.status",
    objectType: "agreement",
    objectId: id,
    outcome,
    details: { status: change.status, ...(revision === undefined ? {} : { revision }) },
  });
  return audited(db, ctx, async (tx) => {
    if (!mayWriteAgreements(scope)) return { result: refuse("forbidden"), audit: entry("denied") };
    const current = await loadAgreement(tx, id, "for update");
    if (current === undefined) return { result: refuse("not_found"), audit: entry("not_found") };
    const successor =
      change.replacedBy === undefined || change.replacedBy === id
        ? undefined
        : await loadAgreement(tx, change.replacedBy);
    const decision = decideAgreement(
      { type: "changeAgreementStatus", ...change, on: stockholmDate(now.getTime()) },
      { agreement: current, catalogue: await loadAgreementCatalogue(tx), successor },
    );
    if (!decision.ok) {
      const refusal = agreementRefusal<AgreementView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error]) };
    }
    const [revision] = decision.value;
    if (revision?.type !== "agreementRevised") throw new Error("decide changed no status");
    const [row] = await tx
      .update(agreements)
      .set({ ...revision.agreement, updatedAt: now })
      .where(eq(agreements.id, id))
      .returning();
    if (row === undefined) throw new Error("the locked agreement is gone");
    const changed = agreementView(row);
    await insertRevision(tx, changed, revision.fields, ctx.actor);
    return { result: ok(changed), audit: entry("ok", changed.revision) };
  });
}
