import { sql } from "drizzle-orm";
import { bigint, check, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { type AuditDetails, auditOutcomes, auditRoles } from "./audit-codes";
import { bytea } from "./bytea";

/**
 * Every write and every read of case-level data (SPEC "Access"). Append-only: triggers in
 * migration 0001 refuse UPDATE, DELETE and TRUNCATE; a case appears only as its ref hash.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    actor: text("actor").notNull(),
    role: text("role").notNull(),
    action: text("action").notNull(),
    objectType: text("object_type").notNull(),
    objectId: text("object_id"),
    caseRefHash: bytea("case_ref_hash"),
    outcome: text("outcome").notNull(),
    requestId: text("request_id"),
    /** The caller's organisation scope when the row was written: scope changes over time. */
    scopeOrgs: text("scope_orgs").array(),
    details: jsonb("details").$type<AuditDetails>(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    // The admin filters by user and by object, newest first (keyset on id).
    index("audit_log_actor_idx").on(t.actor, t.id),
    index("audit_log_object_idx").on(t.objectType, t.objectId, t.id),
    // A row nobody can attribute is worthless: an empty actor fails the insert, and with it the
    // action it records (fail closed).
    check("audit_log_actor_check", sql`char_length(${t.actor}) BETWEEN 1 AND 256`),
    check("audit_log_role_check", sql`${t.role} IN (${list(auditRoles)})`),
    check("audit_log_outcome_check", sql`${t.outcome} IN (${list(auditOutcomes)})`),
    check("audit_log_action_check", sql`${t.action} ~ '^[a-z_]+\\.[a-z_]+$'`),
  ],
);

/** A constant list for a CHECK: DDL takes no parameters, and the values are our own codes. */
function list(values: readonly string[]): ReturnType<typeof sql.raw> {
  return sql.raw(values.map((v) => `'${v}'`).join(", "));
}
