import type { z } from "@hono/zod-openapi";
import { t } from "@samsyn/domain";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { errorBody } from "../errors";
import type { AppEnv } from "./router";

/**
 * Refuses bodies over `maxBytes` with 413. A declared Content-Length is checked before reading;
 * a chunked body without one is counted while it is read and cut off at the limit.
 */
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      c.json(errorBody("payload_too_large", t("http.payload_too_large", { limit: maxBytes })), 413),
  });
}

/** A route whose body is not JSON, e.g. a future multipart upload of the interchange files. */
export interface NonJsonBodyRoute {
  readonly method: "POST" | "PUT" | "PATCH";
  /** The exact request path, e.g. `/api/v1/imports`. */
  readonly path: string;
  readonly mediaType: string;
}

/** Routes that take something other than JSON; a multipart import route adds itself here. */
export const nonJsonBodyRoutes: readonly NonJsonBodyRoute[] = [];

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
    return c.json(errorBody("unsupported_media_type", t("http.unsupported_media_type")), 415);
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
