import type { AppType } from "@samsyn/api";
import { type ClientResponse, hc, type InferResponseType, type parseResponse } from "hono/client";
import { ApiFailure, authHeaders, errorOf } from "../session";

/**
 * The API as the server declares it (`AppType`, a type-only import: no server code reaches the
 * bundle). Paths, parameters and answers are typed from the routes' schemas; calls go to the
 * dashboard's own origin with the session's token (a bearer token, or the cookie session's CSRF
 * token: `authHeaders`).
 */
export function apiClient(token: string) {
  return hc<AppType>("/", { headers: authHeaders(token) }).api.v1;
}

export type Api = ReturnType<typeof apiClient>;

/** What an endpoint answers on success (200), from its route's response schema. */
export type Ok<Endpoint> = InferResponseType<Endpoint, 200>;

type Success<R extends ClientResponse<unknown>> = Awaited<ReturnType<typeof parseResponse<R>>>;

/**
 * The body of a successful call, typed by the route; a failure is an `ApiFailure` with the
 * status and the details of the SPEC error shape (a 401 ends the session, see App).
 */
export async function answer<R extends ClientResponse<unknown>>(
  pending: Promise<R>,
): Promise<Success<R>> {
  const res = await pending;
  if (!res.ok) {
    const error = await errorOf(res);
    throw new ApiFailure(res.status, error.text, error.details);
  }
  // The success status's schema: error statuses were refused above.
  return (await res.json()) as Success<R>;
}
