import type { Database } from "@samsyn/db";
import { t } from "@samsyn/domain";
import type { Context } from "hono";
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { CookieOptions } from "hono/utils/cookie";
import { respondError } from "../errors";
import type { AppEnv } from "../lib/router";
import type { AuthConfig, DashboardSignInSettings } from "./config";
import { createProviderClient, type ProviderClient, SignInError } from "./provider-client";
import {
  createDashboardSessions,
  csrfHeader,
  type DashboardSessions,
  databaseSessionRecords,
  type PendingSignIn,
} from "./sessions";
import { AuthUnavailableError, verifySignIn } from "./tokens";

/**
 * What the dashboard is told after a sign-in that did not end in a session (`?signin=…` on the
 * page it returns to); each has its own message in the catalogue (`signin.error.*`).
 */
export type SignInProblem =
  | "provider_unavailable"
  | "failed"
  | "no_role"
  | "no_organisation"
  | "not_configured";

/** The dashboard's sessions and the name of the cookie that carries their ids. */
export interface DashboardSignIn {
  readonly sessions: DashboardSessions;
  readonly cookie: string;
}

/**
 * Sessions exist only where the dashboard signs in at the provider (OIDC with a client id). With
 * a database they are kept in it (createApp passes the primary); without, in memory.
 */
export function dashboardSignIn(
  auth: AuthConfig,
  options: { database?: Database; secret?: string } = {},
): DashboardSignIn | undefined {
  if (auth.mode !== "oidc" || auth.signIn === undefined) return undefined;
  // In the database, so that a session opened on one instance works on every other.
  const records =
    options.database === undefined ? undefined : databaseSessionRecords(options.database);
  const sessions = createDashboardSessions({
    ...(records === undefined ? {} : { records }),
    ...(options.secret === undefined ? {} : { secret: options.secret }),
  });
  return { sessions, cookie: cookieNames(auth.signIn).session };
}

/** How long the browser keeps the sign-in attempt's cookie: as long as the attempt is kept. */
const attemptCookieSeconds = 10 * 60;

/**
 * `/auth/*`, outside `/api` (ADR 0009): a browser's sign-in, not an API call. In dev mode only
 * `/auth/session` answers, saying so, and the dashboard shows its developer sign-in.
 */
export function signInRoutes(
  auth: AuthConfig,
  dashboard: DashboardSignIn | undefined,
  options: { provider?: ProviderClient } = {},
) {
  const routes = new Hono<AppEnv>();
  const signIn = auth.mode === "oidc" ? auth.signIn : undefined;
  const sessions = dashboard?.sessions;
  if (auth.mode === "dev" || signIn === undefined || sessions === undefined) {
    const mode = auth.mode;
    routes.get("/session", (c) => c.json({ mode, session: null, ended: null }));
    // OIDC without a client id takes bearer tokens only: the dashboard says who must set what.
    routes.get("/login", (c) => c.redirect(withProblem(returnPath(c), "not_configured"), 302));
    return routes;
  }
  const provider = options.provider ?? createProviderClient(auth.issuer, signIn);
  const cookies = cookieNames(signIn);

  routes.get("/session", async (c) => {
    const id = getCookie(c, cookies.session);
    const session = await sessions.find(id);
    if (session === undefined && id !== undefined)
      deleteCookie(c, cookies.session, cookieBase(signIn));
    c.header("Cache-Control", "no-store");
    return c.json({
      mode: "oidc" as const,
      session: session === undefined ? null : { csrf: session.csrf },
      // A cookie whose session is gone: it expired (or Samsyn restarted) while the user was away.
      ended: session === undefined && id !== undefined ? ("expired" as const) : null,
    });
  });

  routes.get("/login", async (c) => {
    const returnTo = returnPath(c);
    try {
      const { url, state, pending } = await provider.begin(returnTo);
      await sessions.beginSignIn(state, pending);
      setCookie(c, cookies.attempt, state, {
        ...cookieBase(signIn),
        path: "/auth",
        maxAge: attemptCookieSeconds,
      });
      return c.redirect(url.href, 302);
    } catch (err) {
      if (err instanceof SignInError) return c.redirect(withProblem(returnTo, err.reason), 302);
      throw err;
    }
  });

  /** Opens the session and sets its cookie, or says why not. */
  const openSession = async (
    c: Context<AppEnv>,
    state: string,
    pending: PendingSignIn,
  ): Promise<SignInProblem | undefined> => {
    // The provider answers an attempt it refused (`error=access_denied`) without a code.
    if (c.req.query("code") === undefined) return "failed";
    try {
      const tokens = await provider.finish(new URL(c.req.url), state, pending);
      const verdict = await verifySignIn(auth, tokens.accessToken);
      if (!verdict.ok) return verdict.refusal === "invalid" ? "failed" : verdict.refusal;
      const session = await sessions.open(verdict.scope, tokens.idToken);
      // No Expires: the browser forgets it when it closes, and the server decides the rest.
      setCookie(c, cookies.session, session.id, cookieBase(signIn));
      return undefined;
    } catch (err) {
      if (err instanceof SignInError) return err.reason;
      if (err instanceof AuthUnavailableError) return "provider_unavailable";
      throw err;
    }
  };

  routes.get("/callback", async (c) => {
    const state = c.req.query("state");
    const cookieState = getCookie(c, cookies.attempt);
    deleteCookie(c, cookies.attempt, { ...cookieBase(signIn), path: "/auth" });
    // The state must be the one this browser was given: a callback from another browser's
    // attempt (login CSRF) or a replay finds nothing and signs no one in.
    const pending =
      state !== undefined && state === cookieState ? await sessions.takeSignIn(state) : undefined;
    if (state === undefined || pending === undefined) {
      return c.redirect(withProblem("/", "failed"), 302);
    }
    const problem = await openSession(c, state, pending);
    return problem === undefined
      ? c.redirect(pending.returnTo, 302)
      : c.redirect(withProblem(pending.returnTo, problem), 302);
  });

  // A POST with the session's CSRF token: no other site can sign a user out behind their back.
  routes.post("/logout", async (c) => {
    const id = getCookie(c, cookies.session);
    const session = await sessions.find(id);
    const authorised = await sessions.authorise(id, c.req.header(csrfHeader));
    if (session !== undefined && authorised === undefined) {
      return respondError(c, "forbidden", t("auth.csrf_missing"));
    }
    await sessions.close(id);
    deleteCookie(c, cookies.session, { ...cookieBase(signIn), path: "/" });
    const endSession = await provider.endSessionUrl(session?.idToken);
    return c.json({ location: endSession?.href ?? "/" }, 200);
  });

  return routes;
}

/**
 * Secure cookies carry the `__Host-` prefix, which the browser accepts only when set Secure,
 * for the whole host and without a Domain: no subdomain can plant or overwrite one.
 */
function cookieNames(signIn: DashboardSignInSettings): { session: string; attempt: string } {
  return secure(signIn)
    ? { session: "__Host-samsyn-session", attempt: "__Secure-samsyn-signin" }
    : { session: "samsyn-session", attempt: "samsyn-signin" };
}

/**
 * Lax, not Strict: the provider's redirect back to the callback is a cross-site navigation, and
 * a Strict cookie would not come with it.
 */
function cookieBase(signIn: DashboardSignInSettings): CookieOptions {
  return { httpOnly: true, secure: secure(signIn), sameSite: "Lax", path: "/" };
}

function secure(signIn: DashboardSignInSettings): boolean {
  return signIn.publicUrl.protocol === "https:";
}

/**
 * The dashboard path to come back to. Only a path on this site: `//evil.example` or a full URL
 * would make Samsyn an open redirect for whoever crafts the sign-in link.
 */
function returnPath(c: Context): string {
  const asked = c.req.query("returnTo") ?? "/";
  const safe =
    asked.startsWith("/") &&
    !asked.startsWith("//") &&
    !asked.startsWith("/\\") &&
    !asked.startsWith("/auth/") &&
    ![...asked].some((char) => char < " ");
  return safe ? asked : "/";
}

function withProblem(path: string, problem: SignInProblem): string {
  const url = new URL(path, "http://samsyn.invalid");
  url.searchParams.set("signin", problem);
  return `${url.pathname}${url.search}${url.hash}`;
}
