import type { Scope } from "@samsyn/domain";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "./bytea";

/**
 * What several `samsyn serve` processes on one PostgreSQL database must share, so that a request
 * may reach any of them (docs/scaling.md "Several instances"). None of it is county data: every
 * row expires within hours and is deleted as it does.
 */

/**
 * An import started through `POST /imports`, so that its status can be polled on any instance.
 * The instance running it writes its progress (at most every second) and a heartbeat; a running
 * job whose heartbeat stopped belongs to an instance that died, and reads as failed. Kept an hour
 * after it finished. The report repeats only what the importer's screening lets a report repeat.
 */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: uuid("id").primaryKey(),
    /** The subject of the user who started it: only they may read it. */
    owner: text("owner").notNull(),
    state: text("state").$type<"running" | "done" | "failed">().notNull(),
    progress: jsonb("progress").notNull(),
    report: jsonb("report"),
    failure: text("failure").$type<"database_unavailable" | "unexpected">(),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true, mode: "date" }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("import_jobs_finished_at_idx").on(t.finishedAt)],
);

/**
 * Sliding-window rate limit counters per user, shared by the instances: a fixed window's count
 * per limiter and key (`window_start` in ms since the epoch). UNLOGGED in the migration: a
 * counter lost in a crash costs nothing, and a request must not wait for a WAL flush.
 */
export const rateLimitWindows = pgTable(
  "rate_limit_windows",
  {
    limiter: text("limiter").notNull(),
    key: text("key").notNull(),
    windowStart: bigint("window_start", { mode: "number" }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.limiter, t.key, t.windowStart] })],
);

/**
 * The dashboard's sign-in sessions (ADR 0009). The cookie's random id is stored only as its
 * SHA-256: whoever reads this table (or a backup) cannot act as a signed-in user. The provider's
 * ID token is encrypted with a key derived from SAMSYN_SECRET.
 */
export const dashboardSessions = pgTable(
  "dashboard_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    scope: jsonb("scope").$type<Scope>().notNull(),
    idToken: bytea("id_token"),
    endsAt: timestamp("ends_at", { withTimezone: true, mode: "date" }).notNull(),
    lastCallAt: timestamp("last_call_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("dashboard_sessions_ends_at_idx").on(t.endsAt)],
);

/**
 * A sign-in on its way through the provider, under the SHA-256 of its `state`: the callback may
 * reach another instance than the one that sent the user off. The PKCE verifier, nonce and return
 * path are encrypted together. Taken once (deleted as read); ten minutes at most.
 */
export const dashboardSignIns = pgTable(
  "dashboard_sign_ins",
  {
    stateHash: text("state_hash").primaryKey(),
    attempt: bytea("attempt").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("dashboard_sign_ins_expires_at_idx").on(t.expiresAt)],
);
