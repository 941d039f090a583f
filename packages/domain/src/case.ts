import type { AgeGroup, IsoDate } from "./codes";

/**
 * A collaboration case (samverkansärende). Pseudonymous: `ref` is whatever the caller uses to tell
 * cases apart (in the database, the HMAC of the source system's ref); the individual is never named.
 */
export interface Case {
  readonly ref: string;
  readonly process: string;
  readonly targetGroup: string;
  readonly ageGroup: AgeGroup;
  readonly municipality: string;
  readonly openedOn: IsoDate;
  readonly initiatingUnit: string;
}

export const consentValues = ["given", "declined", "withdrawn"] as const;
export type ConsentValue = (typeof consentValues)[number];

export const sipValues = ["established", "followed_up"] as const;
export type SipValue = (typeof sipValues)[number];

export const participationValues = ["yes", "no"] as const;
export type ParticipationValue = (typeof participationValues)[number];

export const eventTypes = [
  "step",
  "lead",
  "join",
  "leave",
  "consent",
  "sip",
  "participation",
  "close",
  "reopen",
] as const;
export type EventType = (typeof eventTypes)[number];

interface EventBase {
  /** The instant, epoch milliseconds. A date-only `occurred_at` is 00:00 Europe/Stockholm. */
  readonly occurredAt: number;
  /** Recorded order: breaks ties in `occurredAt` (row order of an import, order of writes). */
  readonly seq: number;
}

export type CaseEvent =
  | (EventBase & { readonly type: "step"; readonly step: number })
  | (EventBase & { readonly type: "lead"; readonly unit: string })
  | (EventBase & { readonly type: "join"; readonly unit: string })
  | (EventBase & { readonly type: "leave"; readonly unit: string })
  | (EventBase & { readonly type: "consent"; readonly value: ConsentValue })
  | (EventBase & { readonly type: "sip"; readonly value: SipValue })
  | (EventBase & {
      readonly type: "participation";
      readonly step: number;
      readonly value: ParticipationValue;
    })
  | (EventBase & { readonly type: "close"; readonly reason: string })
  | (EventBase & { readonly type: "reopen" });

/** Event order of SPEC: by `occurredAt`, ties in recorded order. */
export function compareEvents(a: CaseEvent, b: CaseEvent): number {
  return a.occurredAt - b.occurredAt || a.seq - b.seq;
}
