import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook, type Worksheet } from "exceljs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../support/browser";
import { downloaded } from "../support/dashboard";
import { type RunningSamsyn, repoRoot, startSamsyn } from "../support/samsyn-process";

/**
 * Whose figures an export and a printout show, as a ledning user for one kommun reads them:
 * the scope named on the page, in every file and on paper; shares as percent in Excel; the CSV
 * that Swedish Excel opens by double-click; print without controls, wide matrices on landscape A4.
 */
const screenshots = join(repoRoot, "artifacts", "screenshots");
const kommun = "Södertälje kommun";
const ratesCaption = /Pågående ärenden per kommun, högst andel fastnade först/;
const ratesHeader = ["Kommun", "Pågående ärenden", "Fastnade ärenden", "Andel fastnade (%)"];

describe.skipIf(!browserAvailable)("exports and print for a ledning user", () => {
  let dataDir: string;
  let samsyn: RunningSamsyn;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "samsyn-exports-"));
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
    await signInAs(page, samsyn.url, "ledning", [await organisationCode(samsyn.url, kommun)]);
  });

  afterAll(async () => {
    await browser?.close();
    await samsyn?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("names the kommun, not the county, above the figures and with the county view", async () => {
    await open(page, `${samsyn.url}/arenden`);
    const scope = page.locator("main .scope-line");
    expect(await scope.textContent()).toBe(`Omfattning: ${kommun}`);
    await page.getByLabel("Visa", { exact: true }).selectOption({ label: "Hela länet" });
    await expect
      .poll(() => scope.textContent())
      .toBe(`Omfattning: Hela länet, för jämförelse med egna organisationer (${kommun})`);
  });

  it("exports CSV with the scope and shares as percent, not as long fractions", async () => {
    await open(page, `${samsyn.url}/arenden`);
    const csv = await downloaded(page, exportButton(page, "Exportera CSV"));
    const lines = (await readFile(csv.path, "utf8")).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[1]).toBe(`Omfattning: ${kommun}`);
    expect(lines[2]).toBe("Filter: Inga filter");
    const header = lines.indexOf(ratesHeader.join(","));
    expect(header).toBeGreaterThan(0);
    const shares = rowsAfter(lines, header).map((line) => line.split(",").at(-1));
    expect(shares.length).toBeGreaterThan(0);
    for (const share of shares) expect(share).toMatch(/^(\d{1,3}\.\d%|–)$/);
  });

  it("exports a CSV that Swedish Excel opens: semicolons, decimal comma, BOM, CRLF", async () => {
    await open(page, `${samsyn.url}/arenden`);
    const file = await downloaded(page, exportButton(page, "CSV för Excel (semikolon)"));
    expect(file.name).toMatch(
      /^samsyn-pagaende-arenden-per-kommun-.*-\d{4}-\d{2}-\d{2}-excel\.csv$/,
    );
    const bytes = await readFile(file.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const records = parseCsv(text, ";");
    // The title holds a comma: with ';' as separator it needs no quotes and stays one field.
    expect(records[0]).toEqual(["Pågående ärenden per kommun, högst andel fastnade först"]);
    expect(records[1]).toEqual([`Omfattning: ${kommun}`]);
    const header = records.findIndex((r) => r.join("|") === ratesHeader.join("|"));
    expect(header).toBeGreaterThan(0);
    const rows = records.slice(header + 1).filter((r) => r.length > 1);
    expect(rows.length).toBe(await table(page, ratesCaption).locator("tbody tr").count());
    expect(rows.map((r) => r[0])).toContain("Södertälje");
    for (const [, open, stuck, share] of rows) {
      expect(open).toMatch(/^(\d+|\.\.)$/);
      expect(stuck).toMatch(/^(\d+|\.\.)$/);
      expect(share).toMatch(/^(\d{1,3},\d%|–)$/);
    }
    const published = rows.map((r) => r[3] ?? "").filter((s) => s !== "–");
    expect(published.length).toBeGreaterThan(0);
    // The share read back as Swedish Excel reads it equals stuck / open of the same row.
    const row = rows.find(
      (r) => r[3] !== "–" && /^\d+$/.test(r[1] ?? "") && /^\d+$/.test(r[2] ?? ""),
    );
    if (row !== undefined) {
      const share = Number((row[3] ?? "").replace(",", ".").replace("%", "")) / 100;
      // One decimal of a percent: at most half a unit of 0.001 away (31,3 % for 5/16 = 0,3125).
      expect(Math.abs(share - Number(row[2]) / Number(row[1]))).toBeLessThanOrEqual(0.0005 + 1e-9);
    }
  });

  it("exports XLSX with the scope, counts as whole numbers and shares in percent format", async () => {
    await open(page, `${samsyn.url}/arenden`);
    const file = await downloaded(page, exportButton(page, "Exportera Excel"));
    const workbook = new Workbook();
    await workbook.xlsx.readFile(file.path);
    const sheet = workbook.worksheets[0] as Worksheet;
    expect(sheet.getCell("A1").value).toBe(
      "Pågående ärenden per kommun, högst andel fastnade först",
    );
    expect(sheet.getCell("A2").value).toBe(`Omfattning: ${kommun}`);
    expect(sheet.getCell("A3").value).toBe("Filter: Inga filter");
    const header = headerRow(sheet, "Kommun");
    expect(sheet.getRow(header).values).toEqual([undefined, ...ratesHeader]);
    let shares = 0;
    for (let r = header + 1; r <= sheet.rowCount; r++) {
      const open = sheet.getRow(r).getCell(2);
      if (typeof open.value === "number") {
        expect(Number.isInteger(open.value)).toBe(true);
        expect(open.numFmt).toBe("#,##0");
      } else expect(open.value).toBe("..");
      const share = sheet.getRow(r).getCell(4);
      if (share.value === "–") continue;
      shares += 1;
      expect(typeof share.value).toBe("number");
      expect(share.value).toBeGreaterThanOrEqual(0);
      expect(share.value).toBeLessThanOrEqual(1);
      expect(share.numFmt).toBe("0.0%");
    }
    expect(shares).toBeGreaterThan(0);
  });

  it("exports Översikt's shares in percent format beside its counts", async () => {
    await open(page, `${samsyn.url}/`);
    const file = await downloaded(
      page,
      page
        .getByRole("group", { name: /Exportera Nyckeltal/ })
        .getByRole("button", { name: "Exportera Excel" }),
    );
    const workbook = new Workbook();
    await workbook.xlsx.readFile(file.path);
    const sheet = workbook.worksheets[0] as Worksheet;
    expect(sheet.getCell("A2").value).toBe(`Omfattning: ${kommun}`);
    const formats = new Set<string>();
    for (let r = headerRow(sheet, "Nyckeltal") + 1; r <= sheet.rowCount; r++) {
      const now = sheet.getRow(r).getCell(2);
      if (typeof now.value === "number") formats.add(now.numFmt);
    }
    expect(formats).toContain("0%");
    expect(formats).toContain("#,##0");
  });

  it("prints Översikt on portrait A4 with scope, filters and date, without any control", async () => {
    await open(page, `${samsyn.url}/?process=${await firstProcess(samsyn.url)}`);
    await page.emulateMedia({ media: "print" });
    try {
      await expectPrintWithoutControls(page);
      const top = page.locator("main .print-only");
      expect(await top.isVisible()).toBe(true);
      expect(await top.textContent()).toMatch(
        /^Filter: Processkarta: .+ · Utskriven \d{4}-\d{2}-\d{2}$/,
      );
      // The trend chart keeps its height and fits across the paper (main is A4 less margins).
      const charts = await page.evaluate<number[][]>(
        `[...document.querySelectorAll("main .chart svg.recharts-surface")]
          .filter((s) => Number(s.getAttribute("height")) > 100)
          .map((s) => [s.getBoundingClientRect().width, s.getBoundingClientRect().height,
            Number(s.getAttribute("height")), document.querySelector("main").clientWidth])`,
      );
      expect(charts.length).toBeGreaterThan(0);
      for (const [width = 0, height = 0, drawn = 0, paper = 0] of charts) {
        expect(width).toBeGreaterThan(0);
        expect(width).toBeLessThanOrEqual(paper);
        expect(height).toBeCloseTo(drawn, 0);
      }
      await page.screenshot({ path: join(screenshots, "print-oversikt.png"), fullPage: true });
      const pdf = await page.pdf({
        path: join(screenshots, "print-oversikt.pdf"),
        preferCSSPageSize: true,
        printBackground: true,
      });
      const [width, height] = firstPageSize(pdf);
      expect(height).toBeGreaterThan(width);
      expect(width).toBeCloseTo(595, -1);
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  it("prints Flöde on landscape A4, the whole matrix across the page's width", async () => {
    await open(page, `${samsyn.url}/flode?view=county`);
    await page.emulateMedia({ media: "print" });
    try {
      await expectPrintWithoutControls(page);
      await page.screenshot({ path: join(screenshots, "print-flode.png"), fullPage: true });
      const pdf = await page.pdf({
        path: join(screenshots, "print-flode.pdf"),
        preferCSSPageSize: true,
        printBackground: true,
      });
      const [width, height] = firstPageSize(pdf);
      // The definition ("Så räknas det", opened for print) and the notes come first: two pages at
      // most, the matrix never cut on its right.
      expect(pageCount(pdf)).toBeLessThanOrEqual(2);
      expect(width).toBeGreaterThan(height);
      expect(width).toBeCloseTo(842, -1);
      // The matrix fits across landscape A4 less its margins (print CSS: main is 273 mm wide).
      const overflow = await page.evaluate<number>(
        `(() => { const t = document.querySelector("main .matrix table"); return t.scrollWidth - t.parentElement.clientWidth; })()`,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });
});

/** As the dashboard keeps a session: the API's token in sessionStorage, read at start. */
async function signInAs(page: Page, url: string, role: string, orgs: string[]): Promise<void> {
  const res = await fetch(`${url}/api/v1/dev/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ role, orgs }),
  });
  const { token } = (await res.json()) as { token: string };
  await page.addInitScript(`sessionStorage.setItem("samsyn.token", ${JSON.stringify(token)})`);
  await page.goto(`${url}/`);
  await page.getByText(`Inloggad som dev-${role}`, { exact: false }).waitFor();
}

async function apiAsLan<T>(url: string, path: string): Promise<T> {
  const signIn = await fetch(`${url}/api/v1/dev/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ role: "lan", orgs: [] }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const res = await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return (await res.json()) as T;
}

/** Codes come from the API, as the dashboard has them: the test does not hard-code them. */
async function organisationCode(url: string, name: string): Promise<string> {
  const { items } = await apiAsLan<{ items: { code: string; name: string }[] }>(
    url,
    "/api/v1/organisations",
  );
  const code = items.find((o) => o.name === name)?.code;
  if (code === undefined) throw new Error(`no organisation named ${name}`);
  return code;
}

async function firstProcess(url: string): Promise<string> {
  const { processes } = await apiAsLan<{ processes: { code: string }[] }>(
    url,
    "/api/v1/catalogues",
  );
  return processes[0]?.code ?? "";
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole("heading", { level: 1 }).waitFor();
  await expect.poll(() => page.getByText("Hämtar uppgifter…").count(), { timeout: 30_000 }).toBe(0);
  await page.locator("main tbody tr").first().waitFor();
  await page.locator("main .scope-line").waitFor();
}

function table(page: Page, caption: RegExp): Locator {
  return page.getByRole("table", { name: caption });
}

function exportButton(page: Page, name: string): Locator {
  return page.getByRole("group", { name: ratesCaption }).getByRole("button", { name });
}

/** In print: the scope, no menu, filter bar, page controls, language, sign-out or export. */
async function expectPrintWithoutControls(page: Page): Promise<void> {
  expect(await page.locator("main .scope-line").isVisible()).toBe(true);
  expect(await page.getByRole("navigation").isVisible()).toBe(false);
  for (const selector of ["select", "input", "button:not(.sort)"]) {
    // A string: this package type-checks for Node (no DOM lib); it runs in the page.
    const visible = await page.evaluate<number>(
      `[...document.querySelectorAll(${JSON.stringify(selector)})].filter((e) => e.checkVisibility()).length`,
    );
    expect(visible, `${selector} visible in print`).toBe(0);
  }
}

/** The lines of a CSV's table after its header row, up to the end. */
function rowsAfter(lines: readonly string[], header: number): string[] {
  return lines.slice(header + 1).filter((line) => line !== "");
}

function headerRow(sheet: Worksheet, first: string): number {
  for (let r = 1; r <= sheet.rowCount; r++)
    if (sheet.getRow(r).getCell(1).value === first) return r;
  throw new Error(`no row starting with ${first}`);
}

/** RFC 4180 records with the given separator: quoted fields may hold it, quotes and line ends. */
function parseCsv(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  return records;
}

/** The first page's MediaBox in points (Chromium writes page dictionaries uncompressed). */
function firstPageSize(pdf: Buffer): [number, number] {
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
  if (box === null) throw new Error("no MediaBox in the PDF");
  return [Number(box[1]), Number(box[2])];
}

function pageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}
