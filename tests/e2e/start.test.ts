import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../support/browser";
import { type RunningSamsyn, startSamsyn } from "../support/samsyn-process";

/**
 * The README's first command, in miniature: `samsyn start` on an empty embedded database
 * migrates, loads the demo county and serves API + dashboard on one port.
 */
describe("samsyn start on an empty embedded database", () => {
  let dataDir: string;
  let samsyn: RunningSamsyn;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "samsyn-start-"));
    samsyn = await startSamsyn("start", {
      DATABASE_URL: undefined,
      SAMSYN_DATA_DIR: dataDir,
      SAMSYN_DEMO_CASES: "400",
      SAMSYN_SECRET: undefined,
    });
  });

  afterAll(async () => {
    await samsyn?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("answers health with its status only, having loaded the demo county", async () => {
    const res = await fetch(`${samsyn.url}/api/v1/health`);
    expect(res.status).toBe(200);
    // No counts: health needs no token, and exact counts would show anyone the pace of writes.
    expect(await res.json()).toEqual({ status: "ok", database: "pglite" });
    expect(samsyn.output()).toMatch(/\(pglite; 400 ärenden\)/);
  });

  it("prints the URL it serves", () => {
    expect(samsyn.output()).toMatch(/http:\/\/localhost:\d+/);
  });

  it("answers unknown API paths with the error shape, not HTML (401 first: no token)", async () => {
    const res = await fetch(`${samsyn.url}/api/v1/no-such-thing`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("unauthenticated");
  });

  it.skipIf(!browserAvailable)("shows the dashboard shell in Swedish", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const cspViolations: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
      });
      await page.goto(`${samsyn.url}/`);
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("sv");
      // Dev mode: a clearly marked sign-in, picking role and organisations, keyboard only.
      await page.getByRole("heading", { name: "Utvecklarinloggning" }).waitFor();
      await expect.poll(() => page.getByText("Endast för utveckling").count()).toBe(1);
      await page.getByRole("radio", { name: "Ledning" }).check();
      await page.getByRole("checkbox", { name: "Nacka kommun" }).focus();
      await page.keyboard.press("Space");
      await page.getByRole("button", { name: "Logga in" }).focus();
      await page.keyboard.press("Enter");
      await page.getByText(/Inloggad som dev-ledning \(Ledning\)/).waitFor();
      // Signed in, the banner still says this is a developer session, not the county's sign-in.
      await page.getByText("Utvecklarläge").waitFor();
      await page.getByRole("heading", { name: "Översikt" }).waitFor();
      // A client-side route loads the same shell, still signed in (the token is in the session).
      await page.goto(`${samsyn.url}/arenden`);
      await page.getByRole("heading", { level: 1, name: "Ärenden" }).waitFor();
      await page.getByRole("button", { name: "Logga ut" }).click();
      await page.getByRole("heading", { name: "Utvecklarinloggning" }).waitFor();
      expect(cspViolations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
