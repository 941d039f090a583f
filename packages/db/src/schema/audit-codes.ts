import { type Role, roles } from "@samsyn/domain";

/**
 * What an audit row can say. Codes, never text: the audit log must not become a place where an
 * identifier ends up, so rows hold codes, ids, ref hashes and the caller's organisations only.
 */
export const auditActions = [
  "case.read",
  "case.list",
  "case.create",
  "event.create",
  "unit.create",
  "audit.read",
  "audit.export",
  // A request refused before any route ran (401): the path is the object.
  "api.request",
  // A check is no write, but who looked at which files' report is worth keeping too.
  "import.check",
  "import.commit",
  // Metric reads hold no case-level data, but many of them can difference one case out: they
  // are recorded so that such a series is visible (SPEC "Differencing across queries").
  "metric.read",
  // The agreement register (SPEC "Överenskommelser"): every write, refused ones too.
  "agreement.create",
  "agreement.update",
  "agreement.status",
  // A register CSV: one row for the file, with how many agreements it created and changed.
  "agreement.import",
  "agreement_indicator.create",
  "agreement_deviation.create",
  "agreement_deviation.close",
  // Ledningsforum (SPEC "Ledningsforum"): every write, refused ones too.
  "forum.create",
  "forum_meeting.create",
  "forum_meeting.status",
  "forum_agenda_item.create",
  "forum_decision.create",
  "forum_action.create",
  "forum_action.update",
  // Eskalering: every write; and every list, since an escalation may name a case.
  "escalation.create",
  "escalation.lift",
  "escalation.resolve",
  "escalation.list",
  // Utvärdering: every write; in an anonymous session the row names the session, never who.
  "evaluation.create",
  "evaluation.phase",
  "evaluation_item.create",
  "evaluation_item.action",
  "evaluation_group.create",
  "evaluation_vote.create",
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditObjectTypes = [
  "case",
  "case_list",
  "unit",
  "audit_log",
  "api_path",
  "import",
  "metric",
  "agreement",
  "agreement_indicator",
  "agreement_deviation",
  "forum",
  "forum_meeting",
  "forum_agenda_item",
  "forum_decision",
  "forum_action",
  "escalation",
  "escalation_list",
  "evaluation",
  "evaluation_item",
  "evaluation_group",
  "evaluation_vote",
] as const;
export type AuditObjectType = (typeof auditObjectTypes)[number];

/**
 * `denied` = 403, `not_found` = 404 (also for objects outside scope), `unauthenticated` = 401;
 * `invalid` and `conflict` are refused writes (422, 409): attempts are part of the trail too.
 */
export const auditOutcomes = [
  "ok",
  "denied",
  "not_found",
  "unauthenticated",
  "invalid",
  "conflict",
] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

/** A request without a valid token has no role; its row says `anonymous`. */
export type AuditRole = Role | "anonymous";
export const auditRoles: readonly AuditRole[] = [...roles, "anonymous"];

/**
 * Extra facts of a row: codes, numbers and ids only (filters of a list, the ids of the cases a
 * page showed, the seq of a new event). Never a raw ref or free text.
 */
export type AuditDetailValue = string | number | boolean | null | readonly (string | number)[];
export type AuditDetails = Readonly<Record<string, AuditDetailValue>>;
