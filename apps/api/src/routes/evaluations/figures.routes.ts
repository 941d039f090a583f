import { createRoute, z } from "@hono/zod-openapi";
import { disclosureModes, themeDimensions } from "@samsyn/domain";
import { json } from "../forums/schemas";
import { errorResponses } from "../schemas";

const nullableCount = z.number().int().nullable();

export const themeTrendRoute = createRoute({
  operationId: "getEvaluationThemes",
  method: "get",
  path: "/evaluations/themes",
  tags: ["evaluations", "metrics"],
  summary:
    "Worked-well and improve items by theme, step and month, under disclosure control; audited as a metric read",
  description:
    "Items written within [from, to] (Europe/Stockholm; to defaults to today) in the sessions of the caller's scope: lan and admin the county, others their organisations' sessions. Each count follows the installation's disclosure mode (cellkey: perturbed by the cell key of a keyed hash of each item's id; suppression: 1..k−1 withheld with secondary suppression along the grid's lines). Cells without items are left out. Beside SPEC's theme, step and month, groupBy takes process (the process in focus of the item's session): a step's number names a different step in each process model.",
  request: {
    query: z.object({
      from: z.string().optional().openapi({ example: "2025-01-01" }),
      to: z.string().optional().openapi({ example: "2026-06-30" }),
      groupBy: z
        .string()
        .optional()
        .openapi({
          description: `Any of ${themeDimensions.join(", ")}, comma-separated`,
          example: "theme,month",
        }),
    }),
  },
  responses: {
    200: json(
      z
        .object({
          k: z.number().int(),
          disclosure: z.enum(disclosureModes),
          view: z.enum(["own", "county"]),
          from: z.string().nullable(),
          to: z.string(),
          groupBy: z.array(z.enum(themeDimensions)),
          cells: z.array(
            z.object({
              theme: z.string().optional(),
              process: z
                .string()
                .nullable()
                .optional()
                .openapi({ description: "The process in focus of the item's session" }),
              step: z.number().int().nullable().optional(),
              month: z.string().optional().openapi({ description: "YYYY-MM" }),
              workedWell: nullableCount,
              improve: nullableCount,
              suppressed: z.boolean(),
              withheld: z.array(z.enum(["workedWell", "improve"])),
            }),
          ),
        })
        .openapi("EvaluationThemes"),
      "The cells; withheld counts are null",
    ),
    ...errorResponses(400),
  },
});

const published = z.record(z.string(), z.unknown());

export const evaluationFiguresRoute = createRoute({
  operationId: "getEvaluationFigures",
  method: "get",
  path: "/evaluations/{id}/figures",
  tags: ["evaluations", "metrics"],
  summary:
    "The figures beside the board: lead times, stuck cases and flow of the session's steps; audited as a metric read",
  description:
    "For a session with a process: the cases of the session's organisations (as ledning sees its own) in the whole months its period touches (from the 1st of its first month to the last day of its last: the whole-months rule of /metrics, so that sessions a day apart cannot be differenced). leadTimes: from each step in focus to the next step of the process; stuck: open cases stuck, by step (the steps in focus); flow: the transitions into or out of a step in focus, cases that made each at least once. Published like GET /metrics/lead-times, /metrics/stuck and /metrics/flow for the same cases, period and asOf (the last day of the session's last month, or today while it lasts): the same numbers those give a ledning of the session's organisations. A session without a process answers empty lists.",
  request: {
    params: z.object({
      id: z.string().openapi({ param: { name: "id", in: "path" }, format: "uuid" }),
    }),
  },
  responses: {
    200: json(
      z
        .object({
          k: z.number().int(),
          disclosure: z.enum(disclosureModes),
          process: z.string().nullable(),
          steps: z.array(z.number().int()),
          from: z.string(),
          to: z.string(),
          asOf: z.string().openapi({
            description:
              "The date the figures are as of: `to`, or today while the session's last month lasts. A heading should end the period here, not at `to`.",
          }),
          leadTimes: z.array(
            z.object({
              fromStep: z.number().int(),
              toStep: z.number().int(),
              cells: z.array(published),
            }),
          ),
          stuck: z.array(published),
          flow: z.array(
            z.object({
              fromStep: z.number().int(),
              toStep: z.number().int(),
              count: nullableCount,
              suppressed: z.boolean(),
            }),
          ),
        })
        .openapi("EvaluationFigures", {
          example: {
            k: 5,
            disclosure: "cellkey",
            process: "intern_samsjuklighet",
            steps: [2, 3],
            from: "2026-01-01",
            to: "2026-03-31",
            asOf: "2026-03-31",
            leadTimes: [
              {
                fromStep: 2,
                toStep: 3,
                cells: [{ n: 14, median: 9, p90: 21, pending: 6, suppressed: false, withheld: [] }],
              },
              {
                fromStep: 3,
                toStep: 4,
                cells: [
                  {
                    n: 7,
                    median: 12,
                    p90: 30,
                    pending: null,
                    suppressed: true,
                    withheld: ["pending"],
                  },
                ],
              },
            ],
            stuck: [{ step: 3, count: 6, medianDaysOver: 11, suppressed: false, withheld: [] }],
            flow: [
              { fromStep: 1, toStep: 2, count: 18, suppressed: false },
              { fromStep: 2, toStep: 3, count: 15, suppressed: false },
              { fromStep: 3, toStep: 2, count: null, suppressed: true },
              { fromStep: 3, toStep: 4, count: 9, suppressed: false },
            ],
          },
        }),
      "The session's figures",
    ),
    ...errorResponses(400, 404),
  },
});
