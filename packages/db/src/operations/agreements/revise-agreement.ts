import {
  type AgreementFields,
  decideAgreement,
  mayWriteAgreements,
  type Scope,
} from "@samsyn/domain";
import { eq } from "drizzle-orm";
import { type AuditContext, type AuditEntry, type AuditOutcome, audited } from "../../audit";
import type { Db } from "../../client";
import { type AgreementView, agreementView } from "../../queries/agreements/views";
import { ok, type Result, refuse } from "../../queries/result";
import { agreements } from "../../schema";
import { auditOutcomes } from "../refusal";
import { agreementRefusal } from "./refusal";
import { screenAgreementText } from "./screen";
import { insertRevision, loadAgreement, loadAgreementCatalogue } from "./state";

/**
 * `PATCH /agreements/{id}`: a new revision with the changed fields, or 409 when
 * `expectedRevision` is not the stored one (someone changed it since the caller read it). The
 * row is locked while deciding, so of two concurrent edits of one revision exactly one wins.
 * A PATCH that changes nothing makes no revision and answers the agreement as it is.
 */
export function reviseAgreement(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  id: string,
  expectedRevision: number,
  changes: Partial<AgreementFields>,
): Promise<Result<AgreementView>> {
  const entry = (
    outcome: AuditOutcome,
    revision?: number,
    fields?: readonly string[],
  ): AuditEntry => ({
    action: "agreement.update",
    objectType: "agreement",
    objectId: id,
    outcome,
    details: revision === undefined ? null : { revision, fields: fields ?? [] },
  });
  return audited(db, ctx, async (tx) => {
    if (!mayWriteAgreements(scope)) return { result: refuse("forbidden"), audit: entry("denied") };
    const current = await loadAgreement(tx, id, "for update");
    if (current === undefined) return { result: refuse("not_found"), audit: entry("not_found") };
    const screened = screenAgreementText(changes);
    if (screened.length > 0)
      return { result: refuse("invalid", screened), audit: entry("invalid") };
    const catalogue = await loadAgreementCatalogue(tx);
    const decision = decideAgreement(
      { type: "reviseAgreement", expectedRevision, changes },
      { agreement: current, catalogue },
    );
    if (!decision.ok) {
      const refusal = agreementRefusal<AgreementView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error]) };
    }
    const [change] = decision.value;
    if (change === undefined)
      return { result: ok(current), audit: entry("ok", current.revision, []) };
    if (change.type !== "agreementRevised") throw new Error("decide revised no agreement");
    const [row] = await tx
      .update(agreements)
      .set({ ...change.agreement, updatedAt: new Date() })
      .where(eq(agreements.id, id))
      .returning();
    if (row === undefined) throw new Error("the locked agreement is gone");
    const revised = agreementView(row);
    await insertRevision(tx, revised, change.fields, ctx.actor);
    return { result: ok(revised), audit: entry("ok", revised.revision, change.fields) };
  });
}
