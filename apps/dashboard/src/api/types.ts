import type { Api, Ok } from "./client";

/**
 * The API's answers as the dashboard uses them, each inferred from the server's route schemas
 * through `AppType` (hono/client), so a change to a route's answer is a type error here, not a
 * surprise in the browser. Only what the API does not send as one answer is written out.
 */
type Metrics = Api["metrics"];

export type CaseCounts = Ok<Metrics["cases"]["$get"]>;
export type LeadTimes = Ok<Metrics["lead-times"]["$get"]>;
export type Flow = Ok<Metrics["flow"]["$get"]>;
export type Trend = Ok<Metrics["trend"]["$get"]>;
export type Sip = Ok<Metrics["sip"]["$get"]>;
export type Network = Ok<Metrics["network"]["$get"]>;
export type Stuck = Ok<Metrics["stuck"]["$get"]>;

/**
 * How the API published a metric's counts (SPEC "Privacy and disclosure control"): every metric
 * answer says it beside its k, and the dashboard explains it from the answer, never assuming it.
 */
export type Published = Pick<CaseCounts, "k" | "disclosure">;
export type DisclosureMode = Published["disclosure"];

export type CountCell = CaseCounts["cells"][number];
export type LeadTimeCell = LeadTimes["cells"][number];
export type TrendCell = Trend["cells"][number];
export type SipCell = Sip["cells"][number];
export type StuckCell = Stuck["cells"][number];

/** The dimensions a metric groups by. */
export type Dimension = CaseCounts["groupBy"][number];

/** A cell's value along each dimension it is grouped by (only the requested ones are set). */
export type GroupFields = Partial<Pick<CountCell, Dimension>>;

/** Each metric's path under /metrics and the shape it answers with. */
export interface MetricResponses {
  cases: CaseCounts;
  "lead-times": LeadTimes;
  flow: Flow;
  trend: Trend;
  sip: Sip;
  network: Network;
  stuck: Stuck;
}
export type MetricName = keyof MetricResponses & keyof Metrics;

export interface Named {
  readonly code: string;
  readonly name: string;
}

/** /catalogues, with /organisations beside it: names units by their organisation. */
export type Catalogues = Ok<Api["catalogues"]["$get"]> & {
  readonly organisations: Ok<Api["organisations"]["$get"]>["items"];
};

/** A pseudonymous case as GET /cases lists it (samordnare: their own units' cases). */
export type CasePage = Ok<Api["cases"]["$get"]>;
export type CaseSummary = CasePage["items"][number];

/** Who is signed in (GET /me). */
export type Me = Ok<Api["me"]["$get"]>;
