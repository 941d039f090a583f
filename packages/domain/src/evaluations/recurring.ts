import type { IsoDate } from "../codes";
import { suppressCount } from "../suppression";

/**
 * SPEC "Utvärdering": a theme raised as an improvement in at least 3 sessions within 6 months is
 * an `improvement_theme` signal on the agenda of the forums of those sessions' organisations.
 * "Within 6 months": the sessions were held in the 6 calendar months up to the day the agenda is
 * read as of — on or after that day six months back, and on or before it.
 */
export const RECURRING_THEME_SESSIONS = 3;
export const RECURRING_THEME_MONTHS = 6;

/** One session's improvement items on one theme. */
export interface ImprovementThemeFact {
  readonly evaluationId: string;
  readonly theme: string;
  /** The day the session was held (created, Europe/Stockholm). */
  readonly heldOn: IsoDate;
  /** How many `improve` items the session has on the theme (at least 1). */
  readonly items: number;
}

export interface RecurringTheme {
  readonly theme: string;
  /** Distinct sessions: not people, published as they are. */
  readonly sessions: number;
  /** Items are notes of people and may be few: published under the count rule (null below k). */
  readonly items: number | null;
  readonly since: IsoDate;
}

/** The day `months` calendar months before `day`, clamped to the month's end (31 Aug → 28 Feb). */
export function monthsBefore(day: IsoDate, months: number): IsoDate {
  const [y = 0, m = 1, d = 1] = day.split("-").map(Number);
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}` as IsoDate;
}

/** The themes that recur as improvements as of `asOf`, most sessions first, then by code. */
export function recurringImprovementThemes(
  facts: readonly ImprovementThemeFact[],
  asOf: IsoDate,
  k: number,
): RecurringTheme[] {
  const since = monthsBefore(asOf, RECURRING_THEME_MONTHS);
  const byTheme = new Map<string, { sessions: Set<string>; items: number }>();
  for (const fact of facts) {
    if (fact.heldOn < since || fact.heldOn > asOf || fact.items < 1) continue;
    const entry = byTheme.get(fact.theme) ?? { sessions: new Set<string>(), items: 0 };
    entry.sessions.add(fact.evaluationId);
    entry.items += fact.items;
    byTheme.set(fact.theme, entry);
  }
  return [...byTheme.entries()]
    .filter(([, e]) => e.sessions.size >= RECURRING_THEME_SESSIONS)
    .map(([theme, e]) => ({
      theme,
      sessions: e.sessions.size,
      items: suppressCount(e.items, k),
      since,
    }))
    .sort((a, b) => b.sessions - a.sessions || a.theme.localeCompare(b.theme));
}
