import { dashboardSessions, dashboardSignIns } from "@samsyn/db";
import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import type { Scope } from "@samsyn/domain";
import { describe, expect, it } from "vitest";
import {
  createDashboardSessions,
  csrfPrefix,
  type DashboardSessionOptions,
  databaseSessionRecords,
  memorySessionRecords,
  sessionIdleMs,
  sessionMaxMs,
} from "./sessions";

const scope: Scope = { sub: "anna", role: "ledning", orgs: ["K0182"] };
const secret = "a-test-secret-that-is-at-least-32-characters";

function clock() {
  let at = Date.parse("2026-12-03T08:00:00Z");
  return { now: () => at, pass: (ms: number) => (at += ms) };
}

/** The same behaviour whether the sessions are in memory or in either database. */
describe.each([
  { name: "memory", target: undefined },
  ...testDatabases().map((target) => ({ name: target.name, target })),
])("the dashboard's sessions ($name)", ({ target }) => {
  const database = target === undefined ? undefined : useMigratedDatabase(target);
  const records = () =>
    database === undefined ? memorySessionRecords() : databaseSessionRecords(database());
  const sessionsWith = (options: Omit<DashboardSessionOptions, "records"> = {}) =>
    createDashboardSessions({ records: records(), secret, ...options });

  it("let a request in only with the session's own CSRF token", async () => {
    const sessions = sessionsWith();
    const session = await sessions.open(scope, "id-token");
    expect(session.csrf.startsWith(csrfPrefix)).toBe(true);
    expect(session.id).not.toBe(session.csrf);
    expect(await sessions.authorise(session.id, session.csrf)).toEqual(scope);
    expect(await sessions.authorise(session.id, undefined)).toBeUndefined();
    expect(await sessions.authorise(session.id, `${session.csrf}x`)).toBeUndefined();
    const other = await sessions.open(scope, undefined);
    expect(await sessions.authorise(session.id, other.csrf)).toBeUndefined();
    expect(await sessions.authorise("unknown", session.csrf)).toBeUndefined();
  });

  it("end after half an hour without a call, and calls keep them going", async () => {
    const time = clock();
    const sessions = sessionsWith({ now: time.now });
    const session = await sessions.open(scope, undefined);
    time.pass(sessionIdleMs - 1000);
    expect(await sessions.authorise(session.id, session.csrf)).toEqual(scope);
    time.pass(sessionIdleMs - 1000);
    expect(await sessions.find(session.id)).toBeDefined();
    time.pass(1000);
    expect(await sessions.find(session.id)).toBeUndefined();
    expect(await sessions.authorise(session.id, session.csrf)).toBeUndefined();
  });

  it("end a working day after sign-in, however active the user is", async () => {
    const time = clock();
    const sessions = sessionsWith({ now: time.now });
    const session = await sessions.open(scope, undefined);
    for (let at = 0; at < sessionMaxMs - 60_000; at += 60_000) {
      time.pass(60_000);
      expect(await sessions.authorise(session.id, session.csrf)).toEqual(scope);
    }
    time.pass(60_000);
    expect(await sessions.authorise(session.id, session.csrf)).toBeUndefined();
  });

  it("end for good when closed", async () => {
    const sessions = sessionsWith();
    const session = await sessions.open(scope, "id-token");
    expect((await sessions.close(session.id))?.idToken).toBe("id-token");
    expect(await sessions.authorise(session.id, session.csrf)).toBeUndefined();
    expect(await sessions.close(session.id)).toBeUndefined();
  });

  it("hand out a sign-in attempt once, and not after ten minutes", async () => {
    const time = clock();
    const sessions = sessionsWith({ now: time.now });
    const attempt = { codeVerifier: "v", nonce: "n", returnTo: "/flode" };
    await sessions.beginSignIn("s1", attempt);
    expect(await sessions.takeSignIn("s1")).toEqual(attempt);
    expect(await sessions.takeSignIn("s1")).toBeUndefined();
    await sessions.beginSignIn("s2", attempt);
    time.pass(10 * 60_000);
    expect(await sessions.takeSignIn("s2")).toBeUndefined();
  });

  if (database === undefined) return;

  it("work on every instance with the same secret, and on none with another", async () => {
    const shared = databaseSessionRecords(database());
    const onA = createDashboardSessions({ records: shared, secret });
    const onB = createDashboardSessions({ records: shared, secret });
    const session = await onA.open(scope, "id-token");
    expect(await onB.authorise(session.id, session.csrf)).toEqual(scope);
    await onA.beginSignIn("state-a", { codeVerifier: "v", nonce: "n", returnTo: "/" });
    expect((await onB.takeSignIn("state-a"))?.codeVerifier).toBe("v");

    const otherSecret = createDashboardSessions({ records: shared, secret: `${secret}-other` });
    expect(await otherSecret.authorise(session.id, session.csrf)).toBeUndefined();
    expect(await onB.close(session.id)).toBeDefined();
    expect(await onA.find(session.id)).toBeUndefined();
  });

  it("store neither the cookie's id, nor the state, nor a token in clear", async () => {
    const sessions = sessionsWith();
    const session = await sessions.open(scope, "the-providers-id-token");
    await sessions.beginSignIn("the-state", {
      codeVerifier: "the-pkce-verifier",
      nonce: "n",
      returnTo: "/",
    });
    const stored = JSON.stringify([
      await database().db.select().from(dashboardSessions),
      await database().db.select().from(dashboardSignIns),
    ]);
    for (const secretText of [
      session.id,
      session.csrf,
      "the-providers-id-token",
      "the-state",
      "the-pkce-verifier",
    ]) {
      expect(stored).not.toContain(secretText);
    }
    const raw = await database().db.select().from(dashboardSessions);
    expect(Buffer.from(raw.at(-1)?.idToken ?? []).toString("utf8")).not.toContain("id-token");
  });
});
