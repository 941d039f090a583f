import { bigint, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { bytea } from "./bytea";

/**
 * Every write and every read of case-level data (SPEC "Access"). Append-only: the security work
 * revokes UPDATE and DELETE on it; a case appears only as its ref hash.
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
  },
  (t) => [index("audit_log_at_idx").on(t.at)],
);
