import type { Scope } from "@samsyn/domain";
import { and, asc, eq, gt } from "drizzle-orm";
import type { Db } from "../client";
import { visibleEvaluation } from "../queries/evaluations/evaluations";
import { evaluationEvents } from "../schema";

/** A stored change of a board, as a stream sends it. */
export interface BoardEvent {
  readonly id: number;
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
}

/** What a stream needs to know of its session when it opens. */
export interface BoardHeading {
  readonly id: string;
  readonly anonymous: boolean;
  readonly phase: string;
  readonly phaseStartedAt: Date;
}

/**
 * A page of a board's events after `afterId`, oldest first. "Every id above the last one sent"
 * misses nothing because the evaluation module's writes lock the session's row before recording
 * their event (`lockVisibleEvaluation`): one session's events commit in id order.
 */
export async function evaluationEventsAfter(
  db: Db,
  evaluationId: string,
  afterId: number,
  limit: number,
): Promise<BoardEvent[]> {
  return db
    .select({
      id: evaluationEvents.id,
      type: evaluationEvents.type,
      payload: evaluationEvents.payload,
      createdAt: evaluationEvents.createdAt,
    })
    .from(evaluationEvents)
    .where(and(eq(evaluationEvents.evaluationId, evaluationId), gt(evaluationEvents.id, afterId)))
    .orderBy(asc(evaluationEvents.id))
    .limit(limit);
}

/**
 * The session if the caller may read it (its organisations' users and admin, as
 * `GET /evaluations/{id}` reads it); undefined otherwise, so the route answers 404 alike.
 */
export async function visibleBoard(
  db: Db,
  scope: Scope,
  evaluationId: string,
): Promise<BoardHeading | undefined> {
  const row = await visibleEvaluation(db, scope, evaluationId);
  if (row === undefined) return undefined;
  return {
    id: row.id,
    anonymous: row.anonymous,
    phase: row.phase,
    phaseStartedAt: row.phaseStartedAt,
  };
}
