import {
  addIndicator,
  getAgreement,
  type IndicatorView,
  listIndicatorDefinitions,
  loadInterchangeCatalogue,
} from "@samsyn/db";
import {
  DEFAULT_DISCLOSURE_MODE,
  DEFAULT_K,
  type IndicatorMetric,
  type IsoDate,
  indicatorFigures,
  indicatorMonths,
  stockholmDate,
  t,
} from "@samsyn/domain";
import { auditOf, orRefuse } from "../../lib/respond";
import { createRouter, readDatabase } from "../../lib/router";
import { checkedFigureParams, noReading, readFigure } from "../metrics/figures";
import { ParamCheck } from "../metrics/params";
import { addIndicatorRoute, listIndicatorsRoute } from "./indicators.routes";

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
      checkedFigureParams(check, metric, body.params, catalogue, c.get("scope"));
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
      const { k = DEFAULT_K, disclosure = DEFAULT_DISCLOSURE_MODE } = c.get("deps");
      const database = readDatabase(c);
      const scope = c.get("scope");
      const agreement = orRefuse(await getAgreement(database.db, scope, c.req.valid("param").id));
      const asOf = (c.req.valid("query").asOf ?? stockholmDate(Date.now())) as IsoDate;
      const catalogue = await loadInterchangeCatalogue(database.db);
      const months = indicatorMonths(asOf);
      const items = [];
      for (const indicator of await listIndicatorDefinitions(database.db, agreement.id)) {
        const values = await readFigure(
          c,
          indicator,
          months.map((m) => m.asOf),
          catalogue,
        );
        const readings = months.map(({ month }, i) => ({ month, ...(values[i] ?? noReading) }));
        // The last month is read as of asOf itself: its reading is the current one.
        const { month: _, ...current } = readings[readings.length - 1] ?? {
          month: "",
          ...noReading,
        };
        items.push({ ...indicator, current, months: readings });
      }
      return c.json({ k, disclosure, asOf, items }, 200);
    });
}
