import type { IsoDate } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
} from "drizzle-orm/pg-core";

/**
 * The metrics' storage, derived from the events by `refreshCaseFacts` in the same transaction as
 * every write (docs/adr/0005-metrics-storage.md). A timeline is a pair of arrays in event order:
 * values and their Stockholm dates. A metric cuts it at asOf with `width_bucket(asOf, dates)`
 * (how many are dated on or before asOf), because "before the end of day asOf" is exactly
 * "dated on or before asOf". A set (transitions, organisations, pairs) holds each member once
 * with the date it first appeared, sorted by that date.
 */
const dates = (name: string) => date(name, { mode: "string" }).$type<IsoDate>().array().notNull();
/**
 * A derived row's case. No foreign key to `cases`: only `refreshCaseFacts` writes these rows, from
 * `cases` itself, and cases are never deleted — while a key would check (and lock) the case once
 * per derived row, four million times in a first import of a million cases.
 */
const caseId = () => integer("case_id").primaryKey();

/**
 * The codes of the case attributes that metrics group and filter by (process, target group, age
 * group, municipality), numbered: `case_facts` holds each as a small integer, so that a million
 * rows group by integers and only the groups are decoded. `refreshCaseFacts` adds a code when a
 * case first brings it; an id never changes meaning (codes are neither changed nor deleted).
 */
export const caseCodes = pgTable("case_codes", {
  id: smallint("id").primaryKey().generatedAlwaysAsIdentity(),
  code: text("code").notNull().unique(),
});

const codeId = (name: string) => smallint(name).notNull();

/**
 * One narrow row per case, what every metric scans: its attributes and its state after its last
 * event (valid as of any asOf from `settled_on` on, which is nearly always). Fixed-width columns
 * first, and only two short arrays: at a million cases the scan's width is the metrics' cost, so
 * the timelines (needed only for an earlier asOf, and by lead times) live in `case_timelines`.
 */
export const caseFacts = pgTable(
  "case_facts",
  {
    caseId: caseId(),
    openedOn: date("opened_on", { mode: "string" }).$type<IsoDate>().notNull(),
    /** The first day of the month of `opened_on`: the trend's month, without a function per row. */
    openedMonth: date("opened_month", { mode: "string" }).$type<IsoDate>().notNull(),
    /** The date of the case's last event; -infinity when it has none. */
    settledOn: date("settled_on", { mode: "string" }).notNull().default(sql`'-infinity'`),
    stepOn: date("step_on", { mode: "string" }).$type<IsoDate>(),
    /** Date of the first `sip` `established`. */
    sipOn: date("sip_on", { mode: "string" }).$type<IsoDate>(),
    /**
     * The network by principal type: which of the 15 pairs of the six principal types had both
     * taken part (a bit per pair, `principalPairs`), 0 when none.
     */
    principalPairs: integer("principal_pairs").notNull(),
    /**
     * SPEC `cellkey`: the case's record key, in [0, 2³¹), derived from its keyed ref hash by
     * `recordKeySql` (the domain's `recordKeyFromHash`). Metrics sum it beside every count.
     */
    recordKey: integer("record_key").notNull(),
    step: smallint("step"),
    /** How many `step` events the case has. */
    stepCount: smallint("step_count").notNull(),
    /** The case's attributes as `case_codes` ids. */
    processId: codeId("process_id"),
    targetGroupId: codeId("target_group_id"),
    ageGroupId: codeId("age_group_id"),
    municipalityId: codeId("municipality_id"),
    closed: boolean("closed").notNull(),
    leadUnit: text("lead_unit"),
    consent: text("consent"),
    /** Organisations that took part: the initiating unit's, lead and join units'. */
    organisations: text("organisations").array().notNull(),
    /** Flow: the distinct transitions made, each as `from * 100 + to` (steps are 1–99). */
    transitions: smallint("transitions").array().notNull(),
  },
  (t) => [
    // A population starts with "openedOn in [from, to]": whole months read a slice.
    index("case_facts_opened_on_idx").on(t.openedOn),
    // The few cases with events after asOf take the timelines instead of the state above.
    index("case_facts_settled_on_idx").on(t.settledOn),
  ],
);

/**
 * Every `step` event of a case: the current step as of an earlier asOf, and lead times. A table
 * of its own, so that lead times join only what they read.
 */
export const caseSteps = pgTable("case_steps", {
  caseId: caseId(),
  steps: smallint("steps").array().notNull(),
  stepDates: dates("step_dates"),
});

/**
 * The other timelines of a case, for a case with events after asOf (its state as of then). Each set (organisations, principal pairs) holds each change with the
 * date it appeared; a principal-pair mask holds every pair present by its date.
 */
export const caseTimelines = pgTable("case_timelines", {
  caseId: caseId(),
  leadUnits: text("lead_units").array().notNull(),
  leadDates: dates("lead_dates"),
  /** `close` (true) and `reopen` (false) events. */
  endings: boolean("endings").array().notNull(),
  endingDates: dates("ending_dates"),
  consents: text("consents").array().notNull(),
  consentDates: dates("consent_dates"),
  /** The initiating unit's organisation (from -infinity), then lead and join units'. */
  organisations: text("organisations").array().notNull(),
  organisationDates: dates("organisation_dates"),
  principalPairMasks: integer("principal_pair_masks").array().notNull(),
  principalPairDates: dates("principal_pair_dates"),
});

/**
 * The network by unit: pairs a < b (byte order) of the units named in `lead` and `join` events,
 * each from the date its later member first took part.
 */
export const casePairs = pgTable("case_pairs", {
  caseId: caseId(),
  unitPairA: text("unit_pair_a").array().notNull(),
  unitPairB: text("unit_pair_b").array().notNull(),
  unitPairDates: dates("unit_pair_dates"),
});

/**
 * One row counting the changes to the metrics' storage: `refreshCaseFacts` adds one in the
 * transaction of every write, so a figure computed after reading version n is a figure of data at
 * least as new as n. The metric cache (`queries/metrics/cache.ts`) keys its answers by it, which
 * keeps a cached answer from outliving the data it was computed from, on every instance.
 */
export const caseDataVersion = pgTable(
  "case_data_version",
  {
    id: boolean("id").primaryKey().default(true),
    version: bigint("version", { mode: "number" }).notNull().default(0),
  },
  (table) => [check("case_data_version_one_row", sql`${table.id}`)],
);
