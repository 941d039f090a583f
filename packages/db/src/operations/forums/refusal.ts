import type { ForumError, ForumErrorCode } from "@samsyn/domain";
import { type QueryError, type Result, refuse } from "../../queries/result";
import { detail } from "../../queries/validation";

/**
 * How each refusal of `decideForum` answers, as `../agreements/refusal.ts` does for agreements:
 * one table, so every operation of the module answers alike. The audit outcome is
 * `auditOutcomes` in `../refusal.ts`.
 */
const answers: Readonly<Record<ForumErrorCode, QueryError>> = {
  tooFewMembers: "invalid",
  unknownOrganisation: "invalid",
  chairNotMember: "invalid",
  ownerNotMember: "invalid",
  dueBeforeDecided: "invalid",
  unknownIndicator: "invalid",
  figureNotInMetric: "invalid",
  meetingLocked: "conflict",
  statusTransition: "conflict",
  actionClosed: "conflict",
};

/** A refusal of the decider as the operation's result, with a detail naming the field. */
export function forumRefusal<T>(error: ForumError): Result<T> & { ok: false } {
  const refusal = refuse<T>(answers[error.code], [
    detail(error.field ?? "", `forums.error.${error.code}`),
  ]);
  if (refusal.ok) throw new Error("refuse gave no refusal");
  return refusal;
}
