import type { AgreementError, AgreementErrorCode } from "@samsyn/domain";
import { type QueryError, type Result, refuse } from "../../queries/result";
import { detail } from "../../queries/validation";

/**
 * How each refusal of `decideAgreement` answers, as `../refusal.ts` does for cases: one table, so
 * every operation of the module answers alike. The audit outcome is `auditOutcomes` there.
 */
const answers: Readonly<Record<AgreementErrorCode, QueryError>> = {
  unknownOrganisation: "invalid",
  unknownTargetGroup: "invalid",
  unknownMunicipality: "invalid",
  tooFewParties: "invalid",
  validityOrder: "invalid",
  replacedByRequired: "invalid",
  replacedByNotAllowed: "invalid",
  unknownAgreement: "invalid",
  figureNotInMetric: "invalid",
  staleRevision: "conflict",
  statusTransition: "conflict",
  agreementEnded: "conflict",
  deviationClosed: "conflict",
};

/** A refusal of the decider as the operation's result, with a detail naming the field. */
export function agreementRefusal<T>(error: AgreementError): Result<T> & { ok: false } {
  const key = `agreements.error.${error.code}` as const;
  const refusal = refuse<T>(answers[error.code], [detail(error.field ?? "", key)]);
  if (refusal.ok) throw new Error("refuse gave no refusal");
  return refusal;
}
