/** Why a query function refused: the route maps each to one HTTP status (403, 404, 409, 422). */
export type QueryError = "forbidden" | "not_found" | "conflict" | "invalid";

/** One rejected field: its name in the API's words and a Swedish reason, never the value. */
export interface ValidationDetail {
  readonly path: string;
  readonly message: string;
}

/** Query functions return refusals as values; only a broken database throws. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly error: QueryError;
      readonly details?: readonly ValidationDetail[];
    };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function refuse<T>(error: QueryError, details?: readonly ValidationDetail[]): Result<T> {
  return details === undefined ? { ok: false, error } : { ok: false, error, details };
}
