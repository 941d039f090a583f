import { randomUUID } from "node:crypto";
import type { BoardTarget, Scope } from "@samsyn/domain";
import { groupKind } from "@samsyn/domain";
import { eq, sql } from "drizzle-orm";
import {
  type AuditAction,
  type AuditContext,
  type AuditDetails,
  type AuditEntry,
  type AuditObjectType,
  type AuditOutcome,
  recordAudit,
} from "../../audit";
import type { Db } from "../../client";
import { isUuid } from "../../queries/agreements/views";
import { visibleEvaluation } from "../../queries/evaluations/evaluations";
import type { EvaluationRow } from "../../queries/evaluations/views";
import type { Result } from "../../queries/result";
import { refuse } from "../../queries/result";
import { selectRows } from "../../queries/rows";
import { evaluationGroups, evaluationItems } from "../../schema";
import { auditOutcomes } from "../refusal";

/**
 * The audit context of a participant's write in an anonymous session: the row names the session
 * (`actor` = `evaluation:<id>`) and the caller's role, never the subject; its organisations are
 * the session's, not the caller's scope (a scope can narrow a person down); and its request id
 * is a fresh one, so the row cannot be joined to the request's log line, which names the caller.
 * The trail still shows that the session was written to, when, by which role, and what was
 * refused.
 */
export function anonymousAuditContext(ctx: AuditContext, session: EvaluationRow): AuditContext {
  return {
    actor: `evaluation:${session.id}`,
    role: ctx.role,
    requestId: randomUUID(),
    orgs: session.organisations,
  };
}

/** What an operation's work answers: its result, its audit row, and the session it acted on. */
export interface SessionWork<T> {
  readonly result: Result<T>;
  readonly audit: AuditEntry;
  /** When the write is a participant's in an anonymous session: audited without the subject. */
  readonly anonymousIn?: EvaluationRow;
}

/**
 * `audited`, for the session's writes: one transaction, the audit row in it, but with the
 * context chosen once the session is known (`anonymousAuditContext` for an anonymous one).
 */
export function auditedSession<T>(
  db: Db,
  ctx: AuditContext,
  work: (tx: Db) => Promise<SessionWork<T>>,
): Promise<Result<T>> {
  return db.transaction(async (tx) => {
    const { result, audit, anonymousIn } = await work(tx);
    const context = anonymousIn?.anonymous ? anonymousAuditContext(ctx, anonymousIn) : ctx;
    await recordAudit(tx, context, audit);
    return result;
  });
}

/** The audit row of a session write: codes and ids only, never its texts. */
export function evaluationAudit(
  action: AuditAction,
  objectType: AuditObjectType,
  evaluationId: string,
  extra: AuditDetails = {},
) {
  const details: AuditDetails = {
    evaluation: isUuid(evaluationId) ? evaluationId : null,
    ...extra,
  };
  return (outcome: AuditOutcome, objectId: string | null = null): AuditEntry => ({
    action,
    objectType,
    objectId,
    outcome,
    details,
  });
}

/**
 * The session a write is about, locked for the rest of the transaction so that writes to one
 * board take turns: each sees the phase, and the votes, the one before it left. Out of sight
 * answers as absent.
 */
export function lockVisibleEvaluation(
  tx: Db,
  scope: Scope,
  id: string,
): Promise<EvaluationRow | undefined> {
  return visibleEvaluation(tx, scope, id, true);
}

/** A refusal and its audit row, for the branches that answer before deciding. */
export function refused<T>(
  error: "forbidden" | "not_found",
  entry: (outcome: AuditOutcome) => AuditEntry,
  anonymousIn?: EvaluationRow,
): SessionWork<T> {
  return {
    result: refuse(error),
    audit: entry(auditOutcomes[error]),
    ...(anonymousIn === undefined ? {} : { anonymousIn }),
  };
}

/** The session's items and groups, as the decider reads them. */
export async function loadTargets(tx: Db, evaluationId: string): Promise<Map<string, BoardTarget>> {
  const items = await tx
    .select({
      id: evaluationItems.id,
      kind: evaluationItems.kind,
      groupId: evaluationItems.groupId,
    })
    .from(evaluationItems)
    .where(eq(evaluationItems.evaluationId, evaluationId));
  const groups = await tx
    .select({ id: evaluationGroups.id })
    .from(evaluationGroups)
    .where(eq(evaluationGroups.evaluationId, evaluationId));
  const targets = new Map<string, BoardTarget>();
  for (const item of items) targets.set(item.id, { kind: "item", itemKind: item.kind });
  for (const group of groups) {
    const kinds = items.filter((i) => i.groupId === group.id).map((i) => i.kind);
    targets.set(group.id, { kind: "group", itemKind: groupKind(kinds) });
  }
  return targets;
}

/** The catalogue's processes with their step numbers. */
export async function loadProcesses(db: Db): Promise<ReadonlyMap<string, readonly number[]>> {
  const rows = await selectRows<{ process_code: string; number: number }>(
    db,
    sql`SELECT process_code, number::int AS number FROM process_steps ORDER BY 1, 2`,
  );
  const processes = new Map<string, number[]>();
  for (const r of rows)
    processes.set(r.process_code, [...(processes.get(r.process_code) ?? []), r.number]);
  const models = await selectRows<{ code: string }>(db, sql`SELECT code FROM process_models`);
  for (const m of models) if (!processes.has(m.code)) processes.set(m.code, []);
  return processes;
}
