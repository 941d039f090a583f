import type { EscalationError, EscalationErrorCode } from "@samsyn/domain";
import { type QueryError, type Result, refuse } from "../../queries/result";
import { detail } from "../../queries/validation";

/**
 * How each refusal of `decideEscalation` answers, as `../agreements/refusal.ts` does for
 * agreements: one table, so every operation of the module answers alike. The audit outcome is
 * `auditOutcomes` in `../refusal.ts`.
 */
const answers: Readonly<Record<EscalationErrorCode, QueryError>> = {
  tooFewOrganisations: "invalid",
  unknownOrganisation: "invalid",
  unknownAgreement: "invalid",
  unknownSection: "invalid",
  levelAboveTop: "conflict",
  escalationResolved: "conflict",
};

/** A refusal of the decider as the operation's result, with a detail naming the field. */
export function escalationRefusal<T>(error: EscalationError): Result<T> & { ok: false } {
  const key = `escalations.error.${error.code}` as const;
  const refusal = refuse<T>(answers[error.code], [detail(error.field ?? "", key)]);
  if (refusal.ok) throw new Error("refuse gave no refusal");
  return refusal;
}
