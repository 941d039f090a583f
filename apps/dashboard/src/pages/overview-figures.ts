import type { CaseCounts, LeadTimes, Sip, Stuck, TrendCell } from "../api/types";
import { addMonths, lastDayOf } from "../lib/filters";
import { t } from "../lib/i18n";

export interface Figure {
  readonly value: number | null;
  readonly suppressed: boolean;
}

export interface Headline {
  readonly label: string;
  readonly now: Figure;
  readonly previous: Figure;
  readonly kind: "count" | "stat" | "share";
}

/** What the API says as of one date: the inputs of the headline figures. */
export interface Snapshot {
  readonly open: CaseCounts;
  readonly all: CaseCounts;
  /** Absent when the catalogue has no process to measure step 1→3 in. */
  readonly lead: LeadTimes | undefined;
  readonly sip: Sip;
  readonly stuck: Stuck;
}

/** The end of `month` (not after today) and the end of the month before: the two as-of dates. */
export function comparePeriods(month: string, today: string): { now: string; previous: string } {
  const end = lastDayOf(month);
  return { now: end < today ? end : today, previous: lastDayOf(addMonths(month, -1)) };
}

/** The latest month that has cases, never after the current month; none: the current month. */
export function latestMonth(cells: readonly { month: string }[], today: string): string {
  const current = today.slice(0, 7);
  const months = cells.map((c) => c.month).filter((m) => m <= current);
  return months.sort().at(-1) ?? current;
}

/**
 * A share is published only when both its counts are (a withheld part withholds the whole), and
 * from those published counts alone, so it tells no more than they do. Under the cell-key method
 * each count is perturbed on its own, so a part that is nearly the whole can be published above
 * it: the share stops at 100 %, which the true one cannot exceed.
 */
export function shareOf(part: number | null, whole: number | null): Figure {
  if (part === null || whole === null || whole === 0) return { value: null, suppressed: true };
  return { value: Math.min(part / whole, 1), suppressed: false };
}

/**
 * A count from a cell that may be missing (the API leaves out zeros). A cell's `suppressed`
 * also covers its statistics, so a count is withheld only when the count itself is null.
 */
function countOf(cell: { count: number | null } | undefined): Figure {
  if (cell === undefined) return { value: 0, suppressed: false };
  return { value: cell.count, suppressed: cell.count === null };
}

function monthOf(cells: readonly TrendCell[], month: string): Figure {
  return countOf(cells.find((c) => c.month === month));
}

function medianOf(lead: LeadTimes | undefined): Figure {
  const median = lead?.cells[0]?.median ?? null;
  return { value: median, suppressed: median === null };
}

function sipShareOf(s: Snapshot): Figure {
  const cell = s.sip.cells[0];
  return shareOf(
    cell === undefined ? 0 : cell.sipEstablished,
    s.all.totalSuppressed ? null : s.all.total,
  );
}

/** The six headline figures of Översikt, now and at the end of the month before. */
export function headlines(
  now: Snapshot,
  previous: Snapshot,
  trend: { opened: readonly TrendCell[]; closed: readonly TrendCell[] },
  month: string,
): Headline[] {
  const before = addMonths(month, -1);
  const openCount = (s: Snapshot) => ({ value: s.open.total, suppressed: s.open.totalSuppressed });
  return [
    {
      label: t("overview.open_cases"),
      now: openCount(now),
      previous: openCount(previous),
      kind: "count",
    },
    {
      label: t("overview.opened_month", { month }),
      now: monthOf(trend.opened, month),
      previous: monthOf(trend.opened, before),
      kind: "count",
    },
    {
      label: t("overview.closed_month", { month }),
      now: monthOf(trend.closed, month),
      previous: monthOf(trend.closed, before),
      kind: "count",
    },
    {
      label: t("overview.median_lead_time", { from: 1, to: 3 }),
      now: medianOf(now.lead),
      previous: medianOf(previous.lead),
      kind: "stat",
    },
    {
      label: t("overview.sip_share"),
      now: sipShareOf(now),
      previous: sipShareOf(previous),
      kind: "share",
    },
    {
      label: t("overview.stuck"),
      now: countOf(now.stuck.cells[0]),
      previous: countOf(previous.stuck.cells[0]),
      kind: "count",
    },
  ];
}
