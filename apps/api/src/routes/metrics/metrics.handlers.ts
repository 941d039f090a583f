import { loadInterchangeCatalogue, type Metric, type MetricName, publishMetric } from "@samsyn/db";
import {
  DEFAULT_DISCLOSURE_MODE,
  DEFAULT_K,
  type Dimension,
  type Disclosure,
  metricAccess,
  t,
  trendDimensions,
} from "@samsyn/domain";
import type { Context } from "hono";
import { type AppEnv, createRouter, readDatabase } from "../../lib/router";
import { publishOptions } from "./metric-audit";
import {
  caseCountsRoute,
  flowRoute,
  leadTimesRoute,
  networkRoute,
  sipRoute,
  stuckRoute,
  trendRoute,
} from "./metrics.routes";
import {
  type CommonMetricParams,
  checkProcess,
  metricQuery,
  ParamCheck,
  parseGroupBy,
  stepOf,
} from "./params";

/**
 * The seven metrics of SPEC: parse and check the parameters, and publish the figures through
 * packages/db's one publisher, which runs each metric's SQL and the domain's disclosure control
 * together, in the installation's mode. Nothing unprotected reaches here.
 */
export function metricRoutes() {
  return createRouter()
    .openapi(caseCountsRoute, async (c) => {
      const m = await prepare(c, c.req.valid("query"));
      const published = await m.publish({ name: "caseCounts" });
      return c.json(
        { ...m.envelope, groupBy: m.groupBy, ...published, cells: [...published.cells] },
        200,
      );
    })
    .openapi(leadTimesRoute, async (c) => {
      const params = c.req.valid("query");
      const m = await prepare(c, { ...params, process: [params.process] }, (check, catalogue) => {
        checkProcess(check, params.process, catalogue);
        stepOf(check, "fromStep", params.fromStep, params.process, catalogue);
        stepOf(check, "toStep", params.toStep, params.process, catalogue);
      });
      const { process, fromStep, toStep } = params;
      const cells = await m.publish({ name: "leadTimes", process, fromStep, toStep });
      return c.json({ ...m.envelope, groupBy: m.groupBy, process, fromStep, toStep, cells }, 200);
    })
    .openapi(flowRoute, async (c) => {
      const params = c.req.valid("query");
      const m = await prepare(
        c,
        { ...params, process: [params.process] },
        (check, catalogue) => checkProcess(check, params.process, catalogue),
        [],
      );
      const cells = await m.publish({ name: "flow", process: params.process });
      return c.json({ ...m.envelope, process: params.process, cells }, 200);
    })
    .openapi(trendRoute, async (c) => {
      const params = c.req.valid("query");
      const m = await prepare(c, params, undefined, trendDimensions);
      const cells = await m.publish({ name: "trend", measure: params.measure });
      return c.json({ ...m.envelope, groupBy: m.groupBy, measure: params.measure, cells }, 200);
    })
    .openapi(sipRoute, async (c) => {
      const m = await prepare(c, c.req.valid("query"));
      const cells = await m.publish({ name: "sipConsent" });
      return c.json({ ...m.envelope, groupBy: m.groupBy, cells }, 200);
    })
    .openapi(networkRoute, async (c) => {
      const params = c.req.valid("query");
      const m = await prepare(c, params, undefined, []);
      const cells = await m.publish({ name: "network", level: params.level });
      return c.json({ ...m.envelope, level: params.level, cells }, 200);
    })
    .openapi(stuckRoute, async (c) => {
      const m = await prepare(c, c.req.valid("query"));
      const cells = await m.publish({ name: "stuck" });
      return c.json({ ...m.envelope, groupBy: m.groupBy, cells }, 200);
    });
}

type ExtraCheck = (
  check: ParamCheck,
  catalogue: Awaited<ReturnType<typeof loadInterchangeCatalogue>>,
) => void;

/**
 * Everything the seven endpoints share: the parameters as a MetricQuery (400 with a detail per
 * bad parameter), the caller's view and k, and the publisher bound to them. `allowedGroupBy` empty = the metric takes none.
 */
async function prepare(
  c: Context<AppEnv>,
  params: CommonMetricParams & { groupBy?: string | undefined },
  extra?: ExtraCheck,
  allowedGroupBy?: readonly Dimension[],
) {
  const { k = DEFAULT_K, disclosure: mode = DEFAULT_DISCLOSURE_MODE } = c.get("deps");
  const database = readDatabase(c);
  const disclosure: Disclosure = { mode, k };
  const scope = c.get("scope");
  const catalogue = await loadInterchangeCatalogue(database.db);
  const check = new ParamCheck();
  const groupBy =
    allowedGroupBy !== undefined && allowedGroupBy.length === 0
      ? noGroupBy(check, params.groupBy)
      : parseGroupBy(check, params.groupBy, allowedGroupBy);
  const query = metricQuery(check, params, catalogue, scope, groupBy);
  extra?.(check, catalogue);
  check.done();
  const access = metricAccess(scope, params.view);
  const options = publishOptions(c, disclosure);
  return {
    groupBy,
    publish: <N extends MetricName>(metric: Metric<N>) =>
      publishMetric(database.db, metric, query, access, options),
    envelope: { k, disclosure: mode, asOf: query.asOf, view: access.view },
  };
}

function noGroupBy(check: ParamCheck, value: string | undefined): Dimension[] {
  if (value !== undefined && value.trim() !== "") check.add("groupBy", t("metrics.no_group_by"));
  return [];
}
