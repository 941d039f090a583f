import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { t } from "@samsyn/domain";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { ApiError, errorBody } from "./errors";
import { type AppDeps, createRouter } from "./lib/router";
import { registerRoutes } from "./routes";

export type { AppDeps, AppEnv } from "./lib/router";

export interface AppOptions {
  /** The built dashboard (apps/dashboard/dist); served at / with the SPA fallback. */
  readonly dashboardDir?: string;
}

/**
 * Builds the Hono app: OpenAPI validation hook, the one error handler, security headers, the
 * API under /api/v1 and, when built, the dashboard. Routes live one folder per resource.
 */
export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const app = createRouter();

  app.use("*", requestId());
  app.use("*", secureHeaders());
  app.use("*", async (c, next) => {
    c.set("deps", deps);
    await next();
  });

  const api = registerRoutes(createRouter());
  app.route("/api/v1", api);

  app.doc31("/api/v1/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Samsyn API", version: "1.0.0", description: "Samverkan i siffror." },
  });

  app.all("/api/*", (c) => c.json(errorBody("not_found", t("error.not_found")), 404));
  if (options.dashboardDir !== undefined && existsSync(options.dashboardDir)) {
    mountDashboard(app, options.dashboardDir);
  }
  app.notFound((c) => c.json(errorBody("not_found", t("error.not_found")), 404));

  // Malformed JSON and thrown errors bypass the zod hook: map them here, never leak a stack.
  app.onError((err, c) => {
    if (err instanceof ApiError) {
      return c.json(errorBody(err.code, err.message, err.details), err.status);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      const code =
        status === 400 ? "bad_request" : status === 413 ? "payload_too_large" : "http_error";
      return c.json(
        errorBody(code, status === 400 ? t("error.malformed_json") : err.message),
        status,
      );
    }
    if (isDatabaseUnavailable(err)) {
      c.header("Retry-After", "10");
      return c.json(errorBody("database_unavailable", t("error.database_unavailable")), 503);
    }
    console.error(
      JSON.stringify({ level: "error", requestId: c.get("requestId"), message: err.message }),
    );
    return c.json(errorBody("internal", t("error.internal")), 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;

function mountDashboard(app: ReturnType<typeof createRouter>, dashboardDir: string): void {
  // serveStatic resolves `root` against the working directory, so hand it a relative path.
  const root = relative(process.cwd(), dashboardDir) || ".";
  app.use("/*", serveStatic({ root }));
  // Client-side routes (/arenden, /ledtider …) all load the same shell.
  const indexHtml = join(dashboardDir, "index.html");
  app.get("/*", async (c) => c.html(await readFile(indexHtml, "utf8")));
}

/**
 * Connection failures of postgres.js (codes) and of a closed PGlite (message only); drizzle
 * wraps the driver's error in `cause`.
 */
function isDatabaseUnavailable(err: Error): boolean {
  if (err.cause instanceof Error && isDatabaseUnavailable(err.cause)) return true;
  const code = (err as { code?: unknown }).code;
  return (
    code === "ECONNREFUSED" ||
    code === "57P01" ||
    code === "CONNECTION_CLOSED" ||
    code === "CONNECTION_ENDED" ||
    code === "CONNECT_TIMEOUT" ||
    err.message === "PGlite is closed"
  );
}
