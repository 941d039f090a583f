import type { OpenAPIHono } from "@hono/zod-openapi";
import { countSummary } from "@samsyn/db";
import type { AppEnv } from "../../lib/router";
import { healthRoute } from "./health.routes";

export function registerHealthRoutes(api: OpenAPIHono<AppEnv>) {
  return api.openapi(healthRoute, async (c) => {
    const { database } = c.get("deps");
    const counts = await countSummary(database.db);
    return c.json({ status: "ok" as const, database: database.kind, counts }, 200);
  });
}
