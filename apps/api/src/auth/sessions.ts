import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Scope } from "@samsyn/domain";

/**
 * The dashboard's signed-in sessions (ADR 0009). The browser holds only a random id in an
 * HttpOnly cookie; who the user is stays here, so no script on the page can read a token, and
 * signing out ends the session for good rather than waiting for a token to expire.
 */
export interface DashboardSession {
  readonly id: string;
  /** Sent by the dashboard in `X-Samsyn-CSRF`: a cross-site request cannot read or send it. */
  readonly csrf: string;
  readonly scope: Scope;
  /** Milliseconds since the epoch: the access token's expiry, so never longer than the token. */
  readonly expiresAt: number;
  /** The provider's ID token, as the hint of its end-session endpoint at sign-out. */
  readonly idToken: string | undefined;
}

/** What the callback keeps between sending the user to the provider and their return. */
export interface PendingSignIn {
  readonly codeVerifier: string;
  readonly nonce: string;
  /** The dashboard path the user was on: where the callback sends them back. */
  readonly returnTo: string;
}

export const csrfHeader = "X-Samsyn-CSRF";
/**
 * The dashboard tells a session's CSRF token from a bearer token by this prefix (a JWT begins
 * with its header, never with this).
 */
export const csrfPrefix = "csrf.";

/** Sessions are short (an access token's life); this bounds memory whatever callers do. */
const maxSessions = 10_000;
/** A user who takes longer than this at the provider starts again. */
const signInAttemptMs = 10 * 60_000;
const maxPendingSignIns = 1_000;

export interface DashboardSessions {
  open(scope: Scope, expiresAt: number, idToken: string | undefined): DashboardSession;
  /** The live session of a cookie, or undefined (unknown, expired, or signed out). */
  find(id: string | undefined): DashboardSession | undefined;
  /** The scope of a request that carries both the cookie and its session's CSRF token. */
  authorise(id: string | undefined, csrf: string | undefined): Scope | undefined;
  close(id: string | undefined): DashboardSession | undefined;
  /** Keeps a sign-in attempt under its `state` for ten minutes. */
  beginSignIn(state: string, pending: PendingSignIn): void;
  /** The attempt of `state`, once: a replayed callback finds nothing. */
  takeSignIn(state: string): PendingSignIn | undefined;
}

/** Sessions in this process's memory: a restart signs everyone out (ADR 0009). */
export function createDashboardSessions(now: () => number = Date.now): DashboardSessions {
  const sessions = new Map<string, DashboardSession>();
  const pending = new Map<string, PendingSignIn & { readonly expiresAt: number }>();

  function find(id: string | undefined): DashboardSession | undefined {
    if (id === undefined) return undefined;
    const session = sessions.get(id);
    if (session !== undefined && session.expiresAt <= now()) {
      sessions.delete(id);
      return undefined;
    }
    return session;
  }

  return {
    open(scope, expiresAt, idToken) {
      const session = {
        id: randomToken(),
        csrf: `${csrfPrefix}${randomToken()}`,
        scope,
        expiresAt,
        idToken,
      };
      dropOldest(sessions, maxSessions);
      sessions.set(session.id, session);
      return session;
    },
    find,
    authorise(id, csrf) {
      const session = find(id);
      if (session === undefined || csrf === undefined) return undefined;
      return sameText(session.csrf, csrf) ? session.scope : undefined;
    },
    close(id) {
      const session = find(id);
      if (session !== undefined) sessions.delete(session.id);
      return session;
    },
    beginSignIn(state, attempt) {
      dropOldest(pending, maxPendingSignIns);
      pending.set(state, { ...attempt, expiresAt: now() + signInAttemptMs });
    },
    takeSignIn(state) {
      const attempt = pending.get(state);
      pending.delete(state);
      if (attempt === undefined || attempt.expiresAt <= now()) return undefined;
      const { expiresAt: _, ...rest } = attempt;
      return rest;
    },
  };
}

/** 256 random bits, URL- and cookie-safe. */
function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** A full map loses its oldest entry (Maps keep insertion order): a flood evicts, never grows. */
function dropOldest<V>(map: Map<string, V>, max: number): void {
  if (map.size < max) return;
  const oldest = map.keys().next();
  if (!oldest.done) map.delete(oldest.value);
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
