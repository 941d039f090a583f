import { t } from "@samsyn/domain";
import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ApiError, errorBody } from "../errors";
import { type Logger, maskIdentifiers } from "./logging";
import type { AppEnv } from "./router";

/**
 * The one place thrown errors become responses. Malformed JSON and thrown errors bypass the zod
 * hook and land here; a response never carries a stack or the error's own message (it could
 * hold a value from the request). The log gets the stack, with identifiers masked.
 */
export function handleErrors(logger: Logger): ErrorHandler<AppEnv> {
  return (err, c) => {
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
    logger.error({
      requestId: c.get("requestId"),
      error: err.name,
      stack: maskIdentifiers(err.stack ?? err.message),
    });
    return c.json(errorBody("internal", t("error.internal")), 500);
  };
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
