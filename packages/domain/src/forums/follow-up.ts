import type { IsoDate } from "../codes";
import { daysBetween } from "../time";
import type { ActionSource, ForumAction } from "./forum";

/** What carry-over needs of an action. */
export type CarriedAction = Pick<ForumAction, "decidedOn" | "dueOn" | "closedOn" | "source">;

/** An action as a meeting follows it up. */
export type FollowUpItem<A extends CarriedAction> = A & {
  /** The meeting that decided it; null when it came from elsewhere (an evaluation). */
  readonly carriedFrom: string | null;
  /** Days from its due date to the meeting's date; 0 when not yet due. */
  readonly daysOverdue: number;
};

/**
 * A meeting's `followUp` (SPEC "Ledningsforum"): every action of the forum decided before the
 * meeting's date — at an earlier meeting, or lifted from an evaluation — that was not done or
 * cancelled before that date. So an open action comes back at every later meeting until it is
 * closed: carry-over never forgets. Most overdue first.
 */
export function followUpOf<A extends CarriedAction>(
  meetingDate: IsoDate,
  actions: readonly A[],
): FollowUpItem<A>[] {
  return actions
    .filter((a) => decidedOn(a.source, a.decidedOn) < meetingDate)
    .filter((a) => a.closedOn === null || a.closedOn >= meetingDate)
    .map((a) => ({
      ...a,
      carriedFrom: a.source.kind === "meeting" ? a.source.meetingId : null,
      daysOverdue: Math.max(0, daysBetween(a.dueOn, meetingDate)),
    }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.decidedOn.localeCompare(b.decidedOn));
}

/**
 * Days an action is past its due date on `day`: from the due date to that day while it is
 * open; 0 before it is due, and once it is closed.
 */
export function daysOverdueOn(
  action: Pick<ForumAction, "dueOn" | "closedOn">,
  day: IsoDate,
): number {
  if (action.closedOn !== null && action.closedOn <= day) return 0;
  return Math.max(0, daysBetween(action.dueOn, day));
}

/** The deciding meeting's date for a meeting's action; the day it was lifted otherwise. */
function decidedOn(source: ActionSource, lifted: IsoDate): IsoDate {
  return source.kind === "meeting" ? source.date : lifted;
}
