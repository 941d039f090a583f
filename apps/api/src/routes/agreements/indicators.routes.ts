import { createRoute, z } from "@hono/zod-openapi";
import {
  indicatorFigureNames,
  indicatorKinds,
  indicatorMetrics,
  targetDirections,
} from "@samsyn/domain";
import { envelope } from "../metrics/metrics.routes";
import { commonMetricQuery, leadTimeStepParams } from "../metrics/params";
import { errorResponses, isoDate } from "../schemas";

/**
 * The parameters an indicator stores, per metric: the metric's own query parameters without
 * asOf and groupBy (an indicator is read as of a date, and is one figure), strict, so that a
 * misspelt filter is refused rather than silently widening the figure.
 */
const withoutAsOf = commonMetricQuery.omit({ asOf: true });
export const indicatorParams = {
  cases: withoutAsOf.strict(),
  "lead-times": withoutAsOf.extend(leadTimeStepParams).strict(),
  sip: withoutAsOf.strict(),
  stuck: withoutAsOf.strict(),
} as const;

const agreementId = z.string().openapi({ param: { name: "id", in: "path" }, format: "uuid" });

const target = z
  .strictObject({
    value: z.number().finite(),
    direction: z.enum(targetDirections),
  })
  .openapi("IndicatorTarget");

const indicatorFields = {
  name: z.string().min(1).max(300),
  kind: z.enum(indicatorKinds),
  metric: z.enum(indicatorMetrics as [string, ...string[]]),
  params: z.record(z.string(), z.unknown()).openapi({
    description:
      "The metric's query parameters without asOf and groupBy, as GET /metrics/{metric} takes them (lead-times: process, fromStep, toStep as well); unknown ones are refused",
    example: {
      process: "intern_samsjuklighet",
      fromStep: 1,
      toStep: 3,
      targetGroup: ["samsjuklighet"],
    },
  }),
  figure: z.enum(indicatorFigureNames as [string, ...string[]]).openapi({
    description:
      "cases: count; lead-times: n, median, p90; sip: sipEstablished, consentGiven, medianDaysToSip; stuck: count, medianDaysOver",
  }),
  target,
};

const example = {
  name: "Ledtid från aktualisering till SIP",
  kind: "process",
  metric: "lead-times",
  params: { process: "intern_samsjuklighet", fromStep: 1, toStep: 3 },
  figure: "median",
  target: { value: 30, direction: "at_most" },
};

export const newIndicatorBody = z
  .strictObject(indicatorFields)
  .openapi("NewAgreementIndicator", { example });

const indicator = z
  .object({
    id: z.string().openapi({ format: "uuid" }),
    agreementId: z.string(),
    ...indicatorFields,
  })
  .openapi("AgreementIndicator");

const reading = {
  value: z.number().nullable(),
  suppressed: z.boolean(),
  met: z
    .boolean()
    .nullable()
    .openapi({ description: "null when the value is withheld or there is none" }),
};

const indicatorWithValues = indicator
  .extend({
    current: z.object(reading),
    months: z.array(z.object({ month: z.string().openapi({ example: "2026-11" }), ...reading })),
  })
  .openapi("AgreementIndicatorValues");

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const addIndicatorRoute = createRoute({
  operationId: "addAgreementIndicator",
  method: "post",
  path: "/agreements/{id}/indicators",
  tags: ["agreements"],
  summary: "Follow an agreement with a metric query and a target (lan, admin); audited",
  description:
    "The parameters are checked as GET /metrics/{metric} checks them (codes, steps of the process, whole months); a detail names each bad one as params.<name>.",
  request: {
    params: z.object({ id: agreementId }),
    body: { required: true, content: { "application/json": { schema: newIndicatorBody } } },
  },
  responses: {
    201: json(indicator, "The indicator"),
    ...errorResponses(400, 403, 404, 413, 415, 422),
  },
});

export const listIndicatorsRoute = createRoute({
  operationId: "listAgreementIndicators",
  method: "get",
  path: "/agreements/{id}/indicators",
  tags: ["agreements"],
  summary: "An agreement's indicators with their current value and the 12 months up to asOf",
  description:
    "Each value is the named figure of the metric's answer without groupBy (its total for counts, its one cell otherwise) for the stored parameters, published for the caller exactly as GET /metrics/{metric} publishes it — the same disclosure control, the same scope — and audited as a metric read. A withheld value is null with suppressed: true and met: null. `months` reads each month as of its last day, and asOf's own month as of asOf, so its last entry equals `current`.",
  request: {
    params: z.object({ id: agreementId }),
    query: z.object({
      asOf: isoDate
        .optional()
        .openapi({ description: "Default today (Europe/Stockholm)", example: "2026-11-30" }),
    }),
  },
  responses: {
    200: json(
      z
        .object({
          k: envelope.k,
          disclosure: envelope.disclosure,
          asOf: z.string(),
          items: z.array(indicatorWithValues),
        })
        .openapi("AgreementIndicatorList", {
          example: {
            k: 5,
            disclosure: "cellkey",
            asOf: "2026-11-30",
            items: [
              {
                id: "5f0c2c8e-0b7a-4a57-9d0e-2b1d7f5d9a11",
                agreementId: "0d4b7b8e-2f4e-4f55-8a53-6c8f0f1a2b3c",
                ...example,
                current: { value: 24, suppressed: false, met: true },
                months: [{ month: "2026-11", value: 24, suppressed: false, met: true }],
              },
            ],
          },
        }),
      "The indicators, oldest first",
    ),
    ...errorResponses(400, 404),
  },
});
