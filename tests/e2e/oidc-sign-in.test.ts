import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../support/browser";
import { seriousViolations } from "../support/dashboard";
import { type RunningProvider, startOidcProvider } from "../support/oidc-provider";
import { type RunningSamsyn, startSamsyn } from "../support/samsyn-process";

/**
 * Issue 15: the dashboard signs in at a real OpenID Connect provider (oidc-provider on
 * 127.0.0.1), authorization code + PKCE, and signs out there. Samsyn runs as a county would run
 * it: AUTH_MODE=oidc with the provider's issuer, JWKS and a confidential client.
 */
describe.skipIf(!browserAvailable)("sign-in to the dashboard at the identity provider", () => {
  let dataDir: string;
  let provider: RunningProvider;
  let samsyn: RunningSamsyn;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "samsyn-oidc-"));
    provider = await startOidcProvider({
      accounts: {
        anna: { role: "ledning", orgs: ["K0182"] },
        "utan-roll": { orgs: ["K0182"] },
      },
    });
    // Samsyn's public address names its callback: the port is chosen before it starts.
    const port = String(20_000 + Math.floor(Math.random() * 12_000));
    samsyn = await startSamsyn("start", {
      PORT: port,
      SAMSYN_PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: undefined,
      SAMSYN_DATA_DIR: dataDir,
      SAMSYN_DEMO_CASES: "400",
      SAMSYN_SECRET: undefined,
      AUTH_MODE: "oidc",
      OIDC_ISSUER: provider.issuer,
      OIDC_AUDIENCE: provider.audience,
      OIDC_JWKS_URL: provider.jwksUrl,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
    });
    provider.registerSamsyn(samsyn.url);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await samsyn?.stop();
    await provider?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("signs in at the provider, comes back to the page it left, and signs out there", async () => {
    const page = await freshPage();
    await page.goto(`${samsyn.url}/ledtider`);
    // No developer form in OIDC mode: one button that leaves for the provider.
    await page.getByRole("heading", { name: "Logga in", level: 1 }).waitFor();
    expect(await page.getByText("Utvecklarinloggning").count()).toBe(0);
    await page.getByRole("link", { name: "Logga in" }).click();

    await signInAtProvider(page, "anna");
    await page.getByText("Inloggad som anna (Ledning)").waitFor();
    expect(new URL(page.url()).pathname).toBe("/ledtider");
    await page.getByRole("heading", { name: "Ledtider", level: 1 }).waitFor();
    expect(await page.getByText("Utvecklarläge").count()).toBe(0);
    // The session is an HttpOnly cookie: no token for a script on the page to take.
    expect(await page.evaluate<string>("document.cookie")).not.toMatch(/samsyn-session/);
    expect(await page.evaluate<string>("JSON.stringify(sessionStorage)")).not.toMatch(/eyJ/);

    await page.getByRole("link", { name: "Översikt" }).click();
    await page.getByRole("heading", { name: "Översikt", level: 1 }).waitFor();

    await page.getByRole("button", { name: "Logga ut" }).click();
    // The provider asks whether to end its own session too (oidc-provider's page).
    await page.getByRole("button", { name: /sign me out/i }).click();
    await page.getByText("Du är utloggad.").waitFor();
    expect(new URL(page.url()).origin).toBe(samsyn.url);
    const state = await page.evaluate<unknown>(`fetch("/auth/session").then((res) => res.json())`);
    expect(state).toEqual({ mode: "oidc", session: null, ended: null });

    // Signed out at the provider as well: signing in asks for the account again.
    await page.getByRole("link", { name: "Logga in" }).click();
    await page.locator("input[name=login]").waitFor();
    await page.close();
  });

  it("tells a user without a role so, in Swedish", async () => {
    const page = await freshPage();
    await page.goto(`${samsyn.url}/natverk`);
    await page.getByRole("link", { name: "Logga in" }).click();
    await signInAtProvider(page, "utan-roll");
    await page
      .getByRole("alert")
      .getByText(/ditt konto har ingen roll i Samsyn/)
      .waitFor();
    expect(new URL(page.url()).pathname).toBe("/natverk");
    // The reason is not left in the address for a reload to show again.
    expect(new URL(page.url()).search).toBe("");
    expect(await page.getByText(/Inloggad som/).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("asks the user to sign in again on the same page when the session has expired", async () => {
    const page = await freshPage();
    await page.goto(`${samsyn.url}/`);
    await page.getByRole("link", { name: "Logga in" }).click();
    await signInAtProvider(page, "anna");
    await page.getByText("Inloggad som anna (Ledning)").waitFor();
    await page.getByRole("link", { name: "Flöde" }).click();
    await page.getByRole("heading", { name: "Flöde", level: 1 }).waitFor();
    // The session ends on the server (as at expiry, or a restart): the cookie names nothing.
    const cookies = await browser.context.cookies(samsyn.url);
    await browser.context.addCookies(
      cookies
        .filter((c) => c.name === "samsyn-session")
        .map((c) => ({ ...c, value: "ended-session" })),
    );
    await page.getByRole("link", { name: "Trender" }).click();
    await page
      .getByRole("alert")
      .getByText(/Din inloggning har gått ut/)
      .waitFor();
    const again = page.getByRole("link", { name: "Logga in igen" });
    expect(decodeURIComponent((await again.getAttribute("href")) ?? "")).toContain("/trender");
    await again.click();
    // Still signed in at the provider: straight back, to the page the user was on.
    await page.getByText("Inloggad som anna (Ledning)").waitFor();
    expect(new URL(page.url()).pathname).toBe("/trender");
    await page.close();
  });

  it("says so in Swedish when the provider does not answer", async () => {
    await provider.stop();
    const page = await freshPage();
    await page.goto(`${samsyn.url}/sip`);
    await page.getByRole("link", { name: "Logga in" }).click();
    await page
      .getByRole("alert")
      .getByText(/Inloggningstjänsten svarar inte just nu/)
      .waitFor();
    expect(new URL(page.url()).pathname).toBe("/sip");
    await page.close();
  });

  /** A page with no cookies: neither Samsyn's session nor the provider's from an earlier test. */
  async function freshPage(): Promise<Page> {
    await browser.context.clearCookies();
    return browser.context.newPage();
  }
});

/** oidc-provider's development login form: any password; the account decides the claims. */
async function signInAtProvider(page: Page, account: string): Promise<void> {
  await page.locator("input[name=login]").fill(account);
  await page.locator("input[name=password]").fill("test-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}
