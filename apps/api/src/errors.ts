import type { QueryError } from "@samsyn/db";
import { importErrorCodes, t } from "@samsyn/domain";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * The API's error vocabulary: every `code` of the SPEC error shape with the one HTTP status it
 * answers with. Its Swedish (and English) text is the message `error.<code>`, used unless the
 * place that refuses has a more particular one.
 */
export const errorStatuses = {
  bad_request: 400,
  unauthenticated: 401,
  // The dashboard's sign-in session ended (idle or too old): sign in again (ADR 0009).
  session_expired: 401,
  forbidden: 403,
  not_found: 404,
  request_timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  identifier_rejected: 422,
  rate_limited: 429,
  request_header_too_large: 431,
  internal: 500,
  database_unavailable: 503,
  auth_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorStatuses;
export const errorCodes = Object.keys(errorStatuses) as [ErrorCode, ...ErrorCode[]];

/** A db query function's refusal (its `Result`) as the API's code. */
export const queryErrorCodes = {
  forbidden: "forbidden",
  not_found: "not_found",
  conflict: "conflict",
  // The shape was valid (zod passed); the content was refused: unknown code, an identifier …
  invalid: "unprocessable",
} as const satisfies Record<QueryError, ErrorCode>;

/**
 * The codes of an import report's rows (`ImportRowError.code`): the importer's reasons and the
 * domain's (`consentRequired` is the sharing rule's refusal). They answer inside a report, whose
 * status is the import's, so they have no status of their own; each has the message
 * `import.error.<code>`.
 */
export const importRowErrorCodes = importErrorCodes;

/** The default message of a code, in the catalogue as `error.<code>`. */
export function errorMessage(code: ErrorCode): string {
  return t(`error.${code}`);
}

export interface ErrorDetail {
  path: string;
  message: string;
}

/** SPEC "HTTP API": every error has this shape, and none carries a stack trace. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details: ErrorDetail[];
  };
}

/** A refusal thrown from a handler; the app's error handler answers it with its code's status. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ErrorCode,
    message: string = errorMessage(code),
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.status = errorStatuses[code];
  }
}

export function errorBody(
  code: ErrorCode,
  message: string = errorMessage(code),
  details: ErrorDetail[] = [],
): ErrorBody {
  return { error: { code, message, details } };
}

/** An error response: the body in the SPEC shape, with the status of its code. */
export function respondError(
  c: Context,
  code: ErrorCode,
  message: string = errorMessage(code),
  details: ErrorDetail[] = [],
): Response {
  return c.json(errorBody(code, message, details), errorStatuses[code]);
}
