import type { SQL } from "drizzle-orm";
import type { Db } from "../client";
import { auditLog } from "../schema/audit";
import type {
  AuditAction,
  AuditDetails,
  AuditObjectType,
  AuditOutcome,
} from "../schema/audit-codes";
import type { AuditContext } from "./context";

/** What happened, to which object: one audit row beside the context's who and when. */
export interface AuditEntry {
  readonly action: AuditAction;
  readonly objectType: AuditObjectType;
  readonly objectId: string | null;
  readonly outcome: AuditOutcome;
  /** The case's stored ref hash when the row concerns one case; never the ref itself. */
  readonly caseRefHash?: Uint8Array | null;
  readonly details?: AuditDetails | null;
  /** When it happened, for a row written later than that (a buffered read); default now. */
  readonly at?: Date;
}

/** One row of a batch: who, and what happened. */
export interface AuditRecord {
  readonly ctx: AuditContext;
  readonly entry: AuditEntry;
}

/** The work of an audited action: its result and the audit row that records it. */
export interface AuditedWork<T> {
  readonly result: T;
  readonly audit: AuditEntry;
}

/**
 * Runs `work` and writes its audit row in ONE transaction. When the audit insert fails, the
 * transaction rolls back and the error propagates: an action that cannot be audited does not
 * happen (fail closed). `work` must do its writes through `tx`.
 */
export function audited<T>(
  db: Db,
  ctx: AuditContext,
  work: (tx: Db) => Promise<AuditedWork<T>>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const { result, audit } = await work(tx);
    await insertAuditRow(tx, ctx, audit);
    return result;
  });
}

/** Writes one audit row on its own (a read whose result is already decided, a refusal). */
export async function recordAudit(db: Db, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await insertAuditRow(db, ctx, entry);
}

/**
 * Writes many rows in one INSERT: for reads recorded after their answer was sent (metric reads),
 * where one statement per request would cost more than the read. All rows or none.
 */
export async function recordAudits(db: Db, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db.insert(auditLog).values(records.map(({ ctx, entry }) => auditRow(ctx, entry)));
}

export interface DeniedAttempt {
  readonly action: AuditAction;
  readonly objectType: AuditObjectType;
  readonly objectId: string | null;
  readonly outcome: "denied" | "not_found" | "unauthenticated";
}

/**
 * Records a refused attempt that the route decided on itself (401 without a token, 403/404 before
 * any query function ran). Query functions record their own refusals: do not call this again
 * for a `forbidden` or `not_found` result that one of them returned.
 */
export function recordDenied(db: Db, ctx: AuditContext, attempt: DeniedAttempt): Promise<void> {
  return recordAudit(db, ctx, attempt);
}

/**
 * The insert of one audit row as a statement, for work that runs outside drizzle's transaction
 * (the importer's COPY session): the row still commits or rolls back with that work.
 */
export function auditRowInsert(db: Db, ctx: AuditContext, entry: AuditEntry): SQL {
  return db.insert(auditLog).values(auditRow(ctx, entry)).getSQL();
}

async function insertAuditRow(db: Db, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(auditRow(ctx, entry));
}

function auditRow(ctx: AuditContext, entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    actor: ctx.actor,
    role: ctx.role,
    requestId: ctx.requestId,
    scopeOrgs: ctx.orgs === undefined ? null : [...ctx.orgs],
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    outcome: entry.outcome,
    caseRefHash: entry.caseRefHash ?? null,
    details: entry.details ?? null,
    ...(entry.at === undefined ? {} : { at: entry.at }),
  };
}
