import { ReadAbandoned } from "@samsyn/db";
import { t } from "@samsyn/domain";
import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ApiError, type ErrorCode, errorCodes, errorStatuses, respondError } from "../errors";
import { BodyTooLarge } from "./body";
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
      return respondError(c, err.code, err.message, err.details);
    }
    if (err instanceof HTTPException) {
      // Hono's own refusals: malformed JSON (400) and a body over its limit (413). Its text is
      // not the catalogue's, so the answer names the code's message instead.
      const code = codeOfStatus(err.status);
      return respondError(c, code, code === "bad_request" ? t("error.malformed_json") : undefined);
    }
    if (err instanceof BodyTooLarge) {
      // A streamed upload a route read whole (the agreement register) passed its limit.
      return respondError(
        c,
        "payload_too_large",
        t("http.payload_too_large", { limit: err.limit }),
      );
    }
    if (err instanceof ReadAbandoned) {
      // The reader went away while its figure waited in the metric queue: nobody reads this
      // answer, but the read's audit row records how it ended.
      return respondError(c, "request_timeout");
    }
    if (isDatabaseUnavailable(err)) {
      c.header("Retry-After", retryAfterSeconds);
      return respondError(c, "database_unavailable");
    }
    if (isDiskFull(err)) {
      // Reads go on; writes can again once someone frees space: unavailable, with the reason.
      c.header("Retry-After", retryAfterSeconds);
      return respondError(c, "database_unavailable", t("error.disk_full"));
    }
    logger.error({
      requestId: c.get("requestId"),
      error: err.name,
      stack: maskIdentifiers(err.stack ?? err.message),
    });
    return respondError(c, "internal");
  };
}

/** The code that answers with `status`; a status the vocabulary does not know is ours: 500. */
function codeOfStatus(status: number): ErrorCode {
  return errorCodes.find((code) => errorStatuses[code] === status) ?? "internal";
}

/** What a client is told to wait before asking again while the database is away. */
export const retryAfterSeconds = "10";

/**
 * Errors that say the database is away rather than that the request or the code is wrong:
 * postgres.js's connection errors, the socket's, PostgreSQL's shutdown and start-up refusals
 * (57P0x) and connection exceptions (class 08), and a closed PGlite. drizzle wraps the driver's
 * error in `cause`.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (isDatabaseUnavailable(err.cause)) return true;
  const code = (err as { code?: unknown }).code;
  return (
    (typeof code === "string" &&
      (unavailableCodes.has(code) || code.startsWith("57P0") || /^08[0-9A-Z]{3}$/.test(code))) ||
    err.message === "PGlite is closed"
  );
}

/** A write the database's disk had no room for: PostgreSQL's (and PGlite's) SQLSTATE 53100. */
export function isDiskFull(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return (err as { code?: unknown }).code === "53100" || isDiskFull(err.cause);
}

const unavailableCodes = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "53300", // too_many_connections
]);
