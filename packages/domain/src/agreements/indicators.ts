import type { IsoDate } from "../codes";
import type { PublishedCaseCounts } from "../metrics/case-counts";
import type { PublishedLeadTimeCell } from "../metrics/lead-times";
import type { PublishedSipConsentCell } from "../metrics/sip-consent";
import type { PublishedStuckCell } from "../metrics/stuck";
import type { IndicatorFigure, IndicatorMetric, IndicatorTarget } from "./commands";

/**
 * One reading of an indicator: the named figure as the metric published it, and whether it meets
 * the target. A withheld figure is never met or not met — saying "not met" about a number nobody
 * may see would tell something about it.
 */
export interface IndicatorReading {
  readonly value: number | null;
  readonly suppressed: boolean;
  readonly met: boolean | null;
}

/** What each metric an indicator may follow publishes, without groupBy. */
export interface IndicatorPublications {
  readonly cases: PublishedCaseCounts;
  readonly "lead-times": readonly PublishedLeadTimeCell[];
  readonly sip: readonly PublishedSipConsentCell[];
  readonly stuck: readonly PublishedStuckCell[];
}

/**
 * The figure an indicator names, read from its metric's answer without groupBy (SPEC: "its
 * `total` for counts, its one cell otherwise"). An answer with no cell (no cases at all) has no
 * figure to read: null, and not withheld.
 */
export function readIndicatorFigure<M extends IndicatorMetric>(
  metric: M,
  figure: IndicatorFigure,
  published: IndicatorPublications[M],
  target: IndicatorTarget | null,
): IndicatorReading {
  if (metric === "cases") {
    const counts = published as PublishedCaseCounts;
    return reading(counts.total, counts.totalSuppressed, target);
  }
  const cell = (published as readonly CellWithFigures[])[0];
  if (cell === undefined) return reading(null, false, target);
  const value = cell[figure];
  return reading(
    typeof value === "number" ? value : null,
    (cell.withheld as readonly string[]).includes(figure),
    target,
  );
}

type CellWithFigures = Readonly<Record<string, unknown>> & { readonly withheld: readonly string[] };

/**
 * A value against its target; withheld or absent values, and any value without a target (a
 * figure a forum action is meant to move), are neither met nor not met.
 */
export function reading(
  value: number | null,
  suppressed: boolean,
  target: IndicatorTarget | null,
): IndicatorReading {
  if (suppressed || value === null)
    return { value: suppressed ? null : value, suppressed, met: null };
  if (target === null) return { value, suppressed, met: null };
  const met = target.direction === "at_least" ? value >= target.value : value <= target.value;
  return { value, suppressed, met };
}

/** A month of an indicator's history and the day its figure is read as of. */
export interface IndicatorMonth {
  /** `YYYY-MM` */
  readonly month: string;
  readonly asOf: IsoDate;
}

/**
 * The 12 months (or `count`) up to asOf, oldest first, each read as of its last day — except asOf's own
 * month, read as of asOf itself: its last day has not come, and the last reading then equals the
 * current one.
 */
export function indicatorMonths(asOf: IsoDate, count = 12): readonly IndicatorMonth[] {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const months: IndicatorMonth[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    const label = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
    // Day 0 of the next month is the last day of this one.
    const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
    months.push({
      month: label,
      asOf: back === 0 ? asOf : (`${label}-${String(lastDay).padStart(2, "0")}` as IsoDate),
    });
  }
  return months;
}
