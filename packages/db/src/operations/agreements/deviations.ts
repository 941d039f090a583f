import {
  type CloseDeviation,
  decideAgreement,
  type LogDeviation,
  mayWriteAgreements,
  type Scope,
} from "@samsyn/domain";
import { and, eq } from "drizzle-orm";
import { type AuditContext, type AuditEntry, type AuditOutcome, audited } from "../../audit";
import type { Db } from "../../client";
import { type DeviationView, deviationView, isUuid } from "../../queries/agreements/views";
import { ok, type Result, refuse } from "../../queries/result";
import { screenFields } from "../../queries/validation";
import { agreementDeviations } from "../../schema";
import { auditOutcomes } from "../refusal";
import { agreementRefusal } from "./refusal";
import { loadAgreement, loadAgreementCatalogue } from "./state";

function entryFor(
  action: "agreement_deviation.create" | "agreement_deviation.close",
  agreementId: string,
) {
  return (outcome: AuditOutcome, id: string | null = null): AuditEntry => ({
    action,
    objectType: "agreement_deviation",
    objectId: id,
    outcome,
    details: { agreement: agreementId },
  });
}

/** `POST /agreements/{id}/deviations` (lan, admin): an avvikelse or tvist, open. */
export function logDeviation(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  agreementId: string,
  input: Omit<LogDeviation, "type">,
): Promise<Result<DeviationView>> {
  const entry = entryFor("agreement_deviation.create", agreementId);
  return audited(db, ctx, async (tx) => {
    if (!mayWriteAgreements(scope)) return { result: refuse("forbidden"), audit: entry("denied") };
    const agreement = await loadAgreement(tx, agreementId);
    if (agreement === undefined) return { result: refuse("not_found"), audit: entry("not_found") };
    const screened = screenFields({ description: input.description });
    if (screened.length > 0)
      return { result: refuse("invalid", screened), audit: entry("invalid") };
    const decision = decideAgreement(
      { type: "logDeviation", ...input },
      { agreement, catalogue: await loadAgreementCatalogue(tx) },
    );
    if (!decision.ok) {
      const refusal = agreementRefusal<DeviationView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error]) };
    }
    const [logged] = decision.value;
    if (logged?.type !== "deviationLogged") throw new Error("decide logged no deviation");
    const [row] = await tx
      .insert(agreementDeviations)
      .values({
        agreementId,
        ...logged.deviation,
        organisations: [...logged.deviation.organisations],
        status: "open",
      })
      .returning();
    if (row === undefined) throw new Error("insert returned no deviation");
    return { result: ok(deviationView(row)), audit: entry("ok", row.id) };
  });
}

/** `PATCH /agreements/{id}/deviations/{did}` `{status: "closed", resolution}`; closing twice is 409. */
export function closeDeviation(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  agreementId: string,
  input: Omit<CloseDeviation, "type">,
  now: Date = new Date(),
): Promise<Result<DeviationView>> {
  const entry = entryFor("agreement_deviation.close", agreementId);
  return audited(db, ctx, async (tx) => {
    if (!mayWriteAgreements(scope))
      return { result: refuse("forbidden"), audit: entry("denied", input.deviationId) };
    const agreement = await loadAgreement(tx, agreementId);
    const [found] =
      agreement === undefined || !isUuid(input.deviationId)
        ? []
        : await tx
            .select()
            .from(agreementDeviations)
            .where(
              and(
                eq(agreementDeviations.id, input.deviationId),
                eq(agreementDeviations.agreementId, agreementId),
              ),
            )
            .for("update");
    if (agreement === undefined || found === undefined) {
      return { result: refuse("not_found"), audit: entry("not_found", input.deviationId) };
    }
    const screened = screenFields({ resolution: input.resolution });
    if (screened.length > 0)
      return { result: refuse("invalid", screened), audit: entry("invalid", found.id) };
    const decision = decideAgreement(
      { type: "closeDeviation", ...input },
      { agreement, catalogue: await loadAgreementCatalogue(tx), deviation: deviationView(found) },
    );
    if (!decision.ok) {
      const refusal = agreementRefusal<DeviationView>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error], found.id) };
    }
    const [row] = await tx
      .update(agreementDeviations)
      .set({ status: "closed", resolution: input.resolution, closedAt: now })
      .where(eq(agreementDeviations.id, found.id))
      .returning();
    if (row === undefined) throw new Error("the locked deviation is gone");
    return { result: ok(deviationView(row)), audit: entry("ok", row.id) };
  });
}
