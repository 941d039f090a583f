import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../errors";
import {
  authed,
  createTestIdentityProvider,
  registerProbeRoutes,
  testApp,
  testScope,
  tokenFor,
  unusedDatabase,
} from "../testing";
import { type OidcAuthConfig, subjectKey } from "./config";

const app = testApp(unusedDatabase(), { extraRoutes: registerProbeRoutes });
const probe = "/api/v1/probe/whoami";

async function expectUnauthenticated(res: Response, message: RegExp): Promise<void> {
  expect(res.status).toBe(401);
  expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm="samsyn"/);
  const body = (await res.json()) as ErrorBody;
  expect(body).toEqual({
    error: { code: "unauthenticated", message: expect.stringMatching(message), details: [] },
  });
}

describe("sign-in on every API route", () => {
  it("puts the token's scope on the request", async () => {
    const scope = testScope("ledning", ["K0180", "K0182"], "bo");
    const res = await authed(app, probe, {}, scope);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sub: "bo", role: "ledning", orgs: ["K0180", "K0182"] });
  });

  it("accepts the scheme in any case", async () => {
    const token = await tokenFor(testScope("admin"));
    const res = await app.request(probe, { headers: { Authorization: `bearer ${token}` } });
    expect(res.status).toBe(200);
  });

  it("asks for a token when there is none, or another scheme", async () => {
    await expectUnauthenticated(await app.request(probe), /Inloggning krävs/);
    const basic = await app.request(probe, {
      headers: { Authorization: "Basic YWRtaW46YWRtaW4=" },
    });
    await expectUnauthenticated(basic, /Inloggning krävs/);
  });

  it.each([
    ["an empty bearer", "Bearer "],
    ["garbage", "Bearer not a token"],
    ["two tokens", "Bearer a.b.c d.e.f"],
    ["an over-long token", `Bearer ${"a".repeat(9000)}`],
  ])("says only 'ogiltig eller utgången token' for %s", async (_name, header) => {
    const res = await app.request(probe, { headers: { Authorization: header } });
    await expectUnauthenticated(res, /^Ogiltig eller utgången token\.$/);
    expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("answers 401 before 404: an unknown API path does not reveal that it is unknown", async () => {
    await expectUnauthenticated(await app.request("/api/v1/no-such-thing"), /Inloggning krävs/);
    await expectUnauthenticated(await app.request("/api/elsewhere"), /Inloggning krävs/);
    const known = await authed(app, "/api/v1/no-such-thing");
    expect(known.status).toBe(404);
  });

  it("serves the OpenAPI document without a token: it describes no data", async () => {
    const res = await app.request("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { openapi?: string }).openapi).toBe("3.1.0");
    // Public is that exact path only, as for health.
    await expectUnauthenticated(await app.request("/api/v1/openapi.json/x"), /Inloggning krävs/);
  });

  it("does not treat look-alikes of the health path as public", async () => {
    for (const path of [
      "/api/v1/health/",
      "/api/v1/health/x",
      "/api/v1//health",
      "/api/v1/healthz",
    ]) {
      expect((await app.request(path)).status).toBe(401);
    }
  });

  it("leaves paths outside /api alone (the dashboard's files are public)", async () => {
    const res = await app.request("/index.html");
    expect(res.status).toBe(404);
  });
});

describe("sign-in with OIDC", () => {
  it("accepts the provider's tokens, refuses dev tokens, and has no dev sign-in", async () => {
    const idp = await createTestIdentityProvider();
    const auth: OidcAuthConfig = {
      mode: "oidc",
      issuer: idp.issuer,
      audience: idp.audience,
      keys: idp.keys,
      roleClaim: "role",
      orgsClaim: "orgs",
      subjectKey: subjectKey("test-secret"),
    };
    const oidcApp = testApp(unusedDatabase(), { auth, extraRoutes: registerProbeRoutes });
    const token = await idp.sign({ sub: "u1", role: "lan", orgs: [] });
    const ok = await oidcApp.request(probe, { headers: { Authorization: `Bearer ${token}` } });
    expect(await ok.json()).toEqual({ sub: "u1", role: "lan", orgs: [] });

    const dev = await authed(oidcApp, probe);
    expect(dev.status).toBe(401);
    const signIn = await oidcApp.request("/api/v1/dev/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ role: "admin", orgs: [] }),
    });
    expect(signIn.status).toBe(401);
  });

  it("answers 503 with Retry-After when the provider's keys cannot be fetched", async () => {
    const idp = await createTestIdentityProvider();
    const auth: OidcAuthConfig = {
      mode: "oidc",
      issuer: idp.issuer,
      audience: idp.audience,
      keys: () => {
        throw new TypeError("fetch failed");
      },
      roleClaim: "role",
      orgsClaim: "orgs",
      subjectKey: subjectKey("test-secret"),
    };
    const oidcApp = testApp(unusedDatabase(), { auth, extraRoutes: registerProbeRoutes });
    const token = await idp.sign({ role: "lan", orgs: [] });
    const res = await oidcApp.request(probe, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("10");
    expect(((await res.json()) as ErrorBody).error.code).toBe("auth_unavailable");
  });
});
