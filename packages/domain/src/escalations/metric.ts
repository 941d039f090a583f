import type { IsoDate } from "../codes";
import type { Disclosure } from "../disclosure/mode";
import { cellKeyOf } from "../disclosure/record-key";
import {
  type CellKeys,
  publishedCounts,
  publishedStatistic,
  publishedTotal,
  withheldNames,
} from "../metrics/cells";
import { median } from "../percentile";
import { gridTable } from "../suppression";
import { daysBetween } from "../time";
import { type EscalationLevel, escalationLevels } from "./escalation";

/**
 * The escalation metric (`GET /metrics/escalations`, SPEC "Eskalering": open escalations by
 * level and the time to resolution). For a period [from, to]:
 *
 * - `open`: escalations open at the end of `to` (raised on or before it, not resolved by then),
 *   at their level as of `to` — 1 plus their lifts dated on or before it;
 * - `resolved`: escalations resolved within [from, to] (no `from`: any time up to `to`), at the
 *   level they were resolved at;
 * - `medianDaysToResolution`: the median of resolvedOn − openedOn in days over a cell's resolved
 *   ones, published only when that n ≥ k;
 * - `shareResolvedAtLevel1`: resolved at level 1 / resolved, only when resolved ≥ k.
 *
 * Each count is a number of distinct escalations and follows the installation's disclosure mode
 * like every metric: `cellkey` perturbs each count (and each total) by its cell key, the sum of
 * the escalations' record keys; `suppression` withholds 1..k−1 with secondary suppression along
 * the level line of each count and its total.
 */
export interface EscalationFact {
  /** Uniform in [0, 2³¹): from a keyed hash of the escalation's id, never from the id alone. */
  readonly recordKey: number;
  readonly openedOn: IsoDate;
  /** The days it was lifted, to level 2 and then to 3. */
  readonly liftedOn: readonly IsoDate[];
  readonly resolvedOn: IsoDate | null;
}

export interface EscalationPeriod {
  /** Absent: resolved ones are counted from the first. */
  readonly from?: IsoDate;
  readonly to: IsoDate;
}

export const escalationCounts = ["open", "resolved"] as const;
export type EscalationCount = (typeof escalationCounts)[number];
export type EscalationNumber = EscalationCount | "medianDaysToResolution";

/** True figures of one level (or of all, for the total): never published as they are. */
export interface EscalationCell {
  readonly open: number;
  readonly resolved: number;
  /** Raw: disclosure control decides whether it is shown. Its n is `resolved`. */
  readonly medianDaysToResolution: number | null;
  readonly cellKeys: CellKeys<EscalationCount>;
}

export interface EscalationFigures {
  /** One cell per level, 1 to 3, empty ones included. */
  readonly levels: readonly (EscalationCell & { readonly level: EscalationLevel })[];
  readonly total: EscalationCell;
}

/** Its level on a day: 1, plus one for each lift dated on or before it. */
export function escalationLevelOn(fact: EscalationFact, day: IsoDate): EscalationLevel {
  const lifts = fact.liftedOn.filter((lifted) => lifted <= day).length;
  return escalationLevels[Math.min(lifts, escalationLevels.length - 1)] ?? 1;
}

/** Raised on or before `day` and not resolved by the end of it. */
export function isOpenAtEndOf(fact: EscalationFact, day: IsoDate): boolean {
  return fact.openedOn <= day && (fact.resolvedOn === null || fact.resolvedOn > day);
}

export function isResolvedWithin(fact: EscalationFact, period: EscalationPeriod): boolean {
  const on = fact.resolvedOn;
  return on !== null && on <= period.to && (period.from === undefined || on >= period.from);
}

/** The true figures of the period: one pass, each escalation into its level's cell. */
export function escalationFigures(
  facts: readonly EscalationFact[],
  period: EscalationPeriod,
): EscalationFigures {
  const open = escalationLevels.map((): EscalationFact[] => []);
  const resolved = escalationLevels.map((): EscalationFact[] => []);
  for (const fact of facts) {
    if (isOpenAtEndOf(fact, period.to)) {
      open[escalationLevelOn(fact, period.to) - 1]?.push(fact);
    } else if (fact.resolvedOn !== null && isResolvedWithin(fact, period)) {
      resolved[escalationLevelOn(fact, fact.resolvedOn) - 1]?.push(fact);
    }
  }
  const levels = escalationLevels.map((level, i) => ({
    level,
    ...cellOf(open[i] ?? [], resolved[i] ?? []),
  }));
  return { levels, total: cellOf(open.flat(), resolved.flat()) };
}

function cellOf(
  open: readonly EscalationFact[],
  resolved: readonly EscalationFact[],
): EscalationCell {
  return {
    open: open.length,
    resolved: resolved.length,
    medianDaysToResolution: median(resolved.map(daysToResolution)),
    cellKeys: {
      open: cellKeyOf(open.map((f) => f.recordKey)),
      resolved: cellKeyOf(resolved.map((f) => f.recordKey)),
    },
  };
}

function daysToResolution(fact: EscalationFact): number {
  return daysBetween(fact.openedOn, fact.resolvedOn ?? fact.openedOn);
}

export interface PublishedEscalationCell {
  readonly open: number | null;
  readonly resolved: number | null;
  readonly medianDaysToResolution: number | null;
  readonly suppressed: boolean;
  readonly withheld: readonly EscalationNumber[];
}

export interface PublishedEscalationFigures {
  /** Per level with any open or resolved (groupBy level), else the one total cell; 0s left out. */
  readonly cells: readonly (PublishedEscalationCell & { readonly level?: EscalationLevel })[];
  readonly total: PublishedEscalationCell;
  readonly shareResolvedAtLevel1: number | null;
}

/**
 * The figures as the API publishes them. The level table is published whether or not the answer
 * is grouped, because the share at level 1 is read from it: so the share never tells more than
 * the grouped answer's published counts do.
 */
export function publishEscalationFigures(
  figures: EscalationFigures,
  byLevel: boolean,
  disclosure: Disclosure,
): PublishedEscalationFigures {
  const levels = figures.levels.filter(hasAny);
  const column = (count: EscalationCount) =>
    publishedCounts(
      gridTable(levels.map((cell) => ({ coordinates: [cell.level], count: cell[count] }))),
      levels.map((cell) => cell.cellKeys[count]),
      disclosure,
    );
  const open = column("open");
  const resolved = column("resolved");
  const publishedLevels = levels.map(({ level, ...cell }, i) => ({
    level,
    ...published(cell, open[i] ?? null, resolved[i] ?? null, disclosure.k),
  }));
  const total = published(
    figures.total,
    publishedTotal(figures.total.open, figures.total.cellKeys.open, disclosure),
    publishedTotal(figures.total.resolved, figures.total.cellKeys.resolved, disclosure),
    disclosure.k,
  );
  const atLevel1 = publishedLevels.find((cell) => cell.level === 1);
  return {
    cells: byLevel ? publishedLevels : hasAny(figures.total) ? [total] : [],
    total,
    shareResolvedAtLevel1: shareResolvedAtLevel1(
      // No cell for level 1: none open or resolved there, which is a published 0.
      atLevel1 === undefined ? 0 : atLevel1.resolved,
      total.resolved,
      figures.total.resolved,
      disclosure.k,
    ),
  };
}

/**
 * Resolved at level 1 over all resolved, only when at least k were resolved. Read from the
 * published counts, not the true ones: in `suppression` they are the same where published, and
 * in `cellkey` a ratio of true counts beside their perturbed values would give the true counts
 * away. Null where either count is withheld, and capped at 1 (perturbation may push the part
 * above the whole).
 */
export function shareResolvedAtLevel1(
  publishedAtLevel1: number | null,
  publishedResolved: number | null,
  trueResolved: number,
  k: number,
): number | null {
  if (trueResolved < k || publishedAtLevel1 === null || !publishedResolved) return null;
  return Math.min(1, publishedAtLevel1 / publishedResolved);
}

function published(
  cell: EscalationCell,
  open: number | null,
  resolved: number | null,
  k: number,
): PublishedEscalationCell {
  const withheld = withheldNames<EscalationNumber>([
    ["open", open === null],
    ["resolved", resolved === null],
    ["medianDaysToResolution", resolved === null],
  ]);
  return {
    open,
    resolved,
    medianDaysToResolution: publishedStatistic(
      cell.medianDaysToResolution,
      cell.resolved,
      resolved,
      k,
    ),
    suppressed: withheld.length > 0,
    withheld,
  };
}

function hasAny(cell: EscalationCell): boolean {
  return cell.open > 0 || cell.resolved > 0;
}
