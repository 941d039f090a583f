import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../support/browser";
import { seriousViolations } from "../support/dashboard";
import { type RunningSamsyn, repoRoot, startSamsyn } from "../support/samsyn-process";

/**
 * Charts a leader reads right: labels that tell groups apart, a target that does not lie over
 * the bars, the groups a chart leaves out said, a sentence and the coarser figure where a
 * breakdown is mostly withheld, and one click from a group to the related page filtered to it.
 */
const screenshots = join(repoRoot, "artifacts", "screenshots");
const sizes = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;
const mostlyWithheld = /De flesta uppgifterna i den här uppdelningen redovisas inte/;

describe.skipIf(!browserAvailable)("charts and drill-down in a browser", () => {
  let dataDir: string;
  let samsyn: RunningSamsyn;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  /** A wide, whole-month period, so that the figures do not depend on the default period. */
  let period: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "samsyn-charts-"));
    await mkdir(screenshots, { recursive: true });
    samsyn = await startSamsyn("start", {
      DATABASE_URL: undefined,
      SAMSYN_DATA_DIR: dataDir,
      SAMSYN_DEMO_CASES: "2000",
      SAMSYN_SECRET: undefined,
    });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize(sizes[0]);
    await signInAs(page, samsyn.url, "lan", []);
    const today = new Date();
    const lastMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
    period = `from=${today.getUTCFullYear() - 6}-01&to=${lastMonth.toISOString().slice(0, 7)}`;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await samsyn?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("says so and shows the coarser figure where a ledning user's breakdown is mostly withheld", async () => {
    const organisations = await api<{ items: Organisation[] }>(samsyn.url, "/organisations");
    const sodertalje = organisations.items.find(
      (o) => o.municipality === "0181" && o.principalType === "kommun",
    );
    expect(sodertalje, "the demo county has Södertälje kommun").toBeDefined();
    const own = await browser.context.newPage();
    try {
      await signInAs(own, samsyn.url, "ledning", [sodertalje?.code ?? ""]);
      for (const size of sizes) {
        await own.setViewportSize(size);
        await open(own, `${samsyn.url}/fastnade?${period}`);
        const byStep = figure(own, "Fastnade ärenden per processteg");
        const marks = await table(byStep, /^Fastnade ärenden per processteg/)
          .locator("tbody td:nth-child(3)")
          .allTextContents();
        // The scenario: Södertälje's own stuck cases are too few to publish per step.
        expect(marks.length).toBeGreaterThan(0);
        const withheld = marks.filter((m) => m.trim() === "..").length;
        expect(withheld * 2).toBeGreaterThan(marks.length);
        // …so no empty axes: a sentence, and the coarser figure that can be published.
        expect(await byStep.locator(".chart").count()).toBe(0);
        expect(await byStep.getByText(mostlyWithheld).isVisible()).toBe(true);
        const coarser = byStep.getByRole("table", {
          name: /^Fastnade ärenden (per processkarta|totalt)/,
        });
        expect(await coarser.count()).toBeGreaterThan(0);
        const coarserCounts = await coarser.locator("tbody td.num").allTextContents();
        expect(coarserCounts.some((c) => /^\d[\d\s]*$/.test(c.trim()))).toBe(true);
        // Every figure on the page either is a chart with something drawn, or says why not.
        for (const chart of await own.locator("main .chart").all()) {
          expect(await chart.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0);
        }
        expect(await seriousViolations(own)).toEqual([]);
        await own.screenshot({
          path: join(screenshots, `fastnade-ledning-0181-${size.width}x${size.height}.png`),
          fullPage: true,
        });
      }
    } finally {
      await own.close();
    }
  });

  it("opens a målgrupp's lead times from a row on Ärenden, filtered in the URL and the figures", async () => {
    await page.setViewportSize(sizes[0]);
    await open(page, `${samsyn.url}/arenden?${period}`);
    const heatmap = page.getByRole("table", {
      name: /^Pågående ärenden per målgrupp och processteg/,
    });
    // The målgrupp with the most open cases, so that its lead times have figures to show.
    const rows = await heatmap.locator("tbody tr").all();
    const totals = await Promise.all(
      rows.map(async (row) =>
        (await row.locator("td").allTextContents())
          .map((c) => Number(c.replace(/\s/g, "")))
          .filter((n) => Number.isFinite(n))
          .reduce((a, b) => a + b, 0),
      ),
    );
    const busiest =
      rows[totals.indexOf(Math.max(...totals))] ?? heatmap.locator("tbody tr").first();
    const link = busiest.locator("th a");
    const name = (await link.textContent()) ?? "";
    const href = (await link.getAttribute("href")) ?? "";
    const code = new URL(href, samsyn.url).searchParams.get("targetGroup");
    expect(code).not.toBeNull();
    await link.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/ledtider");
    const url = new URL(page.url());
    expect(url.searchParams.get("targetGroup")).toBe(code);
    // The period the user chose comes along.
    expect(url.searchParams.get("from")).toBe(new URLSearchParams(period).get("from"));
    await page.getByRole("heading", { level: 1, name: "Ledtider" }).waitFor();
    await settle(page);
    // The filter bar shows it, and the figures are that målgrupp's alone.
    expect(await page.getByLabel("Målgrupp", { exact: true }).inputValue()).toBe(code);
    // Polled: the old rows stay on screen for a moment after the URL changes.
    const groups = page.getByRole("table", { name: /^Dagar från steg/ }).locator("tbody th");
    await expect
      .poll(async () => (await groups.allTextContents()).map((g) => g.trim()), { timeout: 30_000 })
      .toEqual([name.trim()]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("opens Ärenden for one kommun from its row, by keyboard", async () => {
    await open(page, `${samsyn.url}/arenden?${period}`);
    const rates = page.getByRole("table", { name: /^Pågående ärenden per kommun/ });
    const link = rates.locator("tbody th a").first();
    const name = ((await link.textContent()) ?? "").trim();
    await link.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.getAll("municipality").length).toBe(1);
    // Polled: the old rows stay on screen for a moment after the URL changes.
    const names = page
      .getByRole("table", { name: /^Pågående ärenden per kommun/ })
      .locator("tbody th");
    await expect
      .poll(async () => (await names.allTextContents()).map((n) => n.trim()), { timeout: 30_000 })
      .toEqual([name]);
  });

  it("opens a step's lead times from a bar on Fastnade", async () => {
    await open(page, `${samsyn.url}/fastnade?${period}`);
    const bar = figure(page, "Fastnade ärenden per processteg")
      .locator(".recharts-bar-rectangle path")
      .first();
    await bar.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/ledtider");
    const url = new URL(page.url());
    expect(url.searchParams.get("process")).not.toBeNull();
    await settle(page);
    expect(await page.getByRole("alert").count()).toBe(0);
  });

  it("labels Fastnade's steps so that each can be told apart, inside the chart, at both sizes", async () => {
    for (const size of sizes) {
      await page.setViewportSize(size);
      await open(page, `${samsyn.url}/fastnade?${period}`);
      const charts = figure(page, "Fastnade ärenden per processteg").locator(".chart-group");
      expect(await charts.count()).toBeGreaterThan(0);
      for (const chart of await charts.all()) {
        const ticks = await tickLabels(chart);
        expect(ticks.length).toBeGreaterThan(1);
        // Each label starts with its step, and no two read the same.
        for (const tick of ticks) expect(tick.shown).toMatch(/^Steg \d+:/);
        expect(new Set(ticks.map((t) => t.shown)).size).toBe(ticks.length);
        for (const tick of ticks) {
          expect(tick.full.startsWith(tick.shown.replace(/…$/, ""))).toBe(true);
          expect(tick.left, `${tick.full} inside the chart`).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it("keeps Ledtider's target label above the bars", async () => {
    for (const size of sizes) {
      await page.setViewportSize(size);
      await open(page, `${samsyn.url}/ledtider?${period}`);
      const chart = page.locator("main .chart").first();
      await chart.locator(".recharts-bar-rectangle").first().waitFor();
      const target = chart.locator("svg text", { hasText: /^Måltid \d+ dagar$/ });
      expect(await target.count()).toBe(1);
      const label = await target.boundingBox();
      const bars = await chart.locator(".recharts-bar-rectangle path").evaluateAll(boxes);
      const svg = await chart.locator(".recharts-wrapper > svg").boundingBox();
      const top = Math.min(...bars.map((b) => b.y));
      expect((label?.y ?? 0) + (label?.height ?? 0)).toBeLessThanOrEqual(top);
      expect(label?.x ?? -1).toBeGreaterThanOrEqual(svg?.x ?? 0);
      expect((label?.x ?? 0) + (label?.width ?? 0)).toBeLessThanOrEqual(
        (svg?.x ?? 0) + (svg?.width ?? 0),
      );
    }
  });

  it("says how many kommuner Trender leaves out of its chart", async () => {
    await page.setViewportSize(sizes[0]);
    await open(page, `${samsyn.url}/trender?${period}&groupBy=municipality`);
    const headers = await page
      .getByRole("table", { name: /per månad/ })
      .getByRole("columnheader")
      .count();
    const kommuner = headers - 1;
    const chart = page.locator("main .chart").first();
    const lines = await chart.locator(".recharts-legend-item").count();
    expect(lines).toBeLessThan(kommuner);
    expect(await chart.locator(".chart-note").textContent()).toContain(
      `Diagrammet visar de ${lines} kommuner med flest ärenden under perioden; övriga ${kommuner - lines} finns i tabellen.`,
    );
  });

  it("keeps SIP's axis labels and table caption within the screen", async () => {
    for (const size of sizes) {
      await page.setViewportSize(size);
      await open(page, `${samsyn.url}/sip?${period}`);
      const ticks = await tickLabels(page.locator("main .chart").first());
      expect(ticks.length).toBeGreaterThan(1);
      for (const tick of ticks) expect(tick.left).toBeGreaterThanOrEqual(0);
      const note = page.locator("main .table-scroll caption .caption-note").first();
      const box = await note.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(size.width);
    }
  });

  it("has no serious axe findings, and screenshots of the charted pages at both sizes", async () => {
    const charted = [
      { path: `/fastnade?${period}`, name: "fastnade" },
      { path: `/ledtider?${period}`, name: "ledtider" },
      { path: `/sip?${period}`, name: "sip" },
      { path: `/trender?${period}&groupBy=municipality`, name: "trender-kommun" },
    ];
    for (const size of sizes) {
      await page.setViewportSize(size);
      for (const p of charted) {
        await open(page, `${samsyn.url}${p.path}`);
        await page.locator("main .recharts-surface").first().waitFor();
        expect(await seriousViolations(page), p.path).toEqual([]);
        const width = await page.evaluate<number>("document.documentElement.scrollWidth");
        expect(width, p.path).toBeLessThanOrEqual(size.width);
        await page.screenshot({
          path: join(screenshots, `charts-${p.name}-${size.width}x${size.height}.png`),
          fullPage: true,
        });
      }
    }
    await page.setViewportSize(sizes[0]);
  });
});

interface Organisation {
  code: string;
  municipality: string | null;
  principalType: string;
}

async function devToken(url: string, role: string, orgs: readonly string[]): Promise<string> {
  const res = await fetch(`${url}/api/v1/dev/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ role, orgs }),
  });
  return ((await res.json()) as { token: string }).token;
}

async function api<T>(url: string, path: string): Promise<T> {
  const token = await devToken(url, "lan", []);
  const res = await fetch(`${url}/api/v1${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return (await res.json()) as T;
}

/**
 * Signs in as the dashboard keeps a session: the dev sign-in's token in sessionStorage under
 * "samsyn.token" (session.ts). Independent of how the sign-in form picks organisations.
 */
async function signInAs(page: Page, url: string, role: string, orgs: readonly string[]) {
  const token = await devToken(url, role, orgs);
  await page.addInitScript(`sessionStorage.setItem("samsyn.token", ${JSON.stringify(token)})`);
  await page.goto(`${url}/`);
  await page.getByText(`Inloggad som dev-${role}`).waitFor();
}

/** Opens a page and waits until every figure has loaded (no "Hämtar uppgifter…" left). */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole("heading", { level: 1 }).waitFor();
  await settle(page);
}

async function settle(page: Page): Promise<void> {
  await expect.poll(() => page.getByText("Hämtar uppgifter…").count(), { timeout: 30_000 }).toBe(0);
  await page.locator("main tbody tr").first().waitFor();
}

function figure(page: Page, heading: string): Locator {
  return page.locator("main section.figure", {
    has: page.getByRole("heading", { level: 2, name: heading, exact: true }),
  });
}

function table(scope: Locator, caption: RegExp): Locator {
  return scope.getByRole("table", { name: caption });
}

/** A chart's category labels: the lines shown, the full name (its title) and its left edge in the chart. */
async function tickLabels(
  chart: Locator,
): Promise<{ shown: string; full: string; left: number }[]> {
  await chart.locator(".recharts-yAxis-tick-labels title").first().waitFor({ state: "attached" });
  return chart.evaluate((root: unknown) => {
    const el = root as Node;
    const svg = el.querySelector(".recharts-wrapper > svg");
    const origin = svg?.getBoundingClientRect().left ?? 0;
    return Array.from(
      el.querySelectorAll(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-label"),
    )
      .filter((g) => g.querySelector("title") !== null)
      .map((g) => {
        const text = g.querySelector("text");
        return {
          shown: Array.from(text?.querySelectorAll("tspan") ?? [])
            .map((span) => span.textContent ?? "")
            .join(" "),
          full: g.querySelector("title")?.textContent ?? "",
          left: (text?.getBoundingClientRect().left ?? -1) - origin,
        };
      });
  });
}

/** The little of the DOM the label check reads (this package type-checks without the DOM lib). */
interface Node {
  querySelector(selector: string): Node | null;
  querySelectorAll(selector: string): ArrayLike<Node>;
  getBoundingClientRect(): { left: number };
  readonly textContent: string | null;
}

function boxes(elements: unknown[]): { y: number }[] {
  return elements.map((e) => ({
    y: (e as { getBoundingClientRect(): { y: number } }).getBoundingClientRect().y,
  }));
}
