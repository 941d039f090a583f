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
  /** Milliseconds since the epoch: a working day after sign-in, however active the user is. */
  readonly endsAt: number;
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

/**
 * A session lasts a working day at most, as a dev token does, and ends after half an hour
 * without a call (a dashboard left open over lunch). Not the access token's life: providers
 * issue tokens for minutes (Keycloak: 5), and signing in again every few minutes is no way to
 * work. ADR 0009 weighs what this costs.
 */
export const sessionMaxMs = 8 * 3600_000;
export const sessionIdleMs = 30 * 60_000;
/** Bounds memory whatever callers do. */
const maxSessions = 10_000;
/** A user who takes longer than this at the provider starts again. */
const signInAttemptMs = 10 * 60_000;
const maxPendingSignIns = 1_000;

export interface DashboardSessions {
  open(scope: Scope, idToken: string | undefined): DashboardSession;
  /** The live session of a cookie, or undefined (unknown, expired, or signed out). */
  find(id: string | undefined): DashboardSession | undefined;
  /**
   * The scope of a request that carries both the cookie and its session's CSRF token; the call
   * keeps the session from idling out.
   */
  authorise(id: string | undefined, csrf: string | undefined): Scope | undefined;
  close(id: string | undefined): DashboardSession | undefined;
  /** Keeps a sign-in attempt under its `state` for ten minutes. */
  beginSignIn(state: string, pending: PendingSignIn): void;
  /** The attempt of `state`, once: a replayed callback finds nothing. */
  takeSignIn(state: string): PendingSignIn | undefined;
}

/** Sessions in this process's memory: a restart signs everyone out (ADR 0009). */
export function createDashboardSessions(now: () => number = Date.now): DashboardSessions {
  const sessions = new Map<string, { session: DashboardSession; lastCall: number }>();
  const pending = new Map<string, PendingSignIn & { readonly expiresAt: number }>();

  function live(id: string | undefined) {
    if (id === undefined) return undefined;
    const entry = sessions.get(id);
    if (entry === undefined) return undefined;
    const at = now();
    if (entry.session.endsAt <= at || entry.lastCall + sessionIdleMs <= at) {
      sessions.delete(id);
      return undefined;
    }
    return entry;
  }

  return {
    open(scope, idToken) {
      const at = now();
      const session = {
        id: randomToken(),
        csrf: `${csrfPrefix}${randomToken()}`,
        scope,
        endsAt: at + sessionMaxMs,
        idToken,
      };
      dropOldest(sessions, maxSessions);
      sessions.set(session.id, { session, lastCall: at });
      return session;
    },
    find: (id) => live(id)?.session,
    authorise(id, csrf) {
      const entry = live(id);
      if (entry === undefined || csrf === undefined) return undefined;
      if (!sameText(entry.session.csrf, csrf)) return undefined;
      entry.lastCall = now();
      return entry.session.scope;
    },
    close(id) {
      const entry = live(id);
      if (entry !== undefined) sessions.delete(entry.session.id);
      return entry?.session;
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
