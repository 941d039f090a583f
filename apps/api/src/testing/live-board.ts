import {
  type BoardEventType,
  type Database,
  evaluations,
  recordBoardEvent,
  visibleEvaluation,
} from "@samsyn/db";
import type { OrganisationCode } from "@samsyn/domain";
import { adminScope } from "./tokens";

/**
 * A session stored directly, for tests of the live board that need no more of the evaluation
 * module than its table: Stockholms stad and the region, in phase `collect`.
 */
export async function insertEvaluation(
  database: Database,
  options: { anonymous?: boolean; organisations?: readonly string[] } = {},
): Promise<string> {
  const organisations = options.organisations ?? ["region_stockholm", "stockholms_stad"];
  const [row] = await database.db
    .insert(evaluations)
    .values({
      title: "Vad fungerade bra i SIP-processen",
      organisations: organisations as OrganisationCode[],
      from: "2026-01-01" as never,
      to: "2026-03-31" as never,
      anonymous: options.anonymous ?? false,
      votesPerParticipant: 3,
      phase: "collect",
    })
    .returning({ id: evaluations.id });
  if (row === undefined) throw new Error("the test session was not stored");
  return row.id;
}

/**
 * A change of the board committed as the evaluation module's writes commit one: the session's
 * row locked, then the event row and its NOTIFY, in one transaction.
 */
export function recordChange(
  database: Database,
  evaluationId: string,
  type: BoardEventType,
  payload: Readonly<Record<string, unknown>>,
): Promise<number> {
  return database.db.transaction(async (tx) => {
    await visibleEvaluation(tx, adminScope, evaluationId, true);
    return recordBoardEvent(tx, evaluationId, type, payload);
  });
}

/** One Server-Sent Events message, or a comment line's text. */
export interface SseMessage {
  readonly event?: string;
  readonly data?: string;
  readonly id?: string;
  readonly retry?: string;
  readonly comment?: string;
}

/**
 * Reads an event stream message by message. `next` waits at most `timeoutMs` and answers
 * undefined when nothing came (or the stream ended: `ended` says which); `cancel` hangs up.
 */
export function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let ended = false;
  let pending: ReturnType<typeof reader.read> | undefined;
  /** Everything read so far, as sent: what a test searches for a name that must not be there. */
  let raw = "";
  /** The data of the last `presence` message read, whichever call read it. */
  let lastPresence: unknown;

  async function next(timeoutMs = 2000): Promise<SseMessage | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = buffer.indexOf("\n\n");
      if (at >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const message = parseBlock(block);
        if (message.event === "presence") lastPresence = JSON.parse(message.data ?? "null");
        return message;
      }
      if (ended) return undefined;
      pending ??= reader.read();
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), left);
      });
      const read = await Promise.race([pending, timeout]);
      clearTimeout(timer);
      if (read === "timeout") return undefined;
      pending = undefined;
      if (read.done) ended = true;
      else {
        const text = decoder.decode(read.value, { stream: true });
        raw += text;
        buffer += text;
      }
    }
  }

  /** The next message that is not a comment or of a type in `skip`. */
  async function nextOf(skip: readonly string[], timeoutMs = 2000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const message = await next(Math.max(0, deadline - Date.now()));
      if (message === undefined) return undefined;
      if (message.comment === undefined && !skip.includes(message.event ?? "")) return message;
    }
  }

  /**
   * Reads on until the presence last sent equals `expected` (as JSON), or `timeoutMs` passes;
   * answers the presence last sent then. Presence may have come before, with other messages.
   */
  async function presenceBecomes(expected: unknown, timeoutMs = 2000): Promise<unknown> {
    const deadline = Date.now() + timeoutMs;
    const wanted = JSON.stringify(expected);
    while (JSON.stringify(lastPresence) !== wanted) {
      const message = await next(Math.max(0, deadline - Date.now()));
      if (message === undefined) break;
    }
    return lastPresence;
  }

  return {
    next,
    nextOf,
    presenceBecomes,
    /** The next change (skipping hello, presence and comments). */
    nextChange: (timeoutMs?: number) => nextOf(["hello", "presence"], timeoutMs),
    get ended() {
      return ended;
    },
    get raw() {
      return raw;
    },
    cancel: () => reader.cancel(),
  };
}

export type SseReader = ReturnType<typeof sseReader>;

function parseBlock(block: string): SseMessage {
  const message: Record<string, string> = {};
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) return { comment: line.slice(1).trim() };
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    message[field] =
      field === "data" && message.data !== undefined ? `${message.data}\n${value}` : value;
  }
  return message;
}
