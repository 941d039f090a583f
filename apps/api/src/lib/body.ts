import type { z } from "@hono/zod-openapi";
import { type MessageKey, t } from "@samsyn/domain";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { respondError } from "../errors";
import type { AppEnv } from "./router";

/**
 * Refuses bodies over `maxBytes` with 413. A declared Content-Length is checked before reading;
 * a chunked body without one is counted while it is read and cut off at the limit. The upload
 * routes (`nonJsonBodyRoutes`) get `uploadMaxBytes` instead, and their bodies are never buffered:
 * hono's bodyLimit holds a chunked body in memory, which is fine for 1 MB of JSON but not for
 * 500 MB of CSV, so an upload is counted as it streams (`BodyTooLarge` ends it).
 */
export function limitBody(
  maxBytes: number,
  uploadMaxBytes: number = maxBytes,
  uploads: readonly NonJsonBodyRoute[] = nonJsonBodyRoutes,
): MiddlewareHandler<AppEnv> {
  const json = bodyLimit({ maxSize: maxBytes, onError: (c) => tooLarge(c, maxBytes) });
  return async (c, next) => {
    const upload = uploads.find((u) => u.method === c.req.method && u.path === c.req.path);
    if (upload === undefined) return json(c, () => refuseNulInJson(c, next));
    const limit = Math.min(upload.maxBytes ?? uploadMaxBytes, uploadMaxBytes);
    const body = c.req.raw.body;
    if (body === null) return next();
    const declared = c.req.header("content-length");
    if (declared !== undefined && c.req.header("transfer-encoding") === undefined) {
      return Number(declared) > limit ? tooLarge(c, limit) : next();
    }
    c.req.raw = new Request(c.req.raw, {
      // `preventCancel`: once the count fails, the source is left to the server, which drains it
      // after the 413 (`discardUnreadBody`). Cancelled, it destroyed the request and its socket,
      // and a client still sending a chunked upload got a reset instead of its answer.
      body: body.pipeThrough(countedUpTo(limit), { preventCancel: true }),
      duplex: "half",
    } as RequestInit);
    return next();
  };
}

function tooLarge(c: Context<AppEnv>, limit: number): Response {
  return respondError(c, "payload_too_large", t("http.payload_too_large", { limit }));
}

/** The error a streamed upload body fails with once it passes its limit; the reader answers 413. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the body is larger than ${limit} bytes`);
  }
}

function countedUpTo(limit: number): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0;
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > limit) controller.error(new BodyTooLarge(limit));
      else controller.enqueue(chunk);
    },
  });
}

/**
 * Refuses a path or query with a NUL byte (`%00`) with 400, before any route parses it:
 * PostgreSQL text cannot hold NUL, so a filter such as `?actor=a%00b` failed in the database
 * (500), and so did the audit row of any request that carried one. The URL is read undecoded
 * (WHATWG keeps `%00` in the path), so no decoding step can hide one.
 */
export function refuseNulBytes(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const message = t("error.bad_request");
    const details: { path: string; message: string }[] = [];
    if (/%00/i.test(url.pathname)) details.push({ path: "path", message });
    for (const [name, value] of url.searchParams) {
      if (name.includes("\0")) details.push({ path: "query", message });
      else if (value.includes("\0")) details.push({ path: name, message });
    }
    if (details.length === 0) return next();
    return respondError(c, "bad_request", message, details);
  };
}

/**
 * A JSON string holding NUL (`"\u0000"`) is refused with 400 before any route reads it:
 * PostgreSQL's text and jsonb cannot hold NUL, so such a text failed in the database (a 500 the
 * fuzzer found in a forum decision). Read once within the body limit; the route reads it again
 * from hono's body cache. An escaped backslash before `u0000` is text, not NUL.
 */
async function refuseNulInJson(c: Context<AppEnv>, next: () => Promise<void>): Promise<void> {
  const method = c.req.method;
  const hasBody = method === "POST" || method === "PUT" || method === "PATCH";
  if (!hasBody || c.req.raw.body === null) return next();
  if (!jsonNul.test(await c.req.text())) return next();
  const message = t("error.bad_request");
  c.res = respondError(c, "bad_request", message, [{ path: "body", message }]);
}

const jsonNul = /(?<!\\)(?:\\\\)*\\u0000/i;

/** A route whose body is not JSON, e.g. the multipart upload of the interchange files. */
export interface NonJsonBodyRoute {
  readonly method: "POST" | "PUT" | "PATCH";
  /** The exact request path, e.g. `/api/v1/imports`. */
  readonly path: string;
  readonly mediaType: string;
  /** What a 415 says on this route: which body it takes instead. */
  readonly unsupportedMessage: MessageKey;
  /** A lower limit than the installation's upload limit, for a body the route reads whole. */
  readonly maxBytes?: number;
}

/** The agreement register's upload limit: the route reads its CSV whole. */
export const registerImportMaxBytes = 16 * 1_048_576;

/** Routes that take something other than JSON; they get the upload body limit too. */
export const nonJsonBodyRoutes: readonly NonJsonBodyRoute[] = [
  // The interchange files of an import (routes/imports), streamed to a temporary directory.
  {
    method: "POST",
    path: "/api/v1/imports",
    mediaType: "multipart/form-data",
    unsupportedMessage: "import.upload.media_type",
  },
  // The agreement register as CSV (routes/agreements/register), read whole into memory: a
  // county's register is well under a megabyte, so 16 MiB, not the interchange files' 512 MB.
  {
    method: "POST",
    path: "/api/v1/agreements/import",
    mediaType: "text/csv",
    unsupportedMessage: "agreements.register.mediaType",
    maxBytes: registerImportMaxBytes,
  },
];

/**
 * POST, PUT and PATCH bodies must be declared JSON (415 otherwise). Without this a validator that
 * sees another media type may skip the body altogether, and a form post from another site would
 * reach a handler.
 */
export function requireJsonBody(
  exceptions: readonly NonJsonBodyRoute[] = nonJsonBodyRoutes,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (method !== "POST" && method !== "PUT" && method !== "PATCH") return next();
    const exception = exceptions.find((e) => e.method === method && e.path === c.req.path);
    const expected = exception?.mediaType ?? "application/json";
    if (mediaType(c.req.header("content-type")) === expected) return next();
    const message = exception?.unsupportedMessage ?? "http.unsupported_media_type";
    return respondError(c, "unsupported_media_type", t(message));
  };
}

/** `application/json; charset=utf-8` → `application/json`. */
function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(";")[0]?.trim().toLowerCase();
}

/**
 * The `request.body` of a route that takes JSON. The schema must be strict (`z.strictObject`):
 * unknown fields are then a 400, so no one can slip `role`, `orgs`, ids or audit fields into a
 * body that a handler spreads into an insert. Zod's types cannot tell a strict object from a
 * stripping one, so this checks when the route is defined: a loose schema fails at startup (and
 * in every test that loads the route). `required: true` makes the validator run even when the
 * body is missing.
 */
export function jsonBody<Schema extends z.ZodObject>(schema: Schema) {
  if (schema.def.catchall?._zod.def.type !== "never") {
    throw new TypeError("jsonBody needs z.strictObject: unknown body fields must be refused");
  }
  return { content: { "application/json": { schema } }, required: true } as const;
}
