import type { IsoDate, OrganisationCode } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { agreements } from "./agreements";
import { cases } from "./cases";

/**
 * Eskalering (SPEC "Eskalering"): a dispute over responsibility between huvudmän, lifted one
 * management level at a time (1 = enhetschef, 2 = verksamhetschef, 3 = förvaltningschef or
 * ledningsforum) until resolved. About a case (by its internal id: pseudonymous) or a routine
 * (optionally an agreement's section).
 */
export const escalations = pgTable(
  "escalations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    aboutKind: text("about_kind").$type<"case" | "routine">().notNull(),
    caseId: integer("case_id").references(() => cases.id),
    agreementId: uuid("agreement_id").references(() => agreements.id),
    /** An agreement section kind, for a routine. */
    section: text("section"),
    organisations: text("organisations").array().$type<readonly OrganisationCode[]>().notNull(),
    question: text("question").notNull(),
    level: smallint("level").notNull(),
    status: text("status").$type<"open" | "resolved">().notNull(),
    resolution: text("resolution"),
    /** The day (Europe/Stockholm) it was raised, and resolved. */
    openedOn: date("opened_on", { mode: "string" }).$type<IsoDate>().notNull(),
    resolvedOn: date("resolved_on", { mode: "string" }).$type<IsoDate>(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("escalations_status_level_idx").on(t.status, t.level),
    check("escalations_level_check", sql`${t.level} BETWEEN 1 AND 3`),
    check("escalations_status_check", sql`${t.status} IN ('open', 'resolved')`),
    check("escalations_about_check", sql`${t.aboutKind} IN ('case', 'routine')`),
    check("escalations_case_check", sql`(${t.aboutKind} = 'case') = (${t.caseId} IS NOT NULL)`),
    check(
      "escalations_resolved_check",
      sql`(${t.status} = 'resolved') = (${t.resolvedOn} IS NOT NULL)`,
    ),
  ],
);

/** Each lift to the next level, with its note: the escalation's history. */
export const escalationLifts = pgTable(
  "escalation_lifts",
  {
    escalationId: uuid("escalation_id")
      .notNull()
      .references(() => escalations.id),
    /** The level it was lifted to (2 or 3). */
    level: smallint("level").notNull(),
    note: text("note").notNull(),
    liftedOn: date("lifted_on", { mode: "string" }).$type<IsoDate>().notNull(),
    liftedAt: timestamp("lifted_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.escalationId, t.level] })],
);
