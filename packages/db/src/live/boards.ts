import { randomUUID } from "node:crypto";
import type { Database } from "../client";
import { EVALUATION_EVENTS_CHANNEL } from "../operations/evaluations/events";
import type { BoardHeading } from "./events";
import { listen, notify, type Unlisten } from "./notifications";
import {
  announcementOf,
  evaluationPresenceChannel,
  type HeardPresence,
  type PresenceView,
  parseAnnouncement,
  presenceHeartbeatMs,
  presenceView,
} from "./presence";

/** What a stream has to do after waiting: read the table, send presence, or end. */
export interface BoardSignal {
  /** A change may have been recorded (a NOTIFY, a reconnect of the listener, or the heartbeat). */
  readonly wake: boolean;
  /** Who is present now, when it changed since the last signal. */
  readonly presence: PresenceView | undefined;
  /** The process is stopping: the stream ends. */
  readonly closed: boolean;
}

/** One open stream's place in the live boards. */
export interface BoardSubscription {
  /** Resolves when there is something to do, or after `timeoutMs` with nothing (the heartbeat). */
  next(timeoutMs: number): Promise<BoardSignal>;
  /** The stream is gone: no more signals, and its watcher leaves the presence. */
  leave(): void;
}

/**
 * The live boards of one process: one LISTEN for every stream, fanned out to the streams of the
 * session a NOTIFY names. A NOTIFY is only a wake-up; streams read what to send from
 * `evaluation_events`, so order and completeness come from the table, never from notifications.
 */
export interface LiveBoards {
  /** Settles once both channels are listened to; a stream reads its backlog only after. */
  readonly ready: Promise<void>;
  readonly closed: boolean;
  join(board: BoardHeading, who: string): BoardSubscription;
  /** Ends every stream (they see `closed`), tells the other instances, stops listening. */
  close(): Promise<void>;
}

interface Watcher {
  readonly board: BoardHeading;
  readonly who: string;
  wake: boolean;
  presence: PresenceView | undefined;
  resolve: (() => void) | undefined;
}

const open = new WeakMap<Database, LiveBoards>();

/**
 * The live boards of `database`'s process, started on first use. Once closed they stay closed:
 * a stream opened while the process stops ends at once, so the server's close is not held up.
 */
export function liveBoards(database: Database): LiveBoards {
  const existing = open.get(database);
  if (existing !== undefined) return existing;
  const boards = startLiveBoards(database);
  open.set(database, boards);
  // A failed start (the database away) is not kept: the next stream tries again.
  boards.ready.catch(() => {
    if (open.get(database) === boards) open.delete(database);
  });
  return boards;
}

/** Ends the streams of `database`'s process, if any were opened: before the server closes. */
export async function closeLiveBoards(database: Database): Promise<void> {
  await open.get(database)?.close();
}

function startLiveBoards(database: Database): LiveBoards {
  const instance = randomUUID();
  const watchers = new Map<string, Set<Watcher>>();
  /** Per session, per other instance, what it last announced. */
  const heard = new Map<string, Map<string, HeardPresence>>();
  let closed = false;

  const signal = (watcher: Watcher) => {
    const resolve = watcher.resolve;
    watcher.resolve = undefined;
    resolve?.();
  };
  const wakeAll = (evaluationId?: string) => {
    const sessions =
      evaluationId === undefined ? [...watchers.values()] : [watchers.get(evaluationId)];
    for (const set of sessions) {
      for (const watcher of set ?? []) {
        watcher.wake = true;
        signal(watcher);
      }
    }
  };
  const localHeard = (evaluationId: string, anonymous: boolean): HeardPresence => {
    const who = [...(watchers.get(evaluationId) ?? [])].map((w) => w.who);
    const own = announcementOf(instance, evaluationId, anonymous, who);
    return "sync" in own
      ? { names: [], count: 0, heardAt: Date.now() }
      : { ...own, heardAt: Date.now() };
  };
  const showPresence = (evaluationId: string) => {
    const set = watchers.get(evaluationId);
    const first = set?.values().next().value;
    if (set === undefined || first === undefined) return;
    const anonymous = first.board.anonymous;
    const others = heard.get(evaluationId)?.values() ?? [];
    const view = presenceView(
      anonymous,
      [localHeard(evaluationId, anonymous), ...others],
      Date.now(),
    );
    for (const watcher of set) {
      watcher.presence = view;
      signal(watcher);
    }
  };
  // Presence is shown, never stored: a failed NOTIFY (the database away) only delays it.
  const announce = (evaluationId: string, anonymous: boolean) => {
    const who = [...(watchers.get(evaluationId) ?? [])].map((w) => w.who);
    const payload = JSON.stringify(announcementOf(instance, evaluationId, anonymous, who));
    notify(database, evaluationPresenceChannel, payload).catch(() => {});
  };
  const announceAll = () => {
    for (const [evaluationId, set] of watchers) {
      const first = set.values().next().value;
      if (first !== undefined) announce(evaluationId, first.board.anonymous);
    }
  };

  const onEvent = (payload: string) => {
    const evaluationId = payload.split(":")[0];
    if (evaluationId !== undefined) wakeAll(evaluationId);
  };
  const onPresence = (payload: string) => {
    const said = parseAnnouncement(payload);
    if (said === undefined || said.instance === instance) return;
    if ("sync" in said) {
      announceAll();
      return;
    }
    const bySession = heard.get(said.evaluationId) ?? new Map<string, HeardPresence>();
    if (said.names.length === 0 && said.count === 0) bySession.delete(said.instance);
    else bySession.set(said.instance, { ...said, heardAt: Date.now() });
    if (bySession.size === 0) heard.delete(said.evaluationId);
    else heard.set(said.evaluationId, bySession);
    showPresence(said.evaluationId);
  };

  const unlistens: Unlisten[] = [];
  const ready = (async () => {
    unlistens.push(await listen(database, EVALUATION_EVENTS_CHANNEL, onEvent, () => wakeAll()));
    unlistens.push(
      await listen(database, evaluationPresenceChannel, onPresence, () => {
        notify(database, evaluationPresenceChannel, JSON.stringify({ instance, sync: true })).catch(
          () => {},
        );
      }),
    );
  })();

  // Every heartbeat: repeat our announcements (others forget the silent), forget the silent
  // ourselves, and wake every stream to read the table — a NOTIFY lost while the listener
  // reconnected is then caught up within one heartbeat even if the reconnect went unnoticed.
  const heartbeat = setInterval(() => {
    announceAll();
    for (const evaluationId of watchers.keys()) showPresence(evaluationId);
    wakeAll();
  }, presenceHeartbeatMs);
  heartbeat.unref();

  return {
    ready,
    get closed() {
      return closed;
    },
    join(board, who) {
      if (closed) return endedSubscription;
      const watcher: Watcher = { board, who, wake: false, presence: undefined, resolve: undefined };
      const set = watchers.get(board.id) ?? new Set<Watcher>();
      set.add(watcher);
      watchers.set(board.id, set);
      announce(board.id, board.anonymous);
      showPresence(board.id);
      let left = false;
      return {
        next: (timeoutMs) => nextSignal(watcher, timeoutMs, () => closed || left),
        leave: () => {
          if (left) return;
          left = true;
          set.delete(watcher);
          if (set.size === 0) watchers.delete(board.id);
          signal(watcher);
          if (closed) return;
          announce(board.id, board.anonymous);
          showPresence(board.id);
        },
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      const sessions = [...watchers.entries()];
      for (const [, set] of sessions) for (const watcher of set) signal(watcher);
      watchers.clear();
      // Tell the others we hold no one any more, then stop listening; both best effort: the
      // others forget us after presenceExpiryMs anyway.
      await Promise.allSettled(
        sessions.map(([evaluationId, set]) => {
          const anonymous = [...set][0]?.board.anonymous ?? false;
          const empty = announcementOf(instance, evaluationId, anonymous, []);
          return notify(database, evaluationPresenceChannel, JSON.stringify(empty));
        }),
      );
      await ready.catch(() => {});
      await Promise.allSettled(unlistens.map((unlisten) => unlisten()));
    },
  };
}

const endedSubscription: BoardSubscription = {
  next: async () => ({ wake: false, presence: undefined, closed: true }),
  leave: () => {},
};

/** Waits for the watcher's next signal: something pending now, a new one, or the timeout. */
async function nextSignal(
  watcher: Watcher,
  timeoutMs: number,
  ended: () => boolean,
): Promise<BoardSignal> {
  if (!watcher.wake && watcher.presence === undefined && !ended()) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        watcher.resolve = undefined;
        resolve();
      }, timeoutMs);
      watcher.resolve = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
  const taken: BoardSignal = { wake: watcher.wake, presence: watcher.presence, closed: ended() };
  watcher.wake = false;
  watcher.presence = undefined;
  return taken;
}
