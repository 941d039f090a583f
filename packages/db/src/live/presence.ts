/**
 * Who has a board open, across API instances. Each instance knows its own streams and announces,
 * per session, who watches through it; the others keep what they last heard from it until it
 * announces again (every heartbeat) or falls silent for `presenceExpiryMs` (a crashed instance
 * leaves no one behind for long). Nothing of it is stored.
 */

/** The channel instances announce their watchers on (JSON `PresenceAnnouncement`). */
export const evaluationPresenceChannel = "evaluation_presence";

/** How often an instance repeats its announcements, and how long one is believed. */
export const presenceHeartbeatMs = 15_000;
export const presenceExpiryMs = 40_000;

/** NOTIFY payloads must stay under 8000 bytes; names beyond this are left out of a message. */
const maxAnnouncementBytes = 7000;

/**
 * What one instance says of one session: the subjects watching through it, or, in an anonymous
 * session, only how many (the names never leave the instance that holds the stream). `sync`
 * asks every other instance to announce at once (an instance that just started knows no one).
 */
export type PresenceAnnouncement =
  | {
      readonly instance: string;
      readonly evaluationId: string;
      readonly names: readonly string[];
      readonly count: number;
    }
  | { readonly instance: string; readonly sync: true };

/** What a stream is sent as `presence`: in an anonymous session, a count and never who. */
export type PresenceView =
  | { readonly anonymous: true; readonly count: number }
  | { readonly anonymous: false; readonly count: number; readonly participants: string[] };

/** One instance's watchers of one session, as last heard. */
export interface HeardPresence {
  readonly names: readonly string[];
  readonly count: number;
  readonly heardAt: number;
}

/** This instance's announcement for a session from the subjects of its open streams there. */
export function announcementOf(
  instance: string,
  evaluationId: string,
  anonymous: boolean,
  watchers: readonly string[],
): PresenceAnnouncement {
  const distinct = [...new Set(watchers)].sort();
  if (anonymous) return { instance, evaluationId, names: [], count: distinct.length };
  return { instance, evaluationId, names: fitted(instance, evaluationId, distinct), count: 0 };
}

/** The names that fit in one NOTIFY; the rest wait for a smaller room (rare: ~100 names fit). */
function fitted(instance: string, evaluationId: string, names: string[]): string[] {
  const kept = [...names];
  const size = () =>
    Buffer.byteLength(JSON.stringify({ instance, evaluationId, names: kept, count: 0 }));
  while (kept.length > 0 && size() > maxAnnouncementBytes) kept.pop();
  return kept;
}

/** Parses an announcement heard on the channel; undefined for anything else. */
export function parseAnnouncement(payload: string): PresenceAnnouncement | undefined {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.instance !== "string") return undefined;
  if (v.sync === true) return { instance: v.instance, sync: true };
  if (typeof v.evaluationId !== "string" || typeof v.count !== "number") return undefined;
  if (!Array.isArray(v.names) || !v.names.every((n) => typeof n === "string")) return undefined;
  return { instance: v.instance, evaluationId: v.evaluationId, names: v.names, count: v.count };
}

/**
 * The session's presence from every instance's announcement still believed at `now`: named
 * sessions list each subject once, however many boards they have open and where; anonymous
 * sessions add up the instances' counts (a person with boards on two instances counts twice —
 * the instances cannot tell them apart without sharing who they are).
 */
export function presenceView(
  anonymous: boolean,
  heard: Iterable<HeardPresence>,
  now: number,
): PresenceView {
  const fresh = [...heard].filter((h) => now - h.heardAt <= presenceExpiryMs);
  if (anonymous) {
    return { anonymous: true, count: fresh.reduce((sum, h) => sum + h.count, 0) };
  }
  const participants = [...new Set(fresh.flatMap((h) => h.names))].sort();
  return { anonymous: false, count: participants.length, participants };
}
