import type { DomainError, DomainErrorCode, MessageKey } from "@samsyn/domain";
import type { AuditOutcome } from "../audit";
import { type QueryError, type Result, refuse } from "../queries/result";
import { detail } from "../queries/validation";

/**
 * How each refusal of `decide` answers: the error the route maps to a status, and the message
 * of the field it names. One table, so an operation cannot answer a rule differently from another.
 */
const answers: Readonly<Record<DomainErrorCode, { error: QueryError; message?: MessageKey }>> = {
  // Out of scope answers as absent: a different answer would tell that the case exists.
  unknownCase: { error: "not_found" },
  unknownUnit: { error: "invalid", message: "access.invalid.unknownUnit" },
  unitOutsideScope: { error: "forbidden" },
  stepNotInProcess: { error: "invalid", message: "access.invalid.stepNotInProcess" },
  consentRequired: { error: "invalid", message: "import.error.consentRequired" },
  conflictingCase: { error: "conflict", message: "access.conflict.caseRef" },
};

/** The audit outcome of each refusal (SPEC: attempts are part of the trail too). */
export const auditOutcomes: Readonly<Record<QueryError, AuditOutcome>> = {
  forbidden: "denied",
  not_found: "not_found",
  conflict: "conflict",
  invalid: "invalid",
};

/** A domain refusal as the operation's result: its error, and a detail naming the field. */
export function refusalOf<T>(domainError: DomainError): Result<T> & { ok: false } {
  const { error, message } = answers[domainError.code];
  const field = domainError.field;
  const refusal =
    message === undefined || field === undefined
      ? refuse<T>(error)
      : refuse<T>(error, [detail(field, message)]);
  if (refusal.ok) throw new Error("refuse gave no refusal");
  return refusal;
}
