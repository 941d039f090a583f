import type { Database } from "@samsyn/db";
import type { Scope } from "@samsyn/domain";
import { type App, type AppDeps, type AppOptions, createApp } from "../app";
import { adminScope, testSecret, tokenFor } from "./tokens";

/**
 * The app as the CLI builds it, with testSecret, dev sign-in and limits high enough that a long
 * test (a route × role matrix) is not rate limited. Pass `http` to test the limits themselves,
 * `deps` for k or the disclosure mode.
 */
export function testApp(
  database: Database,
  options: AppOptions = {},
  deps: Omit<Partial<AppDeps>, "database" | "secret"> = {},
): App {
  return createApp(
    { database, secret: testSecret, ...deps },
    {
      ...options,
      http: {
        rateLimitPerMinutePerToken: 1e6,
        rateLimitPerMinutePerIp: 1e6,
        metricRateLimitPerMinutePerUser: 1e6,
        ...options.http,
      },
    },
  );
}

/** `app.request(path, init)` with a valid bearer token for `scope` (default: admin). */
export async function authed(
  app: App,
  path: string,
  init: RequestInit = {},
  scope: Scope = adminScope,
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${await tokenFor(scope)}`);
  return app.request(path, { ...init, headers });
}

/** A request init carrying `body` as JSON, with the Content-Type the API insists on. */
export function jsonInit(method: "POST" | "PUT" | "PATCH", body: unknown): RequestInit {
  return {
    method,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  };
}

/**
 * A stand-in for tests that never reach the database (every request stops at a guard): any use
 * of it throws, so a test that does reach it fails loudly.
 */
export function unusedDatabase(): Database {
  const fail = (): never => {
    throw new Error("this test was not meant to reach the database");
  };
  return new Proxy({} as Database, { get: fail });
}
