import { anonymousAuditContext, recordDenied } from "@samsyn/db";
import { containsIdentifier, t } from "@samsyn/domain";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { respondError } from "../errors";
import type { AppEnv } from "../lib/router";
import type { AuthConfig } from "./config";
import { csrfHeader } from "./sessions";
import type { DashboardSignIn } from "./sign-in-routes";
import { AuthUnavailableError, verifyToken } from "./tokens";

/** Real tokens are well under this; a megabyte of "token" is an attack on the verifier. */
const maxTokenLength = 8192;
const bearer = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * Lets a request through only with a valid bearer token, and puts the caller's Scope on the
 * context. `publicPaths` are exact request paths that need no token (health, dev sign-in).
 */
export function authenticate(
  config: AuthConfig,
  publicPaths: ReadonlySet<string>,
  dashboard?: DashboardSignIn,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (publicPaths.has(c.req.path)) return next();
    const header = c.req.header("authorization");
    // The dashboard's session (ADR 0009): its cookie counts only beside its CSRF token, which a
    // page on another site can neither read nor send. A bearer token, when sent, decides.
    const csrf = c.req.header(csrfHeader);
    if (dashboard !== undefined && header === undefined && csrf !== undefined) {
      const scope = await dashboard.sessions.authorise(getCookie(c, dashboard.cookie), csrf);
      if (scope === undefined) return sessionEnded(c);
      c.set("scope", scope);
      return next();
    }
    if (header === undefined || !/^bearer\b/i.test(header)) return missingToken(c);
    const token = bearer.exec(header)?.[1];
    if (token === undefined || token.length > maxTokenLength) return invalidToken(c);
    try {
      const scope = await verifyToken(config, token);
      if (scope === undefined) return invalidToken(c);
      c.set("scope", scope);
    } catch (err) {
      if (err instanceof AuthUnavailableError) return providerUnavailable(c);
      throw err;
    }
    return next();
  };
}

/**
 * Denied attempts are part of the trail (issue 4): a 401 writes an `api.request` row with the
 * path. Best effort: there is no action to fail closed, and a refusal must stay a refusal even
 * when the database is down. A path that holds an identifier is not written as it is.
 */
async function auditUnauthenticated(c: Context<AppEnv>): Promise<void> {
  // Screened whole before it is cut, so that a number straddling the cut is not half kept.
  const path = c.req.path;
  try {
    await recordDenied(c.get("deps").database.db, anonymousAuditContext(c.get("requestId")), {
      action: "api.request",
      objectType: "api_path",
      objectId: pathHoldsIdentifier(path) ? "[borttaget: identitetsnummer]" : path.slice(0, 200),
      outcome: "unauthenticated",
    });
  } catch {
    // The request is refused either way; the failure shows in the database's own logs.
  }
}

/** Hono leaves reserved characters such as `%2B` (+) encoded in a path; screening reads both. */
function pathHoldsIdentifier(path: string): boolean {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape: the path is screened as it is.
  }
  return containsIdentifier(path) || containsIdentifier(decoded);
}

async function missingToken(c: Context<AppEnv>): Promise<Response> {
  await auditUnauthenticated(c);
  c.header("WWW-Authenticate", 'Bearer realm="samsyn"');
  return respondError(c, "unauthenticated", t("auth.token_missing"));
}

async function invalidToken(c: Context<AppEnv>): Promise<Response> {
  await auditUnauthenticated(c);
  c.header("WWW-Authenticate", 'Bearer realm="samsyn", error="invalid_token"');
  return respondError(c, "unauthenticated", t("auth.token_invalid"));
}

/** The dashboard answers this by asking the user to sign in again, on the page they were on. */
async function sessionEnded(c: Context<AppEnv>): Promise<Response> {
  await auditUnauthenticated(c);
  return respondError(c, "session_expired", t("auth.session_expired"));
}

function providerUnavailable(c: Context<AppEnv>): Response {
  c.header("Retry-After", "10");
  return respondError(c, "auth_unavailable", t("auth.provider_unavailable"));
}
