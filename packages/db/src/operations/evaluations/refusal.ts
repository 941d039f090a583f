import type { EvaluationError, EvaluationErrorCode } from "@samsyn/domain";
import { type QueryError, type Result, refuse } from "../../queries/result";
import { detail } from "../../queries/validation";

/** How each refusal of `decideEvaluation` answers: one table for every operation of the module. */
const answers: Readonly<Record<EvaluationErrorCode, QueryError>> = {
  unknownOrganisation: "invalid",
  noOrganisation: "invalid",
  periodReversed: "invalid",
  unknownProcess: "invalid",
  stepsWithoutProcess: "invalid",
  stepNotInProcess: "invalid",
  votesOutOfRange: "invalid",
  unknownTheme: "invalid",
  wrongPhase: "conflict",
  phaseNotNext: "conflict",
  unknownItem: "invalid",
  noItems: "invalid",
  unknownTarget: "invalid",
  voteLimitReached: "conflict",
  notAnImprovement: "invalid",
  ownerNotMember: "invalid",
};

/** A refusal of the decider as the operation's result, with a detail naming the field. */
export function evaluationRefusal<T>(error: EvaluationError): Result<T> & { ok: false } {
  const key = `evaluations.error.${error.code}` as const;
  const refusal = refuse<T>(answers[error.code], [detail(error.field ?? "", key)]);
  if (refusal.ok) throw new Error("refuse gave no refusal");
  return refusal;
}
