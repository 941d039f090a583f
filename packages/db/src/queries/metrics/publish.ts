import {
  type Disclosure,
  escalationFigures,
  type FlowParameters,
  type LeadTimeSteps,
  type MetricAccess,
  type MetricQuery,
  type NetworkParameters,
  type PublishedCaseCounts,
  type PublishedEscalationFigures,
  type PublishedFlowCell,
  type PublishedLeadTimeCell,
  type PublishedNetworkCell,
  type PublishedSipConsentCell,
  type PublishedStuckCell,
  type PublishedTrendCell,
  publishEscalationFigures,
  publishThemeTrend,
  suppressCaseCounts,
  suppressFlow,
  suppressLeadTimes,
  suppressNetwork,
  suppressSipConsent,
  suppressStuck,
  suppressTrend,
  type ThemeCell,
  type TrendParameters,
} from "@samsyn/domain";
import type { Db } from "../../client";
import { type EscalationMetricParameters, escalationFacts } from "../escalations/facts";
import { type ThemeTrendParameters, themeItemFacts } from "../evaluations/themes";
import { metricCacheOf } from "./cache";
import { caseCounts } from "./case-counts";
import { flow } from "./flow";
import { leadTimes } from "./lead-times";
import { network } from "./network";
import { metricQueueOf } from "./queue";
import { sipConsent } from "./sip-consent";
import { stuck } from "./stuck";
import { trend } from "./trend";

/** Each metric of SPEC "Metrics" by name, with the parameters it takes beside the common ones. */
interface MetricParameters {
  readonly caseCounts: object;
  readonly leadTimes: LeadTimeSteps;
  readonly flow: FlowParameters;
  readonly trend: TrendParameters;
  readonly sipConsent: object;
  readonly network: NetworkParameters;
  readonly stuck: object;
  /** Eskalering: counts escalations, not cases; the query's `from` and `to` are its period. */
  readonly escalations: EscalationMetricParameters;
  /** Utvärdering's theme trend: counts items (people's notes) in the sessions counted. */
  readonly evaluationThemes: ThemeTrendParameters;
}

/** What each metric publishes: its figures after disclosure control. */
interface Publications {
  readonly caseCounts: PublishedCaseCounts;
  readonly leadTimes: PublishedLeadTimeCell[];
  readonly flow: PublishedFlowCell[];
  readonly trend: PublishedTrendCell[];
  readonly sipConsent: PublishedSipConsentCell[];
  readonly network: PublishedNetworkCell[];
  readonly stuck: PublishedStuckCell[];
  readonly escalations: PublishedEscalationFigures;
  readonly evaluationThemes: ThemeCell[];
}

export type MetricName = keyof MetricParameters;

export const metricNames = [
  "caseCounts",
  "leadTimes",
  "flow",
  "trend",
  "sipConsent",
  "network",
  "stuck",
] as const satisfies readonly MetricName[];

/** A metric to publish: `{ name: "leadTimes", process, fromStep, toStep }`. */
export type Metric<N extends MetricName = MetricName> = {
  [K in N]: { readonly name: K } & MetricParameters[K];
}[N];

export type Publication<N extends MetricName = MetricName> = Publications[N];

/**
 * Proof that the read a figure is published for is on the audit log (SPEC: metric reads are
 * audited so that an attacker averaging over many case sets is visible). The audit row belongs to
 * whoever answers the read, since only it knows the whole request: the API writes one row per
 * request, refused and rate-limited ones too, in batches so that a read waits for no INSERT.
 * `publishMetric` requires this proof, so that no caller — a metric route, an agreement's
 * indicator, an agenda signal — can publish a figure without the read being recorded.
 */
export interface MetricReadAudit {
  /** Called for each metric published, before its figures are returned, for the row to name. */
  published(metric: MetricName): void;
}

/** How a figure is published: the installation's disclosure control, and the read's audit. */
export interface PublishOptions {
  readonly disclosure: Disclosure;
  readonly audit: MetricReadAudit;
  /**
   * Aborted when the reader goes away (the request's signal): a computation still waiting in the
   * metric queue for nobody is dropped (`ReadAbandoned`), unless another reader waits for it.
   */
  readonly signal?: AbortSignal;
}

type Publisher<N extends MetricName> = (
  db: Db,
  metric: Metric<N>,
  query: MetricQuery,
  access: MetricAccess,
  disclosure: Disclosure,
) => Promise<Publications[N]>;

const publishers: { readonly [N in MetricName]: Publisher<N> } = {
  caseCounts: async (db, _, query, access, disclosure) =>
    suppressCaseCounts(await caseCounts(db, query, access), groupBy(query), disclosure),
  leadTimes: async (db, steps, query, access, disclosure) =>
    suppressLeadTimes(await leadTimes(db, query, steps, access), groupBy(query), disclosure),
  flow: async (db, parameters, query, access, disclosure) =>
    suppressFlow(await flow(db, query, parameters, access), disclosure),
  trend: async (db, parameters, query, access, disclosure) =>
    suppressTrend(await trend(db, query, parameters, access), groupBy(query), disclosure),
  sipConsent: async (db, _, query, access, disclosure) =>
    suppressSipConsent(await sipConsent(db, query, access), groupBy(query), disclosure),
  network: async (db, parameters, query, access, disclosure) =>
    suppressNetwork(await network(db, query, parameters, access), disclosure),
  // SPEC: stuck cases are always the open ones, whatever status was asked.
  stuck: async (db, _, query, access, disclosure) =>
    suppressStuck(
      await stuck(db, { ...query, status: "open" }, access),
      groupBy(query),
      disclosure,
    ),
  // Open at the end of `to` (default asOf), resolved within [from, to]: the domain's definitions.
  escalations: async (db, { byLevel, recordKeySecret }, query, access, disclosure) => {
    const period = { ...(query.from ? { from: query.from } : {}), to: query.to ?? query.asOf };
    const facts = await escalationFacts(db, access, recordKeySecret, period.to);
    return publishEscalationFigures(escalationFigures(facts, period), byLevel, disclosure);
  },
  // Items written within [from, to] (default to asOf) in the sessions the parameters name.
  evaluationThemes: async (db, parameters, query, _access, disclosure) => {
    const period = { ...(query.from ? { from: query.from } : {}), to: query.to ?? query.asOf };
    const facts = await themeItemFacts(db, parameters, period);
    return publishThemeTrend(facts, parameters.groupBy, disclosure);
  },
};

/**
 * The one way a published figure leaves packages/db: runs the metric's SQL over the cases
 * `access` allows and puts its true counts through the domain's disclosure control, in the
 * installation's mode (`cellkey` or `suppression`), before anyone sees them. The unsuppressed
 * query functions are internal to this folder.
 */
export async function publishMetric<N extends MetricName>(
  db: Db,
  metric: Metric<N>,
  query: MetricQuery,
  access: MetricAccess,
  options: PublishOptions,
): Promise<Publication<N>> {
  const publish: Publisher<N> = publishers[metric.name];
  const caseMetric = cachedMetrics.has(metric.name);
  const queue = caseMetric ? metricQueueOf(db) : undefined;
  // Queued inside the cache: an answer already kept (or being computed) waits for nothing.
  const compute = (signal: AbortSignal | undefined) => {
    const work = () => publish(db, metric, query, access, options.disclosure);
    return queue === undefined ? work() : queue.run(work, signal);
  };
  const cache = metricCacheOf(db);
  const published =
    cache !== undefined && caseMetric
      ? await cache.get(
          db,
          JSON.stringify([metric, query, access, options.disclosure]),
          compute,
          options.signal,
        )
      : await compute(options.signal);
  options.audit.published(metric.name);
  return published;
}

/**
 * The metrics of the case data, whose answers change only with a write to it (`case_data_version`).
 * Escalations and themes change with every escalation and note written, and are cheap: not cached.
 */
const cachedMetrics: ReadonlySet<MetricName> = new Set(metricNames);

function groupBy(query: MetricQuery) {
  return query.groupBy ?? [];
}
