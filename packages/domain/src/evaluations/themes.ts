import type { IsoDate } from "../codes";
import { type Coordinate, compareCoordinates } from "../coordinates";
import type { Disclosure } from "../disclosure/mode";
import { cellKeyOf } from "../disclosure/record-key";
import { publishedCounts } from "../metrics/cells";
import { gridTable } from "../suppression";
import type { EvaluationItemKind } from "./evaluation";

/**
 * Theme trends across sessions (`GET /evaluations/themes`, SPEC "Utvärdering"): how many
 * `worked_well` and `improve` items each theme, step and month holds. An item is one person's
 * note, so its counts follow the installation's disclosure mode like every count of people.
 */
/**
 * `process` is beyond SPEC's three: a step's number means a different step in each process
 * model, so a trend by step names its process to be read by the step's name.
 */
export const themeDimensions = ["theme", "process", "step", "month"] as const;
export type ThemeDimension = (typeof themeDimensions)[number];

/** One item as the trend counts it. */
export interface ThemeItemFact {
  /** Uniform in [0, 2³¹): from a keyed hash of the item's id, never from the id alone. */
  readonly recordKey: number;
  readonly kind: EvaluationItemKind;
  readonly theme: string;
  /** The process in focus of the item's session, if any. */
  readonly process: string | null;
  readonly step: number | null;
  /** The day it was written (Europe/Stockholm). */
  readonly writtenOn: IsoDate;
}

export interface ThemeCell {
  readonly theme?: string;
  readonly process?: string | null;
  readonly step?: number | null;
  readonly month?: string;
  readonly workedWell: number | null;
  readonly improve: number | null;
  readonly suppressed: boolean;
  readonly withheld: readonly ("workedWell" | "improve")[];
}

interface TrueCell {
  readonly coordinates: readonly Coordinate[];
  readonly workedWell: number[];
  readonly improve: number[];
}

function coordinatesOf(fact: ThemeItemFact, groupBy: readonly ThemeDimension[]): Coordinate[] {
  return groupBy.map((d) => {
    if (d === "theme") return fact.theme;
    if (d === "process") return fact.process;
    if (d === "step") return fact.step;
    return fact.writtenOn.slice(0, 7);
  });
}

/**
 * The trend's cells, grouped by `groupBy` (none: one total cell), ordered by their coordinates.
 * Each column (workedWell, improve) is one table under the disclosure mode: `cellkey` perturbs
 * each count by the cell key of its items; `suppression` withholds 1..k−1 with secondary
 * suppression along the grid's lines. Cells without items are left out.
 */
export function publishThemeTrend(
  facts: readonly ThemeItemFact[],
  groupBy: readonly ThemeDimension[],
  disclosure: Disclosure,
): ThemeCell[] {
  const cells = new Map<string, TrueCell>();
  for (const fact of facts) {
    const coordinates = coordinatesOf(fact, groupBy);
    const key = JSON.stringify(coordinates);
    const cell = cells.get(key) ?? { coordinates, workedWell: [], improve: [] };
    (fact.kind === "improve" ? cell.improve : cell.workedWell).push(fact.recordKey);
    cells.set(key, cell);
  }
  const ordered = [...cells.values()].sort((a, b) =>
    compareCoordinates(a.coordinates, b.coordinates),
  );
  const column = (kind: "workedWell" | "improve") =>
    publishedCounts(
      gridTable(ordered.map((c) => ({ coordinates: c.coordinates, count: c[kind].length }))),
      ordered.map((c) => cellKeyOf(c[kind])),
      disclosure,
    );
  const workedWell = column("workedWell");
  const improve = column("improve");
  return ordered.map((cell, i) => {
    const ww = workedWell[i] ?? null;
    const im = improve[i] ?? null;
    const withheld = [
      ...(ww === null ? (["workedWell"] as const) : []),
      ...(im === null ? (["improve"] as const) : []),
    ];
    return {
      ...Object.fromEntries(groupBy.map((d, j) => [d, cell.coordinates[j] ?? null])),
      workedWell: ww,
      improve: im,
      suppressed: withheld.length > 0,
      withheld,
    };
  });
}
