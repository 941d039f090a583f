import { createRoute, z } from "@hono/zod-openapi";
import { roles } from "@samsyn/domain";
import { errorResponses } from "../schemas";

export const meRoute = createRoute({
  method: "get",
  operationId: "getMe",
  path: "/me",
  tags: ["me"],
  summary: "Who the token says the caller is: subject, role and organisation scope",
  responses: {
    200: {
      description: "The caller",
      content: {
        "application/json": {
          schema: z
            .object({ sub: z.string(), role: z.enum(roles), orgs: z.array(z.string()) })
            .openapi("Me", { example: { sub: "anna", role: "samordnare", orgs: ["K0180"] } }),
        },
      },
    },
    ...errorResponses(),
  },
});
