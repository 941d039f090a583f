/**
 * The signed-in session. Dev sign-in: a bearer token in sessionStorage (gone when the tab
 * closes) goes with every API call. Sign-in at the identity provider (AUTH_MODE=oidc, ADR 0009):
 * the browser holds an HttpOnly session cookie no script can read, and `token` is the session's
 * CSRF token, which goes with every API call instead. A 401 ends the session either way.
 */
const key = "samsyn.token";
/** Set just before leaving for the provider's sign-out, read once on the way back. */
const signedOutKey = "samsyn.signed_out";

// As apps/api/src/auth/sessions.ts names them; the dashboard imports types only from the API.
const csrfHeader = "X-Samsyn-CSRF";
const csrfPrefix = "csrf.";

export interface Session {
  readonly token: string;
  readonly sub: string;
  readonly role: string;
  readonly orgs: readonly string[];
}

export function storedToken(): string | null {
  return sessionStorage.getItem(key);
}

export function storeToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(key);
  else sessionStorage.setItem(key, token);
}

/** The headers that say who is calling: a bearer token, or the cookie session's CSRF token. */
export function authHeaders(token: string): Record<string, string> {
  return token.startsWith(csrfPrefix)
    ? { [csrfHeader]: token }
    : { Authorization: `Bearer ${token}` };
}

export async function apiGet<T>(path: string, token: string): Promise<T> {
  const res = await fetch(path, { headers: authHeaders(token) });
  if (!res.ok) throw new ApiFailure(res.status, await errorDetails(res));
  return (await res.json()) as T;
}

export async function devSignIn(
  role: string,
  orgs: readonly string[],
  sub?: string,
): Promise<string> {
  const res = await fetch("/api/v1/dev/sign-in", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(sub === undefined ? { role, orgs } : { role, orgs, sub }),
  });
  if (!res.ok) throw new ApiFailure(res.status);
  return ((await res.json()) as { token: string }).token;
}

export type SignInMode = "dev" | "oidc";

/** What /auth/session says: the mode, and in OIDC mode the live session or that one ended. */
export interface SignInState {
  readonly mode: SignInMode;
  readonly session: { readonly csrf: string } | null;
  readonly ended: "expired" | null;
}

export async function signInState(): Promise<SignInState> {
  const res = await fetch("/auth/session", { headers: { Accept: "application/json" } });
  if (!res.ok) throw new ApiFailure(res.status);
  return (await res.json()) as SignInState;
}

/**
 * Why the sign-in page is shown: a problem the server sent back (`?signin=…`), an ended
 * session, or a completed sign-out.
 */
export const signInNotices = [
  "provider_unavailable",
  "failed",
  "no_role",
  "no_organisation",
  "not_configured",
  "expired",
  "signed_out",
  "sign_out_failed",
] as const;
export type SignInNotice = (typeof signInNotices)[number];

/** What the address and the tab said when the page loaded; see `noticeOnArrival`. */
let arrival: { problem: SignInNotice | null; signedOut: boolean } | undefined;

/**
 * The `?signin=…` the server's redirect added (taken off the address, so a reload forgets it),
 * and whether the user has just come back from signing out. Read once per page load: React's
 * StrictMode runs effects twice, and the second run would find both already gone.
 */
export function noticeOnArrival(): { problem: SignInNotice | null; signedOut: boolean } {
  if (arrival === undefined) {
    arrival = { problem: takeSignInProblem(), signedOut: takeSignedOut() };
  }
  return arrival;
}

function takeSignInProblem(): SignInNotice | null {
  const url = new URL(window.location.href);
  const problem = url.searchParams.get("signin");
  if (problem === null) return null;
  url.searchParams.delete("signin");
  window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  return signInNotices.find((n) => n === problem) ?? "failed";
}

function takeSignedOut(): boolean {
  const signedOut = sessionStorage.getItem(signedOutKey) !== null;
  sessionStorage.removeItem(signedOutKey);
  return signedOut;
}

/** Where "Logga in" goes: the provider, and afterwards back to this page. */
export function signInHref(): string {
  const here = `${window.location.pathname}${window.location.search}`;
  return `/auth/login?returnTo=${encodeURIComponent(here)}`;
}

/** Ends the session here and returns the provider's sign-out address to go to next. */
export async function providerSignOut(token: string): Promise<string> {
  const res = await fetch("/auth/logout", { method: "POST", headers: authHeaders(token) });
  if (!res.ok) throw new ApiFailure(res.status);
  sessionStorage.setItem(signedOutKey, "1");
  return ((await res.json()) as { location: string }).location;
}

/** One detail of the SPEC error shape: the field (`sections.0.title`) and what is wrong with it. */
export interface ErrorDetail {
  readonly path: string;
  readonly message: string;
}

/** The API's error details (SPEC error shape), joined for the user; empty if there are none. */
export async function errorDetails(res: { json(): Promise<unknown> }): Promise<string> {
  return (await errorOf(res)).text;
}

/** The API's error: its details joined for the user, and each detail with its field. */
export async function errorOf(res: {
  json(): Promise<unknown>;
}): Promise<{ text: string; details: readonly ErrorDetail[] }> {
  try {
    const body = (await res.json()) as {
      error?: { message?: string; details?: ErrorDetail[] };
    };
    const details = body.error?.details ?? [];
    const messages = details.map((d) => d.message);
    const text = (messages.length > 0 ? messages : [body.error?.message ?? ""]).join(" ");
    return { text, details };
  } catch {
    return { text: "", details: [] };
  }
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly details = "",
    /** The details by field, for a form that shows each beside its field. */
    readonly fields: readonly ErrorDetail[] = [],
  ) {
    super(`HTTP ${status}`);
  }
}
