import type { SignalKind } from "../agenda/signals";
import type { IndicatorFigure, IndicatorMetric } from "../agreements/commands";
import type { IsoDate, OrganisationCode } from "../codes";

/**
 * Ledningsforum (SPEC "Ledningsforum"): leaders of several huvudmän meeting regularly, deciding
 * actions that the forum follows from meeting to meeting until they are done.
 */
export const forumLevels = ["lan", "lokal"] as const;
export type ForumLevel = (typeof forumLevels)[number];

export interface Forum {
  readonly id: string;
  readonly name: string;
  readonly level: ForumLevel;
  /** The member organisations, sorted, each once. */
  readonly members: readonly OrganisationCode[];
  /** The organisation that chairs the forum: one of its members. */
  readonly chair: OrganisationCode;
}

/** A meeting's protocol goes `planned → held → justerat`; a justerat protocol is locked. */
export const meetingStatuses = ["planned", "held", "justerat"] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export interface Meeting {
  readonly id: string;
  readonly forumId: string;
  readonly date: IsoDate;
  readonly title: string | null;
  readonly status: MeetingStatus;
  /** Names of those present, as the protocol lists them. */
  readonly participants: readonly string[];
  /** Names of those who checked (justerade) the protocol. */
  readonly justerare: readonly string[];
}

/** An agenda item, written by hand or picked from a suggested-agenda signal. */
export interface AgendaSignal {
  readonly kind: SignalKind;
  /** What the signal is about: an id, or `process:step` (the signal's `ref`). */
  readonly ref: string;
}

export const actionStatuses = ["open", "done", "cancelled"] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export type ClosedActionStatus = Exclude<ActionStatus, "open">;

/**
 * The figure an action is meant to move ("did it work?"): an agreement indicator, or a metric
 * query shaped as an indicator's (metric, its parameters without asOf and groupBy, one figure).
 */
export type ActionLink =
  | { readonly kind: "indicator"; readonly indicatorId: string }
  | {
      readonly kind: "metric";
      readonly metric: IndicatorMetric;
      readonly params: Readonly<Record<string, unknown>>;
      readonly figure: IndicatorFigure;
    };

/** Where an action comes from: a meeting's decision, or an improvement lifted from an evaluation. */
export type ActionSource =
  | { readonly kind: "meeting"; readonly meetingId: string; readonly date: IsoDate }
  | {
      readonly kind: "evaluation";
      readonly evaluationId: string;
      /** The item (or group) of the evaluation it was lifted from. */
      readonly itemId?: string;
    };

export interface ForumAction {
  readonly id: string;
  readonly forumId: string;
  readonly title: string;
  readonly owner: OrganisationCode;
  /** The deciding meeting's date, or the day it was lifted from an evaluation. */
  readonly decidedOn: IsoDate;
  readonly dueOn: IsoDate;
  readonly status: ActionStatus;
  /** The day (Europe/Stockholm) it was marked done or cancelled; null while open. */
  readonly closedOn: IsoDate | null;
  readonly link: ActionLink | null;
  readonly source: ActionSource;
}
