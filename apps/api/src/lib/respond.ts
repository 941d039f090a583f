import { type AuditContext, auditContext, type Result } from "@samsyn/db";
import type { Context } from "hono";
import { ApiError, queryErrorCodes } from "../errors";
import type { AppEnv } from "./router";

/** The audit context of this request: who (from the token) and which request. */
export function auditOf(c: Context<AppEnv>): AuditContext {
  return auditContext(c.get("scope"), c.get("requestId"));
}

/**
 * The value of a query function's result, or the refusal as an ApiError (mapped to the error
 * shape in one place, the app's error handler). Query functions have audited the refusal.
 */
export function orRefuse<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const code = queryErrorCodes[result.error];
  throw new ApiError(code, undefined, [...(result.details ?? [])]);
}

/** zod's optional output (`x?: T | undefined`) as the query functions' exact optional (`x?: T`). */
export type WithoutUndefined<T> = {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & { [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined> };

export function withoutUndefined<T extends object>(input: T): WithoutUndefined<T> {
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== undefined),
  ) as WithoutUndefined<T>;
}
