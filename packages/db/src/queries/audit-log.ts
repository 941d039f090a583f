import {
  administers,
  endOfStockholmDay,
  isRealDate,
  csvField as rfc4180Field,
  type Scope,
  startOfStockholmDay,
  withoutFormula,
} from "@samsyn/domain";
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import {
  type AuditContext,
  type AuditDetails,
  type AuditEntry,
  type AuditOutcome,
  type AuditRole,
  audited,
} from "../audit";
import type { Db } from "../client";
import { auditLog } from "../schema";
import { ok, type Result, refuse, type ValidationDetail } from "./result";
import { detail, pageDetails, screenFields } from "./validation";

export interface AuditLogFilter {
  readonly actor?: string;
  readonly action?: string;
  readonly objectType?: string;
  readonly objectId?: string;
  /** Inclusive calendar dates in Europe/Stockholm. */
  readonly from?: string;
  readonly to?: string;
}

export interface AuditLogQuery extends AuditLogFilter {
  readonly limit: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: number;
}

export interface AuditLogEntry {
  readonly id: number;
  /** ISO 8601 in UTC. */
  readonly at: string;
  readonly actor: string;
  readonly role: AuditRole;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string | null;
  /** Hex of the keyed ref hash, when the row concerns a case. */
  readonly caseRefHash: string | null;
  readonly outcome: AuditOutcome;
  readonly requestId: string | null;
  readonly scopeOrgs: readonly string[] | null;
  readonly details: AuditDetails | null;
}

export interface AuditLogPage {
  readonly items: readonly AuditLogEntry[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  readonly nextCursor: number | null;
}

export const maxAuditPageSize = 500;

export const auditCsvColumns = [
  "id",
  "at",
  "actor",
  "role",
  "action",
  "object_type",
  "object_id",
  "case_ref_hash",
  "outcome",
  "request_id",
  "scope_orgs",
  "details",
] as const;

/** Rows per query while exporting: the export streams, whatever the log's size. */
const exportBatch = 1000;

/**
 * The audit log, newest first, keyset-paginated on id (admin only). Reading it is itself
 * audited as `audit.read`; the row is written after the page is read, so it is not on it.
 */
export function listAuditLog(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  query: AuditLogQuery,
): Promise<Result<AuditLogPage>> {
  const entry = (outcome: AuditOutcome) =>
    auditEntry("audit.read", outcome, { ...filterDetails(query), limit: query.limit });
  return audited(db, ctx, async (tx) => {
    if (!administers(scope.role)) return { result: refuse("forbidden"), audit: entry("denied") };
    const invalid = [...pageDetails(query.limit, 0, maxAuditPageSize), ...filterProblems(query)];
    if (invalid.length > 0) return { result: refuse("invalid", invalid), audit: entry("invalid") };
    const rows = await selectEntries(tx, query, query.cursor, query.limit + 1);
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    const nextCursor = rows.length > query.limit && last !== undefined ? last.id : null;
    return { result: ok({ items, nextCursor }), audit: entry("ok") };
  });
}

/**
 * The filtered audit log as CSV lines (RFC 4180, header first), newest first (admin only).
 * The `audit.export` row is committed before the first line is produced: an export that cannot
 * be audited does not start (fail closed).
 */
export async function exportAuditLogCsv(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  filter: AuditLogFilter,
): Promise<Result<AsyncIterable<string>>> {
  const entry = (outcome: AuditOutcome) =>
    auditEntry("audit.export", outcome, filterDetails(filter));
  const allowed = await audited(db, ctx, async () => {
    if (!administers(scope.role)) return { result: refuse("forbidden"), audit: entry("denied") };
    const invalid = filterProblems(filter);
    if (invalid.length > 0) return { result: refuse("invalid", invalid), audit: entry("invalid") };
    return { result: ok(true), audit: entry("ok") };
  });
  return allowed.ok ? ok(csvLines(db, filter)) : allowed;
}

async function* csvLines(db: Db, filter: AuditLogFilter): AsyncGenerator<string> {
  yield csvLine(auditCsvColumns);
  let cursor: number | undefined;
  for (;;) {
    const rows = await selectEntries(db, filter, cursor, exportBatch);
    for (const row of rows) yield csvLine(csvFields(row));
    const last = rows.at(-1);
    if (rows.length < exportBatch || last === undefined) return;
    cursor = last.id;
  }
}

async function selectEntries(
  db: Db,
  filter: AuditLogFilter,
  cursor: number | undefined,
  limit: number,
): Promise<AuditLogEntry[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions(filter), cursor === undefined ? undefined : lt(auditLog.id, cursor)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor,
    role: r.role as AuditRole,
    action: r.action,
    objectType: r.objectType,
    objectId: r.objectId,
    caseRefHash: r.caseRefHash === null ? null : Buffer.from(r.caseRefHash).toString("hex"),
    outcome: r.outcome as AuditOutcome,
    requestId: r.requestId,
    scopeOrgs: r.scopeOrgs,
    details: r.details,
  }));
}

function conditions(filter: AuditLogFilter): (SQL | undefined)[] {
  const { actor, action, objectType, objectId, from, to } = filter;
  return [
    actor === undefined ? undefined : eq(auditLog.actor, actor),
    action === undefined ? undefined : eq(auditLog.action, action),
    objectType === undefined ? undefined : eq(auditLog.objectType, objectType),
    objectId === undefined ? undefined : eq(auditLog.objectId, objectId),
    from === undefined ? undefined : gte(auditLog.at, new Date(startOfStockholmDay(from))),
    to === undefined ? undefined : lt(auditLog.at, new Date(endOfStockholmDay(to))),
  ];
}

function filterProblems(query: AuditLogFilter & { readonly cursor?: number }) {
  const details: ValidationDetail[] = screenFields(textFilters(query));
  for (const name of ["from", "to"] as const) {
    const date = query[name];
    if (date !== undefined && !isRealDate(date)) details.push(detail(name, "import.error.badDate"));
  }
  const { cursor } = query;
  if (cursor !== undefined && (!Number.isSafeInteger(cursor) || cursor < 1)) {
    details.push(detail("cursor", "access.invalid.cursor"));
  }
  return details;
}

function textFilters(filter: AuditLogFilter): Record<string, string | undefined> {
  const { actor, action, objectType, objectId } = filter;
  return { actor, action, objectType, objectId };
}

/** The filters of a read, for its own audit row: ids and codes, and only when not screened out. */
function filterDetails(query: AuditLogFilter & { readonly cursor?: number }): AuditDetails {
  if (screenFields(textFilters(query)).length > 0) return {};
  const given = Object.entries({ ...textFilters(query), from: query.from, to: query.to });
  const details: Record<string, string | number> = {};
  for (const [name, value] of given) if (value !== undefined) details[name] = value;
  if (query.cursor !== undefined) details.cursor = query.cursor;
  return details;
}

function auditEntry(
  action: "audit.read" | "audit.export",
  outcome: AuditOutcome,
  details: AuditDetails,
): AuditEntry {
  return { action, objectType: "audit_log", objectId: null, outcome, details };
}

function csvFields(entry: AuditLogEntry): (string | number | null)[] {
  return [
    entry.id,
    entry.at,
    entry.actor,
    entry.role,
    entry.action,
    entry.objectType,
    entry.objectId,
    entry.caseRefHash,
    entry.outcome,
    entry.requestId,
    entry.scopeOrgs?.join(" ") ?? null,
    entry.details === null ? null : JSON.stringify(entry.details),
  ];
}

function csvLine(fields: readonly (string | number | null)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/**
 * RFC 4180 quoting, and a leading ' before = + - @ (and tab, CR): a spreadsheet would otherwise
 * run a field such as an actor name as a formula when the admin opens the export.
 */
function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  return rfc4180Field(withoutFormula(value));
}
