import {
  type AgeGroup,
  type ConsentValue,
  type EventType,
  type Scope,
  seesCaseLevel,
  stockholmDate,
} from "@samsyn/domain";
import { type SQL, sql } from "drizzle-orm";
import { type AuditContext, type AuditEntry, type AuditOutcome, audited } from "../audit";
import type { Db } from "../client";
import { type CaseStateRow, caseStates, endOfToday, visibleTo } from "./case-state";
import { ok, type Result, refuse } from "./result";
import { selectRows } from "./rows";
import { pageDetails, screenFields } from "./validation";

/** A case as a samordnare or admin sees it in a list: pseudonymous, current state as of today. */
export interface CaseSummary {
  readonly id: number;
  /** The first 8 hex digits of the keyed ref hash: enough to tell cases apart, never the ref. */
  readonly refHashPrefix: string;
  readonly process: string;
  readonly targetGroup: string;
  readonly ageGroup: AgeGroup;
  readonly municipality: string;
  readonly openedOn: string;
  readonly initiatingUnit: string;
  readonly leadUnit: string | null;
  readonly currentStep: number | null;
  /** The date (Stockholm) the case entered its current step; null before its first step. */
  readonly stepOn: string | null;
  /**
   * Days beyond the current step's target days as of today (metric 7's "days over"); null
   * unless the case is stuck: open, its step has target days, and it has been there longer.
   */
  readonly daysOver: number | null;
  readonly closed: boolean;
  readonly consent: ConsentValue | null;
}

export interface CaseEventView {
  readonly type: EventType;
  /** ISO 8601 in UTC. */
  readonly occurredAt: string;
  readonly step: number | null;
  readonly unitCode: string | null;
  readonly value: string | null;
}

export interface CaseDetail extends CaseSummary {
  /** Every recorded event, in event order. */
  readonly events: readonly CaseEventView[];
}

export interface ListCasesOptions {
  readonly limit: number;
  readonly offset: number;
  readonly process?: string;
  readonly targetGroup?: string;
  readonly ageGroup?: string;
  readonly municipality?: string;
  /** Only stuck cases (`daysOver` set), the most days over first. */
  readonly stuck?: boolean;
}

export interface CasePage {
  readonly items: readonly CaseSummary[];
  /** Visible cases matching the filters, over all pages. */
  readonly total: number;
}

export const maxCasePageSize = 500;

/** PostgreSQL `integer`: a larger id cannot name a case (and must not reach the query). */
const maxCaseId = 2_147_483_647;

/**
 * A page of the cases the caller may see (`visibleTo`), newest opened first. Only `samordnare`
 * and `admin`; audited as `case.list` with the ids of the cases the page showed.
 */
export function listCases(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  options: ListCasesOptions,
): Promise<Result<CasePage>> {
  const filters = listFilters(options);
  const entry = (outcome: AuditOutcome, caseIds: readonly number[] = []): AuditEntry => ({
    action: "case.list",
    objectType: "case_list",
    objectId: `offset=${options.offset},limit=${options.limit}`,
    outcome,
    details:
      outcome === "invalid"
        ? null
        : { ...filters, ...(options.stuck === true ? { stuck: true } : {}), caseIds },
  });
  return audited(db, ctx, async (tx) => {
    if (!seesCaseLevel(scope.role)) return { result: refuse("forbidden"), audit: entry("denied") };
    const invalid = [
      ...pageDetails(options.limit, options.offset, maxCasePageSize),
      ...screenFields(filters),
    ];
    if (invalid.length > 0) {
      return { result: refuse("invalid", invalid), audit: entry("invalid") };
    }
    const page = await selectCasePage(tx, scope, options, filters);
    const ids = page.items.map((c) => c.id);
    return { result: ok(page), audit: entry("ok", ids) };
  });
}

/**
 * One case with its events. `not_found` both when it does not exist and when it is outside the
 * caller's scope: a different answer would tell that it exists. Audited as `case.read`.
 */
export function getCase(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  id: number,
): Promise<Result<CaseDetail>> {
  const entry = (outcome: AuditOutcome, refHashHex?: string): AuditEntry => ({
    action: "case.read",
    objectType: "case",
    objectId: String(id),
    outcome,
    caseRefHash: refHashHex === undefined ? null : Buffer.from(refHashHex, "hex"),
  });
  return audited(db, ctx, async (tx) => {
    if (!seesCaseLevel(scope.role)) return { result: refuse("forbidden"), audit: entry("denied") };
    const found = await selectVisibleCase(tx, scope, id);
    if (found === undefined) return { result: refuse("not_found"), audit: entry("not_found") };
    const hash = found.row.ref_hash_hex;
    if (!found.visible) return { result: refuse("not_found"), audit: entry("not_found", hash) };
    const events = await selectEvents(tx, id);
    return { result: ok({ ...toSummary(found.row), events }), audit: entry("ok", hash) };
  });
}

/** A case's state as of today with its days over target (`null` unless stuck). */
export interface CaseRow extends CaseStateRow {
  readonly days_over: number | null;
}

/** A case `id` with whether the caller sees it; undefined when there is no such case. */
export async function selectVisibleCase(
  db: Db,
  scope: Scope,
  id: number,
): Promise<{ row: CaseRow; visible: boolean } | undefined> {
  if (!Number.isInteger(id) || id < 1 || id > maxCaseId) return undefined;
  const now = Date.now();
  const end = endOfToday(now);
  const [row] = await selectRows<CaseRow & { visible: boolean }>(
    db,
    sql`SELECT s.*, ${visibleTo(scope, end)} AS visible
      FROM (${withDaysOver(caseStates(end, sql`c.id = ${id}`), stockholmDate(now))}) s`,
  );
  if (row === undefined) return undefined;
  const { visible, ...state } = row;
  return { row: state, visible };
}

async function selectCasePage(
  db: Db,
  scope: Scope,
  options: ListCasesOptions,
  filters: Partial<Record<FilterName, string>>,
): Promise<CasePage> {
  const now = Date.now();
  const end = endOfToday(now);
  const states = withDaysOver(caseStates(end, filterSql(filters)), stockholmDate(now));
  const stuck = options.stuck === true ? sql` AND s.days_over IS NOT NULL` : sql``;
  const visible = sql`SELECT s.* FROM (${states}) s WHERE ${visibleTo(scope, end)}${stuck}`;
  // A stuck list is a work list: the case longest past its target first.
  const order =
    options.stuck === true
      ? sql`v.days_over DESC, v.opened_on DESC, v.id DESC`
      : sql`v.opened_on DESC, v.id DESC`;
  const rows = await selectRows<CaseRow & { total: number }>(
    db,
    sql`SELECT v.*, count(*) OVER ()::int AS total FROM (${visible}) v
      ORDER BY ${order} LIMIT ${options.limit} OFFSET ${options.offset}`,
  );
  // Past the last page the window has no row to carry the total.
  const total =
    rows[0]?.total ??
    (options.offset === 0
      ? 0
      : await countRows(db, sql`SELECT count(*)::int AS n FROM (${visible}) v`));
  return { items: rows.map(toSummary), total };
}

/**
 * Each case of `states` (rows of `caseStates`) with `days_over` as of `today`, metric 7 for one
 * case: days from the date it entered its current step to today, beyond the step's target days
 * as the county set them in `process_steps`; null when it is closed, has no step, its step has
 * no target, or it is within the target. The same rule as the domain's `caseDaysOver`.
 */
function withDaysOver(states: SQL, today: string): SQL {
  const days = sql`(${today}::date - s.step_on::date)`;
  return sql`SELECT s.*, CASE WHEN NOT s.closed AND ${days} > ps.target_days
      THEN ${days} - ps.target_days END AS days_over
    FROM (${states}) s
    LEFT JOIN process_steps ps ON ps.process_code = s.process AND ps.number = s.current_step`;
}

async function countRows(db: Db, query: SQL): Promise<number> {
  const [row] = await selectRows<{ n: number }>(db, query);
  return row?.n ?? 0;
}

async function selectEvents(db: Db, caseId: number): Promise<CaseEventView[]> {
  const rows = await selectRows<{
    type: EventType;
    occurred_at: string;
    step: number | null;
    unit_code: string | null;
    value: string | null;
  }>(
    db,
    sql`SELECT type, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
        AS occurred_at, step::int AS step, unit_code, value
      FROM case_events WHERE case_id = ${caseId} ORDER BY occurred_at, seq`,
  );
  return rows.map((e) => ({
    type: e.type,
    occurredAt: e.occurred_at,
    step: e.step,
    unitCode: e.unit_code,
    value: e.value,
  }));
}

/** The list filters and the column each one matches. */
const filterColumns = {
  process: "process",
  targetGroup: "target_group",
  ageGroup: "age_group",
  municipality: "municipality_code",
} as const;

type FilterName = keyof typeof filterColumns;

/** The filters that were given, under their API names. */
function listFilters(options: ListCasesOptions): Partial<Record<FilterName, string>> {
  const given: Partial<Record<FilterName, string>> = {};
  for (const name of Object.keys(filterColumns) as FilterName[]) {
    const value = options[name];
    if (value !== undefined) given[name] = value;
  }
  return given;
}

function filterSql(filters: Partial<Record<FilterName, string>>): SQL {
  const conditions = (Object.keys(filters) as FilterName[]).map(
    (name) => sql`c.${sql.identifier(filterColumns[name])} = ${filters[name]}`,
  );
  return conditions.length === 0 ? sql`true` : sql.join(conditions, sql` AND `);
}

function toSummary(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    refHashPrefix: row.ref_hash_hex.slice(0, 8),
    process: row.process,
    targetGroup: row.target_group,
    ageGroup: row.age_group as AgeGroup,
    municipality: row.municipality_code,
    openedOn: row.opened_on,
    initiatingUnit: row.initiating_unit,
    leadUnit: row.lead_unit,
    currentStep: row.current_step,
    stepOn: row.step_on,
    daysOver: row.days_over,
    closed: row.closed,
    consent: row.consent as ConsentValue | null,
  };
}
