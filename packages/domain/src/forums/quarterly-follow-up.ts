import type { IsoDate } from "../codes";
import { median } from "../percentile";
import { addDays, daysBetween } from "../time";
import type { ForumAction } from "./forum";

/** What the follow-up figures need of an action. */
export type ActionDates = Pick<ForumAction, "decidedOn" | "dueOn" | "status" | "closedOn">;

/**
 * A forum's follow-up over a period (SPEC `GET /forums/{id}/follow-up`). Actions are not people:
 * these are exact counts, with no disclosure control, as agreement coverage counts agreements.
 *
 * - `created`: actions decided (`decidedOn`) in the period.
 * - `done`: actions marked done (`closedOn`, status done) in the period.
 * - `overdue`: actions decided by and open at the period's last day that is not after today, and
 *   due before it (closed later, or not at all). A period wholly after today has none.
 * - `due`: actions due in the period, not cancelled, whose due date has passed by today or which
 *   were done by it; `doneOnTime`: those of them done on or before their due date.
 * - `completionRate`: doneOnTime / due, null when nothing was due.
 * - `medianDaysToDone`: the median of days from decidedOn to closedOn over `done`, null without any.
 *
 * Cancelled actions count as created, never as due or done: the forum decided they were not to
 * be done, which is neither a completion nor a failure.
 */
export interface FollowUpFigures {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly created: number;
  readonly done: number;
  readonly overdue: number;
  readonly due: number;
  readonly doneOnTime: number;
  readonly completionRate: number | null;
  readonly medianDaysToDone: number | null;
}

export interface QuarterFollowUp extends FollowUpFigures {
  /** `2026-Q1` */
  readonly quarter: string;
}

export interface FollowUpReport {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Every quarter the period touches, oldest first, each cut to the period. */
  readonly quarters: readonly QuarterFollowUp[];
  /** The same figures over the whole period. */
  readonly total: FollowUpFigures;
}

export function followUpReport(
  actions: readonly ActionDates[],
  period: { readonly from: IsoDate; readonly to: IsoDate },
  today: IsoDate,
): FollowUpReport {
  const quarters = quartersOf(period.from, period.to).map(({ quarter, from, to }) => ({
    quarter,
    ...followUpFigures(actions, from, to, today),
  }));
  return { ...period, quarters, total: followUpFigures(actions, period.from, period.to, today) };
}

/** The figures of one period [from, to], both days included. */
export function followUpFigures(
  actions: readonly ActionDates[],
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
): FollowUpFigures {
  const within = (date: IsoDate | null) => date !== null && from <= date && date <= to;
  const done = actions.filter((a) => a.status === "done" && within(a.closedOn));
  const due = actions.filter(
    (a) => within(a.dueOn) && a.status !== "cancelled" && (a.dueOn < today || doneByDueDate(a)),
  );
  const doneOnTime = due.filter(doneByDueDate).length;
  const daysToDone = done.map((a) => daysBetween(a.decidedOn, a.closedOn ?? a.decidedOn));
  return {
    from,
    to,
    created: actions.filter((a) => within(a.decidedOn)).length,
    done: done.length,
    overdue: overdueAt(actions, from, to < today ? to : today),
    due: due.length,
    doneOnTime,
    completionRate: due.length === 0 ? null : doneOnTime / due.length,
    medianDaysToDone: median(daysToDone),
  };
}

function doneByDueDate(a: ActionDates): boolean {
  return a.status === "done" && a.closedOn !== null && a.closedOn <= a.dueOn;
}

/** Open at the end of `day` and past due then: decided by it, due before it, closed after it. */
function overdueAt(actions: readonly ActionDates[], from: IsoDate, day: IsoDate): number {
  if (day < from) return 0;
  return actions.filter(
    (a) => a.decidedOn <= day && a.dueOn < day && (a.closedOn === null || a.closedOn > day),
  ).length;
}

/** The quarters from `from` to `to`, each cut to [from, to]. */
export function quartersOf(
  from: IsoDate,
  to: IsoDate,
): { readonly quarter: string; readonly from: IsoDate; readonly to: IsoDate }[] {
  const quarters = [];
  for (let start = quarterStart(from); start <= to; start = addMonths(start, 3)) {
    const end = addDays(addMonths(start, 3), -1);
    quarters.push({
      quarter: quarterOf(start),
      from: start < from ? from : start,
      to: end > to ? to : end,
    });
  }
  return quarters;
}

/** `2026-Q1` for any day of January to March 2026. */
export function quarterOf(date: IsoDate): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The first day of the quarter `date` is in. */
export function quarterStart(date: IsoDate): IsoDate {
  const month = Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 1;
  return `${date.slice(0, 4)}-${String(month).padStart(2, "0")}-01` as IsoDate;
}

/** The first day of the month `months` after the month of `firstOfMonth`. */
function addMonths(firstOfMonth: IsoDate, months: number): IsoDate {
  const index = Number(firstOfMonth.slice(0, 4)) * 12 + Number(firstOfMonth.slice(5, 7)) - 1;
  const next = index + months;
  const year = String(Math.floor(next / 12)).padStart(4, "0");
  return `${year}-${String((next % 12) + 1).padStart(2, "0")}-01` as IsoDate;
}

/** Without a period asked for, the follow-up shows this year of quarters up to today. */
export function defaultFollowUpPeriod(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addMonths(quarterStart(today), -9), to: today };
}

/** Ten years of quarters is more than any forum has: a longer period is a mistake. */
export const MAX_FOLLOW_UP_QUARTERS = 40;
