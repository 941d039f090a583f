import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../support/browser";
import { openPage as open, seriousViolations } from "../support/dashboard";
import { type RunningSamsyn, repoRoot, startSamsyn } from "../support/samsyn-process";

/**
 * Periods as a leader meets them (issue 14): Översikt and Trender default to the last complete
 * month and say so, a month that has not ended is marked, and "Rensa filter" clears a half-typed
 * month. The demo county runs up to the server's today, whatever day of the month that is, so
 * the expected months are worked out from the API's asOf, not written down.
 */
const screenshots = join(repoRoot, "artifacts", "screenshots");
const sizes = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;

describe.skipIf(!browserAvailable)("periods on Översikt and Trender", () => {
  let dataDir: string;
  let samsyn: RunningSamsyn;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let token: string;
  /** The server's today (the asOf of an answer without one), and the months around it. */
  let today: string;
  let current: string;
  let complete: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "samsyn-periods-"));
    await mkdir(screenshots, { recursive: true });
    samsyn = await startSamsyn("start", {
      DATABASE_URL: undefined,
      SAMSYN_DATA_DIR: dataDir,
      SAMSYN_DEMO_CASES: "2000",
      SAMSYN_SECRET: undefined,
    });
    token = await devToken(samsyn.url);
    today = (await trend(samsyn.url, token, "")).asOf;
    current = today.slice(0, 7);
    // With asOf today, today is still being recorded: the month before today's is the last whole one.
    complete = monthBefore(current);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize(sizes[0]);
    await signIn(page, samsyn.url);
  });

  afterAll(async () => {
    await browser?.close();
    await samsyn?.stop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });

  it("shows Översikt for the last complete month, says so, and compares like with like", async () => {
    await open(page, `${samsyn.url}/`);
    const statement = await page.locator("main .period-statement").textContent();
    expect(statement).toContain(`Visar ${longMonth(complete)}, den senaste hela månaden.`);
    expect(statement).toContain(
      `Jämförs med ${longMonth(monthBefore(complete))} och ${longMonth(yearBefore(complete))}.`,
    );
    expect(await page.locator("main").textContent()).not.toMatch(/ofullständig/);

    // The card for new cases is the API's count for that whole month, with its period and unit.
    const opened = page.locator("main .card", { hasText: /^Nya ärenden/ });
    expect(await opened.locator(".card-period").textContent()).toBe(`under ${longMonth(complete)}`);
    const month = await trend(samsyn.url, token, `from=${complete}-01&to=${lastDayOf(complete)}`);
    const count = month.cells.find((c) => c.month === complete)?.count;
    expect(count, "the demo county has new cases in the last complete month").toBeGreaterThan(0);
    expect(await opened.locator(".card-value").textContent()).toBe(
      `${new Intl.NumberFormat("sv-SE").format(count ?? 0)} ärenden`,
    );
    const changes = await opened.locator(".card-change").allTextContents();
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatch(
      new RegExp(`^Mot ${longMonth(monthBefore(complete))}: [+−±][\\d\\s]+ ärenden?$`),
    );
    expect(changes[1]).toMatch(
      new RegExp(`^Mot ${longMonth(yearBefore(complete))}: [+−±][\\d\\s]+ ärenden?$`),
    );
    // Changes of perturbed counts are themselves uncertain: the page says so.
    await page.getByText(/små förändringar kan bero på skyddet/).waitFor();

    // Every figure says its unit; the table names the three months and each row its unit.
    const units = await page.locator("main .card-value").allTextContents();
    for (const u of units) expect(u).toMatch(/(ärenden|dagar|%)$|^\.\.$/);
    const headers = await page
      .getByRole("table", { name: /^Nyckeltal för/ })
      .locator("thead th")
      .allTextContents();
    expect(headers.map((h) => h.replace(/\s*[↑↓↕]\s*$/, "").trim())).toEqual(
      expect.arrayContaining([
        shortMonth(complete),
        shortMonth(monthBefore(complete)),
        shortMonth(yearBefore(complete)),
      ]),
    );
    const rows = await page
      .getByRole("table", { name: /^Nyckeltal för/ })
      .locator("tbody th")
      .allTextContents();
    expect(rows).toContain("Nya ärenden under månaden (antal)");
    for (const r of rows) expect(r).toMatch(/ \((antal|dagar|%)\)$/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("marks the current month on Översikt as partial and does not compare its new cases", async () => {
    await open(page, `${samsyn.url}/?to=${current}`);
    const statement = await page.locator("main .period-statement").textContent();
    expect(statement).toContain(
      `Visar ${partialLabel(current, today, "long")}, slutmånaden i filtret.`,
    );
    const opened = page.locator("main .card", { hasText: /^Nya ärenden/ });
    for (const change of await opened.locator(".card-change").allTextContents())
      expect(change).toMatch(/: jämförs inte, månaden är inte slut$/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("ends Trender with the last complete month by default and says the period", async () => {
    await open(page, `${samsyn.url}/trender`);
    const months = await page
      .getByRole("table", { name: /^Nya ärenden per månad/ })
      .locator("tbody th")
      .allTextContents();
    expect(months.at(-1)).toBe(shortMonth(complete));
    const statement = await page.locator("main .period-statement").textContent();
    expect(statement).toMatch(
      new RegExp(`^Period: ${months[0]}–${shortMonth(complete)}\\. Utan vald slutmånad`),
    );
    expect(await page.locator("main").textContent()).not.toMatch(/ofullständig/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("marks a month that has not ended on Trender, in the period, the table and by the chart", async () => {
    await open(page, `${samsyn.url}/trender?to=${current}`);
    const partial = partialLabel(current, today, "short");
    expect(await page.locator("main .period-statement").textContent()).toMatch(
      new RegExp(`–${escapeRegExp(partial)}\\.$`),
    );
    const months = await page
      .getByRole("table", { name: /^Nya ärenden per månad/ })
      .locator("tbody th")
      .allTextContents();
    // On a weekend 1st no case may have been opened yet this month: then no row, and no note.
    const soFar = await trend(samsyn.url, token, `from=${current}-01&to=${lastDayOf(current)}`);
    if (soFar.cells.some((c) => c.month === current)) {
      expect(months.at(-1)).toBe(partial);
      const note = page.locator("main .partial-month-note");
      expect(await note.textContent()).toMatch(
        new RegExp(`^Den sista månaden, ${shortMonth(current)}, är inte slut`),
      );
    } else {
      expect(months.at(-1)).toBe(shortMonth(complete));
    }
    expect(months.filter((m) => /ofullständig/.test(m))).toHaveLength(
      months.at(-1) === partial ? 1 : 0,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("clears a half-typed month with Rensa filter", async () => {
    await open(page, `${samsyn.url}/trender?from=2024-01`);
    const to = page.getByLabel("Till och med månad");
    await to.click();
    await page.keyboard.type("05");
    expect(await badInput(page, "to"), "a month without a year is half-typed").toBe(true);
    await page.getByRole("button", { name: "Rensa filter" }).click();
    await expect.poll(() => page.evaluate<string>("window.location.search")).toBe("");
    expect(await badInput(page, "to")).toBe(false);
    expect(await to.inputValue()).toBe("");
    expect(await page.getByLabel("Från månad").inputValue()).toBe("");
  });

  it("reads at a desk and on a phone: screenshots of Översikt and Trender", async () => {
    try {
      for (const size of sizes) {
        await page.setViewportSize(size);
        const name = `${size.width}x${size.height}`;
        for (const [path, file] of [
          ["/", "oversikt"],
          ["/trender", "trender"],
          [`/trender?to=${current}`, "trender-ofullstandig"],
        ] as const) {
          await open(page, `${samsyn.url}${path}`);
          const width = await page.evaluate<number>("document.documentElement.scrollWidth");
          expect(width, `${path} at ${name}`).toBeLessThanOrEqual(size.width);
          await page.screenshot({
            path: join(screenshots, `periods-${file}-${name}.png`),
            fullPage: true,
          });
        }
      }
    } finally {
      await page.setViewportSize(sizes[0]);
    }
  });
});

function monthBefore(month: string): string {
  return addMonths(month, -1);
}

function yearBefore(month: string): string {
  return addMonths(month, -12);
}

function addMonths(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

function lastDayOf(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).toISOString().slice(0, 10);
}

const svMonths = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];

/** "november 2026", written out here rather than taken from the dashboard's own formatter. */
function longMonth(month: string): string {
  return `${svMonths[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`;
}

/** "nov 2026" ("maj", "juni" and "juli" are not shortened in Swedish). */
function shortMonth(month: string): string {
  const name = svMonths[Number(month.slice(5)) - 1] ?? "";
  return `${name.length <= 4 ? name : name.slice(0, 3)} ${month.slice(0, 4)}`;
}

function partialLabel(month: string, asOf: string, style: "long" | "short"): string {
  const name = style === "long" ? longMonth(month) : shortMonth(month);
  const day = `${Number(asOf.slice(8))} ${shortMonth(month).split(" ")[0]}`;
  return `${name} (t.o.m. ${day}, ofullständig)`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function devToken(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/dev/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ role: "lan", orgs: [] }),
  });
  return ((await res.json()) as { token: string }).token;
}

interface TrendAnswer {
  asOf: string;
  cells: { month: string; count: number | null }[];
}

async function trend(url: string, token: string, query: string): Promise<TrendAnswer> {
  const res = await fetch(`${url}/api/v1/metrics/trend?measure=opened&${query}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as TrendAnswer;
}

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByRole("radio", { name: "Länsgrupp" }).check();
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.getByText(/Inloggad som dev-lan/).waitFor();
}

/** Whether a month input holds a half-typed entry (Chromium: badInput, while its value is ""). */
function badInput(page: Page, name: string): Promise<boolean> {
  // A string, since this package type-checks for Node (no DOM lib); it runs in the page.
  return page.evaluate<boolean>(
    `document.querySelector('input[name="${name}"]').validity.badInput`,
  );
}
