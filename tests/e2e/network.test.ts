import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../support/browser";
import { openPage as open, seriousViolations } from "../support/dashboard";
import { type RunningSamsyn, repoRoot, startSamsyn } from "../support/samsyn-process";

/**
 * Samverkansnätverk as a picture (issue 14): who works with whom drawn round a circle, the matrix
 * as its table, the unit level cut to the busiest units with the rest counted and listed, and
 * units named, never shown by code, also to a ledning user whose network reaches other huvudmän.
 */
const screenshots = join(repoRoot, "artifacts", "screenshots");
const sizes = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;
/** Södertälje: a kommun whose cases take in Region Stockholm's units (RS-PSYK-SYDVAST …). */
const ledning = { role: "ledning", orgs: ["K0181"] } as const;

interface Pair {
  readonly a: string;
  readonly b: string;
  readonly count: number | null;
}

interface Unit {
  readonly code: string;
  readonly name: string;
}

describe.skipIf(!browserAvailable)("the network picture", () => {
  let dataDir: string;
  let samsyn: RunningSamsyn;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "samsyn-network-"));
    await mkdir(screenshots, { recursive: true });
    samsyn = await startSamsyn("start", {
      DATABASE_URL: undefined,
      SAMSYN_DATA_DIR: dataDir,
      SAMSYN_DEMO_CASES: "2000",
      SAMSYN_SECRET: undefined,
    });
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await samsyn?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("draws huvudmän round a circle, with the matrix as its table", async () => {
    const page = await signedInPage(browser.context, samsyn.url, "lan", []);
    for (const size of sizes) {
      await page.setViewportSize(size);
      await open(page, `${samsyn.url}/natverk`);
      const figure = page.locator("main .network-figure");
      expect(await figure.isVisible()).toBe(true);
      expect(await figure.locator("svg").isVisible()).toBe(true);
      expect(await figure.locator("[aria-hidden=true] svg").count()).toBe(1);
      const matrix = page.getByRole("table", { name: /Ärenden där båda deltagit/ });
      const rows = await matrix.locator("tbody th").allTextContents();
      expect(rows.length).toBeGreaterThan(2);
      // One dot per row of the matrix, named as the row is.
      const names = await figure.locator(".network-node > title").allTextContents();
      expect(names.sort()).toEqual([...rows].sort());
      expect(await figure.locator(".network-links path").count()).toBe(
        await publishedPairs(matrix),
      );
      expect(await pageWidth(page), `${size.width}`).toBeLessThanOrEqual(size.width);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({
        path: join(screenshots, `natverk-bild-${size.width}x${size.height}.png`),
        fullPage: true,
      });
    }
    await page.close();
  });

  it("shows a ledning user the busiest units by name, states the others, and lists every pair", async () => {
    const page = await signedInPage(browser.context, samsyn.url, ledning.role, ledning.orgs);
    const token = await tokenFor(samsyn.url, ledning.role, ledning.orgs);
    const units = await unitsNamed(samsyn.url, token);
    const codes = new Set(units.map((u) => u.code));
    for (const size of sizes) {
      await page.setViewportSize(size);
      const answer = page.waitForResponse(
        (r) => r.url().includes("/api/v1/metrics/network") && r.url().includes("level=unit"),
      );
      await open(page, `${samsyn.url}/natverk?level=unit`);
      const pairs = ((await (await answer).json()) as { cells: Pair[] }).cells;
      const figure = page.locator("main .network-figure");
      expect(await figure.locator("svg").isVisible()).toBe(true);
      const others = page.getByText(/Övriga \d+ enheter finns i tabellen över alla par/);
      expect(await others.isVisible()).toBe(true);
      const [, shown, rest] =
        /visar de (\d+) enheter.*Övriga (\d+) enheter/.exec((await others.textContent()) ?? "") ??
        [];
      expect(Number(shown)).toBe(15);
      expect(Number(shown) + Number(rest)).toBe(new Set(pairs.flatMap((p) => [p.a, p.b])).size);
      expect(await figure.locator(".network-node").count()).toBe(15);
      const matrix = page.getByRole("table", { name: /de 15 enheter med flest/ });
      expect(await matrix.locator("tbody tr").count()).toBe(15);
      expect(await figure.locator(".network-links path").count()).toBe(
        await publishedPairs(matrix),
      );
      const list = page.getByRole("table", { name: /Alla par av enheter/ });
      expect(await list.locator("tbody tr").count()).toBe(pairs.length);
      // The list starts with the largest pair, and reaches units outside Södertälje kommun.
      const first = await list.locator("tbody tr").first().locator("td.num").textContent();
      const largest = Math.max(...pairs.map((p) => p.count ?? 0));
      expect(Number((first ?? "").replace(/\s/g, ""))).toBe(largest);
      expect(pairs.some((p) => p.a.startsWith("RS-") || p.b.startsWith("RS-"))).toBe(true);
      // Names, never codes: in the tables, the picture's labels and its tooltips.
      const texts = [
        ...(await page.locator("main th, main td").allTextContents()),
        ...(await figure.locator("text, title").allTextContents()),
      ].map((text) => text.trim());
      expect(texts.filter((text) => /^RS-/.test(text) || codes.has(text))).toEqual([]);
      expect(texts.join(" ")).toMatch(/Psykiatrisk öppenvård, Sydväst/);
      expect(await pageWidth(page), `${size.width}`).toBeLessThanOrEqual(size.width);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({
        path: join(screenshots, `natverk-enheter-${size.width}x${size.height}.png`),
        fullPage: true,
      });
    }
    await page.close();
  });

  it("does not draw a withheld link", async () => {
    const page = await signedInPage(browser.context, samsyn.url, "lan", []);
    await page.setViewportSize(sizes[0]);
    const lines = page.locator("main .network-figure .network-links path");
    await open(page, `${samsyn.url}/natverk`);
    const before = await lines.count();
    expect(before).toBeGreaterThan(0);
    const network = "**/api/v1/metrics/network**";
    // Withhold the largest pair in the answer: its line must go, and the matrix mark it withheld.
    let withheld = 0;
    let hidden = 0;
    await page.route(network, async (route) => {
      const response = await route.fetch();
      const json = (await response.json()) as { cells: { count: number | null }[] };
      const largest = Math.max(...json.cells.map((c) => c.count ?? 0));
      const cells = json.cells.map((c) =>
        c.count === largest ? { ...c, count: null, suppressed: true } : c,
      );
      withheld = json.cells.filter((c) => c.count === largest).length;
      hidden = cells.filter((c) => c.count === null).length;
      await route.fulfill({ response, json: { ...json, cells } });
    });
    try {
      await open(page, `${samsyn.url}/natverk?level=principalType`);
      const matrix = page.getByRole("table", { name: /Ärenden där båda deltagit/ });
      expect(withheld).toBeGreaterThan(0);
      expect(await lines.count()).toBe(before - withheld);
      expect(await lines.count()).toBe(await publishedPairs(matrix));
      expect(await matrix.locator("tbody td.suppressed").count()).toBe(2 * hidden);
    } finally {
      await page.unroute(network);
      await page.close();
    }
  });
});

async function tokenFor(url: string, role: string, orgs: readonly string[]): Promise<string> {
  const res = await fetch(`${url}/api/v1/dev/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ role, orgs }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** A page signed in as the role, by the token the dashboard keeps in sessionStorage. */
async function signedInPage(
  context: BrowserContext,
  url: string,
  role: string,
  orgs: readonly string[],
): Promise<Page> {
  const token = await tokenFor(url, role, orgs);
  const page = await context.newPage();
  await page.addInitScript(`sessionStorage.setItem("samsyn.token", ${JSON.stringify(token)});`);
  return page;
}

async function unitsNamed(url: string, token: string): Promise<Unit[]> {
  const res = await fetch(`${url}/api/v1/catalogues`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { units: Unit[] }).units;
}

/** Pairs with a published count in a symmetric matrix: each is in two cells. */
async function publishedPairs(matrix: ReturnType<Page["getByRole"]>): Promise<number> {
  const cells = await matrix.locator("tbody td").allTextContents();
  const published = cells.filter((text) => /^[1-9][\d\s]*$/.test(text.trim()));
  return published.length / 2;
}

function pageWidth(page: Page): Promise<number> {
  return page.evaluate<number>("document.documentElement.scrollWidth");
}
