import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";
import {
  type DashboardSessionRow,
  type Database,
  deleteDashboardSession,
  deleteEndedDashboardSessions,
  findDashboardSession,
  insertDashboardSession,
  insertSignIn,
  takeSignIn,
  touchDashboardSession,
} from "@samsyn/db";
import type { Scope } from "@samsyn/domain";

/**
 * The dashboard's signed-in sessions (ADR 0009). The browser holds only a random id in an
 * HttpOnly cookie; who the user is stays on the server, so no script on the page can read a
 * token, and signing out ends the session for good rather than waiting for a token to expire.
 * In the database (`dashboard_sessions`), so that any instance on it knows every session, and a
 * restart signs no one out.
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
/** Bounds memory (and the table of attempts) whatever callers do. */
const maxSessions = 10_000;
/**
 * A call moves a session's last call in the database only when it is this much older: a user's
 * every request need not write. A session may so idle out up to a minute early.
 */
const touchEveryMs = 60_000;
/** A user who takes longer than this at the provider starts again. */
const signInAttemptMs = 10 * 60_000;
const maxPendingSignIns = 1_000;

export interface DashboardSessions {
  open(scope: Scope, idToken: string | undefined): Promise<DashboardSession>;
  /** The live session of a cookie, or undefined (unknown, expired, or signed out). */
  find(id: string | undefined): Promise<DashboardSession | undefined>;
  /**
   * The scope of a request that carries both the cookie and its session's CSRF token; the call
   * keeps the session from idling out.
   */
  authorise(id: string | undefined, csrf: string | undefined): Promise<Scope | undefined>;
  close(id: string | undefined): Promise<DashboardSession | undefined>;
  /** Keeps a sign-in attempt under its `state` for ten minutes. */
  beginSignIn(state: string, pending: PendingSignIn): Promise<void>;
  /** The attempt of `state`, once: a replayed callback finds nothing. */
  takeSignIn(state: string): Promise<PendingSignIn | undefined>;
}

/**
 * Where sessions are kept, by the SHA-256 of their ids and states: the database's tables
 * (`databaseSessionRecords`), or this process's memory for a test.
 */
export interface SessionRecords {
  put(row: DashboardSessionRow): Promise<void>;
  get(idHash: string): Promise<DashboardSessionRow | undefined>;
  touch(idHash: string, at: Date): Promise<void>;
  remove(idHash: string): Promise<void>;
  /** Deletes the sessions that ended (by `at`) or idled (since `idleBefore`). */
  prune(at: Date, idleBefore: Date): Promise<void>;
  putAttempt(stateHash: string, attempt: Uint8Array, expiresAt: Date, at: Date): Promise<void>;
  takeAttempt(stateHash: string): Promise<{ attempt: Uint8Array; expiresAt: Date } | undefined>;
}

/**
 * The tables `dashboard_sessions` and `dashboard_sign_ins` (the primary's, on PostgreSQL). The
 * database is reached only when a session is used: an app without sign-ins never touches them.
 */
export function databaseSessionRecords(database: Database): SessionRecords {
  return {
    put: (row) => insertDashboardSession(database.db, row),
    get: (idHash) => findDashboardSession(database.db, idHash),
    touch: (idHash, at) => touchDashboardSession(database.db, idHash, at),
    remove: (idHash) => deleteDashboardSession(database.db, idHash),
    prune: (at, idleBefore) => deleteEndedDashboardSessions(database.db, at, idleBefore),
    putAttempt: (stateHash, attempt, expiresAt, at) =>
      insertSignIn(database.db, { stateHash, attempt, expiresAt }, at, maxPendingSignIns),
    takeAttempt: (stateHash) => takeSignIn(database.db, stateHash),
  };
}

/** In this process's memory: for tests, and for a dashboard sign-in without a database. */
export function memorySessionRecords(): SessionRecords {
  const sessions = new Map<string, DashboardSessionRow>();
  const attempts = new Map<string, { attempt: Uint8Array; expiresAt: Date }>();
  return {
    async put(row) {
      dropOldest(sessions, maxSessions);
      sessions.set(row.idHash, { ...row });
    },
    get: async (idHash) => {
      const row = sessions.get(idHash);
      return row === undefined ? undefined : { ...row };
    },
    async touch(idHash, at) {
      const row = sessions.get(idHash);
      if (row !== undefined) row.lastCallAt = at;
    },
    async remove(idHash) {
      sessions.delete(idHash);
    },
    async prune(at, idleBefore) {
      for (const [idHash, row] of sessions) {
        if (row.endsAt < at || row.lastCallAt < idleBefore) sessions.delete(idHash);
      }
    },
    async putAttempt(stateHash, attempt, expiresAt) {
      dropOldest(attempts, maxPendingSignIns);
      attempts.set(stateHash, { attempt, expiresAt });
    },
    async takeAttempt(stateHash) {
      const found = attempts.get(stateHash);
      attempts.delete(stateHash);
      return found;
    },
  };
}

export interface DashboardSessionOptions {
  /** Default: this process's memory. `samsyn serve` keeps them in the database. */
  readonly records?: SessionRecords;
  /**
   * The installation secret: keys the CSRF tokens and the encryption of the provider's tokens,
   * so that every instance with it can use a session any instance opened. Default: a random key
   * of this process.
   */
  readonly secret?: string;
  readonly now?: () => number;
}

/**
 * The sessions, over `records`. Stored is what cannot give anyone a session: the SHA-256 of the
 * cookie's id (and of a sign-in's state), the scope, the ends, and the provider's ID token and a
 * sign-in's PKCE verifier encrypted (AES-256-GCM) under a key derived from the secret. The CSRF
 * token is not stored at all: it is an HMAC of the session id, which only the cookie holds.
 */
export function createDashboardSessions(options: DashboardSessionOptions = {}): DashboardSessions {
  const records = options.records ?? memorySessionRecords();
  const now = options.now ?? Date.now;
  const keys = sessionKeys(options.secret);
  const csrfOf = (id: string) =>
    `${csrfPrefix}${createHmac("sha256", keys.csrf).update(id).digest("base64url")}`;

  async function live(
    id: string | undefined,
  ): Promise<{ session: DashboardSession; lastCall: number } | undefined> {
    if (id === undefined) return undefined;
    const row = await records.get(sha256(id));
    if (row === undefined) return undefined;
    const at = now();
    if (row.endsAt.getTime() <= at || row.lastCallAt.getTime() + sessionIdleMs <= at) {
      await records.remove(row.idHash);
      return undefined;
    }
    const idToken = row.idToken === null ? undefined : decrypt(keys.tokens, row.idToken);
    // A token sealed under another secret: the session is not this installation's to use.
    if (row.idToken !== null && idToken === undefined) return undefined;
    const session = {
      id,
      csrf: csrfOf(id),
      scope: row.scope,
      endsAt: row.endsAt.getTime(),
      idToken,
    };
    return { session, lastCall: row.lastCallAt.getTime() };
  }

  return {
    async open(scope, idToken) {
      const at = now();
      await records.prune(new Date(at), new Date(at - sessionIdleMs));
      const id = randomToken();
      const endsAt = at + sessionMaxMs;
      await records.put({
        idHash: sha256(id),
        scope: { sub: scope.sub, role: scope.role, orgs: [...scope.orgs] },
        idToken: idToken === undefined ? null : encrypt(keys.tokens, idToken),
        endsAt: new Date(endsAt),
        lastCallAt: new Date(at),
      });
      return { id, csrf: csrfOf(id), scope, endsAt, idToken };
    },
    find: async (id) => (await live(id))?.session,
    async authorise(id, csrf) {
      const found = await live(id);
      if (found === undefined || csrf === undefined) return undefined;
      if (!sameText(found.session.csrf, csrf)) return undefined;
      const at = now();
      if (at - found.lastCall >= touchEveryMs) {
        await records.touch(sha256(found.session.id), new Date(at));
      }
      return found.session.scope;
    },
    async close(id) {
      const found = await live(id);
      if (found !== undefined) await records.remove(sha256(found.session.id));
      return found?.session;
    },
    async beginSignIn(state, attempt) {
      const at = now();
      const sealed = encrypt(keys.tokens, JSON.stringify(attempt));
      await records.putAttempt(sha256(state), sealed, new Date(at + signInAttemptMs), new Date(at));
    },
    async takeSignIn(state) {
      const found = await records.takeAttempt(sha256(state));
      if (found === undefined || found.expiresAt.getTime() <= now()) return undefined;
      const opened = decrypt(keys.tokens, found.attempt);
      if (opened === undefined) return undefined;
      const { codeVerifier, nonce, returnTo } = JSON.parse(opened) as PendingSignIn;
      return { codeVerifier, nonce, returnTo };
    },
  };
}

/** One key per purpose, derived from the installation secret (HKDF-SHA-256). */
function sessionKeys(secret: string | undefined): { csrf: Buffer; tokens: Buffer } {
  const root = secret ?? randomBytes(32).toString("base64url");
  const derive = (purpose: string) =>
    Buffer.from(hkdfSync("sha256", root, "", `samsyn dashboard sessions: ${purpose}`, 32));
  return { csrf: derive("csrf"), tokens: derive("tokens") };
}

/** AES-256-GCM: the 12-byte nonce, the 16-byte tag, then the ciphertext. */
function encrypt(key: Buffer, text: string): Uint8Array {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
}

/** Undefined when sealed under another key (another SAMSYN_SECRET) or altered. */
function decrypt(key: Buffer, data: Uint8Array): string | undefined {
  const bytes = Buffer.from(data);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
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
