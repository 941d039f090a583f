import {
  caseCounts,
  flow,
  leadTimes,
  loadInterchangeCatalogue,
  network,
  sipConsent,
  stuck,
  trend,
} from "@samsyn/db";
import {
  DEFAULT_DISCLOSURE_MODE,
  DEFAULT_K,
  type Dimension,
  type Disclosure,
  metricAccess,
  suppressCaseCounts,
  suppressFlow,
  suppressLeadTimes,
  suppressNetwork,
  suppressSipConsent,
  suppressStuck,
  suppressTrend,
  t,
  trendDimensions,
} from "@samsyn/domain";
import type { Context } from "hono";
import { type AppEnv, createRouter } from "../../lib/router";
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
  metricQuery,
  ParamCheck,
  parseGroupBy,
  stepOf,
  unknownCode,
} from "./params";

/**
 * The seven metrics of SPEC: parse and check the parameters, ask the database for true counts
 * (and their cell keys), and publish them only through the domain's disclosure control, in the
 * installation's mode. Nothing unprotected leaves here.
 */
export function metricRoutes() {
  return createRouter()
    .openapi(caseCountsRoute, async (c) => {
      const m = await prepare(c, c.req.valid("query"));
      const counts = await caseCounts(m.db, m.query, m.access);
      const published = suppressCaseCounts(counts, m.groupBy, m.disclosure);
      return c.json(
        { ...m.envelope, groupBy: m.groupBy, ...published, cells: [...published.cells] },
        200,
      );
    })
    .openapi(leadTimesRoute, async (c) => {
      const params = c.req.valid("query");
      const m = await prepare(c, { ...params, process: [params.process] }, (check, catalogue) => {
        checkProcess(params.process)(check, catalogue);
        stepOf(check, "fromStep", params.fromStep, params.process, catalogue);
        stepOf(check, "toStep", params.toStep, params.process, catalogue);
      });
      const { process, fromStep, toStep } = params;
      const cells = await leadTimes(m.db, m.query, { process, fromStep, toStep }, m.access);
      const published = suppressLeadTimes(cells, m.groupBy, m.disclosure);
      return c.json(
        { ...m.envelope, groupBy: m.groupBy, process, fromStep, toStep, cells: published },
        200,
      );
    })
    .openapi(flowRoute, async (c) => {
      const params = c.req.valid("query");
      const m = await prepare(
        c,
        { ...params, process: [params.process] },
        checkProcess(params.process),
        [],
      );
      const cells = await flow(m.db, m.query, { process: params.process }, m.access);
      return c.json(
        { ...m.envelope, process: params.process, cells: suppressFlow(cells, m.disclosure) },
        200,
      );
    })
    .openapi(trendRoute, async (c) => {
      const params = c.req.valid("query");
      const m = await prepare(c, params, undefined, trendDimensions);
      const cells = await trend(m.db, m.query, { measure: params.measure }, m.access);
      const published = suppressTrend(cells, m.groupBy, m.disclosure);
      return c.json(
        { ...m.envelope, groupBy: m.groupBy, measure: params.measure, cells: published },
        200,
      );
    })
    .openapi(sipRoute, async (c) => {
      const m = await prepare(c, c.req.valid("query"));
      const cells = await sipConsent(m.db, m.query, m.access);
      return c.json(
        {
          ...m.envelope,
          groupBy: m.groupBy,
          cells: suppressSipConsent(cells, m.groupBy, m.disclosure),
        },
        200,
      );
    })
    .openapi(networkRoute, async (c) => {
      const params = c.req.valid("query");
      const m = await prepare(c, params, undefined, []);
      const cells = await network(m.db, m.query, { level: params.level }, m.access);
      return c.json(
        { ...m.envelope, level: params.level, cells: suppressNetwork(cells, m.disclosure) },
        200,
      );
    })
    .openapi(stuckRoute, async (c) => {
      const m = await prepare(c, c.req.valid("query"));
      const cells = await stuck(m.db, { ...m.query, status: "open" }, m.access);
      return c.json(
        { ...m.envelope, groupBy: m.groupBy, cells: suppressStuck(cells, m.groupBy, m.disclosure) },
        200,
      );
    });
}

type ExtraCheck = (
  check: ParamCheck,
  catalogue: Awaited<ReturnType<typeof loadInterchangeCatalogue>>,
) => void;

function checkProcess(process: string): ExtraCheck {
  return (check, catalogue) => {
    if (!catalogue.processSteps.has(process)) check.add("process", unknownCode(process));
  };
}

/**
 * Everything the seven endpoints share: the parameters as a MetricQuery (400 with a detail per
 * bad parameter), the caller's view and k. `allowedGroupBy` empty = the metric takes none.
 */
async function prepare(
  c: Context<AppEnv>,
  params: CommonMetricParams & { groupBy?: string | undefined },
  extra?: ExtraCheck,
  allowedGroupBy?: readonly Dimension[],
) {
  const { database, k = DEFAULT_K, disclosure: mode = DEFAULT_DISCLOSURE_MODE } = c.get("deps");
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
  return {
    db: database.db,
    query,
    groupBy,
    disclosure,
    access,
    envelope: { k, disclosure: mode, asOf: query.asOf, view: access.view },
  };
}

function noGroupBy(check: ParamCheck, value: string | undefined): Dimension[] {
  if (value !== undefined && value.trim() !== "") check.add("groupBy", t("metrics.no_group_by"));
  return [];
}
