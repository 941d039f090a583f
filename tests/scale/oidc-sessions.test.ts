import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../support/browser";
import { type RunningProvider, startOidcProvider } from "../support/oidc-provider";
import { type RunningSamsyn, startSamsyn } from "../support/samsyn-process";
import {
  createThrowawayPostgres,
  postgresAvailable,
  type ThrowawayPostgres,
} from "../support/throwaway-postgres";

/**
 * Issue 20, "Several API instances": the dashboard's OIDC sign-in across two `samsyn` processes
 * on one PostgreSQL, as behind a load balancer. Both have the same public address (A's: the
 * provider sends the browser back there); the sign-in begins on B, its callback lands on A, and
 * the session A opens serves calls on B — the attempt and the session are in the database.
 */
describe.skipIf(!browserAvailable || !postgresAvailable)(
  "dashboard sessions across two instances",
  () => {
    const secret = "a-test-secret-that-is-at-least-32-characters";
    let pg: ThrowawayPostgres;
    let provider: RunningProvider;
    let a: RunningSamsyn;
    let b: RunningSamsyn;
    let browser: Awaited<ReturnType<typeof launchBrowser>>;

    beforeAll(async () => {
      pg = await createThrowawayPostgres();
      await pg.start();
      provider = await startOidcProvider({
        accounts: { anna: { role: "ledning", orgs: ["K0182"] } },
      });
      const port = String(20_000 + Math.floor(Math.random() * 12_000));
      const env = {
        DATABASE_URL: pg.url,
        SAMSYN_SECRET: secret,
        SAMSYN_DEMO_CASES: "200",
        SAMSYN_PUBLIC_URL: `http://127.0.0.1:${port}`,
        AUTH_MODE: "oidc",
        OIDC_ISSUER: provider.issuer,
        OIDC_AUDIENCE: provider.audience,
        OIDC_JWKS_URL: provider.jwksUrl,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
      };
      // A loads the county (the organisations a session names); B then serves the same database.
      a = await startSamsyn("start", { ...env, PORT: port });
      b = await startSamsyn("serve", env);
      provider.registerSamsyn(a.url);
      browser = await launchBrowser();
    });

    afterAll(async () => {
      await browser?.close();
      await a?.stop();
      await b?.stop();
      await provider?.stop();
      await pg?.remove();
    });

    it("begins a sign-in on B, finishes it on A, and serves the session on B", async () => {
      const page = await browser.context.newPage();
      // Cookies belong to the host, not the port: B's attempt cookie comes back to A's callback.
      await page.goto(`${b.url}/auth/login?returnTo=/oversikt`);
      await page.locator("input[name=login]").fill("anna");
      await page.locator("input[name=password]").fill("test-password");
      await page.getByRole("button", { name: "Sign-in" }).click();
      await page.waitForURL(
        (url) => url.port === new URL(a.url).port && url.pathname === "/oversikt",
      );
      expect(new URL(page.url()).searchParams.get("signin")).toBeNull();

      const cookie = (await browser.context.cookies(a.url))
        .filter((c) => c.name === "samsyn-session")
        .map((c) => `${c.name}=${c.value}`)
        .join("; ");
      expect(cookie).not.toBe("");
      // The CSRF token, as the dashboard reads it — from B, which did not open the session.
      const state = (await (
        await fetch(`${b.url}/auth/session`, { headers: { Cookie: cookie } })
      ).json()) as {
        session: { csrf: string } | null;
      };
      expect(state.session).not.toBeNull();
      const me = await fetch(`${b.url}/api/v1/me`, {
        headers: { Cookie: cookie, "X-Samsyn-CSRF": state.session?.csrf ?? "" },
      });
      expect(me.status, await me.clone().text()).toBe(200);
      expect(await me.json()).toMatchObject({ role: "ledning", orgs: ["K0182"] });

      // Signed out through A, the session is gone on B too.
      const out = await fetch(`${a.url}/auth/logout`, {
        method: "POST",
        headers: { Cookie: cookie, "X-Samsyn-CSRF": state.session?.csrf ?? "" },
      });
      expect(out.status).toBe(200);
      const after = await fetch(`${b.url}/api/v1/me`, {
        headers: { Cookie: cookie, "X-Samsyn-CSRF": state.session?.csrf ?? "" },
      });
      expect(after.status).toBe(401);
    });
  },
);
