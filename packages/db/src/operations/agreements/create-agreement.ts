import {
  type CreateAgreement,
  decideAgreement,
  mayWriteAgreements,
  type Scope,
} from "@samsyn/domain";
import { type AuditContext, type AuditEntry, type AuditOutcome, audited } from "../../audit";
import type { Db } from "../../client";
import { type AgreementView, agreementView } from "../../queries/agreements/views";
import { ok, type Result, refuse } from "../../queries/result";
import { agreements } from "../../schema";
import { auditOutcomes } from "../refusal";
import { agreementRefusal } from "./refusal";
import { screenAgreementText } from "./screen";
import { insertRevision, loadAgreementCatalogue } from "./state";

export type NewAgreement = CreateAgreement["fields"];

/**
 * Registers an agreement as a draft at revision 1 (lan and admin only). The decider checks the
 * codes against the stored catalogues and sets the default review date. Audited as
 * `agreement.create`, refusals too, in the transaction that writes it.
 */
export function createAgreement(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  input: NewAgreement,
): Promise<Result<AgreementView>> {
  const entry = (outcome: AuditOutcome, id: string | null): AuditEntry => ({
    action: "agreement.create",
    objectType: "agreement",
    objectId: id,
    outcome,
  });
  return audited(db, ctx, async (tx) => {
    if (!mayWriteAgreements(scope))
      return { result: refuse("forbidden"), audit: entry("denied", null) };
    const screened = screenAgreementText(input);
    if (screened.length > 0)
      return { result: refuse("invalid", screened), audit: entry("invalid", null) };
    const catalogue = await loadAgreementCatalogue(tx);
    const decision = decideAgreement(
      { type: "createAgreement", fields: input },
      { agreement: undefined, catalogue },
    );
    if (!decision.ok) {
      const refusal = agreementRefusal<AgreementView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error], null) };
    }
    const [change] = decision.value;
    if (change?.type !== "agreementRevised") throw new Error("decide created no agreement");
    const [row] = await tx.insert(agreements).values(change.agreement).returning();
    if (row === undefined) throw new Error("insert returned no agreement");
    const created = agreementView(row);
    await insertRevision(tx, created, change.fields, ctx.actor);
    return { result: ok(created), audit: entry("ok", created.id) };
  });
}
