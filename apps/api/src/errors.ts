import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** SPEC "HTTP API": every error has this shape, and none carries a stack trace. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details: { path: string; message: string }[];
  };
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export function errorBody(
  code: string,
  message: string,
  details: ErrorBody["error"]["details"] = [],
): ErrorBody {
  return { error: { code, message, details } };
}

export function respondError(c: Context, status: ContentfulStatusCode, body: ErrorBody): Response {
  return c.json(body, status);
}
