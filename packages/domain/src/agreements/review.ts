import type { IsoDate } from "../codes";
import { addDays } from "../time";
import type { Agreement } from "./agreement";
import { isInForce } from "./agreement";

/**
 * Seed 003: agreements are reviewed every year by 30 November. Dates are `YYYY-MM-DD`, so a
 * string comparison is a date comparison, and 30 November exists in every year (leap years
 * change nothing but the day count, which these functions never use).
 */
const reviewMonthDay = "11-30";

function reviewDayOf(year: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${reviewMonthDay}` as IsoDate;
}

/** The default `reviewBy`: the first 30 November on or after `validFrom`. */
export function firstReviewBy(validFrom: IsoDate): IsoDate {
  const year = Number(validFrom.slice(0, 4));
  const sameYear = reviewDayOf(year);
  return validFrom <= sameYear ? sameYear : reviewDayOf(year + 1);
}

/**
 * `reviewBy` after a review done on `reviewedOn`: the first 30 November after both the review's
 * due date and the day it was done. A review done early does not make the next one due the same
 * autumn, and one done late (after 30 November) is not due again within days.
 */
export function nextReviewBy(reviewBy: IsoDate, reviewedOn: IsoDate): IsoDate {
  const latest = reviewBy > reviewedOn ? reviewBy : reviewedOn;
  return firstReviewBy(addDays(latest, 1));
}

export type ReviewDue =
  | { readonly kind: "overdue" }
  | { readonly kind: "within"; readonly days: number };

/** Parses the `reviewDue` filter of `GET /agreements`: `overdue` or `within:NNd`. */
export function parseReviewDue(text: string): ReviewDue | undefined {
  if (text === "overdue") return { kind: "overdue" };
  const m = /^within:(\d{1,4})d$/.exec(text);
  return m ? { kind: "within", days: Number(m[1]) } : undefined;
}

/**
 * Whether an agreement's review is due as `due` says on `asOf`. Only agreements in force are
 * reviewed. Overdue: `reviewBy` has passed. Within N days: due from today up to N days ahead —
 * overdue ones are not counted again here, so the dashboard can list the two apart.
 */
export function isReviewDue(
  agreement: Pick<Agreement, "status" | "reviewBy">,
  due: ReviewDue,
  asOf: IsoDate,
): boolean {
  if (!isInForce(agreement.status)) return false;
  if (due.kind === "overdue") return agreement.reviewBy < asOf;
  return asOf <= agreement.reviewBy && agreement.reviewBy <= addDays(asOf, due.days);
}
