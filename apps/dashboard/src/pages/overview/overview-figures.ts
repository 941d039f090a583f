import type { CaseCounts, LeadTimes, Sip, Stuck, TrendCell } from "../../api/types";
import { addMonths, lastDayOf } from "../../lib/filters";
import { t } from "../../lib/i18n";
import { isPartialMonth, lastCompleteMonth } from "../../lib/periods";

export interface Figure {
  readonly value: number | null;
  readonly suppressed: boolean;
}

/** A flow counts what happened in the month (opened, closed); a stock is read at its end. */
export type Span = "month" | "end";

export interface Headline {
  readonly label: string;
  readonly span: Span;
  readonly now: Figure;
  readonly previous: Figure;
  readonly yearAgo: Figure;
  /** The unit follows: count → ärenden, stat → dagar, share → %. */
  readonly kind: "count" | "stat" | "share";
}

export type Against = "previous" | "yearAgo";

/** What the API says as of one date: the inputs of the headline figures. */
export interface Snapshot {
  readonly open: CaseCounts;
  readonly all: CaseCounts;
  /** Absent when the catalogue has no process to measure step 1→3 in. */
  readonly lead: LeadTimes | undefined;
  readonly sip: Sip;
  readonly stuck: Stuck;
}

/**
 * The month shown and the months it is compared with: the month before, and the same month a year
 * earlier (like with like, whatever the season). Stocks are read at the end of each month (today,
 * for a month that has not ended); `partial` says the shown month has not ended as of today.
 */
export interface Periods {
  readonly month: string;
  readonly previousMonth: string;
  readonly yearAgoMonth: string;
  readonly now: string;
  readonly previous: string;
  readonly yearAgo: string;
  readonly partial: boolean;
  /** The API's today: a month is partial until the day after its last. */
  readonly today: string;
}

export function comparePeriods(month: string, today: string): Periods {
  const end = lastDayOf(month);
  const previousMonth = addMonths(month, -1);
  const yearAgoMonth = addMonths(month, -12);
  return {
    month,
    previousMonth,
    yearAgoMonth,
    now: end < today ? end : today,
    previous: lastDayOf(previousMonth),
    yearAgo: lastDayOf(yearAgoMonth),
    partial: isPartialMonth(month, today),
    today,
  };
}

/**
 * The month Översikt shows without a chosen one: the last complete month as of `asOf` (the
 * API's today), or, for data that ends earlier (an old extract), the latest month with cases.
 */
export function defaultMonth(cells: readonly { month: string }[], asOf: string): string {
  const complete = lastCompleteMonth(asOf);
  const months = cells.map((c) => c.month).filter((m) => m <= complete);
  return months.sort().at(-1) ?? complete;
}

export type Change =
  | { readonly kind: "value"; readonly value: number }
  | { readonly kind: "none"; readonly reason: "withheld" | "partial" | "no_data" };

/**
 * The change of a headline against an earlier month. None when either side is withheld (a
 * difference would reveal nothing true), when a month that has not ended would be set against a
 * whole one, or when the earlier month is before the first month with cases (`firstMonth`).
 */
export function changeOf(
  h: Headline,
  against: Against,
  periods: Periods,
  firstMonth: string | null,
): Change {
  const earlierMonth = against === "previous" ? periods.previousMonth : periods.yearAgoMonth;
  if (periods.partial && h.span === "month") return { kind: "none", reason: "partial" };
  if (firstMonth === null || earlierMonth < firstMonth) return { kind: "none", reason: "no_data" };
  const now = h.now;
  const earlier = h[against];
  if (now.suppressed || earlier.suppressed || now.value === null || earlier.value === null)
    return { kind: "none", reason: "withheld" };
  return { kind: "value", value: now.value - earlier.value };
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

/** The six headline figures of Översikt: at or in the month, the month before, a year before. */
export function headlines(
  snapshots: Readonly<Record<"now" | Against, Snapshot>>,
  trend: { opened: readonly TrendCell[]; closed: readonly TrendCell[] },
  periods: Periods,
  /** Steps belong to a process map: the lead time names the one it is measured in. */
  leadProcess = "",
): Headline[] {
  const { now, previous, yearAgo } = snapshots;
  const each = (read: (s: Snapshot) => Figure) => ({
    now: read(now),
    previous: read(previous),
    yearAgo: read(yearAgo),
  });
  const inMonth = (cells: readonly TrendCell[]) => ({
    now: monthOf(cells, periods.month),
    previous: monthOf(cells, periods.previousMonth),
    yearAgo: monthOf(cells, periods.yearAgoMonth),
  });
  return [
    {
      label: t("overview.open_cases"),
      span: "end",
      ...each((s) => ({ value: s.open.total, suppressed: s.open.totalSuppressed })),
      kind: "count",
    },
    { label: t("overview.opened"), span: "month", ...inMonth(trend.opened), kind: "count" },
    { label: t("overview.closed"), span: "month", ...inMonth(trend.closed), kind: "count" },
    {
      label: t("overview.median_lead_time", { from: 1, to: 3, process: leadProcess }),
      span: "end",
      ...each((s) => medianOf(s.lead)),
      kind: "stat",
    },
    { label: t("overview.sip_share"), span: "end", ...each(sipShareOf), kind: "share" },
    {
      label: t("overview.stuck"),
      span: "end",
      ...each((s) => countOf(s.stuck.cells[0])),
      kind: "count",
    },
  ];
}
