import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  aCase,
  anEvent,
  aRegionUnit,
  aUnit,
  type InterchangeFiles,
  stepEvents,
  writeInterchange,
  writeSpreadsheetInterchange,
} from "@samsyn/db/testing";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../support/browser";
import { seriousViolations } from "../support/dashboard";
import { type RunningSamsyn, repoRoot, runCli, startSamsyn } from "../support/samsyn-process";

/**
 * The Import page in a real browser against `samsyn serve` on an empty database: choose the three
 * files, see the check's report before anything is saved, import with progress, see it done; a
 * bad file shows its Swedish per-row error and no Importera button. axe in every state.
 */
const screenshots = join(repoRoot, "artifacts", "screenshots");
/** Skatteverket's test personnummer: Luhn-valid, so screening must catch it. */
const personnummer = "19121212-1212";

function county(): InterchangeFiles {
  const refs = Array.from({ length: 6 }, (_, i) => `ARENDE-${i + 1}`);
  return {
    units: [aUnit(), aRegionUnit()],
    cases: refs.map((ref) => aCase({ case_ref: ref })),
    events: refs.flatMap((ref) => [
      ...stepEvents(ref, "2024-03-01", [1, 2]),
      anEvent({
        case_ref: ref,
        occurred_at: "2024-03-03",
        type: "lead",
        step: "",
        unit_code: "rs_beroende",
      }),
    ]),
  };
}

/**
 * A long report: 150 cases with an unknown kommun code, 2 with an unknown age group, 3 whose ref
 * holds a personnummer (written three ways), and 80 events naming 40 unknown units twice each.
 */
function longReport(): InterchangeFiles {
  const ref = (i: number) => `LANG-${i}`;
  const cases = [
    ...Array.from({ length: 150 }, (_, i) =>
      aCase({ case_ref: ref(i), municipality_code: "9999" }),
    ),
    aCase({ case_ref: ref(150), age_group: "tonåring" }),
    aCase({ case_ref: ref(151), age_group: "tonåring" }),
    ...[personnummer, "121212-1212", "1912 1212-1212"].map((p) => aCase({ case_ref: `R-${p}` })),
  ];
  const events = Array.from({ length: 80 }, (_, i) =>
    anEvent({ case_ref: ref(i), type: "join", step: "", unit_code: `okand_${i % 40}` }),
  );
  return { units: [aUnit(), aRegionUnit()], cases, events };
}

describe.skipIf(!browserAvailable)("the Import page in a browser", () => {
  let dataDir: string;
  let filesDir: string;
  let samsyn: RunningSamsyn;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const env = () => ({
    DATABASE_URL: undefined,
    SAMSYN_DATA_DIR: dataDir,
    SAMSYN_SECRET: undefined,
  });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "samsyn-import-e2e-"));
    filesDir = await mkdtemp(join(tmpdir(), "samsyn-import-files-"));
    await mkdir(screenshots, { recursive: true });
    const migrated = await runCli(["migrate"], env());
    if (migrated.code !== 0) throw new Error(`migrate failed: ${migrated.stderr}`);
    samsyn = await startSamsyn("serve", env());
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, samsyn.url, "Administratör");
  });

  afterAll(async () => {
    await browser?.close();
    await samsyn?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(filesDir, { recursive: true, force: true });
  });

  it("checks the files, shows the report, imports with progress and says when it is done", async () => {
    await page.goto(`${samsyn.url}/import`);
    await page.getByRole("heading", { level: 1, name: "Import" }).waitFor();
    // A page without figures has no filter bar.
    expect(await page.getByLabel("Kommun", { exact: true }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "import-1366x768.png"), fullPage: true });

    await choose(page, await writeInterchange(county(), join(filesDir, "good")));
    await page.getByRole("button", { name: "Granska" }).click();
    const status = page.locator(".import-status");
    await expect
      .poll(() => status.textContent())
      .toBe("Inget fel hittades: 2 enheter, 6 ärenden, 18 händelser läggs till, 0 finns redan.");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: join(screenshots, "import-checked-1366x768.png"),
      fullPage: true,
    });

    // A job of six cases is over before a poll can see it run: until unrouted, polls are answered
    // with a running job half-way through events.csv, so the progress shown is deterministic.
    await page.route("**/api/v1/imports/jobs/*", async (route) => {
      const id = new URL(route.request().url()).pathname.split("/").at(-1);
      const progress = { file: "events.csv", rows: 12_000, bytes: 50, totalBytes: 100 };
      await route.fulfill({ json: { id, state: "running", progress } });
    });
    await page.getByRole("button", { name: "Importera" }).click();
    const bar = page.getByRole("progressbar", { name: "Importens förlopp" });
    // Until the first poll is answered the bar is indeterminate (no value) and says "starting".
    await expect.poll(() => bar.getAttribute("value")).toBe("50");
    // Intl writes sv-SE thousands with a (narrow) no-break space.
    await expect.poll(() => status.textContent()).toMatch(/^Läser events\.csv: 12\s000 rader$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: join(screenshots, "import-progress-1366x768.png"),
      fullPage: true,
    });
    // After the files, minutes at a county's size: the step it is at, the derivation counted.
    await page.unroute("**/api/v1/imports/jobs/*");
    await page.route("**/api/v1/imports/jobs/*", async (route) => {
      const id = new URL(route.request().url()).pathname.split("/").at(-1);
      const progress = {
        file: "events.csv",
        rows: 16_000_000,
        bytes: 100,
        totalBytes: 100,
        step: { step: "deriving", done: 250_000, total: 1_000_000 },
      };
      await route.fulfill({ json: { id, state: "running", progress } });
    });
    await expect.poll(() => bar.getAttribute("value")).toBe("25");
    await expect
      .poll(() => status.textContent())
      .toMatch(/^Räknar fram måttens underlag: 250\s000 av 1\s000\s000 ärenden$/);
    await page.unroute("**/api/v1/imports/jobs/*");
    await expect
      .poll(() => status.textContent(), { timeout: 60_000 })
      .toBe("Importen är klar: 2 enheter, 6 ärenden, 18 händelser lades till, 0 fanns redan.");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "import-done-1366x768.png"), fullPage: true });

    // The list of recent imports was refreshed after the commit.
    const recent = page.getByRole("table", { name: "Senaste importer" });
    await expect.poll(() => recent.locator("tbody tr").count()).toBe(1);
    expect(await recent.locator("tbody td").allTextContents()).toEqual(
      expect.arrayContaining(["dev-admin", "2", "6", "18", "0"]),
    );
  });

  it("shows a bad file's per-row error in Swedish and offers no Importera button", async () => {
    await page.goto(`${samsyn.url}/import`);
    const bad = { ...county(), cases: [aCase({ case_ref: `ARENDE-${personnummer}` })], events: [] };
    await choose(page, await writeInterchange(bad, join(filesDir, "bad")));
    await page.getByRole("button", { name: "Granska" }).click();
    const errors = page.getByRole("table", { name: "Fel per rad" });
    await errors.waitFor();
    expect(await errors.locator("tbody tr").first().locator("td").allTextContents()).toEqual([
      "cases.csv",
      "2",
      "case_ref",
      "Kolumnen innehåller ett personnummer eller samordningsnummer. Sådana uppgifter får inte lagras i Samsyn, och värdet visas därför inte.",
    ]);
    expect(await page.locator(".import-status").textContent()).toBe(
      "1 fel hittades. Inget har sparats; rätta filerna och granska igen.",
    );
    expect(await page.getByRole("button", { name: "Importera" }).count()).toBe(0);
    expect(await page.content()).not.toContain("1212-1212");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: join(screenshots, "import-errors-1366x768.png"),
      fullPage: true,
    });
  });

  it("says how it read Excel's 'CSV (semikolonavgränsad)' and names a kommunkod without its zero", async () => {
    await page.goto(`${samsyn.url}/import`);
    const sheet = {
      units: [aUnit({ unit_name: "Socialtjänsten Södermalm" }), aRegionUnit()],
      cases: [aCase({ case_ref: "ARK-1", municipality_code: "180" })],
      events: [],
    };
    await choose(
      page,
      await writeSpreadsheetInterchange(sheet, { delimiter: ";", encoding: "windows-1252" }),
    );
    await page.getByRole("button", { name: "Granska" }).click();
    const notices = page.getByRole("region", { name: "Så lästes filerna" });
    await notices.waitFor();
    expect(await notices.locator("li").allTextContents()).toEqual(
      expect.arrayContaining([
        "units.csv: Filen är semikolonavgränsad (som kalkylprogrammens ”CSV (semikolonavgränsad)”) och lästes så.",
        "units.csv: Filen är inte UTF-8 utan Windows-1252 (som kalkylprogrammens ”CSV”) och konverterades till UTF-8.",
      ]),
    );
    const errors = page.getByRole("table", { name: "Fel per rad" });
    await errors.waitFor();
    const cells = errors.locator("tbody tr").first().locator("td");
    expect(await cells.nth(2).textContent()).toBe("municipality_code");
    expect(await cells.nth(3).textContent()).toMatch(
      /^Okänd kod: kommunkoden saknar troligen en inledande nolla \(0180\)\..* Värdet i filen: ”180”\.$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("shows a long report grouped, naming each value but never an identifier, with the full CSV", async () => {
    await page.goto(`${samsyn.url}/import`);
    await choose(page, await writeInterchange(longReport(), join(filesDir, "long")));
    await page.getByRole("button", { name: "Granska" }).click();
    const errors = page.getByRole("table", { name: "Fel per rad" });
    await errors.waitFor();
    // 150 + 2 + 3 + 80 errors; more than the 100 the report once stopped at.
    expect(await page.locator(".import-status").textContent()).toBe(
      "235 fel hittades. Inget har sparats; rätta filerna och granska igen.",
    );
    const rows = errors.locator("tbody tr");
    // One line per file, column, code and value: 1 + 1 + 1 + 40 unknown units.
    expect(await rows.count()).toBe(43);

    const kommun = rows.filter({ hasText: "”9999”" });
    expect(await kommun.count()).toBe(1);
    const cells = kommun.locator("td");
    expect(await cells.nth(0).textContent()).toBe("cases.csv");
    expect(await cells.nth(1).locator("summary").textContent()).toBe("150 rader: 2, 3, 4, 5, 6 …");
    expect(await cells.nth(2).textContent()).toBe("municipality_code");
    expect(await cells.nth(3).textContent()).toMatch(
      /^Okänd kod: den finns inte i katalogen\. Värdet i filen: ”9999”\. Giltiga värden är till exempel 01\d\d, .*; alla \d+ finns i katalogen/,
    );
    // Expanding the line shows every line number.
    await cells.nth(1).locator("summary").click();
    const all = cells.nth(1).locator("details p");
    await all.waitFor();
    expect((await all.textContent())?.split(", ")).toEqual(
      Array.from({ length: 150 }, (_, i) => String(i + 2)),
    );

    const age = rows.filter({ hasText: "”tonåring”" });
    expect(await age.locator("td").nth(1).textContent()).toBe("2 rader: 152, 153");
    expect(await age.locator("td").nth(3).textContent()).toContain(
      "Giltiga värden: barn, vuxen, aldre.",
    );
    const screened = rows.filter({ hasText: "personnummer" });
    expect(await screened.locator("td").nth(1).textContent()).toBe("3 rader: 154, 155, 156");
    expect(await rows.filter({ hasText: "”okand_7”" }).locator("td").nth(1).textContent()).toBe(
      "2 rader: 9, 49",
    );
    expect(await page.content()).not.toMatch(/1212/);

    // The report scrolls in its own region, which the keyboard reaches.
    const region = page.getByRole("region", { name: "Fel per rad" });
    expect(await region.getAttribute("tabindex")).toBe("0");
    expect(await region.evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);
    await page.getByRole("button", { name: /^Ladda ner felrapporten/ }).focus();
    await page.keyboard.press("Tab");
    expect(await region.evaluate((e) => e === e.ownerDocument.activeElement)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // The CSV has every error, not only those on the page's first lines.
    const button = page.getByRole("button", { name: "Ladda ner felrapporten (CSV, alla 235 fel)" });
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^samsyn-felrapport-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Fil,Rad,Kolumn,Värde,Fel,Felkod");
    expect(lines).toHaveLength(1 + 235);
    expect(lines.filter((l) => l.startsWith("cases.csv,") && l.includes(",9999,"))).toHaveLength(
      150,
    );
    expect(lines.filter((l) => l.endsWith(",identifier"))).toEqual([
      expect.stringMatching(/^cases\.csv,154,case_ref,,/),
      expect.stringMatching(/^cases\.csv,155,case_ref,,/),
      expect.stringMatching(/^cases\.csv,156,case_ref,,/),
    ]);
    expect(lines.filter((l) => l.startsWith("events.csv,"))).toHaveLength(80);
    expect(csv).not.toMatch(/1212/);

    // Folded again, so that the screenshots show the grouped lines.
    await cells.nth(1).locator("summary").click();
    await all.waitFor({ state: "hidden" });
    await page.screenshot({
      path: join(screenshots, "import-long-report-1366x768.png"),
      fullPage: true,
    });
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const width = await page.evaluate<number>("document.documentElement.scrollWidth");
      expect(width).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({
        path: join(screenshots, "import-long-report-390x844.png"),
        fullPage: true,
      });
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });

  it("works on a phone-sized screen without sideways scrolling", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${samsyn.url}/import`);
      await page.getByRole("heading", { level: 1, name: "Import" }).waitFor();
      const width = await page.evaluate<number>("document.documentElement.scrollWidth");
      expect(width).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(screenshots, "import-390x844.png"), fullPage: true });
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });

  // Signs in with an organisation of the units the first test imported.
  it("offers Import to samordnare, but not to länsgrupp", async () => {
    const other = await browser.context.newPage();
    try {
      await signIn(other, samsyn.url, "Länsgrupp");
      expect(await other.getByRole("link", { name: "Import" }).count()).toBe(0);
      await other.goto(`${samsyn.url}/import`);
      await other
        .getByText(
          "Sidan Import är bara för Samordnare eller Administratör. Du är inloggad som Länsgrupp.",
        )
        .waitFor();

      await other.getByRole("button", { name: "Logga ut" }).click();
      await other.getByRole("radio", { name: "Samordnare" }).check();
      await other.getByRole("checkbox", { name: "Stockholms stad" }).check();
      await other.getByRole("button", { name: "Logga in" }).click();
      await other.getByRole("link", { name: "Import" }).click();
      await other.getByRole("heading", { level: 1, name: "Import" }).waitFor();
      // A samordnare sees only their own imports: none yet.
      await other.getByText("Inga importer ännu.").waitFor();
    } finally {
      await other.close();
    }
  });
});

async function signIn(page: Page, url: string, role: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByRole("radio", { name: role }).check();
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.getByText(/Inloggad som/).waitFor();
}

async function choose(page: Page, dir: string): Promise<void> {
  await page.getByLabel("Enheter (units.csv)").setInputFiles(join(dir, "units.csv"));
  await page.getByLabel("Ärenden (cases.csv)").setInputFiles(join(dir, "cases.csv"));
  await page.getByLabel("Händelser (events.csv)").setInputFiles(join(dir, "events.csv"));
}
