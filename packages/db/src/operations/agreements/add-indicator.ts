import { type AddIndicator, decideAgreement, mayWriteAgreements, type Scope } from "@samsyn/domain";
import { type AuditContext, type AuditEntry, type AuditOutcome, audited } from "../../audit";
import type { Db } from "../../client";
import type { IndicatorView } from "../../queries/agreements/views";
import { ok, type Result, refuse } from "../../queries/result";
import { screenFields } from "../../queries/validation";
import { agreementIndicators } from "../../schema";
import { auditOutcomes } from "../refusal";
import { agreementRefusal } from "./refusal";
import { loadAgreement, loadAgreementCatalogue } from "./state";

export type NewIndicator = Omit<AddIndicator, "type"> & {
  readonly params: Readonly<Record<string, unknown>>;
};

/** `POST /agreements/{id}/indicators` (lan, admin). Audited as `agreement_indicator.create`. */
export function addIndicator(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  agreementId: string,
  input: NewIndicator,
): Promise<Result<IndicatorView>> {
  const entry = (outcome: AuditOutcome, id: string | null = null): AuditEntry => ({
    action: "agreement_indicator.create",
    objectType: "agreement_indicator",
    objectId: id,
    outcome,
    details: { agreement: agreementId },
  });
  return audited(db, ctx, async (tx) => {
    if (!mayWriteAgreements(scope)) return { result: refuse("forbidden"), audit: entry("denied") };
    const agreement = await loadAgreement(tx, agreementId);
    if (agreement === undefined) return { result: refuse("not_found"), audit: entry("not_found") };
    const screened = screenFields({ name: input.name });
    if (screened.length > 0)
      return { result: refuse("invalid", screened), audit: entry("invalid") };
    const { params, ...command } = input;
    const decision = decideAgreement(
      { type: "addIndicator", ...command },
      { agreement, catalogue: await loadAgreementCatalogue(tx) },
    );
    if (!decision.ok) {
      const refusal = agreementRefusal<IndicatorView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error]) };
    }
    const [row] = await tx
      .insert(agreementIndicators)
      .values({
        agreementId,
        name: input.name,
        kind: input.kind,
        metric: input.metric,
        params: { ...params },
        figure: input.figure,
        targetValue: input.target.value,
        targetDirection: input.target.direction,
      })
      .returning({ id: agreementIndicators.id });
    if (row === undefined) throw new Error("insert returned no indicator");
    return { result: ok({ id: row.id, agreementId, ...input }), audit: entry("ok", row.id) };
  });
}
