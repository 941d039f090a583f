import { publishMetric } from "@samsyn/db";
import {
  brokenMonthBounds,
  DEFAULT_DISCLOSURE_MODE,
  DEFAULT_K,
  type Disclosure,
  echoable,
  metricAccess,
  stockholmDate,
  t,
} from "@samsyn/domain";
import { createRouter, readDatabase } from "../../lib/router";
import { publishOptions } from "../metrics/metric-audit";
import { ParamCheck } from "../metrics/params";
import { escalationMetricRoute } from "./escalations.routes";

/**
 * `GET /metrics/escalations`: the escalation metric of the domain (`escalationFigures`),
 * published through the one metric publisher in the installation's disclosure mode, for the
 * escalations the caller may read. Under /metrics, so the read is audited and rate limited as
 * every metric read is.
 */
export function escalationMetricRoutes() {
  return createRouter().openapi(escalationMetricRoute, async (c) => {
    const { secret, k = DEFAULT_K, disclosure: mode = DEFAULT_DISCLOSURE_MODE } = c.get("deps");
    const database = readDatabase(c);
    const disclosure: Disclosure = { mode, k };
    const scope = c.get("scope");
    const params = c.req.valid("query");
    const check = new ParamCheck();
    const from = check.date("from", params.from);
    const askedTo = check.date("to", params.to);
    const to = askedTo ?? stockholmDate(Date.now());
    if (from !== undefined && from > to) check.add("from", t("metrics.from_after_to"));
    // Whole months, as for every metric: a window shifted by a day must not isolate one.
    for (const bound of brokenMonthBounds(scope.role, { from, to: askedTo }))
      check.add(bound, t(`metrics.whole_months_${bound}`));
    const byLevel = groupedByLevel(check, params.groupBy);
    check.done();
    // Scope as for the list: lan and admin the county, others their own organisations.
    const access = metricAccess(scope);
    const published = await publishMetric(
      database.db,
      { name: "escalations", byLevel, recordKeySecret: secret },
      { ...(from === undefined ? {} : { from }), to, asOf: to },
      access,
      publishOptions(c, disclosure),
    );
    return c.json(
      {
        k,
        disclosure: mode,
        view: access.view,
        from: from ?? null,
        to,
        groupBy: byLevel ? ["level" as const] : [],
        cells: published.cells.map((cell) => ({ ...cell, withheld: [...cell.withheld] })),
        total: { ...published.total, withheld: [...published.total.withheld] },
        shareResolvedAtLevel1: published.shareResolvedAtLevel1,
      },
      200,
    );
  });
}

/** `level`, or nothing: the metric has no other dimension. */
function groupedByLevel(check: ParamCheck, groupBy: string | undefined): boolean {
  const value = groupBy?.trim() ?? "";
  if (value === "") return false;
  if (value === "level") return true;
  check.add(
    "groupBy",
    t("metrics.unknown_dimension", { value: echoable(value), allowed: "level" }),
  );
  return false;
}
