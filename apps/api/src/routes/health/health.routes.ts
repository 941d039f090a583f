import { createRoute, z } from "@hono/zod-openapi";
import { errorSchema } from "../schemas";

const databaseKind = z.enum(["postgres", "pglite"]);
/**
 * Only with DATABASE_READ_URL: whether the replica that metric and page reads go to answers.
 * The status is the primary's: while only the replica is away, writes work and reads answer 503.
 */
const replicaState = z.enum(["ok", "unavailable"]).openapi({
  description:
    "Only with DATABASE_READ_URL: whether the read replica answers (reads answer 503 while it does not)",
});

/**
 * Status only: health needs no token, and exact counts of what the county holds would show
 * anyone the pace of its writes (10 000 → 10 013 cases).
 */
export const healthResponse = z
  .object({
    status: z.literal("ok"),
    database: databaseKind.openapi({ description: "Which database Samsyn uses; it answers" }),
    readReplica: replicaState.optional(),
  })
  .openapi("Health", { example: { status: "ok", database: "postgres" } });

/** The SPEC error shape, with the status a load balancer or a person reads first. */
export const healthUnavailableResponse = z
  .object({
    status: z.literal("unavailable"),
    database: databaseKind,
    readReplica: replicaState.optional(),
    error: errorSchema.shape.error,
  })
  .openapi("HealthUnavailable");

export const healthRoute = createRoute({
  method: "get",
  operationId: "getHealth",
  path: "/health",
  tags: ["health"],
  summary: "Is Samsyn up and does its database answer (no token needed)",
  security: [],
  responses: {
    200: {
      description: "Samsyn and its database answer",
      content: { "application/json": { schema: healthResponse } },
    },
    503: {
      description: "The database does not answer (within 2 s); Retry-After is set",
      content: { "application/json": { schema: healthUnavailableResponse } },
    },
    // No token, but the per-IP limit of every /api path counts health too.
    429: {
      description: "För många anrop / rate limited",
      content: { "application/json": { schema: errorSchema } },
    },
  },
});
