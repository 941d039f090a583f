import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per successful import. A failed import rolls back in full (SPEC: all-or-nothing), so
 * it leaves no row here; its errors go to the caller. "Skipped" rows were already present.
 */
export const imports = pgTable("imports", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }).notNull(),
  status: text("status").$type<"succeeded">().notNull(),
  /** Who ran it: a user's subject, or "cli". */
  actor: text("actor").notNull(),
  unitsAdded: integer("units_added").notNull(),
  unitsSkipped: integer("units_skipped").notNull(),
  casesAdded: integer("cases_added").notNull(),
  casesSkipped: integer("cases_skipped").notNull(),
  eventsAdded: integer("events_added").notNull(),
  eventsSkipped: integer("events_skipped").notNull(),
});
