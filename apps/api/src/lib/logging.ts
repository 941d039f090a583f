import { randomUUID } from "node:crypto";
import { screenIdentifiers } from "@samsyn/domain";
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import { type DestinationStream, type Logger, pino } from "pino";
import type { AppEnv } from "./router";

export type { Logger } from "pino";

/** JSON lines with an ISO time and the level as a word; no pid or hostname noise. */
export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    base: null,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

/** For apps built without a logger (tests): nothing is written. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}

/**
 * Every request gets a fresh id, echoed in X-Request-Id and written to its log line and audit
 * rows. A client's own X-Request-Id is not adopted: it is free text that we would then log.
 */
export function assignRequestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = randomUUID();
    c.set("requestId", id);
    c.header("X-Request-Id", id);
    await next();
  };
}

/**
 * One line per request. What it leaves out is the point: no Authorization header, no body, no
 * query string and not even the concrete path (a path segment could carry an identifier), only
 * the route pattern that answered, e.g. `/api/v1/cases/:id`.
 */
export function logRequests(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const scope = c.get("scope") as AppEnv["Variables"]["scope"] | undefined;
    logger.info({
      requestId: c.get("requestId"),
      method: c.req.method,
      route: routePath(c),
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      sub:
        scope === undefined || c.get("withholdSubject") === true
          ? undefined
          : maskIdentifiers(scope.sub),
      role: scope?.role,
    });
  };
}

/**
 * An identity provider may use a personnummer as the subject (e-legitimation does); the log
 * keeps who it was only as far as that is not an identifier.
 */
export function maskIdentifiers(text: string): string {
  let masked = text;
  for (const hit of screenIdentifiers(text).reverse()) {
    masked = `${masked.slice(0, hit.index)}[${hit.kind}]${masked.slice(hit.index + hit.length)}`;
  }
  return masked;
}
