import { OpenAPIHono } from "@hono/zod-openapi";
import type { Database } from "@samsyn/db";
import { t } from "@samsyn/domain";
import { errorBody } from "../errors";

export interface AppDeps {
  readonly database: Database;
}

export type AppEnv = { Variables: { deps: AppDeps; requestId: string } };

/** A router whose zod failures become 400 in the SPEC error shape, one detail per bad parameter. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const details = result.error.issues.map((issue) => ({
          path: issue.path.join("."),
          message: issue.message,
        }));
        return c.json(errorBody("bad_request", t("error.bad_request"), details), 400);
      }
    },
  });
}
