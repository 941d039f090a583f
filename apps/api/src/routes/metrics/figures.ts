import { type Metric, publishMetric } from "@samsyn/db";
import {
  DEFAULT_DISCLOSURE_MODE,
  DEFAULT_K,
  type IndicatorFigure,
  type IndicatorMetric,
  type IndicatorPublications,
  type IndicatorReading,
  type IndicatorTarget,
  type InterchangeCatalogue,
  type IsoDate,
  metricAccess,
  readIndicatorFigure,
  type Scope,
} from "@samsyn/domain";
import type { Context } from "hono";
import { type AppEnv, readDatabase } from "../../lib/router";
import { indicatorParams } from "../agreements/indicators.routes";
import { publishOptions } from "./metric-audit";
import { type CommonMetricParams, checkProcess, metricQuery, ParamCheck, stepOf } from "./params";

/**
 * A stored figure: one named number of a metric's answer without groupBy, for those parameters
 * (an agreement's indicator, or what a forum action is meant to move). Its values come from the
 * one metric publisher, for whoever reads them, as of any day: withheld exactly as the metric
 * withholds it for that caller, and equal to what GET /metrics gives them.
 */
export interface FigureDefinition {
  readonly metric: IndicatorMetric;
  /** The metric's parameters without asOf and groupBy, as the metrics API takes them. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly figure: IndicatorFigure;
  /** Without a target, a reading is neither met nor not met. */
  readonly target: IndicatorTarget | null;
}

/** No figure: the parameters no longer hold, or there is nothing to read. */
export const noReading: IndicatorReading = { value: null, suppressed: false, met: null };

/**
 * A figure's parameters checked as the metrics API checks its query — the shape per metric,
 * codes against the catalogue, steps of the process, the whole-months rule — each problem a
 * detail under `prefix` (`params.`). Undefined when the shape is wrong (the details say why).
 */
export function checkedFigureParams(
  check: ParamCheck,
  metric: IndicatorMetric,
  raw: Readonly<Record<string, unknown>>,
  catalogue: InterchangeCatalogue,
  scope: Scope,
) {
  const parsed = indicatorParams[metric].safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join(".");
      const unknown = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : "";
      check.add(path === "" ? unknown : path, issue.message);
    }
    return undefined;
  }
  const params = parsed.data;
  // Lead times follow one process, which the common filters take as a list of one.
  const steps = "fromStep" in params ? params : undefined;
  const common: CommonMetricParams =
    steps === undefined ? (params as CommonMetricParams) : { ...steps, process: [steps.process] };
  const query = metricQuery(check, common, catalogue, scope, []);
  if (steps !== undefined) {
    checkProcess(check, steps.process, catalogue);
    stepOf(check, "fromStep", steps.fromStep, steps.process, catalogue);
    stepOf(check, "toStep", steps.toStep, steps.process, catalogue);
  }
  return { params, query };
}

/**
 * A figure read as of each day, published for the caller of `c` like the metric itself (and so
 * audited and counted against their metric reads). Its parameters are checked once, then asked
 * as of each day. Parameters that no longer hold (a code since removed from the catalogue) give
 * no value.
 */
export async function readFigure(
  c: Context<AppEnv>,
  definition: FigureDefinition,
  days: readonly IsoDate[],
  catalogue: InterchangeCatalogue,
): Promise<IndicatorReading[]> {
  const { k = DEFAULT_K, disclosure = DEFAULT_DISCLOSURE_MODE } = c.get("deps");
  const database = readDatabase(c);
  const scope = c.get("scope");
  const check = new ParamCheck("params.");
  const checked = checkedFigureParams(
    check,
    definition.metric,
    definition.params,
    catalogue,
    scope,
  );
  if (checked === undefined || check.details.length > 0) return days.map(() => noReading);
  const { params, query } = checked;
  const metric = publisherOf(definition.metric, params);
  const access = metricAccess(scope, params.view);
  const options = publishOptions(c, { mode: disclosure, k });
  const readings = [];
  for (const asOf of days) {
    const published = await publishMetric(database.db, metric, { ...query, asOf }, access, options);
    readings.push(
      readIndicatorFigure(
        definition.metric,
        definition.figure,
        published as IndicatorPublications[IndicatorMetric],
        definition.target,
      ),
    );
  }
  return readings;
}

/** The publisher's name for each metric a figure may follow, with its own parameters. */
function publisherOf(metric: IndicatorMetric, params: Readonly<Record<string, unknown>>): Metric {
  switch (metric) {
    case "cases":
      return { name: "caseCounts" };
    case "lead-times":
      return {
        name: "leadTimes",
        process: String(params.process),
        fromStep: Number(params.fromStep),
        toStep: Number(params.toStep),
      };
    case "sip":
      return { name: "sipConsent" };
    case "stuck":
      return { name: "stuck" };
  }
}
