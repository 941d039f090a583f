import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../support/browser";
import { downloaded, seriousViolations } from "../support/dashboard";
import { type RunningSamsyn, repoRoot, startSamsyn } from "../support/samsyn-process";

/**
 * Överenskommelser as a länsgrupp uses it: find a kommun × målgrupp without an agreement, create
 * one from that gap (the form says what is wrong beside each field, the API's refusals included),
 * activate it, see the gap close, change it while someone else does (409), and export the register.
 */
const screenshots = join(repoRoot, "artifacts", "screenshots");
const sizes = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;
/** Luhn-valid, the well-known test personnummer: the API must refuse it in any free text. */
const personnummer = "121212-1212";

interface Named {
  code: string;
  name: string;
}
interface Coverage {
  cells: { municipality: string; targetGroup: string; covered: boolean; agreements: string[] }[];
}

describe.skipIf(!browserAvailable)("Överenskommelser in a browser", () => {
  let dataDir: string;
  let samsyn: RunningSamsyn;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let gap: { municipality: Named; targetGroup: Named };
  const title = `Samverkan kring missbruk, e2e ${Date.now()}`;
  let agreementUrl = "";

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "samsyn-agreements-"));
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
    await signInAs(page, samsyn.url, "lan");
    // Codes and names come from the API, as the dashboard has them.
    const catalogues = await api<{ municipalities: Named[]; targetGroups: Named[] }>(
      samsyn.url,
      "/catalogues",
    );
    const coverage = await api<Coverage>(samsyn.url, "/agreements/coverage");
    // The uncovered kommun × målgrupp with the most open cases, so that its indicator has figures.
    const counts = await api<{
      cells: { municipality: string; targetGroup: string; count: number | null }[];
    }>(samsyn.url, "/metrics/cases?groupBy=municipality,targetGroup");
    const open = (c: { municipality: string; targetGroup: string }) =>
      counts.cells.find((x) => x.municipality === c.municipality && x.targetGroup === c.targetGroup)
        ?.count ?? 0;
    const cell = coverage.cells.filter((c) => !c.covered).sort((a, b) => open(b) - open(a))[0];
    if (cell === undefined) throw new Error("the demo county has no coverage gap");
    const find = (list: Named[], code: string) => {
      const found = list.find((x) => x.code === code);
      if (found === undefined) throw new Error(`no name for ${code}`);
      return found;
    };
    gap = {
      municipality: find(catalogues.municipalities, cell.municipality),
      targetGroup: find(catalogues.targetGroups, cell.targetGroup),
    };
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await samsyn?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const cellButton = (state: RegExp) =>
    page.getByRole("button", {
      name: new RegExp(`^${gap.municipality.name}, ${gap.targetGroup.name}: ${state.source}$`),
    });

  it("shows the gap in words, not colour alone, and offers to close it", async () => {
    await openRegister(page, samsyn.url);
    expect(await seriousViolations(page)).toEqual([]);
    const gapButton = cellButton(/Saknas/);
    expect(await gapButton.textContent()).toBe("✗ Saknas");
    await gapButton.click();
    const panel = page.getByRole("region", {
      name: `${gap.municipality.name} · ${gap.targetGroup.name}`,
    });
    await panel.waitFor();
    expect(await gapButton.getAttribute("aria-pressed")).toBe("true");
    await panel
      .getByRole("link", {
        name: `Skapa överenskommelse för ${gap.municipality.name} och ${gap.targetGroup.name}`,
      })
      .click();
    await page.getByRole("heading", { level: 1, name: "Ny överenskommelse" }).waitFor();
  });

  it("creates it from the gap, prefilled; says beside each field what is wrong, the API's refusal too", async () => {
    const form = page.locator("form.agreement-form");
    await form.waitFor();
    expect(await page.getByRole("checkbox", { name: gap.targetGroup.name }).isChecked()).toBe(true);
    expect(
      await page
        .getByRole("group", { name: /^Kommuner/ })
        .getByRole("checkbox", { name: gap.municipality.name, exact: true })
        .isChecked(),
    ).toBe(true);
    expect(await page.getByRole("checkbox", { name: /^Region / }).isChecked()).toBe(true);

    await page.getByRole("button", { name: "Spara som utkast" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "kunde inte sparas" });
    await summary.waitFor();
    const titleInput = page.getByLabel(/^Titel/);
    expect(await titleInput.getAttribute("aria-invalid")).toBe("true");
    expect(await describedText(page, titleInput)).toContain("Fyll i Titel.");
    expect(await seriousViolations(page)).toEqual([]);

    await titleInput.fill(title);
    await page.getByRole("button", { name: "Lägg till avsnitt" }).click();
    await page.getByLabel("Typ av avsnitt").selectOption({ label: "SIP" });
    await page.getByLabel(/^Rubrik/).fill("Samordnad individuell plan");
    const text = page.getByLabel(/^Text/);
    await text.fill(`Gäller den enskilde ${personnummer}`);
    await page.getByRole("button", { name: "Spara som utkast" }).click();
    await expect.poll(() => text.getAttribute("aria-invalid")).toBe("true");
    const refusal = await describedText(page, text);
    expect(refusal).toMatch(/personnummer|samordningsnummer/i);
    expect(refusal).not.toContain("1212");
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.screenshot({
        path: join(screenshots, `overenskommelse-ny-${size.width}x${size.height}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize(sizes[0]);

    await text.fill("Den som först ser behovet kallar till SIP inom fem arbetsdagar.");
    await page.getByRole("button", { name: "Spara som utkast" }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    agreementUrl = page.url();
    expect(await page.locator(".status-badge").textContent()).toBe("Utkast");
  });

  it("activates it: names, not codes, and the revision that changed the status", async () => {
    await page.getByRole("button", { name: "Aktivera" }).click();
    await page.getByText("Klart: statusen har ändrats till Gällande.").waitFor();
    expect(await page.locator(".status-badge").textContent()).toBe("Gällande");
    const facts = await page.locator("dl.facts").textContent();
    expect(facts).toContain(gap.municipality.name);
    expect(facts).toContain(gap.targetGroup.name);
    expect(facts).toMatch(/Region /);
    const history = page.getByRole("table", { name: /Ändringshistorik/ });
    await expect
      .poll(() => history.locator("tbody tr").first().textContent())
      .toMatch(/^2.*Status/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("adds an indicator and shows its 12 months against the target, with a table", async () => {
    const form = page.locator("form.add-indicator");
    await form.getByLabel("Namn").fill("Pågående ärenden i målgruppen");
    await form.getByLabel("Typ av indikator").selectOption({ label: "Förutsättning" });
    await form.getByLabel("Mått", { exact: true }).selectOption({ label: "Ärenden" });
    await form.getByLabel("Målet är").selectOption({ label: "minst" });
    await form.getByLabel(/^Målvärde \(ärenden\)/).fill("10");
    await form.getByRole("button", { name: "Lägg till" }).click();
    const card = page.locator("article.indicator", {
      has: page.getByRole("heading", { name: "Pågående ärenden i målgruppen" }),
    });
    await card.waitFor();
    expect(await card.textContent()).toContain("Mål: minst 10");
    await card.locator("svg.recharts-surface").first().waitFor();
    const rows = card.getByRole("table").locator("tbody tr");
    expect(await rows.count()).toBe(12);
    // Each month is a published count or "..", never a number in place of a withheld one.
    for (const value of await rows.locator("td.num").allTextContents()) {
      expect(value).toMatch(/^(\d[\d\s\u00a0]*|\.\.)$/);
    }
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("logs a deviation against a section and closes it", async () => {
    const form = page.locator("form.log-deviation");
    await form.getByLabel("Avsnitt").selectOption({ label: "SIP" });
    await form.getByRole("checkbox", { name: /^Region / }).check();
    await form.getByLabel(/^Beskrivning/).fill("Kallelsen till SIP kom efter tre veckor.");
    await form.getByRole("button", { name: "Logga" }).click();
    const table = page.getByRole("table", { name: "Avvikelser och tvister, avsnitt SIP" });
    await table.waitFor();
    expect(await table.locator("tbody tr").first().textContent()).toContain("Öppen");
    await page.getByText(/^Avsluta avvikelsen från/).click();
    await page.getByLabel("Hur löstes den?").fill("Rutinen förtydligad i ledningsforum.");
    await page.getByRole("button", { name: "Avsluta avvikelsen" }).click();
    await expect.poll(() => table.locator("tbody tr").first().textContent()).toContain("Avslutad");
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.screenshot({
        path: join(screenshots, `overenskommelse-${size.width}x${size.height}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize(sizes[0]);
  });

  it("refuses a change made to a revision someone else has changed since, and reloads it", async () => {
    await page.goto(`${agreementUrl}/andra`);
    const titleInput = page.getByLabel(/^Titel/);
    await expect.poll(() => titleInput.inputValue()).toBe(title);
    // Someone else saves first.
    const id = agreementUrl.split("/").at(-1) ?? "";
    const detail = await api<{ revision: number }>(samsyn.url, `/agreements/${id}`);
    await api(samsyn.url, `/agreements/${id}`, {
      method: "PATCH",
      body: { title: `${title} (reviderad)`, expectedRevision: detail.revision },
    });
    await titleInput.fill(`${title} (min ändring)`);
    await page.getByRole("button", { name: "Spara ändringarna" }).click();
    await page.getByText(/Någon annan har ändrat överenskommelsen/).waitFor();
    await page.getByRole("button", { name: "Läs in den senaste versionen" }).click();
    await expect.poll(() => titleInput.inputValue()).toBe(`${title} (reviderad)`);
  });

  it("closes the gap in the coverage matrix once active", async () => {
    await openRegister(page, samsyn.url);
    const covered = cellButton(/Täckt \(\d+\)/);
    await covered.waitFor();
    await covered.click();
    await page
      .getByRole("region", { name: `${gap.municipality.name} · ${gap.targetGroup.name}` })
      .getByRole("link", { name: `${title} (reviderad)` })
      .waitFor();
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.screenshot({
        path: join(screenshots, `overenskommelser-${size.width}x${size.height}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize(sizes[0]);
  });

  it("exports the chosen register and reads it back", async () => {
    await page.goto(
      `${samsyn.url}/overenskommelser?municipality=${gap.municipality.code}&status=active`,
    );
    const table = page.getByRole("table", { name: /^Överenskommelser/ });
    await table.locator("tbody tr").first().waitFor();
    const file = await downloaded(
      page,
      page
        .getByRole("group", { name: "Exportera Överenskommelser" })
        .getByRole("button", { name: "Exportera CSV" }),
    );
    const lines = (await readFile(file.path, "utf8")).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Överenskommelser");
    expect(lines).toContain(`Filter: Kommun: ${gap.municipality.name}`);
    expect(lines.some((l) => l.includes("Status: Gällande"))).toBe(true);
    const header = lines.indexOf(
      "Överenskommelse,Status,Nivå,Parter,Målgrupper,Kommuner,Giltig,Granskas senast",
    );
    expect(header).toBeGreaterThan(0);
    const row = lines.slice(header + 1).find((l) => l.includes(`${title} (reviderad)`));
    expect(row).toContain("Gällande");
    expect(row).toContain(gap.targetGroup.name);
  });

  it("downloads the whole register from the API, and it reads back unchanged", async () => {
    await openRegister(page, samsyn.url);
    const group = page.getByRole("group", {
      name: "Hela registret med koder, som importen läser det",
    });
    const csv = await downloaded(page, group.getByRole("button", { name: "Exportera CSV" }));
    expect(csv.name).toMatch(/^samsyn-överenskommelser-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile(csv.path, "utf8");
    expect(text).toContain(`${title} (reviderad)`);
    const report = await importRegister(samsyn.url, text);
    expect(report.created + report.updated).toBe(0);
    expect(report.unchanged).toBeGreaterThan(0);

    const xlsx = await downloaded(page, group.getByRole("button", { name: "Exportera Excel" }));
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(xlsx.path);
    const titles: unknown[] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      titles.push(row.getCell(2).value);
    });
    expect(titles).toContain(`${title} (reviderad)`);
  });
});

/** The texts a control is described by (its hint and its error), as a screen reader reads them. */
async function describedText(page: Page, control: ReturnType<Page["getByLabel"]>): Promise<string> {
  const ids = ((await control.getAttribute("aria-describedby")) ?? "").split(" ").filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(" ");
}

/** The register's CSV back into the API's import, as a länsgrupp would after editing it. */
async function importRegister(
  url: string,
  csv: string,
): Promise<{ created: number; updated: number; unchanged: number }> {
  const token = await devToken(url, "lan");
  const res = await fetch(`${url}/api/v1/agreements/import`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/csv" },
    body: csv,
  });
  if (!res.ok) throw new Error(`import: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as { created: number; updated: number; unchanged: number };
}

async function openRegister(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/overenskommelser`);
  await page.getByRole("heading", { level: 1, name: "Överenskommelser" }).waitFor();
  await expect.poll(() => page.getByText("Hämtar uppgifter…").count(), { timeout: 30_000 }).toBe(0);
  await page.locator("table.coverage-matrix tbody tr").first().waitFor();
}

async function devToken(url: string, role: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/dev/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ role, orgs: [] }),
  });
  return ((await res.json()) as { token: string }).token;
}

async function api<T>(
  url: string,
  path: string,
  write?: { method: string; body: unknown },
): Promise<T> {
  const token = await devToken(url, "lan");
  const res = await fetch(`${url}/api/v1${path}`, {
    method: write?.method ?? "GET",
    headers: {
      Authorization: `Bearer ${token}`,
      ...(write === undefined ? {} : { "Content-Type": "application/json" }),
    },
    ...(write === undefined ? {} : { body: JSON.stringify(write.body) }),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** As the dashboard keeps a session: the API's token in sessionStorage, stored before any page loads. */
async function signInAs(page: Page, url: string, role: string): Promise<void> {
  const token = await devToken(url, role);
  await page.addInitScript(`sessionStorage.setItem("samsyn.token", ${JSON.stringify(token)})`);
  await page.goto(`${url}/`);
  await page.getByText(`Inloggad som dev-${role}`, { exact: false }).waitFor();
}
