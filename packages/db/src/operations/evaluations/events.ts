import { sql } from "drizzle-orm";
import type { Db } from "../../client";
import { evaluationEvents } from "../../schema";

/** What the live stream sends: one row per change to a board. */
export type BoardEventType = "item" | "group" | "vote" | "phase" | "action";

/** The channel the board's writers notify and its streams listen on. */
export const EVALUATION_EVENTS_CHANNEL = "evaluation_events";

/**
 * Records a change to a board in `evaluation_events` and notifies the channel with
 * `<evaluationId>:<eventId>`, both inside the caller's transaction: PostgreSQL delivers a NOTIFY
 * only at commit, so a stream never hears of a change that was rolled back, and a listener on
 * another API instance reads the row it was told of. `payload` is what changed as the board shows
 * it: never an author in an anonymous session, and no vote target before the discuss phase.
 * `now`, when given, dates the row (the demo county's past sessions); else the database's clock.
 */
export async function recordBoardEvent(
  tx: Db,
  evaluationId: string,
  type: BoardEventType,
  payload: Readonly<Record<string, unknown>>,
  now?: Date,
): Promise<number> {
  const [row] = await tx
    .insert(evaluationEvents)
    .values({ evaluationId, type, payload, ...(now === undefined ? {} : { createdAt: now }) })
    .returning({ id: evaluationEvents.id });
  if (row === undefined) throw new Error("insert returned no event");
  await tx.execute(
    sql`SELECT pg_notify(${EVALUATION_EVENTS_CHANNEL}, ${`${evaluationId}:${row.id}`})`,
  );
  return row.id;
}
