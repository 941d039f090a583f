import type {
  AgeGroup,
  EventType,
  IsoDate,
  MunicipalityCode,
  OrganisationCode,
  ProcessCode,
  TargetGroupCode,
  UnitCode,
} from "@samsyn/domain";
import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { bytea } from "./bytea";
import { municipalities, processModels, targetGroups } from "./catalogues";
import { organisations, units } from "./organisations";

export const cases = pgTable(
  "cases",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /**
     * HMAC-SHA-256 of the source system's ref with the installation secret. The ref itself is
     * never stored (SPEC "Privacy"): a case is found again only by hashing the ref once more.
     */
    refHash: bytea("ref_hash").notNull(),
    /**
     * The organisation whose system the ref comes from: its initiating unit's. A ref names one
     * case within its organisation, so two organisations may use the same ref, and a ref taken
     * elsewhere tells a caller nothing (ADR 0004, the existence oracle).
     */
    organisationCode: text("organisation_code")
      .$type<OrganisationCode>()
      .notNull()
      .references(() => organisations.code),
    process: text("process")
      .$type<ProcessCode>()
      .notNull()
      .references(() => processModels.code),
    targetGroup: text("target_group")
      .$type<TargetGroupCode>()
      .notNull()
      .references(() => targetGroups.code),
    ageGroup: text("age_group").$type<AgeGroup>().notNull(),
    municipalityCode: text("municipality_code")
      .$type<MunicipalityCode>()
      .notNull()
      .references(() => municipalities.code),
    openedOn: date("opened_on", { mode: "string" }).$type<IsoDate>().notNull(),
    initiatingUnit: text("initiating_unit")
      .$type<UnitCode>()
      .notNull()
      .references(() => units.code),
  },
  // Every metric's population starts with "opened_on in [from, to] and on or before asOf".
  (t) => [
    index("cases_opened_on_idx").on(t.openedOn),
    // Ref first: the importer looks a ref up before it knows the organisation.
    unique("cases_ref_hash_organisation_key").on(t.refHash, t.organisationCode),
  ],
);

/**
 * The event log, append-only. Its references (the case, the unit) carry no foreign keys: both
 * writers check them in the transaction that inserts (the importer in `checkReferences`,
 * `appendCaseEvent` by the visible case it found and `decide`), no case or unit is ever
 * deleted, and the per-row checks of two keys tripled the time of an import's event insert
 * (6 s → 17 s for 1.6 M events). See docs/adr/0005.
 */
export const caseEvents = pgTable(
  "case_events",
  {
    /** A row of `cases`. */
    caseId: integer("case_id").notNull(),
    /**
     * Recorded order (row order of an import, order of writes): breaks ties in occurred_at, and
     * is the key (no surrogate id: at 16 M events every index counts).
     */
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull(),
    type: text("type").$type<EventType>().notNull(),
    step: smallint("step"),
    /** A row of `units`. */
    unitCode: text("unit_code").$type<UnitCode>(),
    value: text("value"),
    /**
     * 1 for the first of identical rows of a case (same instant, type, step, unit and value),
     * 2 for the second …: SPEC identifies an event by its columns and this number, which makes
     * a re-import idempotent while keeping genuine repeats.
     */
    occurrence: smallint("occurrence").notNull(),
  },
  (t) => [
    // A case's events, for its facts, its event list and the writers' identity check. The event
    // identity of SPEC "Interchange format" (case, columns, occurrence) has no unique key: both
    // writers insert under the same table lock and skip an event already present, and at 16 M
    // events that key cost 1 GB; this index, deduplicated by PostgreSQL, about 130 MB.
    index("case_events_case_id_idx").on(t.caseId),
  ],
);
