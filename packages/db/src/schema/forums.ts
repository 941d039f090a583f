import type { IsoDate, OrganisationCode } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

/**
 * Ledningsforum (SPEC "Ledningsforum"): leaders of several huvudmän meeting regularly. Members are
 * an array of organisation codes, as agreements' parties are: a county has a handful of forums,
 * and scope reads them with `&&`.
 */
export const forums = pgTable(
  "forums",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    level: text("level").$type<"lan" | "lokal">().notNull(),
    members: text("members").array().$type<readonly OrganisationCode[]>().notNull(),
    chair: text("chair")
      .$type<OrganisationCode>()
      .notNull()
      .references(() => organisations.code),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [check("forums_level_check", sql`${t.level} IN ('lan', 'lokal')`)],
);

/** A meeting: `planned → held → justerat`; a justerat protocol is locked. */
export const forumMeetings = pgTable(
  "forum_meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    forumId: uuid("forum_id")
      .notNull()
      .references(() => forums.id),
    date: date("date", { mode: "string" }).$type<IsoDate>().notNull(),
    title: text("title"),
    status: text("status").$type<"planned" | "held" | "justerat">().notNull(),
    /** Names of those present, as the protocol lists them (set when the meeting is held). */
    participants: text("participants").array().$type<readonly string[]>().notNull().default([]),
    /** Names of those who checked the protocol (set when it is justerat). */
    justerare: text("justerare").array().$type<readonly string[]>().notNull().default([]),
    heldAt: timestamp("held_at", { withTimezone: true, mode: "date" }),
    justeratAt: timestamp("justerat_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("forum_meetings_forum_id_date_idx").on(t.forumId, t.date),
    check("forum_meetings_status_check", sql`${t.status} IN ('planned', 'held', 'justerat')`),
  ],
);

/** An agenda item, picked from a signal or written by hand; shown in `position` order. */
export const forumAgendaItems = pgTable(
  "forum_agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => forumMeetings.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    /** The suggested-agenda signal the item was picked from, if any. */
    signalKind: text("signal_kind"),
    signalRef: text("signal_ref"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [unique("forum_agenda_items_position_unique").on(t.meetingId, t.position)],
);

/** A decision of a meeting, in the order they were taken. */
export const forumDecisions = pgTable(
  "forum_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => forumMeetings.id),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [unique("forum_decisions_position_unique").on(t.meetingId, t.position)],
);

/**
 * The figure an action is meant to move ("did it work?"): an agreement indicator, or a metric
 * query of the same shape as an indicator's. Figures are read as of the decision, the day it
 * was done and today — the metrics are recomputable as of any date, so none is stored.
 */
export type ActionLink =
  | { readonly kind: "indicator"; readonly indicatorId: string }
  | {
      readonly kind: "metric";
      readonly metric: string;
      readonly params: Readonly<Record<string, unknown>>;
      readonly figure: string;
    };

/**
 * An action item: decided at a meeting (`meetingId`) or lifted from an evaluation
 * (`sourceKind` = "evaluation", issue 19). Open ones follow the forum from meeting to meeting
 * until done or cancelled (SPEC `followUp`).
 */
export const forumActions = pgTable(
  "forum_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    forumId: uuid("forum_id")
      .notNull()
      .references(() => forums.id),
    /** The meeting that decided it; null when it came from elsewhere (an evaluation). */
    meetingId: uuid("meeting_id").references(() => forumMeetings.id),
    sourceKind: text("source_kind").$type<"meeting" | "evaluation">().notNull(),
    /** The id of the evaluation it was lifted from, when sourceKind says so. */
    sourceId: uuid("source_id"),
    /** The evaluation item (or group) it was lifted from. */
    sourceItemId: uuid("source_item_id"),
    title: text("title").notNull(),
    owner: text("owner")
      .$type<OrganisationCode>()
      .notNull()
      .references(() => organisations.code),
    /** The day it was decided: the meeting's date, or the day it was lifted. */
    decidedOn: date("decided_on", { mode: "string" }).$type<IsoDate>().notNull(),
    dueOn: date("due_on", { mode: "string" }).$type<IsoDate>().notNull(),
    status: text("status").$type<"open" | "done" | "cancelled">().notNull(),
    /** The day (Europe/Stockholm) it was marked done or cancelled. */
    closedOn: date("closed_on", { mode: "string" }).$type<IsoDate>(),
    link: jsonb("link").$type<ActionLink>(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("forum_actions_forum_id_idx").on(t.forumId),
    check("forum_actions_status_check", sql`${t.status} IN ('open', 'done', 'cancelled')`),
    check("forum_actions_source_check", sql`${t.sourceKind} IN ('meeting', 'evaluation')`),
    check("forum_actions_closed_check", sql`(${t.status} = 'open') = (${t.closedOn} IS NULL)`),
  ],
);
