import type { CaseCounts, Stuck } from "../../api/types";
import { type Figure, shareOf } from "../overview/overview-figures";

/** One kommun on Ärenden's list: its open and stuck cases and the share of them that is stuck. */
export interface MunicipalityRate {
  readonly municipality: string;
  readonly open: Figure;
  readonly stuck: Figure;
  /** Stuck / open, 0–1; withheld unless both counts are published. */
  readonly rate: Figure;
}

/**
 * The kommun list's rows, from /metrics/cases and /metrics/stuck both grouped by municipality
 * with the same filters. There is no population denominator in the catalogues, so the rate is
 * per kommun's own open cases. A kommun missing from the stuck answer has none stuck (the API
 * leaves out zeros); stuck cases are open cases, so every kommun with any is in the open answer.
 */
export function municipalityRates(open: CaseCounts, stuck: Stuck): MunicipalityRate[] {
  const stuckBy = new Map(stuck.cells.map((c) => [c.municipality, c]));
  return open.cells.flatMap((cell) => {
    if (cell.municipality === undefined) return [];
    const openCount = published(cell.count, cell.suppressed);
    const stuckCell = stuckBy.get(cell.municipality);
    // A stuck cell's `suppressed` also covers its median: the count is withheld only when null.
    const stuckCount =
      stuckCell === undefined
        ? { value: 0, suppressed: false }
        : published(stuckCell.count, stuckCell.count === null);
    const rate =
      openCount.suppressed || stuckCount.suppressed
        ? { value: null, suppressed: true }
        : shareOf(stuckCount.value, openCount.value);
    return [{ municipality: cell.municipality, open: openCount, stuck: stuckCount, rate }];
  });
}

function published(count: number | null, suppressed: boolean): Figure {
  return suppressed || count === null
    ? { value: null, suppressed: true }
    : { value: count, suppressed: false };
}
