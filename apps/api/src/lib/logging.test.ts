import { arbDisguisedIdentifier } from "@samsyn/domain/testing";
import fc from "fast-check";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { devAudience, devIssuer, devSigningKey } from "../auth/config";
import type { ErrorBody } from "../errors";
import {
  authed,
  captureLogs,
  registerProbeRoutes,
  testApp,
  testScope,
  testSecret,
  tokenFor,
  unusedDatabase,
} from "../testing";
import { maskIdentifiers } from "./logging";

const personnummer = "19811218-9876";

function appWithLogs() {
  const logs = captureLogs();
  const app = testApp(unusedDatabase(), { logger: logs.logger, extraRoutes: registerProbeRoutes });
  return { app, logs };
}

describe("request log", () => {
  it("writes one JSON line per request with what an operator needs", async () => {
    const { app, logs } = appWithLogs();
    const scope = testScope("samordnare", ["K0180"], "anna");
    const res = await authed(app, "/api/v1/probe/whoami", {}, scope);
    const [line, ...more] = logs.lines();
    expect(more).toEqual([]);
    expect(line).toEqual({
      level: "info",
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      requestId: res.headers.get("x-request-id"),
      method: "GET",
      route: "/api/v1/probe/whoami",
      status: 200,
      durationMs: expect.any(Number),
      sub: "anna",
      role: "samordnare",
    });
  });

  it("never writes the token, the query or a personnummer in the path", async () => {
    const { app, logs } = appWithLogs();
    const token = await tokenFor(testScope("admin"));
    const headers = { Authorization: `Bearer ${token}` };
    await app.request(
      `/api/v1/probe/whoami?ref=${personnummer}&q=${encodeURIComponent(personnummer)}`,
      { headers },
    );
    await app.request(`/api/v1/cases/${personnummer}?personnummer=811218-9876`, { headers });
    await app.request(`/api/v1/cases/${personnummer}`);
    const text = logs.text();
    expect(logs.lines()).toHaveLength(3);
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.split(".")[2]);
    expect(text).not.toMatch(/Bearer/i);
    expect(text).not.toContain("9876");
    expect(text).not.toContain("?");
  });

  it("never logs a subject that is a personnummer: a dev token carrying one is refused", async () => {
    const { app, logs } = appWithLogs();
    // createToken refuses this subject, so sign by hand, as anyone holding the secret could.
    const token = await new SignJWT({ role: "lan", orgs: [] })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(personnummer)
      .setIssuer(devIssuer)
      .setAudience(devAudience)
      .setExpirationTime("5m")
      .sign(devSigningKey(testSecret));
    const res = await app.request("/api/v1/probe/whoami", {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(401);
    expect(logs.lines()[0]?.sub).toBeUndefined();
    expect(logs.text()).not.toContain("9876");
  });

  it("masks an identifier however it is written, and nothing around it", () => {
    const around = fc.stringMatching(/^[A-Za-z :(]{0,10}$/);
    fc.assert(
      fc.property(around, arbDisguisedIdentifier(), around, (before, id, after) => {
        expect(maskIdentifiers(`${before}${id.text}${after}`)).toBe(
          `${before}[${id.kind}]${after}`,
        );
      }),
    );
  });

  it("gives every response a fresh request id, ignoring one the client sent", async () => {
    const { app, logs } = appWithLogs();
    const a = await app.request("/api/v1/health-check", {
      headers: { "X-Request-Id": personnummer },
    });
    const b = await app.request("/api/v1/health-check");
    expect(a.headers.get("x-request-id")).not.toBe(personnummer);
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
    expect(logs.text()).not.toContain("9876");
  });
});

describe("a handler that throws", () => {
  it("answers 500 in the error shape with no stack or message, and logs it masked", async () => {
    const { app, logs } = appWithLogs();
    const res = await authed(app, "/api/v1/probe/throw");
    const text = await res.text();
    expect(res.status).toBe(500);
    expect((JSON.parse(text) as ErrorBody).error).toEqual({
      code: "internal",
      message: expect.stringMatching(/oväntat fel/),
      details: [],
    });
    expect(text).not.toMatch(/secret detail|\.ts:\d+|\bat \S+:\d+/);
    const [error, request] = logs.lines();
    expect(error).toMatchObject({ level: "error", requestId: res.headers.get("x-request-id") });
    expect(String(error?.stack)).toContain("secret detail [personnummer]");
    expect(request).toMatchObject({ status: 500, route: "/api/v1/probe/throw" });
    expect(logs.text()).not.toContain("9876");
  });
});

describe("maskIdentifiers", () => {
  it("replaces each personnummer and samordningsnummer and keeps the rest", () => {
    expect(maskIdentifiers("a 811218-9876 b 198112189876 c")).toBe(
      "a [personnummer] b [personnummer] c",
    );
    expect(maskIdentifiers("order 12345")).toBe("order 12345");
  });
});
