import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createDb, migrate } from "@samsyn/db";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../errors";
import type { AppEnv } from "../lib/router";
import { createTestIdentityProvider, testApp, unusedDatabase } from "../testing";
import { testSecret } from "../testing/tokens";
import { type OidcAuthConfig, subjectKey } from "./config";
import { authenticate } from "./middleware";
import { type ProviderClient, SignInError } from "./provider-client";
import { csrfHeader } from "./sessions";
import { dashboardSignIn, signInRoutes } from "./sign-in-routes";

const publicUrl = new URL("http://127.0.0.1:3000");

async function oidcAuth(issuer: string): Promise<{ auth: OidcAuthConfig; sign: SignAccess }> {
  const idp = await createTestIdentityProvider(issuer);
  const auth: OidcAuthConfig = {
    mode: "oidc",
    issuer,
    audience: idp.audience,
    keys: idp.keys,
    roleClaim: "role",
    orgsClaim: "orgs",
    subjectKey: subjectKey(testSecret),
    signIn: { clientId: "samsyn", clientSecret: "s3cret", publicUrl, scopes: "openid" },
  };
  return { auth, sign: (claims) => idp.sign(claims) };
}

type SignAccess = (claims: Record<string, unknown>) => Promise<string>;

/**
 * The provider's side, scripted: `begin` hands out a fixed state, `finish` returns an access
 * token with the claims the test picks (or fails as the test says).
 */
function scriptedProvider(finish: () => Promise<string>): ProviderClient {
  return {
    begin: async (returnTo) => ({
      url: new URL("https://idp.test.example/authorize?client_id=samsyn"),
      state: "state-1",
      pending: { codeVerifier: "verifier", nonce: "nonce", returnTo },
    }),
    finish: async () => ({ accessToken: await finish(), idToken: "id-token" }),
    endSessionUrl: async (idToken) =>
      new URL(`https://idp.test.example/logout?id_token_hint=${idToken ?? ""}`),
  };
}

/** The sign-in routes and the API guard as createApp mounts them, with a scripted provider. */
function signInApp(auth: OidcAuthConfig, provider: ProviderClient) {
  const dashboard = dashboardSignIn(auth);
  const app = new Hono<AppEnv>();
  app.use("*", async (c, next) => {
    c.set("deps", { database: unusedDatabase(), secret: testSecret });
    c.set("requestId", "test");
    await next();
  });
  app.route("/auth", signInRoutes(auth, dashboard, { provider }));
  app.use("/api/*", authenticate(auth, new Set(), dashboard));
  app.get("/api/whoami", (c) => c.json(c.get("scope")));
  app.post("/api/write", (c) => c.json({ written: true }));
  return app;
}

/** The cookies a response sets, as a Cookie header would send them back. */
function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Login, then the provider's redirect back with a code: the response of the callback. */
async function signInThrough(
  app: Hono<AppEnv>,
  returnTo = "/ledtider?period=2025",
): Promise<Response> {
  const login = await app.request(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(login.status).toBe(302);
  return app.request("/auth/callback?code=abc&state=state-1", {
    headers: { Cookie: cookiesOf(login) },
  });
}

async function signedIn(app: Hono<AppEnv>): Promise<{ cookie: string; csrf: string }> {
  const callback = await signInThrough(app);
  const cookie = cookiesOf(callback);
  const state = (await (
    await app.request("/auth/session", { headers: { Cookie: cookie } })
  ).json()) as {
    session: { csrf: string } | null;
  };
  if (state.session === null) throw new Error("no session after a successful callback");
  return { cookie, csrf: state.session.csrf };
}

describe("the dashboard's sign-in at the provider", () => {
  it("sends the browser to the provider with an HttpOnly, Lax attempt cookie", async () => {
    const { auth, sign } = await oidcAuth("https://idp.test.example");
    const app = signInApp(
      auth,
      scriptedProvider(() => sign({ role: "lan", orgs: [] })),
    );
    const res = await app.request("/auth/login?returnTo=/natverk");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^https:\/\/idp\.test\.example\/authorize/);
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^samsyn-signin=state-1;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("comes back to the page the user was on, signed in, with a session cookie only", async () => {
    const { auth, sign } = await oidcAuth("https://idp.test.example");
    const app = signInApp(
      auth,
      scriptedProvider(() => sign({ sub: "anna", role: "samordnare", orgs: ["K0180"] })),
    );
    const callback = await signInThrough(app, "/ledtider?period=2025");
    expect(callback.status).toBe(302);
    expect(callback.headers.get("location")).toBe("/ledtider?period=2025");
    const session = callback.headers.getSetCookie().find((c) => c.startsWith("samsyn-session="));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    // Over http (a developer's machine) a Secure cookie would never come back.
    expect(session).not.toMatch(/Secure/);
    // No token reaches the browser: the cookie is a random id.
    expect(session).not.toMatch(/eyJ/);

    const { cookie, csrf } = await signedIn(app);
    const me = await app.request("/api/whoami", {
      headers: { Cookie: cookie, [csrfHeader]: csrf },
    });
    expect(await me.json()).toEqual({ sub: "anna", role: "samordnare", orgs: ["K0180"] });
  });

  it("takes the cookie only beside its CSRF token: a cross-site request gets 401", async () => {
    const { auth, sign } = await oidcAuth("https://idp.test.example");
    const app = signInApp(
      auth,
      scriptedProvider(() => sign({ role: "admin", orgs: [] })),
    );
    const { cookie, csrf } = await signedIn(app);
    const noHeader = await app.request("/api/write", {
      method: "POST",
      headers: { Cookie: cookie },
    });
    expect(noHeader.status).toBe(401);
    const wrong = await app.request("/api/write", {
      method: "POST",
      headers: { Cookie: cookie, [csrfHeader]: `${csrf}x` },
    });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as ErrorBody).error.message).toMatch(/gått ut/);
    const right = await app.request("/api/write", {
      method: "POST",
      headers: { Cookie: cookie, [csrfHeader]: csrf },
    });
    expect(right.status).toBe(200);
  });

  it("tells a user without a valid role so, and opens no session", async () => {
    const { auth, sign } = await oidcAuth("https://idp.test.example");
    for (const claims of [{ orgs: ["K0180"] }, { role: "root", orgs: [] }]) {
      const app = signInApp(
        auth,
        scriptedProvider(() => sign(claims)),
      );
      const res = await signInThrough(app, "/natverk");
      expect(res.headers.get("location")).toBe("/natverk?signin=no_role");
      expect(cookiesOf(res)).not.toMatch(/samsyn-session=[^;]/);
    }
    const app = signInApp(
      auth,
      scriptedProvider(() => sign({ role: "ledning", orgs: [] })),
    );
    expect((await signInThrough(app, "/")).headers.get("location")).toBe(
      "/?signin=no_organisation",
    );
  });

  it("refuses an access token the API would refuse (another audience) as a failed sign-in", async () => {
    const { auth } = await oidcAuth("https://idp.test.example");
    const other = await createTestIdentityProvider("https://idp.test.example", "someone-else");
    const app = signInApp(
      auth,
      scriptedProvider(() => other.sign({ role: "admin", orgs: [] })),
    );
    expect((await signInThrough(app, "/")).headers.get("location")).toBe("/?signin=failed");
  });

  it.each([
    [
      "a state this browser was not given",
      "/auth/callback?code=abc&state=state-1",
      "samsyn-signin=other",
    ],
    ["no state", "/auth/callback?code=abc", "samsyn-signin=state-1"],
    ["no attempt cookie (login CSRF)", "/auth/callback?code=abc&state=state-1", ""],
  ])("refuses a callback with %s", async (_name, path, cookie) => {
    const { auth, sign } = await oidcAuth("https://idp.test.example");
    const app = signInApp(
      auth,
      scriptedProvider(() => sign({ role: "admin", orgs: [] })),
    );
    await app.request("/auth/login");
    const res = await app.request(path, { headers: { Cookie: cookie } });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/?signin=failed");
    expect(cookiesOf(res)).not.toMatch(/samsyn-session=[^;]/);
  });

  it("refuses a callback without a code (the provider refused) and a replayed callback", async () => {
    const { auth, sign } = await oidcAuth("https://idp.test.example");
    const app = signInApp(
      auth,
      scriptedProvider(() => sign({ role: "admin", orgs: [] })),
    );
    const login = await app.request("/auth/login?returnTo=/arenden");
    const attempt = { headers: { Cookie: cookiesOf(login) } };
    const denied = await app.request("/auth/callback?error=access_denied&state=state-1", attempt);
    expect(denied.headers.get("location")).toBe("/arenden?signin=failed");
    // The attempt was used up by the first callback: the same state again finds nothing.
    const replay = await app.request("/auth/callback?code=abc&state=state-1", attempt);
    expect(replay.headers.get("location")).toBe("/?signin=failed");
  });

  it("sends the user back only to a path on this site", async () => {
    const { auth, sign } = await oidcAuth("https://idp.test.example");
    const provider = scriptedProvider(() => sign({ role: "admin", orgs: [] }));
    for (const returnTo of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "/auth/logout",
    ]) {
      const res = await signInThrough(signInApp(auth, provider), returnTo);
      expect(res.headers.get("location")).toBe("/");
    }
  });

  it("says when the provider does not answer, at sign-in and at the callback", async () => {
    const { auth } = await oidcAuth("https://idp.test.example");
    const down: ProviderClient = {
      begin: async () => {
        throw new SignInError("provider_unavailable");
      },
      finish: async () => {
        throw new SignInError("provider_unavailable");
      },
      endSessionUrl: async () => undefined,
    };
    const res = await signInApp(auth, down).request("/auth/login?returnTo=/flode");
    expect(res.headers.get("location")).toBe("/flode?signin=provider_unavailable");
  });

  it("signs out: the session ends here, and the browser goes to the provider's end-session", async () => {
    const { auth, sign } = await oidcAuth("https://idp.test.example");
    const app = signInApp(
      auth,
      scriptedProvider(() => sign({ role: "admin", orgs: [] })),
    );
    const { cookie, csrf } = await signedIn(app);
    const forged = await app.request("/auth/logout", {
      method: "POST",
      headers: { Cookie: cookie },
    });
    expect(forged.status).toBe(403);
    const res = await app.request("/auth/logout", {
      method: "POST",
      headers: { Cookie: cookie, [csrfHeader]: csrf },
    });
    expect(await res.json()).toEqual({
      location: "https://idp.test.example/logout?id_token_hint=id-token",
    });
    const after = await app.request("/api/whoami", {
      headers: { Cookie: cookie, [csrfHeader]: csrf },
    });
    expect(after.status).toBe(401);
    const state = await app.request("/auth/session", { headers: { Cookie: cookie } });
    expect(await state.json()).toEqual({ mode: "oidc", session: null, ended: "expired" });
  });
});

describe("/auth in the app", () => {
  it("says dev mode, so the dashboard shows its developer sign-in", async () => {
    const res = await testApp(unusedDatabase()).request("/auth/session");
    expect(await res.json()).toEqual({ mode: "dev", session: null, ended: null });
  });

  it("reaches a real address for discovery, and says the provider is down when nothing answers", async () => {
    // A port that was just free: connection refused, as when the provider is down.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const { auth } = await oidcAuth(`http://127.0.0.1:${port}`);
    const app = testApp(unusedDatabase(), { auth });
    const res = await app.request("/auth/login?returnTo=/sip");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/sip?signin=provider_unavailable");
    const state = await app.request("/auth/session");
    expect(await state.json()).toEqual({ mode: "oidc", session: null, ended: null });
  });

  it("refuses a forged callback in the app as it is mounted", async () => {
    const { auth } = await oidcAuth("https://idp.test.example");
    // The app keeps sign-in attempts in its database: the guessed state is looked up there.
    const database = await createDb({ dataDir: "memory://" });
    try {
      await migrate(database);
      const app = testApp(database, { auth });
      const res = await app.request("/auth/callback?code=abc&state=guessed", {
        headers: { Cookie: "samsyn-signin=guessed" },
      });
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("/?signin=failed");
    } finally {
      await database.close();
    }
  });
});
