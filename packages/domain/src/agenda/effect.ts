import { type IndicatorMonth, indicatorMonths } from "../agreements/indicators";
import type { IsoDate } from "../codes";

/**
 * "Did it work?" (issue 18): an action linked to a figure shows that figure when the action was
 * decided, when it was done, and now, over the months between. The metrics are recomputable as
 * of any date, so nothing is stored: these are the days to read it as of.
 */
export interface EffectDates {
  readonly decided: IsoDate;
  /** The day it was done; null while open, or when it was cancelled. */
  readonly done: IsoDate | null;
  readonly now: IsoDate;
  /** Monthly readings from three months before the decision (at least a year) up to now. */
  readonly months: readonly IndicatorMonth[];
}

/** At most three years of months: a longer chart no longer says what the action did. */
export const MAX_EFFECT_MONTHS = 36;

/** Before the decision, a quarter shows where the figure stood. */
const MONTHS_BEFORE = 3;

export function effectDates(
  decidedOn: IsoDate,
  doneOn: IsoDate | null,
  today: IsoDate,
): EffectDates {
  // A figure is never read as of a day that has not come: a decision dated ahead reads today.
  const decided = decidedOn <= today ? decidedOn : today;
  const done = doneOn === null ? null : doneOn <= today ? doneOn : today;
  const span = monthIndex(today) - monthIndex(decided) + 1 + MONTHS_BEFORE;
  const count = Math.min(MAX_EFFECT_MONTHS, Math.max(12, span));
  return { decided, done, now: today, months: indicatorMonths(today, count) };
}

function monthIndex(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}
