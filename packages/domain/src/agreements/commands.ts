import type { IsoDate, OrganisationCode } from "../codes";
import type { AgreementFields, AgreementStatus, SectionKind } from "./agreement";

export interface CreateAgreement {
  readonly type: "createAgreement";
  readonly fields: Omit<AgreementFields, "reviewBy" | "documentUrl"> & {
    /** Default: the first 30 November on or after validFrom (seed 003). */
    readonly reviewBy?: IsoDate;
    readonly documentUrl?: string | null;
  };
}

export interface ReviseAgreement {
  readonly type: "reviseAgreement";
  /** The revision the user edited: a later one means someone else changed it meanwhile. */
  readonly expectedRevision: number;
  readonly changes: Partial<AgreementFields>;
}

export interface ChangeAgreementStatus {
  readonly type: "changeAgreementStatus";
  readonly status: AgreementStatus;
  readonly replacedBy?: string;
  /** The day of the change: a completed review moves `reviewBy` past it. */
  readonly on: IsoDate;
}

export const indicatorKinds = ["precondition", "process", "result"] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];

/** The metrics an indicator may follow, and the figures of each it can name. */
export const indicatorFigures = {
  cases: ["count"],
  "lead-times": ["n", "median", "p90"],
  sip: ["sipEstablished", "consentGiven", "medianDaysToSip"],
  stuck: ["count", "medianDaysOver"],
} as const satisfies Record<string, readonly string[]>;
export type IndicatorMetric = keyof typeof indicatorFigures;
export const indicatorMetrics = Object.keys(indicatorFigures) as IndicatorMetric[];
export const indicatorFigureNames = [
  ...new Set(Object.values(indicatorFigures).flat()),
] as IndicatorFigure[];
export type IndicatorFigure = (typeof indicatorFigures)[IndicatorMetric][number];

export const targetDirections = ["at_least", "at_most"] as const;
export type TargetDirection = (typeof targetDirections)[number];

export interface IndicatorTarget {
  readonly value: number;
  readonly direction: TargetDirection;
}

export interface AddIndicator {
  readonly type: "addIndicator";
  readonly name: string;
  readonly kind: IndicatorKind;
  readonly metric: IndicatorMetric;
  readonly figure: IndicatorFigure;
  readonly target: IndicatorTarget;
}

export const deviationKinds = ["avvikelse", "tvist"] as const;
export type DeviationKind = (typeof deviationKinds)[number];

export interface LogDeviation {
  readonly type: "logDeviation";
  readonly kind: DeviationKind;
  readonly section: SectionKind;
  readonly occurredOn: IsoDate;
  readonly organisations: readonly OrganisationCode[];
  readonly description: string;
}

export interface CloseDeviation {
  readonly type: "closeDeviation";
  readonly deviationId: string;
  readonly resolution: string;
}

export type AgreementCommand =
  | CreateAgreement
  | ReviseAgreement
  | ChangeAgreementStatus
  | AddIndicator
  | LogDeviation
  | CloseDeviation;
