import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../support/browser";
import { downloaded, openPage as open, seriousViolations } from "../support/dashboard";
import { type RunningSamsyn, repoRoot, startSamsyn } from "../support/samsyn-process";

/**
 * The dashboard in a real browser against `samsyn start` with the demo county: every page with
 * real figures, filters in the URL, the back button, exports read back, keyboard only, axe.
 */
const pages = [
  { path: "/", name: "oversikt", heading: "Översikt" },
  { path: "/arenden", name: "arenden", heading: "Ärenden" },
  { path: "/ledtider", name: "ledtider", heading: "Ledtider" },
  { path: "/flode", name: "flode", heading: "Flöde" },
  { path: "/trender", name: "trender", heading: "Trender" },
  { path: "/sip", name: "sip", heading: "SIP och samtycke" },
  { path: "/natverk", name: "natverk", heading: "Samverkansnätverk" },
  { path: "/fastnade", name: "fastnade", heading: "Fastnade ärenden" },
] as const;
const screenshots = join(repoRoot, "artifacts", "screenshots");
/** The sentence for the cell-key method, the mode `samsyn start` publishes in by default. */
const cellKeyNote = /^För att skydda enskilda kan varje antal avvika med högst 2 från det verkliga/;

describe.skipIf(!browserAvailable)("the dashboard in a browser", () => {
  let dataDir: string;
  let samsyn: RunningSamsyn;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "samsyn-dashboard-"));
    await mkdir(screenshots, { recursive: true });
    samsyn = await startSamsyn("start", {
      DATABASE_URL: undefined,
      SAMSYN_DATA_DIR: dataDir,
      SAMSYN_DEMO_CASES: "2000",
      SAMSYN_SECRET: undefined,
    });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, samsyn.url);
  });

  afterAll(async () => {
    await browser?.close();
    await samsyn?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("opens every page with figures from the API, no serious axe findings, screenshots", async () => {
    for (const p of pages) {
      await open(page, `${samsyn.url}${p.path}`);
      await page.getByRole("heading", { level: 1, name: p.heading }).waitFor();
      const numbers = await page.locator("main tbody td.num").allTextContents();
      expect(
        numbers.some((n) => /^[1-9][\d\s]*/.test(n.trim())),
        `${p.path} shows figures`,
      ).toBe(true);
      // Once, in the reading order above the figures, from the answers' `disclosure`.
      const note = page.locator("main p", { hasText: cellKeyNote });
      expect(await note.count(), `${p.path} says how the counts were protected`).toBe(1);
      expect(await note.isVisible(), p.path).toBe(true);
      expect(await seriousViolations(page), p.path).toEqual([]);
      // One neutral mark for every withheld value: never "<5" (or "n<5"), which would claim
      // that a value hidden to protect another is small.
      expect(await page.locator("main").innerText(), p.path).not.toMatch(/<\s?\d/);
      // "Så räknas det": the page's definition, one click away beside its figures.
      const definition = page.locator("main details.definition");
      await definition.getByText("Så räknas det").click();
      expect(await definition.locator("p").first().innerText(), p.path).toMatch(/ärenden/);
      await page.screenshot({ path: join(screenshots, `${p.name}-1366x768.png`), fullPage: true });
    }
  });

  it("serves the build precompressed: assets brotli and cached for a year, the shell revalidated", async () => {
    const shell = await fetch(`${samsyn.url}/arenden`, { headers: { "Accept-Encoding": "br" } });
    expect(shell.headers.get("content-encoding")).toBe("br");
    expect(shell.headers.get("cache-control")).toBe("no-cache");
    const scripts = [...(await shell.text()).matchAll(/src="(\/assets\/[^"]+\.js)"/g)];
    const main = scripts[0]?.[1] ?? "";
    expect(main).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    for (const encoding of ["br", "gzip"]) {
      const res = await fetch(`${samsyn.url}${main}`, { headers: { "Accept-Encoding": encoding } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-encoding")).toBe(encoding);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }
  });

  it("works on a phone-sized screen without sideways scrolling of the page", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const p of pages) {
        await open(page, `${samsyn.url}${p.path}`);
        const width = await page.evaluate<number>("document.documentElement.scrollWidth");
        expect(width, p.path).toBeLessThanOrEqual(390);
        await page.screenshot({ path: join(screenshots, `${p.name}-390x844.png`), fullPage: true });
      }
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });

  it("shows withheld values as the neutral .. with an explanation, never blank", async () => {
    await open(page, `${samsyn.url}/arenden`);
    const byUnit = table(page, /Pågående ärenden per huvudansvarig enhet/);
    const suppressed = byUnit.locator("abbr", { hasText: /^\.\.$/ }).first();
    expect(await suppressed.getAttribute("title")).toBe(
      "Redovisas inte: färre än 5 ärenden, eller dolt för att ingen enskild ska kunna räknas fram",
    );
    expect(await byUnit.locator("caption").textContent()).toMatch(
      /”\.\.” betyder färre än 5 ärenden, eller dolt för att ingen enskild ska kunna räknas fram/,
    );
    const cells = await page.locator("main td").allTextContents();
    expect(cells.filter((c) => c.trim() === "")).toEqual([]);
  });

  it("explains the mode the API answered with, not one the dashboard assumes", async () => {
    // The server publishes with the cell key; an answer that says suppression gets its sentence.
    const flow = "**/api/v1/metrics/flow**";
    await page.route(flow, async (route) => {
      const response = await route.fetch();
      const json = { ...(await response.json()), disclosure: "suppression" };
      await route.fulfill({ response, json });
    });
    try {
      await open(page, `${samsyn.url}/flode`);
      const exact = page.locator("main p", { hasText: /^Antalen är exakta\./ });
      expect(await exact.textContent()).toMatch(/visas inte antal från 1 till 4,/);
      expect(await page.locator("main p", { hasText: cellKeyNote }).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await page.unroute(flow);
    }
  });

  it("keeps a filter in the URL, changes the figures, and the back button undoes it", async () => {
    await open(page, `${samsyn.url}/arenden`);
    const byMunicipality = table(page, /Pågående ärenden per kommun/).locator("tbody");
    const before = await byMunicipality.textContent();
    const group = (await catalogues(samsyn.url)).targetGroups.at(-1);
    await page.getByLabel("Målgrupp", { exact: true }).selectOption({ label: group?.name ?? "" });
    await expect.poll(() => new URL(page.url()).searchParams.get("targetGroup")).toBe(group?.code);
    await expect.poll(() => byMunicipality.textContent()).not.toBe(before);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get("targetGroup")).toBeNull();
    await expect.poll(() => byMunicipality.textContent()).toBe(before);
    expect(await page.getByLabel("Målgrupp", { exact: true }).inputValue()).toBe("");
  });

  it("shows several codes from a bookmarked URL as several, and filters by all of them", async () => {
    const [a, b] = (await catalogues(samsyn.url)).municipalities;
    await open(page, `${samsyn.url}/arenden?municipality=${a?.code}&municipality=${b?.code}`);
    const select = page.getByLabel("Kommun", { exact: true });
    expect(await select.locator("option:checked").textContent()).toBe("2 valda");
    const names = await table(page, /Pågående ärenden per kommun/)
      .locator("tbody th")
      .allTextContents();
    expect(names.sort()).toEqual([a?.name, b?.name].sort());
  });

  it("says so when no case matches the filter", async () => {
    await open(page, `${samsyn.url}/arenden?from=2099-01&to=2099-12`, false);
    await page.getByText("Inga ärenden matchar filtret.").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("says in Swedish that it is fetching while the figures are on their way", async () => {
    const held = "**/api/v1/metrics/flow**";
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(held, async (route) => {
      await released;
      await route.continue();
    });
    try {
      await page.goto(`${samsyn.url}/flode`);
      const loading = page.getByRole("status").filter({ hasText: "Hämtar uppgifter…" });
      await loading.first().waitFor({ timeout: 30_000 });
      expect(await seriousViolations(page)).toEqual([]);
      release();
      await expect.poll(() => loading.count()).toBe(0);
      await page.locator("main tbody tr").first().waitFor();
    } finally {
      release();
      await page.unroute(held);
    }
  });

  it("says so in Swedish when the figures cannot be fetched, and can try again", async () => {
    const failing = "**/api/v1/metrics/network**";
    await page.route(failing, (route) =>
      route.fulfill({
        status: 503,
        contentType: "application/json",
        body: '{"error":{"code":"unavailable","message":"x"}}',
      }),
    );
    try {
      await page.goto(`${samsyn.url}/natverk`);
      await page
        .getByRole("alert")
        .filter({ hasText: "Uppgifterna kunde inte hämtas" })
        .waitFor({ timeout: 30_000 });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await page.unroute(failing);
    }
    await page.getByRole("button", { name: "Försök igen" }).click();
    await page.locator("main tbody tr").first().waitFor();
  });

  it("exports a table to CSV and XLSX with the filters and the date", async () => {
    const group = (await catalogues(samsyn.url)).targetGroups[0];
    await open(page, `${samsyn.url}/arenden?targetGroup=${group?.code}`);
    const caption = /Pågående ärenden per kommun/;
    const rows = await table(page, caption).locator("tbody tr").count();
    const exports = page.getByRole("group", { name: caption });

    const csv = await downloaded(page, exports.getByRole("button", { name: "Exportera CSV" }));
    expect(csv.name).toMatch(
      /^samsyn-pagaende-arenden-per-kommun-hogst-andel-fastnade-forst-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const lines = (await readFile(csv.path, "utf8")).replace(/^\uFEFF/, "").split("\r\n");
    // The title has a comma, so RFC 4180 quotes it.
    expect(lines[0]).toBe('"Pågående ärenden per kommun, högst andel fastnade först"');
    expect(lines[1]).toBe("Omfattning: Hela länet");
    expect(lines[2]).toBe(`Filter: Målgrupp: ${group?.name}`);
    expect(lines[3]).toMatch(/^Skapad \d{4}-\d{2}-\d{2}$/);
    // The file says what the rate is, as the caption does.
    expect(lines[4]).toMatch(/^"?Andel fastnade = fastnade ärenden/);
    expect(lines[5]).toMatch(/^"?”\.\.” betyder färre än 5 ärenden/);
    // …and how the counts were protected, as the page says above its figures.
    expect(lines[6]).toMatch(/^"?För att skydda enskilda kan varje antal avvika med högst 2/);
    expect(lines[8]).toBe("Kommun,Pågående ärenden,Fastnade ärenden,Andel fastnade (%)");
    expect(lines.slice(9).filter((l) => l !== "")).toHaveLength(rows);

    const xlsx = await downloaded(page, exports.getByRole("button", { name: "Exportera Excel" }));
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(xlsx.path);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell("A1").value).toBe(
      "Pågående ärenden per kommun, högst andel fastnade först",
    );
    expect(sheet?.getCell("A2").value).toBe("Omfattning: Hela länet");
    expect(sheet?.getCell("A3").value).toBe(`Filter: Målgrupp: ${group?.name}`);
    expect(sheet?.getCell("A7").value).toMatch(/^För att skydda enskilda/);
    expect(sheet?.getCell("A9").value).toBe("Kommun");
    expect(sheet?.getCell("B9").value).toBe("Pågående ärenden");
    expect(sheet?.getCell("D9").value).toBe("Andel fastnade (%)");
    expect(sheet?.rowCount).toBe(9 + rows);
    const firstCount = sheet?.getCell("B10").value;
    expect(typeof firstCount === "number" || firstCount === "..").toBe(true);
    const firstRate = sheet?.getCell("D10").value;
    expect(typeof firstRate === "number" || firstRate === "–").toBe(true);
  });

  it("prints to A4 without menu or buttons, tables whole", async () => {
    await open(page, `${samsyn.url}/arenden`);
    await page.emulateMedia({ media: "print" });
    try {
      expect(await page.getByRole("navigation").isVisible()).toBe(false);
      expect(await page.getByRole("button", { name: "Exportera CSV" }).first().isVisible()).toBe(
        false,
      );
      expect(await table(page, /Pågående ärenden per kommun/).isVisible()).toBe(true);
      expect(await page.locator("main p", { hasText: cellKeyNote }).isVisible()).toBe(true);
      const pdf = await page.pdf({ format: "A4", path: join(screenshots, "arenden-a4.pdf") });
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  it("lets ledning compare their own organisations with the county", async () => {
    const own = await browser.context.newPage();
    try {
      await own.goto(`${samsyn.url}/`);
      await own.getByRole("radio", { name: "Ledning" }).check();
      await own.getByRole("checkbox", { name: "Nacka kommun" }).check();
      await own.getByRole("button", { name: "Logga in" }).click();
      await own.getByText(/Inloggad som dev-ledning/).waitFor();
      await open(own, `${samsyn.url}/arenden`);
      const byMunicipality = table(own, /Pågående ärenden per kommun/).locator("tbody");
      const ownFigures = await byMunicipality.textContent();
      await own.getByLabel("Visa", { exact: true }).selectOption({ label: "Hela länet" });
      await expect.poll(() => new URL(own.url()).searchParams.get("view")).toBe("county");
      await expect.poll(() => byMunicipality.textContent()).not.toBe(ownFigures);
      expect(await seriousViolations(own)).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it("speaks English as its second language, and back", async () => {
    await open(page, `${samsyn.url}/ledtider`);
    await page.getByRole("button", { name: "In English" }).click();
    try {
      await page.getByRole("heading", { level: 1, name: "Lead times" }).waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      await page.getByRole("link", { name: "Cases", exact: true }).waitFor();
      await page.getByText("Loading…").waitFor({ state: "detached" });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await page.getByRole("button", { name: "På svenska" }).click();
    }
    await page.getByRole("heading", { level: 1, name: "Ledtider" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("sv");
  });

  it("lists kommuner by the share of open cases that are stuck, highest first", async () => {
    await open(page, `${samsyn.url}/arenden`);
    const rates = table(page, /Pågående ärenden per kommun, högst andel fastnade först/);
    expect(await rates.getByRole("columnheader").allTextContents()).toEqual([
      expect.stringMatching(/^Kommun/),
      expect.stringMatching(/^Pågående ärenden/),
      expect.stringMatching(/^Fastnade ärenden/),
      expect.stringMatching(/^Andel fastnade \(%\)/),
    ]);
    const rateHeader = rates.getByRole("columnheader", { name: /Andel fastnade/ });
    expect(await rateHeader.getAttribute("aria-sort")).toBe("descending");
    expect(await rates.locator("caption").textContent()).toMatch(
      /Andel fastnade = fastnade ärenden .* delat med kommunens pågående ärenden/,
    );
    // Published shares descend; a withheld one ("–") only after them.
    const shares = (await rates.locator("tbody tr td:nth-child(4)").allTextContents()).map((x) =>
      x.trim(),
    );
    const published = shares.filter((x) => x !== "–").map((x) => Number(x.replace(",", ".")));
    expect(published.length).toBeGreaterThan(0);
    expect(published).toEqual([...published].sort((a, b) => b - a));
    expect(shares.slice(0, published.length).every((x) => x !== "–")).toBe(true);
  });

  it("sorts a table by keyboard, with aria-sort following", async () => {
    await open(page, `${samsyn.url}/arenden`);
    const rates = table(page, /Pågående ärenden per kommun, högst andel fastnade först/);
    const header = rates.getByRole("columnheader", { name: /^Kommun/ });
    expect(await header.getAttribute("aria-sort")).toBe("none");
    await header.getByRole("button").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("ascending");
    const names = await rates.locator("tbody th").allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "sv")));
    expect(
      await rates.getByRole("columnheader", { name: /Andel fastnade/ }).getAttribute("aria-sort"),
    ).toBe("none");
    await page.keyboard.press("Space");
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("descending");
    expect(await rates.locator("tbody th").allTextContents()).toEqual([...names].reverse());
  });

  it("shows a samordnare their own stuck cases as a list, and leaders none", async () => {
    await open(page, `${samsyn.url}/fastnade`);
    expect(await table(page, /Dina fastnade ärenden/).count()).toBe(0);

    const own = await browser.context.newPage();
    try {
      await own.goto(`${samsyn.url}/`);
      await own.getByRole("radio", { name: "Samordnare" }).check();
      await own.getByRole("checkbox", { name: "Region Stockholm" }).check();
      await own.getByRole("button", { name: "Logga in" }).click();
      await own.getByText(/Inloggad som dev-samordnare/).waitFor();
      await open(own, `${samsyn.url}/fastnade`);
      const list = table(own, /Dina fastnade ärenden, flest dagar över måltid först/);
      expect(await list.getByRole("columnheader").allTextContents()).toEqual([
        expect.stringMatching(/^Ärende-id/),
        expect.stringMatching(/^Processkarta/),
        expect.stringMatching(/^Processteg/),
        expect.stringMatching(/^Dagar i steget/),
        expect.stringMatching(/^Måltid, dagar/),
        expect.stringMatching(/^Dagar över måltid/),
        expect.stringMatching(/^Huvudansvarig enhet/),
      ]);
      const rows = list.locator("tbody tr");
      expect(await rows.count()).toBeGreaterThan(0);
      const first = (await rows.first().locator("td").allTextContents()).map((x) =>
        Number(x.replace(/\s/g, "")),
      );
      // Days in step = target + days over, and a stuck case is over its target.
      const [inStep, target, over] = [first[2], first[3], first[4]];
      expect(over).toBeGreaterThan(0);
      expect(inStep).toBe((target ?? 0) + (over ?? 0));
      expect(
        await list.getByRole("columnheader", { name: /Dagar över/ }).getAttribute("aria-sort"),
      ).toBe("descending");
      expect(await seriousViolations(own)).toEqual([]);
      await own.screenshot({
        path: join(screenshots, "fastnade-samordnare-1366x768.png"),
        fullPage: true,
      });
    } finally {
      await own.close();
    }
  });

  it("can be used by keyboard alone: skip link, filter bar, a chart's table", async () => {
    await open(page, `${samsyn.url}/sip`);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("a:Hoppa till innehållet");
    await page.keyboard.press("Enter");
    const order = await tabUntil(page, (f) => f === "select:targetGroup");
    // The filter bar comes first in the page, in reading order.
    expect(order.filter((f) => f.startsWith("select:"))).toEqual([
      "select:municipality",
      "select:targetGroup",
    ]);
    expect(order.some((f) => f.startsWith("input:from"))).toBe(true);
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => new URL(page.url()).searchParams.get("targetGroup")).not.toBeNull();
    await tabUntil(page, (f) => f.startsWith("button:Samtycke givet"));
    await page.keyboard.press("Enter");
    const header = table(page, /Samtycke och SIP/).getByRole("columnheader", {
      name: /Samtycke givet/,
    });
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("descending");
    await tabUntil(page, (f) => f === "button:Exportera CSV");
    const download = page.waitForEvent("download");
    await page.keyboard.press("Enter");
    expect((await download).suggestedFilename()).toMatch(/^samsyn-samtycke-och-sip-.*\.csv$/);
  });
});

interface Named {
  code: string;
  name: string;
}

/** Codes and names as the API serves them: the tests, like the dashboard, never hard-code them. */
async function catalogues(
  url: string,
): Promise<{ targetGroups: Named[]; municipalities: Named[] }> {
  const signIn = await fetch(`${url}/api/v1/dev/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ role: "lan", orgs: [] }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const res = await fetch(`${url}/api/v1/catalogues`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return (await res.json()) as { targetGroups: Named[]; municipalities: Named[] };
}

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByRole("radio", { name: "Länsgrupp" }).check();
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.getByText(/Inloggad som dev-lan/).waitFor();
}

function table(page: Page, caption: RegExp): Locator {
  return page.getByRole("table", { name: caption });
}

/** The focused element as "tag:name-or-text", to follow the tab order. */
function focused(page: Page): Promise<string> {
  // A string, since this package type-checks for Node (no DOM lib); it runs in the page.
  return page.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (el === null) return "none";
    const name = el.getAttribute("name") ?? el.textContent?.trim() ?? "";
    return el.tagName.toLowerCase() + ":" + name;
  })()`);
}

async function tabUntil(page: Page, done: (focus: string) => boolean, max = 60): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    seen.push(f);
    if (done(f)) return seen;
  }
  throw new Error(`focus never reached the target; saw ${seen.join(" → ")}`);
}
