import {
  addIndicator,
  getAgreement,
  type IndicatorView,
  listIndicatorDefinitions,
  loadInterchangeCatalogue,
  type Metric,
  publishMetric,
} from "@samsyn/db";
import {
  DEFAULT_DISCLOSURE_MODE,
  DEFAULT_K,
  type Disclosure,
  type IndicatorMetric,
  type IndicatorMonth,
  type IndicatorPublications,
  type IndicatorReading,
  type InterchangeCatalogue,
  type IsoDate,
  indicatorFigures,
  indicatorMonths,
  metricAccess,
  readIndicatorFigure,
  type Scope,
  stockholmDate,
  t,
} from "@samsyn/domain";
import type { Context } from "hono";
import { auditOf, orRefuse } from "../../lib/respond";
import { type AppEnv, createRouter } from "../../lib/router";
import { metricReadAudit } from "../metrics/metric-audit";
import {
  type CommonMetricParams,
  checkProcess,
  metricQuery,
  ParamCheck,
  stepOf,
} from "../metrics/params";
import { addIndicatorRoute, indicatorParams, listIndicatorsRoute } from "./indicators.routes";

/**
 * An agreement's indicators (SPEC "Överenskommelser", Indicators): stored metric queries whose
 * values come from the one metric publisher, for whoever reads them — so a value is withheld
 * exactly as the metric withholds it for that caller, and equals what GET /metrics gives them.
 */
export function agreementIndicatorRoutes() {
  return createRouter()
    .openapi(addIndicatorRoute, async (c) => {
      const { database } = c.get("deps");
      const body = c.req.valid("json");
      const metric = body.metric as IndicatorMetric;
      const catalogue = await loadInterchangeCatalogue(database.db);
      const check = new ParamCheck("params.");
      checkedParams(check, metric, body.params, catalogue, c.get("scope"));
      if (!(indicatorFigures[metric] as readonly string[]).includes(body.figure)) {
        check.details.push({ path: "figure", message: t("agreements.error.figureNotInMetric") });
      }
      check.done();
      const created = orRefuse(
        await addIndicator(database.db, c.get("scope"), auditOf(c), c.req.valid("param").id, {
          // The params as written: each reading checks them again, against its day's catalogue.
          ...body,
          metric,
          figure: body.figure as IndicatorView["figure"],
        }),
      );
      return c.json(created, 201);
    })
    .openapi(listIndicatorsRoute, async (c) => {
      const { database, k = DEFAULT_K, disclosure = DEFAULT_DISCLOSURE_MODE } = c.get("deps");
      const scope = c.get("scope");
      const agreement = orRefuse(await getAgreement(database.db, scope, c.req.valid("param").id));
      const asOf = (c.req.valid("query").asOf ?? stockholmDate(Date.now())) as IsoDate;
      const catalogue = await loadInterchangeCatalogue(database.db);
      const months = indicatorMonths(asOf);
      const items = [];
      for (const indicator of await listIndicatorDefinitions(database.db, agreement.id)) {
        const readings = await readIndicator(c, indicator, months, catalogue, {
          mode: disclosure,
          k,
        });
        // The last month is read as of asOf itself: its reading is the current one.
        const { month: _, ...current } = readings[readings.length - 1] ?? { month: "", ...absent };
        items.push({ ...indicator, current, months: readings });
      }
      return c.json({ k, disclosure, asOf, items }, 200);
    });
}

const absent: IndicatorReading = { value: null, suppressed: false, met: null };

/**
 * An indicator's parameters checked as the metrics API checks its query — the shape per metric,
 * codes against the catalogue, steps of the process, the whole-months rule — each problem a
 * detail under `params.`. Undefined when the shape is wrong (the details say why).
 */
function checkedParams(
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
 * An indicator's reading in each month, published for the caller of `c` like the metric itself.
 * Its parameters are checked once, then asked as of each month's day. Parameters that no longer
 * hold (a code since removed from the catalogue) give no value.
 */
async function readIndicator(
  c: Context<AppEnv>,
  indicator: IndicatorView,
  months: readonly IndicatorMonth[],
  catalogue: InterchangeCatalogue,
  disclosure: Disclosure,
): Promise<(IndicatorReading & { month: string })[]> {
  const scope = c.get("scope");
  const check = new ParamCheck("params.");
  const checked = checkedParams(check, indicator.metric, indicator.params, catalogue, scope);
  if (checked === undefined || check.details.length > 0)
    return months.map(({ month }) => ({ month, ...absent }));
  const { params, query } = checked;
  const metric = publisherOf(indicator.metric, params);
  const access = metricAccess(scope, params.view);
  const options = { disclosure, audit: metricReadAudit(c) };
  const readings = [];
  for (const { month, asOf } of months) {
    const published = await publishMetric(
      c.get("deps").database.db,
      metric,
      { ...query, asOf },
      access,
      options,
    );
    const figure = readIndicatorFigure(
      indicator.metric,
      indicator.figure,
      published as IndicatorPublications[IndicatorMetric],
      indicator.target,
    );
    readings.push({ month, ...figure });
  }
  return readings;
}

/** The publisher's name for each metric an indicator may follow, with its own parameters. */
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
