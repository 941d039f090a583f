import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../support/browser";
import { downloaded, seriousViolations } from "../support/dashboard";
import { type RunningSamsyn, repoRoot, startSamsyn } from "../support/samsyn-process";

/**
 * The dev sign-in's organisation picker by keyboard, and the admin's audit-log page: filtered,
 * paged, exported and read back, itself audited; other roles neither see it nor open it.
 */
const screenshots = join(repoRoot, "artifacts", "screenshots");
/** Metric reads made as "lena" before the tests, more than one page of 25. */
const lenaReads = 30;

describe.skipIf(!browserAvailable)("sign-in picker and audit log in a browser", () => {
  let dataDir: string;
  let samsyn: RunningSamsyn;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "samsyn-audit-"));
    await mkdir(screenshots, { recursive: true });
    samsyn = await startSamsyn("start", {
      DATABASE_URL: undefined,
      SAMSYN_DATA_DIR: dataDir,
      SAMSYN_DEMO_CASES: "500",
      SAMSYN_SECRET: undefined,
    });
    // Someone else's trail to find: a manager reads figures, then tries the log and is refused.
    const lena = await token(samsyn.url, "ledning", ["K0181"], "lena");
    for (let i = 0; i < lenaReads; i++) {
      const res = await api(samsyn.url, lena, `/api/v1/metrics/cases?groupBy=targetGroup&i=${i}`);
      expect(res.status).toBe(200);
    }
    expect((await api(samsyn.url, lena, "/api/v1/audit-log")).status).toBe(403);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await samsyn?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("reaches Logga in in a few Tabs, past no organisation box, and is marked dev only", async () => {
    await openSignIn(page, samsyn.url);
    expect(await page.getByText("Endast för utveckling").isVisible()).toBe(true);
    const order = await tabUntil(page, (f) => f === "button:Logga in", 10);
    expect(order.filter((f) => f.startsWith("input:orgs"))).toEqual([]);
    expect(order.length).toBeLessThanOrEqual(6);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "inloggning-1366x768.png"), fullPage: true });
  });

  it("groups the organisations by principal type, by name, and the search filters them", async () => {
    await openSignIn(page, samsyn.url);
    const groups = page.locator(".org-group > legend");
    const legends = (await groups.allTextContents()).map((l) => l.replace(/\s*\d+ st$/, ""));
    expect(legends.slice(0, 2)).toEqual(["Kommun", "Region"]);
    expect(legends).toContain("Försäkringskassan");
    const kommuner = await page.locator(".org-group").first().locator("label").allInnerTexts();
    const names = kommuner.map((n) => n.replace(/\s+K\d+$/, ""));
    expect(names.length).toBeGreaterThan(20);
    expect(names.every((n) => /kommun|stad/.test(n))).toBe(true);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "sv")));

    const all = await page.getByRole("checkbox").count();
    await page.getByLabel("Sök organisation").fill("nacka");
    const labels = await page.locator(".org-list label").allInnerTexts();
    expect(labels.length).toBeGreaterThan(1);
    expect(labels.length).toBeLessThan(all);
    expect(labels.every((l) => /nacka/i.test(l))).toBe(true);
    expect(await page.getByRole("checkbox").count()).toBe(labels.length);
    await page.getByLabel("Sök organisation").fill("K0181");
    expect(await page.locator(".org-list label").allInnerTexts()).toEqual([
      expect.stringMatching(/^Södertälje kommun/),
    ]);
  });

  it("signs in a manager by keyboard alone: search, choose, sign in; the log is not for them", async () => {
    await openSignIn(page, samsyn.url);
    await tabUntil(page, (f) => f.startsWith("input:role"));
    // Samordnare, then Ledning: arrows move within the radio group.
    await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("radio", { name: "Ledning" }).isChecked()).toBe(true);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("input:orgSearch");
    await page.keyboard.type("Södertälje kommun");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Ta bort Södertälje kommun" }).waitFor();
    expect(await page.getByRole("checkbox", { name: "Södertälje kommun" }).isChecked()).toBe(true);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatch(/^button:Södertälje kommun/);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("button:Logga in");
    await page.keyboard.press("Enter");
    // The role by its name, never its code.
    await page.getByText("Inloggad som dev-ledning (Ledning)").waitFor();

    await page.getByRole("navigation", { name: "Huvudmeny" }).waitFor();
    expect(await page.getByRole("link", { name: "Granskningslogg" }).count()).toBe(0);
    await page.goto(`${samsyn.url}/granskningslogg`);
    await page.getByRole("heading", { level: 1, name: "Granskningslogg" }).waitFor();
    expect(await page.locator("main").textContent()).toContain(
      "Sidan Granskningslogg är bara för Administratör. Du är inloggad som Ledning.",
    );
    expect(await page.getByRole("table").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: join(screenshots, "granskningslogg-ledning-1366x768.png"),
      fullPage: true,
    });
    await page.getByRole("button", { name: "Logga ut" }).click();
  });

  it("lets an admin filter the log, page through it and see it in words", async () => {
    await signInAs(page, samsyn.url, "Administratör");
    expect(await page.getByText("Inloggad som dev-admin (Administratör)").count()).toBe(1);
    await page.getByRole("link", { name: "Granskningslogg" }).click();
    await page.getByRole("heading", { level: 1, name: "Granskningslogg" }).waitFor();
    await logTable(page).locator("tbody tr").first().waitFor();
    expect(await page.getByLabel("Kommun", { exact: true }).count()).toBe(0);
    expect(await logTable(page).getByRole("columnheader").allTextContents()).toEqual([
      expect.stringMatching(/^Tid/),
      expect.stringMatching(/^Användare/),
      expect.stringMatching(/^Roll/),
      expect.stringMatching(/^Händelse/),
      expect.stringMatching(/^Objekt/),
      expect.stringMatching(/^Utfall/),
    ]);

    // The refused attempt, in words.
    await page.getByLabel("Användare", { exact: true }).fill("lena");
    await page
      .getByLabel("Händelse", { exact: true })
      .selectOption({ label: "Läste granskningsloggen" });
    await page.getByRole("button", { name: "Visa", exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("action")).toBe("audit.read");
    await expect.poll(() => rowsOf(page).then((r) => r.length)).toBe(1);
    const [refused] = await rowsOf(page);
    expect(refused?.slice(1)).toEqual([
      "lena",
      "Ledning",
      "Läste granskningsloggen",
      "Granskningsloggen",
      "Nekad (saknar behörighet)",
    ]);
    expect(refused?.[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    // Her figure reads, 25 to a page: two pages, the second older than the first.
    await page
      .getByLabel("Händelse", { exact: true })
      .selectOption({ label: "Läste ett nyckeltal" });
    await page.getByLabel("Rader per sida").selectOption("25");
    await page.getByRole("button", { name: "Visa", exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("rows")).toBe("25");
    await expect.poll(() => rowsOf(page).then((r) => r[0]?.[3])).toBe("Läste ett nyckeltal");
    const first = await rowsOf(page);
    expect(first).toHaveLength(25);
    expect(first.every((r) => r[1] === "lena" && r[4] === "Nyckeltal: Ärenden")).toBe(true);
    expect(await logTable(page).locator("caption").textContent()).toMatch(
      /Urval: Användare: lena; Händelse: Läste ett nyckeltal\. Sida 1: händelse 1–25\./,
    );
    const paging = page.getByRole("navigation", { name: "Sidor" });
    expect(await paging.getByRole("button", { name: "Nyare händelser" }).isDisabled()).toBe(true);
    await paging.getByRole("button", { name: "Äldre händelser" }).click();
    await paging.getByText("Sida 2").waitFor();
    await expect.poll(() => rowsOf(page).then((r) => r.length)).toBe(lenaReads - 25);
    const second = await rowsOf(page);
    expect((second[0]?.[0] ?? "") <= (first.at(-1)?.[0] ?? "")).toBe(true);
    expect(await logTable(page).locator("caption").textContent()).toMatch(
      /Sida 2: händelse 26–30\./,
    );
    expect(await paging.getByRole("button", { name: "Äldre händelser" }).isDisabled()).toBe(true);
    await paging.getByRole("button", { name: "Nyare händelser" }).click();
    await paging.getByText("Sida 1").waitFor();
    await expect.poll(() => rowsOf(page).then((r) => r.length)).toBe(25);

    const cells = await logTable(page).locator("tbody").textContent();
    expect(cells).not.toMatch(/metric\.read|ledning|\/api\/v1/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: join(screenshots, "granskningslogg-1366x768.png"),
      fullPage: true,
    });
  });

  it("exports the selection as CSV and Excel and the whole of it from the API, all audited", async () => {
    await signInAs(page, samsyn.url, "Administratör");
    await page.goto(`${samsyn.url}/granskningslogg?actor=lena&action=metric.read&rows=25`);
    await expect.poll(() => rowsOf(page).then((r) => r.length)).toBe(25);

    const csv = await downloaded(page, page.getByRole("button", { name: "Exportera CSV" }));
    expect(csv.name).toMatch(/^samsyn-granskningsloggen-nyaste-forst-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile(csv.path, "utf8");
    expect(text).toContain("Urval: Användare: lena; Händelse: Läste ett nyckeltal. Sida 1");
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    const header = lines.indexOf("Tid,Användare,Roll,Händelse,Objekt,Utfall");
    expect(header).toBeGreaterThan(0);
    const rows = lines.slice(header + 1).filter((l) => l !== "");
    expect(rows).toHaveLength(25);
    expect(rows.every((r) => r.includes(",lena,Ledning,Läste ett nyckeltal,"))).toBe(true);

    const xlsx = await downloaded(page, page.getByRole("button", { name: "Exportera Excel" }));
    const workbook = new Workbook();
    await workbook.xlsx.readFile(xlsx.path);
    const values: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      values.push((row.values as unknown[]).slice(1).join("|"));
    });
    expect(values).toContain("Tid|Användare|Roll|Händelse|Objekt|Utfall");
    expect(values.filter((v) => v.includes("|lena|Ledning|Läste ett nyckeltal|"))).toHaveLength(25);

    const all = await downloaded(
      page,
      page.getByRole("button", { name: /Ladda ner hela urvalet/ }),
    );
    const raw = (await readFile(all.path, "utf8")).trimEnd().split("\r\n");
    expect(raw[0]).toMatch(/^id,at,actor,role,action/);
    expect(raw.slice(1)).toHaveLength(lenaReads);
    expect(raw.slice(1).every((l) => l.includes(",lena,ledning,metric.read,"))).toBe(true);

    // The admin's reads and the export are in the log, with the selection they were made with.
    const admin = await token(samsyn.url, "admin", []);
    const res = await api(samsyn.url, admin, "/api/v1/audit-log?actor=dev-admin&limit=100");
    const trail = (await res.json()) as {
      items: { action: string; outcome: string; details: Record<string, unknown> | null }[];
    };
    expect(trail.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: "audit.read",
          outcome: "ok",
          details: expect.objectContaining({ actor: "lena", action: "metric.read", limit: 25 }),
        }),
        expect.objectContaining({
          action: "audit.export",
          outcome: "ok",
          details: { actor: "lena", action: "metric.read" },
        }),
      ]),
    );
  });

  it("fits a phone-sized screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${samsyn.url}/granskningslogg?actor=lena`);
      await logTable(page).locator("tbody tr").first().waitFor();
      expect(
        await page.evaluate<number>("document.documentElement.scrollWidth"),
      ).toBeLessThanOrEqual(390);
      await page.screenshot({
        path: join(screenshots, "granskningslogg-390x844.png"),
        fullPage: true,
      });
      await page.getByRole("button", { name: "Logga ut" }).click();
      await page.getByRole("heading", { name: "Utvecklarinloggning" }).waitFor();
      await page.getByRole("checkbox").first().waitFor();
      expect(
        await page.evaluate<number>("document.documentElement.scrollWidth"),
      ).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(screenshots, "inloggning-390x844.png"), fullPage: true });
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });
});

async function token(url: string, role: string, orgs: string[], sub?: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/dev/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(sub === undefined ? { role, orgs } : { role, orgs, sub }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

function api(url: string, bearer: string, path: string): Promise<Response> {
  return fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${bearer}` } });
}

async function openSignIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByRole("heading", { name: "Utvecklarinloggning" }).waitFor();
  await page.getByRole("checkbox").first().waitFor();
}

async function signInAs(page: Page, url: string, role: string): Promise<void> {
  await page.goto(`${url}/`);
  const signOut = page.getByRole("button", { name: "Logga ut" });
  const radio = page.getByRole("radio", { name: role });
  await signOut.or(radio).first().waitFor();
  if (await signOut.isVisible()) await signOut.click();
  await radio.check();
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.getByText(/Inloggad som/).waitFor();
}

function logTable(page: Page): Locator {
  return page.getByRole("table", { name: /Granskningsloggen, nyaste först/ });
}

/** The table's rows as cell texts, the time (a row header) first. */
async function rowsOf(page: Page): Promise<string[][]> {
  const rows = logTable(page).locator("tbody tr");
  const out: string[][] = [];
  for (const row of await rows.all()) {
    out.push((await row.locator("th, td").allTextContents()).map((c) => c.trim()));
  }
  return out;
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
