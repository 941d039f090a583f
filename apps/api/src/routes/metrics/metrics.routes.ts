import { createRoute, z } from "@hono/zod-openapi";
import { dimensions, disclosureModes } from "@samsyn/domain";
import { errorResponses } from "../schemas";
import { commonMetricQuery, groupByParam, leadTimeStepParams } from "./params";

const nullableCount = z.number().int().nullable();
/** The dimensions the cells are grouped by, in the order asked. */
const groupedBy = z.array(z.enum(dimensions));
/** The group's value along each groupBy dimension; only the requested ones are present. */
const groupFields = {
  targetGroup: z.string().optional(),
  ageGroup: z.string().optional(),
  municipality: z.string().optional(),
  process: z.string().optional(),
  step: z.number().int().nullable().optional(),
  leadPrincipal: z.string().nullable().optional(),
  leadUnit: z.string().nullable().optional(),
};
const withheld = z
  .array(z.string())
  .readonly()
  .openapi({ description: "The numbers of the cell that are withheld" });
/** What every published figure says beside itself: k, the disclosure mode, asOf and the view. */
export const envelope = {
  k: z.number().int().openapi({ description: "Counts 1..k−1 are never published" }),
  disclosure: z.enum(disclosureModes).openapi({
    description:
      "cellkey: each count perturbed by −2..+2 by its cell key (the same cases always give the same number; cells need not add up to the total). suppression: exact counts, withheld where small or where a small one could be worked out.",
  }),
  asOf: z.string(),
  view: z.enum(["own", "county"]),
};

/** `P` keeps the path a literal type, so hono/client knows /metrics/cases from /metrics/flow. */
function metricRoute<P extends string, Q extends z.ZodRawShape, R extends z.ZodRawShape>(options: {
  path: P;
  operationId: string;
  summary: string;
  query: Q;
  response: R;
  name: string;
  example: unknown;
}) {
  return createRoute({
    method: "get",
    operationId: options.operationId,
    path: options.path,
    tags: ["metrics"],
    summary: options.summary,
    request: { query: commonMetricQuery.extend(options.query) },
    responses: {
      200: {
        description: "Suppressed per SPEC: null with suppressed: true where withheld",
        content: {
          "application/json": {
            schema: z
              .object({ ...envelope, ...options.response })
              .openapi(options.name, { example: options.example }),
          },
        },
      },
      ...errorResponses(400),
    },
  });
}

export const caseCountsRoute = metricRoute({
  path: "/metrics/cases",
  operationId: "getCaseCounts",
  summary: "Metric 1: cases per group (status open by default)",
  query: { groupBy: groupByParam },
  name: "CaseCounts",
  response: {
    groupBy: groupedBy,
    cells: z.array(z.object({ ...groupFields, count: nullableCount, suppressed: z.boolean() })),
    total: nullableCount,
    totalSuppressed: z.boolean(),
  },
  example: {
    k: 5,
    disclosure: "cellkey",
    asOf: "2025-06-30",
    view: "county",
    groupBy: ["targetGroup", "step"],
    cells: [{ targetGroup: "samsjuklighet", step: 3, count: 12, suppressed: false }],
    total: 123,
    totalSuppressed: false,
  },
});

export const leadTimesRoute = metricRoute({
  path: "/metrics/lead-times",
  operationId: "getLeadTimes",
  summary: "Metric 2: days from the first step a to the first step b after it (median, p90)",
  query: { groupBy: groupByParam, ...leadTimeStepParams },
  name: "LeadTimes",
  response: {
    groupBy: groupedBy,
    process: z.string(),
    fromStep: z.number().int(),
    toStep: z.number().int(),
    cells: z.array(
      z.object({
        ...groupFields,
        n: nullableCount,
        median: z.number().nullable(),
        p90: z.number().nullable(),
        pending: nullableCount,
        suppressed: z.boolean(),
        withheld,
      }),
    ),
  },
  example: {
    k: 5,
    disclosure: "cellkey",
    asOf: "2025-06-30",
    view: "county",
    groupBy: ["targetGroup"],
    process: "intern_samsjuklighet",
    fromStep: 1,
    toStep: 3,
    cells: [
      {
        targetGroup: "samsjuklighet",
        n: 40,
        median: 12,
        p90: 30.5,
        pending: 7,
        suppressed: false,
        withheld: [],
      },
    ],
  },
});

export const flowRoute = metricRoute({
  path: "/metrics/flow",
  operationId: "getFlow",
  summary: "Metric 3: cases that moved from one step to another (back-steps included)",
  query: { process: z.string(), groupBy: groupByParam },
  name: "Flow",
  response: {
    process: z.string(),
    cells: z.array(
      z.object({
        fromStep: z.number().int(),
        toStep: z.number().int(),
        count: nullableCount,
        suppressed: z.boolean(),
      }),
    ),
  },
  example: {
    k: 5,
    disclosure: "cellkey",
    asOf: "2025-06-30",
    view: "county",
    process: "intern_samsjuklighet",
    cells: [{ fromStep: 10, toStep: 6, count: 14, suppressed: false }],
  },
});

export const trendRoute = metricRoute({
  path: "/metrics/trend",
  operationId: "getTrend",
  summary: "Metric 4: cases opened or closed per month",
  query: { measure: z.enum(["opened", "closed"]), groupBy: groupByParam },
  name: "Trend",
  response: {
    groupBy: groupedBy,
    measure: z.enum(["opened", "closed"]),
    cells: z.array(
      z.object({
        month: z.string(),
        ...groupFields,
        count: nullableCount,
        suppressed: z.boolean(),
      }),
    ),
  },
  example: {
    k: 5,
    disclosure: "cellkey",
    asOf: "2025-06-30",
    view: "county",
    groupBy: ["targetGroup"],
    measure: "opened",
    cells: [{ month: "2025-05", targetGroup: "samsjuklighet", count: 31, suppressed: false }],
  },
});

export const sipRoute = metricRoute({
  path: "/metrics/sip",
  operationId: "getSipConsent",
  summary: "Metric 5: consent given/declined/withdrawn, SIP established, median days to SIP",
  query: { groupBy: groupByParam },
  name: "SipConsent",
  response: {
    groupBy: groupedBy,
    cells: z.array(
      z.object({
        ...groupFields,
        consentGiven: nullableCount,
        consentDeclined: nullableCount,
        consentWithdrawn: nullableCount,
        sipEstablished: nullableCount,
        medianDaysToSip: z.number().nullable(),
        suppressed: z.boolean(),
        withheld,
      }),
    ),
  },
  example: {
    k: 5,
    disclosure: "cellkey",
    asOf: "2025-06-30",
    view: "county",
    groupBy: ["targetGroup"],
    cells: [
      {
        targetGroup: "samsjuklighet",
        consentGiven: 80,
        consentDeclined: 9,
        consentWithdrawn: null,
        sipEstablished: 52,
        medianDaysToSip: 24,
        suppressed: true,
        withheld: ["consentWithdrawn"],
      },
    ],
  },
});

export const networkRoute = metricRoute({
  path: "/metrics/network",
  operationId: "getNetwork",
  summary: "Metric 6: cases in which two principal types (or units) both took part",
  query: { level: z.enum(["principalType", "unit"]), groupBy: groupByParam },
  name: "Network",
  response: {
    level: z.enum(["principalType", "unit"]),
    cells: z.array(
      z.object({ a: z.string(), b: z.string(), count: nullableCount, suppressed: z.boolean() }),
    ),
  },
  example: {
    k: 5,
    disclosure: "cellkey",
    asOf: "2025-06-30",
    view: "county",
    level: "principalType",
    cells: [{ a: "kommun", b: "region", count: 412, suppressed: false }],
  },
});

export const stuckRoute = metricRoute({
  path: "/metrics/stuck",
  operationId: "getStuckCases",
  summary: "Metric 7: open cases longer in their step than its target days",
  query: { groupBy: groupByParam },
  name: "Stuck",
  response: {
    groupBy: groupedBy,
    cells: z.array(
      z.object({
        ...groupFields,
        count: nullableCount,
        medianDaysOver: z.number().nullable(),
        suppressed: z.boolean(),
        withheld,
      }),
    ),
  },
  example: {
    k: 5,
    disclosure: "cellkey",
    asOf: "2025-06-30",
    view: "county",
    groupBy: ["step"],
    cells: [{ step: 5, count: 23, medianDaysOver: 18, suppressed: false, withheld: [] }],
  },
});
