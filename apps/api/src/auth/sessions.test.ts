import type { Scope } from "@samsyn/domain";
import { describe, expect, it } from "vitest";
import { createDashboardSessions, csrfPrefix, sessionIdleMs, sessionMaxMs } from "./sessions";

const scope: Scope = { sub: "anna", role: "ledning", orgs: ["K0182"] };

function clock() {
  let at = Date.parse("2026-12-03T08:00:00Z");
  return { now: () => at, pass: (ms: number) => (at += ms) };
}

describe("the dashboard's sessions", () => {
  it("let a request in only with the session's own CSRF token", () => {
    const sessions = createDashboardSessions();
    const session = sessions.open(scope, "id-token");
    expect(session.csrf.startsWith(csrfPrefix)).toBe(true);
    expect(session.id).not.toBe(session.csrf);
    expect(sessions.authorise(session.id, session.csrf)).toEqual(scope);
    expect(sessions.authorise(session.id, undefined)).toBeUndefined();
    expect(sessions.authorise(session.id, `${session.csrf}x`)).toBeUndefined();
    const other = sessions.open(scope, undefined);
    expect(sessions.authorise(session.id, other.csrf)).toBeUndefined();
    expect(sessions.authorise("unknown", session.csrf)).toBeUndefined();
  });

  it("end after half an hour without a call, and calls keep them going", () => {
    const time = clock();
    const sessions = createDashboardSessions(time.now);
    const session = sessions.open(scope, undefined);
    time.pass(sessionIdleMs - 1000);
    expect(sessions.authorise(session.id, session.csrf)).toEqual(scope);
    time.pass(sessionIdleMs - 1000);
    expect(sessions.find(session.id)).toBeDefined();
    time.pass(1000);
    expect(sessions.find(session.id)).toBeUndefined();
    expect(sessions.authorise(session.id, session.csrf)).toBeUndefined();
  });

  it("end a working day after sign-in, however active the user is", () => {
    const time = clock();
    const sessions = createDashboardSessions(time.now);
    const session = sessions.open(scope, undefined);
    for (let at = 0; at < sessionMaxMs - 60_000; at += 60_000) {
      time.pass(60_000);
      expect(sessions.authorise(session.id, session.csrf)).toEqual(scope);
    }
    time.pass(60_000);
    expect(sessions.authorise(session.id, session.csrf)).toBeUndefined();
  });

  it("end for good when closed", () => {
    const sessions = createDashboardSessions();
    const session = sessions.open(scope, "id-token");
    expect(sessions.close(session.id)?.idToken).toBe("id-token");
    expect(sessions.authorise(session.id, session.csrf)).toBeUndefined();
    expect(sessions.close(session.id)).toBeUndefined();
  });

  it("hand out a sign-in attempt once, and not after ten minutes", () => {
    const time = clock();
    const sessions = createDashboardSessions(time.now);
    const attempt = { codeVerifier: "v", nonce: "n", returnTo: "/flode" };
    sessions.beginSignIn("s1", attempt);
    expect(sessions.takeSignIn("s1")).toEqual(attempt);
    expect(sessions.takeSignIn("s1")).toBeUndefined();
    sessions.beginSignIn("s2", attempt);
    time.pass(10 * 60_000);
    expect(sessions.takeSignIn("s2")).toBeUndefined();
  });
});
