import { createRoute, z } from "@hono/zod-openapi";

export const healthResponse = z
  .object({
    status: z.literal("ok"),
    database: z.enum(["postgres", "pglite"]),
    counts: z.object({
      organisations: z.number().int(),
      units: z.number().int(),
      cases: z.number().int().nullable().openapi({ description: "null when between 1 and k−1" }),
      events: z.number().int(),
    }),
  })
  .openapi("Health", {
    example: {
      status: "ok",
      database: "pglite",
      counts: { organisations: 60, units: 240, cases: 10000, events: 121000 },
    },
  });

export const healthRoute = createRoute({
  method: "get",
  path: "/health",
  tags: ["health"],
  summary: "Is Samsyn up, and how much data does it hold (no token needed)",
  security: [],
  responses: {
    200: {
      description: "Samsyn and its database answer",
      content: { "application/json": { schema: healthResponse } },
    },
  },
});
