import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses } from "../schemas";

const named = z.object({ code: z.string(), name: z.string() });

export const cataloguesRoute = createRoute({
  method: "get",
  operationId: "getCatalogues",
  path: "/catalogues",
  tags: ["catalogues"],
  summary: "Codes, names and target days of everything the metrics filter and group by",
  request: { query: z.object({ locale: z.enum(["sv", "en"]).default("sv") }) },
  responses: {
    200: {
      description:
        "The catalogues, as this county has edited them; every unit's name, since figures name units of other huvudmän (GET /units lists the caller's own)",
      content: {
        "application/json": {
          schema: z
            .object({
              processes: z.array(
                named.extend({
                  steps: z.array(
                    z.object({
                      number: z.number().int(),
                      name: z.string(),
                      targetDays: z.number().int().nullable(),
                    }),
                  ),
                }),
              ),
              targetGroups: z.array(named.extend({ statutory: z.boolean() })),
              principalTypes: z.array(named),
              ageGroups: z.array(named),
              municipalities: z.array(named),
              units: z.array(named.extend({ organisation: z.string() })),
            })
            .openapi("Catalogues"),
        },
      },
    },
    ...errorResponses(400),
  },
});
