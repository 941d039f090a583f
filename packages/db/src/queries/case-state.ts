import { endOfStockholmDay, type Scope, stockholmDate } from "@samsyn/domain";
import { type SQL, sql } from "drizzle-orm";

/** A case with its current state, as `caseStates` selects it (codes as stored, dates as text). */
export interface CaseStateRow {
  readonly id: number;
  readonly ref_hash_hex: string;
  readonly process: string;
  readonly target_group: string;
  readonly age_group: string;
  readonly municipality_code: string;
  readonly opened_on: string;
  readonly initiating_unit: string;
  readonly lead_unit: string | null;
  readonly current_step: number | null;
  /** The Stockholm date of the `step` event that entered the current step (YYYY-MM-DD). */
  readonly step_on: string | null;
  readonly closed: boolean;
  readonly consent: string | null;
}

/** "Today" of SPEC: events before the end of today in Europe/Stockholm count; later ones not yet. */
export function endOfToday(now: number = Date.now()): string {
  return new Date(endOfStockholmDay(stockholmDate(now))).toISOString();
}

/** An event's calendar date in Europe/Stockholm: "the date" of an event in SPEC. */
const stockholmDay = sql`(e.occurred_at AT TIME ZONE 'Europe/Stockholm')::date`;

/**
 * Cases matching `where` (over alias `c`) with their state as of `end`, in SQL over the events in
 * event order (occurred_at, then seq): current step = last `step` (and `step_on`, its date),
 * lead unit = last `lead`, closed = the last of close/reopen is `close`, consent = last
 * `consent`. The same fold as `deriveCaseState` in the domain; a property test keeps the two
 * equal.
 */
export function caseStates(end: string, where: SQL): SQL {
  return sql`SELECT c.id, encode(c.ref_hash, 'hex') AS ref_hash_hex, c.process, c.target_group,
      c.age_group, c.municipality_code, c.opened_on::text AS opened_on, c.initiating_unit,
      lead.unit_code AS lead_unit, step.step::int AS current_step, step.step_on::text AS step_on,
      coalesce(ending.type = 'close', false) AS closed, consent.value AS consent
    FROM cases c
    LEFT JOIN LATERAL (${lastEvent(end, sql`'step'`, sql`e.step, ${stockholmDay} AS step_on`)}) step ON true
    LEFT JOIN LATERAL (${lastEvent(end, sql`'lead'`, sql`e.unit_code`)}) lead ON true
    LEFT JOIN LATERAL (${lastEvent(end, sql`'close', 'reopen'`, sql`e.type`)}) ending ON true
    LEFT JOIN LATERAL (${lastEvent(end, sql`'consent'`, sql`e.value`)}) consent ON true
    WHERE ${where}`;
}

function lastEvent(end: string, types: SQL, column: SQL): SQL {
  return sql`SELECT ${column} FROM case_events e
    WHERE e.case_id = c.id AND e.type IN (${types}) AND e.occurred_at < ${end}::timestamptz
    ORDER BY e.occurred_at DESC, e.seq DESC LIMIT 1`;
}

/**
 * Whether the caller may see case `s` (a row of `caseStates`) — the visibility rule of SPEC
 * "Roles and scope" and "Consent":
 * - `admin` sees every case;
 * - `samordnare` sees a case when one of their organisations owns its initiating unit, its
 *   current lead unit, or a unit currently participating (joined and not left since);
 * - when the case's current consent is `withdrawn`, participation no longer counts: unit-level
 *   details stop being shared with other huvudmän, so only the organisations of the initiating
 *   and the lead unit still see it;
 * - every other role sees no case (they get aggregates only).
 */
export function visibleTo(scope: Scope, end: string): SQL {
  if (scope.role === "admin") return sql`true`;
  if (scope.role !== "samordnare" || scope.orgs.length === 0) return sql`false`;
  const ownUnits = sql`SELECT u.code FROM units u WHERE u.organisation_code IN ${[...scope.orgs]}`;
  return sql`(s.initiating_unit IN (${ownUnits})
    OR s.lead_unit IN (${ownUnits})
    OR (s.consent IS DISTINCT FROM 'withdrawn' AND EXISTS (
      SELECT 1 FROM (${participation(end)}) p
      WHERE p.type = 'join' AND p.unit_code IN (${ownUnits}))))`;
}

/** Per unit of case `s`, its last join or leave as of `end`: participating when it is a join. */
function participation(end: string): SQL {
  return sql`SELECT DISTINCT ON (e.unit_code) e.unit_code, e.type FROM case_events e
    WHERE e.case_id = s.id AND e.type IN ('join', 'leave') AND e.occurred_at < ${end}::timestamptz
    ORDER BY e.unit_code, e.occurred_at DESC, e.seq DESC`;
}
