import { createRoute, z } from "@hono/zod-openapi";
import { jsonBody } from "../lib/body";
import type { Router } from "../lib/router";

/**
 * Routes that exist only in tests of the middleware chain: who am I, a strict JSON body, and a
 * handler that throws. Pass as `extraRoutes` to testApp.
 */
export function registerProbeRoutes(api: Router): void {
  api.openapi(whoAmIRoute, (c) => {
    const { sub, role, orgs } = c.get("scope");
    return c.json({ sub, role, orgs: [...orgs] }, 200);
  });
  api.openapi(echoRoute, (c) => c.json(c.req.valid("json"), 200));
  api.openapi(throwRoute, () => {
    throw new Error("secret detail 19811218-9876 at /work/main/apps/api/src/x.ts:1:1");
  });
}

const whoAmIRoute = createRoute({
  method: "get",
  path: "/probe/whoami",
  responses: {
    200: {
      description: "The caller's scope",
      content: {
        "application/json": {
          schema: z.object({ sub: z.string(), role: z.string(), orgs: z.array(z.string()) }),
        },
      },
    },
  },
});

const echoBody = z.strictObject({ name: z.string(), note: z.string().optional() });

const echoRoute = createRoute({
  method: "post",
  path: "/probe/echo",
  request: { body: jsonBody(echoBody) },
  responses: {
    200: { description: "The body back", content: { "application/json": { schema: echoBody } } },
  },
});

const throwRoute = createRoute({
  method: "get",
  path: "/probe/throw",
  responses: { 200: { description: "Never" } },
});
