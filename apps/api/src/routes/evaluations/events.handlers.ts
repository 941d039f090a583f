import {
  type BoardEvent,
  type BoardHeading,
  type BoardSignal,
  type BoardSubscription,
  type Db,
  evaluationEventsAfter,
  liveBoards,
  visibleBoard,
} from "@samsyn/db";
import { type SSEMessage, type SSEStreamingApi, streamSSE } from "hono/streaming";
import { ApiError } from "../../errors";
import { createRouter } from "../../lib/router";
import { evaluationEventsRoute } from "./events.routes";

/** A comment line this often keeps proxies (and the client) from taking the stream for dead. */
export const boardHeartbeatMs = 15_000;
/** A reconnect after a long absence reads its backlog in pages of this many. */
const backlogPage = 500;

/**
 * `GET /evaluations/{id}/events` (issue 19): the live board over Server-Sent Events. Opening it
 * is not audited: it reads a session's board (items already screened), not case-level data
 * (SPEC "Privacy": every write and every read of case-level data is audited), and in an
 * anonymous session a row naming who opened the board would say who took part.
 */
export function evaluationEventRoutes() {
  return createRouter().openapi(evaluationEventsRoute, async (c) => {
    const { database } = c.get("deps");
    const scope = c.get("scope");
    const board = await visibleBoard(database.db, scope, c.req.valid("param").id);
    if (board === undefined) throw new ApiError("not_found");
    const after = lastEventIdOf(
      c.req.valid("header")["last-event-id"],
      c.req.valid("query").lastEventId,
    );
    const boards = liveBoards(database);
    // Listening before the backlog is read: a change recorded in between is then both in the
    // backlog and notified, never in neither.
    await boards.ready;
    const response = streamSSE(c, async (stream) => {
      const subscription = boards.join(board, scope.sub);
      stream.onAbort(() => subscription.leave());
      c.req.raw.signal.addEventListener("abort", () => subscription.leave());
      try {
        await sendBoard(stream, database.db, board, subscription, after);
      } catch {
        // The database went away mid-stream, or the client did: ending the stream is the
        // answer (EventSource reconnects with Last-Event-ID and misses nothing).
      } finally {
        subscription.leave();
      }
    });
    // A stream's connection is not reused: once it ends (the process stopping), it closes, so
    // the server's close does not wait for an idle keep-alive to time out.
    response.headers.set("Connection", "close");
    return response;
  });
}

/** The header EventSource sends on reconnect wins over the query a first connect carries. */
function lastEventIdOf(header: string | undefined, query: string | undefined): number {
  return Number(header || query || 0);
}

/** hello, then the backlog after `after`, then each change and presence as signalled. */
async function sendBoard(
  stream: SSEStreamingApi,
  db: Db,
  board: BoardHeading,
  subscription: BoardSubscription,
  after: number,
): Promise<void> {
  let lastSent = after;
  let lastWrite = Date.now();
  const write = async (message: SSEMessage) => {
    await stream.writeSSE(message);
    lastWrite = Date.now();
  };
  await write({ event: "hello", data: JSON.stringify(helloOf(board)), retry: 1000 });
  // Presence (pending since joining) before the backlog; the backlog is read in any case.
  let signal: BoardSignal = { ...(await subscription.next(0)), wake: true };
  while (!signal.closed && !stream.aborted && !stream.closed) {
    if (signal.presence !== undefined) {
      await write({ event: "presence", data: JSON.stringify(signal.presence) });
    }
    if (signal.wake) lastSent = await sendEventsAfter(db, board.id, lastSent, write);
    if (Date.now() - lastWrite >= boardHeartbeatMs) {
      await stream.write(": heartbeat\n\n");
      lastWrite = Date.now();
    }
    signal = await subscription.next(Math.max(0, boardHeartbeatMs - (Date.now() - lastWrite)));
  }
}

/** Sends every event after `afterId` in id order, page by page; the last id sent. */
async function sendEventsAfter(
  db: Db,
  evaluationId: string,
  afterId: number,
  write: (message: SSEMessage) => Promise<void>,
): Promise<number> {
  let lastSent = afterId;
  for (;;) {
    const page = await evaluationEventsAfter(db, evaluationId, lastSent, backlogPage);
    for (const event of page) {
      await write({ id: String(event.id), event: event.type, data: dataOf(event) });
      lastSent = event.id;
    }
    if (page.length < backlogPage) return lastSent;
  }
}

/** The phase timer's start and the server's clock, so that every client shows the same time. */
function helloOf(board: BoardHeading) {
  return {
    evaluationId: board.id,
    phase: board.phase,
    phaseStartedAt: board.phaseStartedAt.toISOString(),
    anonymous: board.anonymous,
    now: new Date().toISOString(),
  };
}

/**
 * The payload as stored. A `phase` event began its phase when it was recorded (the change and its
 * event share a transaction), so that is its `phaseStartedAt` when the payload leaves it out.
 */
function dataOf(event: BoardEvent): string {
  if (event.type === "phase" && !("phaseStartedAt" in event.payload)) {
    return JSON.stringify({ ...event.payload, phaseStartedAt: event.createdAt.toISOString() });
  }
  return JSON.stringify(event.payload);
}
