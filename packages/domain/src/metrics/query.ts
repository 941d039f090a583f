import type { AgeGroup, IsoDate, PrincipalType } from "../codes";

/** Whether a case counts as of `asOf`: still open, closed, or either. */
export type CaseStatus = "open" | "closed" | "all";

/** The group-by dimensions of SPEC "Metrics"; `step`, `leadPrincipal`, `leadUnit` are as of asOf. */
export const dimensions = [
  "targetGroup",
  "ageGroup",
  "municipality",
  "process",
  "step",
  "leadPrincipal",
  "leadUnit",
] as const;
export type Dimension = (typeof dimensions)[number];

/** The value of each dimension for one case; null where the case has no step or lead unit yet. */
export interface DimensionValues {
  readonly targetGroup: string;
  readonly ageGroup: AgeGroup;
  readonly municipality: string;
  readonly process: string;
  readonly step: number | null;
  readonly leadPrincipal: PrincipalType | null;
  readonly leadUnit: string | null;
}

/** The values of the grouped dimensions only: what identifies a cell of a metric. */
export type GroupValues = Partial<DimensionValues>;

/**
 * The common parameters of every metric. `from`/`to` bound `openedOn` (inclusive; absent =
 * unbounded). A filter that is absent or empty does not filter; several values mean "any of".
 * There is no default for `asOf` here: the domain has no clock, the caller passes today.
 */
export interface MetricQuery {
  readonly from?: IsoDate;
  readonly to?: IsoDate;
  readonly asOf: IsoDate;
  /** Absent means the metric's default: `open` for case counts, `all` elsewhere. */
  readonly status?: CaseStatus;
  readonly municipality?: readonly string[];
  readonly targetGroup?: readonly string[];
  readonly ageGroup?: readonly AgeGroup[];
  readonly process?: readonly string[];
  /** The principal type of the lead unit as of asOf; a case without a lead unit never matches. */
  readonly leadPrincipal?: readonly PrincipalType[];
  readonly groupBy?: readonly Dimension[];
}

/** Looks up the principal type of a unit's organisation; undefined for an unknown unit. */
export type UnitPrincipal = (unit: string) => PrincipalType | undefined;
