import type {
  AgreementLevel,
  AgreementSection,
  AgreementStatus,
  IsoDate,
  MunicipalityCode,
  OrganisationCode,
  TargetGroupCode,
} from "@samsyn/domain";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * The county's register of överenskommelser (SPEC "Överenskommelser"). A few hundred rows at
 * most, so parties, target groups and municipalities are arrays checked against the catalogues
 * by the write operations, not join tables: coverage and scope read them with `&&` and `ANY`.
 */
export const agreements = pgTable(
  "agreements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    level: text("level").$type<AgreementLevel>().notNull(),
    parties: text("parties").array().$type<readonly OrganisationCode[]>().notNull(),
    targetGroups: text("target_groups").array().$type<readonly TargetGroupCode[]>().notNull(),
    municipalities: text("municipalities").array().$type<readonly MunicipalityCode[]>().notNull(),
    validFrom: date("valid_from", { mode: "string" }).$type<IsoDate>().notNull(),
    validTo: date("valid_to", { mode: "string" }).$type<IsoDate>(),
    reviewBy: date("review_by", { mode: "string" }).$type<IsoDate>().notNull(),
    documentUrl: text("document_url"),
    sections: jsonb("sections").$type<readonly AgreementSection[]>().notNull(),
    status: text("status").$type<AgreementStatus>().notNull(),
    revision: integer("revision").notNull(),
    replacedBy: uuid("replaced_by").references((): AnyPgColumn => agreements.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "agreements_status_check",
      sql`${t.status} IN ('draft', 'active', 'under_review', 'expired', 'replaced')`,
    ),
    check("agreements_level_check", sql`${t.level} IN ('lan', 'lokal')`),
    check("agreements_validity_check", sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
    check("agreements_revision_check", sql`${t.revision} >= 1`),
  ],
);

/**
 * Every revision of an agreement, the first included: who changed which fields and when, and
 * the agreement as it stood after the change, so the history can always be shown in full.
 */
export const agreementRevisions = pgTable(
  "agreement_revisions",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    revision: integer("revision").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** The user's subject, as the audit log names it. */
    changedBy: text("changed_by").notNull(),
    /** The fields this revision changed (all of them for revision 1). */
    fields: text("fields").array().notNull(),
    snapshot: jsonb("snapshot").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.revision] })],
);

/** A stored metric query with a target: whether the agreed routine works in practice. */
export const agreementIndicators = pgTable(
  "agreement_indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    metric: text("metric").notNull(),
    /** The metric's parameters without asOf and groupBy, as the metrics API takes them. */
    params: jsonb("params").$type<Record<string, unknown>>().notNull(),
    figure: text("figure").notNull(),
    targetValue: doublePrecision("target_value").notNull(),
    targetDirection: text("target_direction").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("agreement_indicators_agreement_id_idx").on(t.agreementId),
    check(
      "agreement_indicators_kind_check",
      sql`${t.kind} IN ('precondition', 'process', 'result')`,
    ),
    check(
      "agreement_indicators_direction_check",
      sql`${t.targetDirection} IN ('at_least', 'at_most')`,
    ),
  ],
);

/** Avvikelser and tvister, logged against a section of an agreement. */
export const agreementDeviations = pgTable(
  "agreement_deviations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    kind: text("kind").notNull(),
    /** The section kind the deviation concerns. */
    section: text("section").notNull(),
    occurredOn: date("occurred_on", { mode: "string" }).$type<IsoDate>().notNull(),
    organisations: text("organisations").array().$type<readonly OrganisationCode[]>().notNull(),
    description: text("description").notNull(),
    status: text("status").notNull(),
    resolution: text("resolution"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("agreement_deviations_agreement_id_idx").on(t.agreementId),
    check("agreement_deviations_kind_check", sql`${t.kind} IN ('avvikelse', 'tvist')`),
    check("agreement_deviations_status_check", sql`${t.status} IN ('open', 'closed')`),
  ],
);
