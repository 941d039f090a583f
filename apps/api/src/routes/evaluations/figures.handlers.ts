import { getEvaluationBoard, loadInterchangeCatalogue, publishMetric } from "@samsyn/db";
import {
  DEFAULT_DISCLOSURE_MODE,
  DEFAULT_K,
  type Disclosure,
  echoable,
  type IsoDate,
  metricAccess,
  stockholmDate,
  type ThemeDimension,
  t,
  themeDimensions,
  themeScope,
  wholeMonths,
} from "@samsyn/domain";
import { orRefuse } from "../../lib/respond";
import { createRouter, readDatabase } from "../../lib/router";
import { publishOptions } from "../metrics/metric-audit";
import { ParamCheck } from "../metrics/params";
import { evaluationFiguresRoute, themeTrendRoute } from "./figures.routes";

/**
 * The figures of utvärdering: the theme trend across sessions and the process figures beside a
 * board. Both publish counts, so both go through the one metric publisher and are audited and
 * rate limited as metric reads (`onFigureReads` in app.ts).
 */
export function evaluationFigureRoutes() {
  return createRouter()
    .openapi(themeTrendRoute, async (c) => {
      const { secret, k = DEFAULT_K, disclosure: mode = DEFAULT_DISCLOSURE_MODE } = c.get("deps");
      const database = readDatabase(c);
      const disclosure: Disclosure = { mode, k };
      const scope = c.get("scope");
      const params = c.req.valid("query");
      const check = new ParamCheck();
      const from = check.date("from", params.from);
      const to = check.date("to", params.to) ?? stockholmDate(Date.now());
      if (from !== undefined && from > to) check.add("from", t("metrics.from_after_to"));
      const groupBy = themeGroupBy(check, params.groupBy);
      check.done();
      const organisations = themeScope(scope);
      const cells = await publishMetric(
        database.db,
        { name: "evaluationThemes", groupBy, organisations, recordKeySecret: secret },
        { ...(from === undefined ? {} : { from }), to, asOf: to },
        metricAccess(scope),
        publishOptions(c, disclosure),
      );
      return c.json(
        {
          k,
          disclosure: mode,
          view: organisations === undefined ? ("county" as const) : ("own" as const),
          from: from ?? null,
          to,
          groupBy,
          cells: cells.map((cell) => ({ ...cell, withheld: [...cell.withheld] })),
        },
        200,
      );
    })
    .openapi(evaluationFiguresRoute, async (c) => {
      const { secret, k = DEFAULT_K, disclosure: mode = DEFAULT_DISCLOSURE_MODE } = c.get("deps");
      const database = readDatabase(c);
      const db = database.db;
      const board = orRefuse(
        await getEvaluationBoard(db, c.get("scope"), secret, c.req.valid("param").id),
      );
      // The session's dates are chosen to the day by whoever starts it: the figures cover the
      // whole months they touch, as /metrics asks of every reader but samordnare, so that two
      // sessions a day apart cannot be differenced into one case.
      const period = wholeMonths(board);
      const asOf = earlierOf(period.to, stockholmDate(Date.now()));
      const base = {
        k,
        disclosure: mode,
        process: board.process,
        steps: [...board.steps],
        from: period.from,
        to: period.to,
        asOf,
      };
      if (board.process === null)
        return c.json({ ...base, leadTimes: [], stuck: [], flow: [] }, 200);
      const process = board.process;
      const options = publishOptions(c, { mode, k });
      // The session's population: cases in which a unit of its organisations took part.
      const access = { view: "own" as const, restriction: { organisations: board.organisations } };
      const query = { ...period, asOf, process: [process] };
      const catalogue = await loadInterchangeCatalogue(db);
      const processSteps = [...(catalogue.processSteps.get(process) ?? [])].sort((a, b) => a - b);
      const focus = board.steps.length > 0 ? board.steps : processSteps;
      const leadTimes = [];
      for (const fromStep of focus) {
        const toStep = processSteps.find((s) => s > fromStep);
        if (toStep === undefined) continue;
        const cells = await publishMetric(
          db,
          { name: "leadTimes", process, fromStep, toStep },
          query,
          access,
          options,
        );
        leadTimes.push({ fromStep, toStep, cells: cells.map(jsonCell) });
      }
      const stuck = await publishMetric(
        db,
        { name: "stuck" },
        { ...query, groupBy: ["step"] },
        access,
        options,
      );
      const flow = await publishMetric(db, { name: "flow", process }, query, access, options);
      return c.json(
        {
          ...base,
          leadTimes,
          stuck: stuck
            .filter(
              (cell) => cell.step !== undefined && cell.step !== null && focus.includes(cell.step),
            )
            .map(jsonCell),
          // The transitions into or out of a step in focus: the flow through those steps.
          flow: flow
            .filter((cell) => focus.includes(cell.fromStep) || focus.includes(cell.toStep))
            .map(({ fromStep, toStep, count, suppressed }) => ({
              fromStep,
              toStep,
              count,
              suppressed,
            })),
        },
        200,
      );
    });
}

/** A published cell as plain JSON: its absent dimensions left out, its lists plain arrays. */
function jsonCell(cell: object): Record<string, string | number | boolean | null | string[]> {
  return JSON.parse(JSON.stringify(cell));
}

function earlierOf(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** Any of theme, step and month, each once; none: one total cell. */
function themeGroupBy(check: ParamCheck, value: string | undefined): ThemeDimension[] {
  if (value === undefined || value.trim() === "") return [];
  const dims: ThemeDimension[] = [];
  for (const part of value.split(",").map((p) => p.trim())) {
    const dim = themeDimensions.find((d) => d === part);
    if (dim === undefined || dims.includes(dim))
      check.add(
        "groupBy",
        t("metrics.unknown_dimension", {
          value: echoable(part),
          allowed: themeDimensions.join(", "),
        }),
      );
    else dims.push(dim);
  }
  return dims;
}
