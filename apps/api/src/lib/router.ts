import { OpenAPIHono } from "@hono/zod-openapi";
import type { Database } from "@samsyn/db";
import type { Scope } from "@samsyn/domain";
import { t } from "@samsyn/domain";
import { errorBody } from "../errors";

export interface AppDeps {
  readonly database: Database;
  /** The installation secret: keys the HMAC of case refs (and, in dev mode, signs tokens). */
  readonly secret: string;
  /** SPEC: counts 1..k−1 never leave the API; k ≥ 3, default 5 (SAMSYN_K). */
  readonly k?: number;
}

/**
 * `scope` is set by the auth middleware for every route but /health: who is asking (sub, role,
 * organisations). Handlers pass it to the query functions of packages/db, which enforce it.
 */
export type AppEnv = { Variables: { deps: AppDeps; requestId: string; scope: Scope } };

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

export type Router = ReturnType<typeof createRouter>;
