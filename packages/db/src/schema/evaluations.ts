import type { IsoDate, OrganisationCode } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Utvärdering, "vad fungerade bra" (SPEC "Utvärdering"): a team's retrospective on its
 * samverkan for a period, organisations and optionally a process's steps. Phases move forward
 * only: `collect → group → vote → discuss → closed`.
 */
export const evaluations = pgTable(
  "evaluations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    organisations: text("organisations").array().$type<readonly OrganisationCode[]>().notNull(),
    from: date("from", { mode: "string" }).$type<IsoDate>().notNull(),
    to: date("to", { mode: "string" }).$type<IsoDate>().notNull(),
    process: text("process"),
    steps: integer("steps").array().$type<readonly number[]>().notNull().default([]),
    /** An anonymous session stores no author anywhere: not on items, votes, events or audit rows. */
    anonymous: boolean("anonymous").notNull(),
    votesPerParticipant: smallint("votes_per_participant").notNull(),
    phase: text("phase").$type<"collect" | "group" | "vote" | "discuss" | "closed">().notNull(),
    /** When the phase began: the board's phase timer counts from here. */
    phaseStartedAt: timestamp("phase_started_at", { withTimezone: true, mode: "date" })
      .notNull()
      .defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "evaluations_phase_check",
      sql`${t.phase} IN ('collect', 'group', 'vote', 'discuss', 'closed')`,
    ),
    check("evaluations_votes_check", sql`${t.votesPerParticipant} BETWEEN 1 AND 10`),
    check("evaluations_period_check", sql`${t.to} >= ${t.from}`),
  ],
);

/** A group of items, made in the `group` phase. */
export const evaluationGroups = pgTable(
  "evaluation_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => evaluations.id),
    title: text("title").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("evaluation_groups_evaluation_id_idx").on(t.evaluationId)],
);

/** An item on the board: what worked well, or what to improve, with its theme and step. */
export const evaluationItems = pgTable(
  "evaluation_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => evaluations.id),
    kind: text("kind").$type<"worked_well" | "improve">().notNull(),
    text: text("text").notNull(),
    theme: text("theme").notNull(),
    step: smallint("step"),
    /** The author's subject; always null in an anonymous session. */
    author: text("author"),
    groupId: uuid("group_id").references(() => evaluationGroups.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("evaluation_items_evaluation_id_idx").on(t.evaluationId),
    check("evaluation_items_kind_check", sql`${t.kind} IN ('worked_well', 'improve')`),
  ],
);

/**
 * A vote for an item or a group. `voter` is a keyed hash (HMAC with the installation secret) of
 * the session and the user: it limits votes per participant and cannot be turned back into the
 * person, so anonymous sessions can count votes without knowing who cast them.
 */
export const evaluationVotes = pgTable(
  "evaluation_votes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => evaluations.id),
    itemId: uuid("item_id").references(() => evaluationItems.id),
    groupId: uuid("group_id").references(() => evaluationGroups.id),
    voter: text("voter").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("evaluation_votes_evaluation_voter_idx").on(t.evaluationId, t.voter),
    check("evaluation_votes_target_check", sql`(${t.itemId} IS NULL) <> (${t.groupId} IS NULL)`),
  ],
);

/**
 * Every change to a board, in order: what the live stream sends (`GET /evaluations/{id}/events`),
 * and what a reconnecting client is sent again after its `Last-Event-ID`. Written in the change's
 * transaction, so a stream never shows a change that was rolled back; several API instances learn
 * of a new one through LISTEN/NOTIFY and read it from here.
 */
export const evaluationEvents = pgTable(
  "evaluation_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references((): AnyPgColumn => evaluations.id),
    type: text("type").notNull(),
    /** The changed item, group, vote totals or phase — never an author in an anonymous session. */
    payload: jsonb("payload").$type<Readonly<Record<string, unknown>>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("evaluation_events_evaluation_id_id_idx").on(t.evaluationId, t.id)],
);
