/**
 * Response shapes of the metrics and catalogue routes, mirroring
 * apps/api/src/routes/{metrics,catalogues}/*.routes.ts. Hand-written: the API registers its
 * routes one by one, so its `AppType` does not carry them, and importing it would pull server
 * code into the bundle.
 */
export type Dimension =
  | "targetGroup"
  | "ageGroup"
  | "municipality"
  | "process"
  | "step"
  | "leadPrincipal"
  | "leadUnit";

export interface GroupFields {
  readonly targetGroup?: string;
  readonly ageGroup?: string;
  readonly municipality?: string;
  readonly process?: string;
  readonly step?: number | null;
  readonly leadPrincipal?: string | null;
  readonly leadUnit?: string | null;
}

interface Envelope {
  readonly k: number;
  readonly asOf: string;
  readonly view: "own" | "county";
}

export interface CountCell extends GroupFields {
  readonly count: number | null;
  readonly suppressed: boolean;
}

export interface CaseCounts extends Envelope {
  readonly groupBy: readonly Dimension[];
  readonly cells: readonly CountCell[];
  readonly total: number | null;
  readonly totalSuppressed: boolean;
}

export interface LeadTimeCell extends GroupFields {
  readonly n: number | null;
  readonly median: number | null;
  readonly p90: number | null;
  readonly pending: number | null;
  readonly suppressed: boolean;
  readonly withheld: readonly string[];
}

export interface LeadTimes extends Envelope {
  readonly groupBy: readonly Dimension[];
  readonly process: string;
  readonly fromStep: number;
  readonly toStep: number;
  readonly cells: readonly LeadTimeCell[];
}

export interface FlowCell {
  readonly fromStep: number;
  readonly toStep: number;
  readonly count: number | null;
  readonly suppressed: boolean;
}

export interface Flow extends Envelope {
  readonly process: string;
  readonly cells: readonly FlowCell[];
}

export interface TrendCell extends CountCell {
  readonly month: string;
}

export interface Trend extends Envelope {
  readonly groupBy: readonly Dimension[];
  readonly measure: "opened" | "closed";
  readonly cells: readonly TrendCell[];
}

export interface SipCell extends GroupFields {
  readonly consentGiven: number | null;
  readonly consentDeclined: number | null;
  readonly consentWithdrawn: number | null;
  readonly sipEstablished: number | null;
  readonly medianDaysToSip: number | null;
  readonly suppressed: boolean;
  readonly withheld: readonly string[];
}

export interface Sip extends Envelope {
  readonly groupBy: readonly Dimension[];
  readonly cells: readonly SipCell[];
}

export interface NetworkCell {
  readonly a: string;
  readonly b: string;
  readonly count: number | null;
  readonly suppressed: boolean;
}

export interface Network extends Envelope {
  readonly level: "principalType" | "unit";
  readonly cells: readonly NetworkCell[];
}

export interface StuckCell extends GroupFields {
  readonly count: number | null;
  readonly medianDaysOver: number | null;
  readonly suppressed: boolean;
  readonly withheld: readonly string[];
}

export interface Stuck extends Envelope {
  readonly groupBy: readonly Dimension[];
  readonly cells: readonly StuckCell[];
}

export interface Named {
  readonly code: string;
  readonly name: string;
}

export interface Step {
  readonly number: number;
  readonly name: string;
  readonly targetDays: number | null;
}

export interface Catalogues {
  readonly processes: readonly (Named & { readonly steps: readonly Step[] })[];
  readonly targetGroups: readonly (Named & { readonly statutory: boolean })[];
  readonly principalTypes: readonly Named[];
  readonly ageGroups: readonly Named[];
  readonly municipalities: readonly Named[];
  readonly units: readonly (Named & { readonly organisation: string })[];
  /** From /api/v1/organisations: names units by their organisation ("Beroendeenheten, Nacka kommun"). */
  readonly organisations: readonly Named[];
}

/** Each metric's path and the shape it answers with. */
export interface MetricResponses {
  cases: CaseCounts;
  "lead-times": LeadTimes;
  flow: Flow;
  trend: Trend;
  sip: Sip;
  network: Network;
  stuck: Stuck;
}
export type MetricName = keyof MetricResponses;

export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details?: readonly { readonly path: string; readonly message: string }[];
  };
}
