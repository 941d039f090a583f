import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../support/browser";
import { downloaded, seriousViolations } from "../support/dashboard";
import { type RunningSamsyn, repoRoot, startSamsyn } from "../support/samsyn-process";

/**
 * Ledningsforum and Eskaleringar as a länsgrupp uses them: set up a forum, hold a meeting from
 * its suggested agenda to a justerat protocol (a signal picked in one click, a decision, an
 * action), see it locked, print it and export it; then see the open action carried over to the
 * next meeting; and raise, lift and resolve an escalation on the board. What the test needs it
 * creates itself, through the API or the pages, so that it depends on no demo content.
 */
const screenshots = join(repoRoot, "artifacts", "screenshots");
const sizes = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;
/** Luhn-valid, the well-known test personnummer: the API must refuse it in any free text. */
const personnummer = "121212-1212";

interface Organisation {
  code: string;
  name: string;
  principalType: string;
  municipality: string | null;
}

describe.skipIf(!browserAvailable)("Ledningsforum and Eskaleringar in a browser", () => {
  let dataDir: string;
  let samsyn: RunningSamsyn;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let kommun: Organisation;
  let region: Organisation;
  const stamp = Date.now();
  const forumName = `Ledningsgruppen e2e ${stamp}`;
  const agreementTitle = `Samverkan kring SIP, e2e ${stamp}`;
  const decision = "Kallelse till SIP ska gå ut inom fem arbetsdagar.";
  const actionTitle = "Ta fram gemensam mall för kallelse till SIP";
  const today = stockholmDate(0);
  let forumUrl = "";

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "samsyn-forums-"));
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
    const organisations = (await api<{ items: Organisation[] }>(samsyn.url, "/organisations"))
      .items;
    const first = (type: string) => {
      const found = organisations
        .filter((o) => o.principalType === type && (type !== "kommun" || o.municipality !== null))
        .sort((a, b) => a.name.localeCompare(b.name, "sv"))[0];
      if (found === undefined) throw new Error(`no ${type} in the demo county`);
      return found;
    };
    kommun = first("kommun");
    region = first("region");
    // An agreement of the two whose yearly review falls due within the month: a signal on the
    // suggested agenda of any forum they sit in, whatever the demo data holds.
    const agreement = await api<{ id: string }>(samsyn.url, "/agreements", {
      method: "POST",
      body: {
        title: agreementTitle,
        level: "lokal",
        parties: [kommun.code, region.code],
        targetGroups: ["missbruk_beroende"],
        municipalities: [kommun.municipality],
        validFrom: stockholmDate(-200),
        validTo: null,
        reviewBy: stockholmDate(10),
        sections: [],
      },
    });
    await api(samsyn.url, `/agreements/${agreement.id}/status`, {
      method: "POST",
      body: { status: "active" },
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await samsyn?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("sets up a forum of a kommun and the region, chaired by the region", async () => {
    await page.goto(`${samsyn.url}/ledningsforum`);
    await page.getByRole("heading", { level: 1, name: "Ledningsforum" }).waitFor();
    const form = page.locator("section.forum-form");
    await form.getByRole("button", { name: "Skapa forumet" }).click();
    // Checked before anything is sent: each error beside its field.
    const name = form.getByLabel(/^Namn/);
    expect(await name.getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByText("Välj minst två medlemmar.").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await name.fill(forumName);
    await form.getByRole("radio", { name: "Lokal" }).check();
    await form.getByRole("checkbox", { name: kommun.name, exact: true }).check();
    await form.getByRole("checkbox", { name: region.name, exact: true }).check();
    await form.getByLabel(/^Ordförande/).selectOption({ label: region.name });
    await form.getByRole("button", { name: "Skapa forumet" }).click();
    await page.getByRole("heading", { level: 1, name: forumName }).waitFor();
    forumUrl = page.url();
    const facts = await page.locator("dl.facts").textContent();
    // Members and chair by name, never by code.
    expect(facts).toContain(kommun.name);
    expect(facts).toContain(region.name);
    expect(facts).not.toContain(kommun.code);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("lists the forum with its members by name", async () => {
    await page.goto(`${samsyn.url}/ledningsforum`);
    const table = page.getByRole("table", { name: /^Ledningsforum/ });
    const row = table.locator("tbody tr", { hasText: forumName });
    await row.waitFor();
    expect(await row.textContent()).toContain(`${kommun.name}, ${region.name}`.split(", ")[0]);
    expect(await row.textContent()).toContain("Inget planerat");
  });

  it("creates a meeting and opens it", async () => {
    await page.goto(forumUrl);
    const form = page.locator("form.new-meeting");
    await form.getByLabel(/^Datum/).fill(today);
    await form.getByLabel(/^Rubrik/).fill("Ledningsgruppen, e2e");
    await form.getByRole("button", { name: "Skapa mötet" }).click();
    await page
      .getByRole("heading", { level: 1, name: `${forumName}: Ledningsgruppen, e2e` })
      .waitFor();
    expect(await page.locator(".status-badge").textContent()).toBe("Planerat");
  });

  it("picks a signal into the agenda in one click: its figure with unit, a link to the page behind it", async () => {
    const suggested = page.getByRole("region", { name: "Föreslagen dagordning" });
    const signal = suggested.locator("li.signal", { hasText: agreementTitle });
    await signal.waitFor();
    expect(await signal.textContent()).toMatch(/Översyn av överenskommelse/);
    expect(await signal.locator(".signal-figure").textContent()).toMatch(/10 dagar kvar/);
    expect(
      await signal
        .getByRole("link", { name: `Visa underlaget: ${signalTitle(agreementTitle)}` })
        .getAttribute("href"),
    ).toMatch(/^\/overenskommelser\//);
    // Every figure is a number with its unit (or ".." for a withheld count), never a bare number
    // or a code: a count of cases, days, or a deviation's kind.
    await expect
      .poll(async () =>
        (await suggested.locator(".signal-figure strong").allTextContents()).filter(
          (figure) =>
            !/^(\.\.|[\d\s\u00a0,]+) (ärenden|dagar|förbättringsförslag)$|^öppen i [\d\s\u00a0]+ dagar$|^[\d\s\u00a0]+ dagar (kvar|försenad)$|^(Avvikelse|Tvist)$/.test(
              figure,
            ),
        ),
      )
      .toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    await signal.getByRole("button", { name: /^Lägg till på dagordningen/ }).click();
    await signal.locator(".signal-added").waitFor();
    expect(await signal.locator(".signal-added").textContent()).toBe("✓ På dagordningen");
    // Focus stays where the button was, on what replaced it.
    await expect
      .poll(() => page.evaluate<string>("document.activeElement?.className ?? ''"))
      .toBe("signal-added");
    const agenda = page.locator("ol.agenda li");
    expect(await agenda.allTextContents()).toEqual([
      `${signalTitle(agreementTitle)} (från signal: översyn av överenskommelse)`,
    ]);
    expect(await signal.getByRole("button", { name: /^Lägg till på dagordningen/ }).count()).toBe(
      0,
    );
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.screenshot({
        path: join(screenshots, `ledningsforum-mote-planerat-${size.width}x${size.height}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize(sizes[0]);
  });

  it("adds a free agenda item, a decision and an action; refuses a personnummer without echoing it", async () => {
    const agendaForm = page.locator("form.add-agenda-item");
    await agendaForm.getByLabel(/^Rubrik/).fill("Övriga frågor");
    await agendaForm.getByRole("button", { name: "Lägg till punkten" }).click();
    await expect.poll(() => page.locator("ol.agenda li").count()).toBe(2);

    const decisionForm = page.locator("form.add-decision");
    const text = decisionForm.getByLabel(/^Beslut/);
    await text.fill(`Gäller ${personnummer}`);
    await decisionForm.getByRole("button", { name: "Lägg till beslutet" }).click();
    await expect.poll(() => text.getAttribute("aria-invalid")).toBe("true");
    const refusal = (await decisionForm.locator(".field-error").allTextContents()).join(" ");
    expect(refusal).toMatch(/personnummer|samordningsnummer/i);
    expect(refusal).not.toContain("1212");
    expect(await page.locator("ol.decisions li").count()).toBe(0);
    await text.fill(decision);
    await decisionForm.getByRole("button", { name: "Lägg till beslutet" }).click();
    await expect.poll(() => page.locator("ol.decisions li").allTextContents()).toEqual([decision]);

    const actionForm = page.locator("form.add-action");
    await actionForm.getByLabel(/^Åtgärd/).fill(actionTitle);
    await actionForm.getByLabel(/^Ansvarig organisation/).selectOption({ label: region.name });
    await actionForm.getByLabel(/^Sista dag/).fill(stockholmDate(30));
    await actionForm.getByRole("button", { name: "Lägg till åtgärden" }).click();
    const actions = page.getByRole("table", { name: /^Åtgärder beslutade/ });
    const row = actions.locator("tbody tr", { hasText: actionTitle });
    await row.waitFor();
    expect(await row.textContent()).toContain(region.name);
    expect(await row.textContent()).toContain("Öppen");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("exports the decisions and the actions to CSV and XLSX, named", async () => {
    const decisions = page.getByRole("group", { name: /^Exportera Beslut/ });
    const csv = await downloaded(page, decisions.getByRole("button", { name: "Exportera CSV" }));
    const lines = (await readFile(csv.path, "utf8")).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(`Beslut ${today}`);
    // A line with a comma is one quoted field.
    expect(lines).toContain(`"Filter: ${forumName}, mötet ${today}"`);
    expect(lines).toContain("Nr,Beslut");
    expect(lines).toContain(`1,${decision}`);

    const actions = page.getByRole("group", { name: /^Exportera Åtgärder/ });
    const xlsx = await downloaded(page, actions.getByRole("button", { name: "Exportera Excel" }));
    const workbook = new Workbook();
    await workbook.xlsx.readFile(xlsx.path);
    const rows: unknown[][] = [];
    workbook.worksheets[0]?.eachRow((r) => {
      rows.push((r.values as unknown[]).slice(1));
    });
    expect(rows).toContainEqual([
      actionTitle,
      region.name,
      stockholmDate(30),
      "Öppen",
      "Beslutad på mötet",
      0,
    ]);
  });

  it("is held with its participants, then justerat, and then locked", async () => {
    const status = page.getByRole("region", { name: "Mötets status" });
    await status.getByLabel(/^Deltagare/).fill("Karin Lund\nJohan Berg");
    await status.getByRole("button", { name: "Markera mötet som hållet" }).click();
    await expect.poll(() => page.locator(".status-badge").textContent()).toBe("Hållet");
    expect(await page.locator("dl.protocol-facts").textContent()).toContain(
      "Karin Lund, Johan Berg",
    );

    await status.getByRole("button", { name: "Justera protokollet" }).click();
    expect(await status.getByText("Ange minst en justerare.").count()).toBe(1);
    await status.getByLabel(/^Justerare/).fill("Johan Berg");
    await status.getByRole("button", { name: "Justera protokollet" }).click();
    await expect.poll(() => page.locator(".status-badge").textContent()).toBe("Justerat");
    await page.getByText(/Protokollet är justerat och låst/).waitFor();
    // Locked: nothing to add, no status to change, no signals to pick.
    for (const form of ["form.add-agenda-item", "form.add-decision", "form.add-action"]) {
      expect(await page.locator(form).count()).toBe(0);
    }
    expect(await page.getByRole("region", { name: "Mötets status" }).count()).toBe(0);
    expect(await page.getByRole("region", { name: "Föreslagen dagordning" }).count()).toBe(0);
    // The action can still be followed up: closing it is no change to the protocol.
    expect(await page.getByRole("button", { name: `Klar: ${actionTitle}` }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.screenshot({
        path: join(screenshots, `ledningsforum-mote-${size.width}x${size.height}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize(sizes[0]);
  });

  it("prints the protocol on A4: header, agenda, decisions, actions; no buttons, no menu", async () => {
    await page.emulateMedia({ media: "print" });
    const visible = (locator: Locator) =>
      locator.evaluateAll(
        (nodes) =>
          nodes.filter((n) => (n as { offsetParent: unknown }).offsetParent !== null).length,
      );
    expect(await visible(page.locator("main button"))).toBe(0);
    expect(await visible(page.locator("nav"))).toBe(0);
    expect(await visible(page.locator("form"))).toBe(0);
    expect(await page.locator(".protocol-header").isVisible()).toBe(true);
    expect(await page.locator("ol.decisions").isVisible()).toBe(true);
    expect(await page.getByRole("table", { name: /^Åtgärder beslutade/ }).isVisible()).toBe(true);
    await page.screenshot({
      path: join(screenshots, "ledningsforum-protokoll-utskrift.png"),
      fullPage: true,
    });
    await writeFile(
      join(screenshots, "ledningsforum-protokoll.pdf"),
      await page.pdf({ format: "A4", printBackground: true }),
    );
    await page.emulateMedia({ media: "screen" });
  });

  it("carries the open action over to the next meeting, and marks it done there", async () => {
    const forumId = forumUrl.split("/").at(-1) ?? "";
    const next = await api<{ id: string }>(samsyn.url, `/forums/${forumId}/meetings`, {
      method: "POST",
      body: { date: stockholmDate(40), title: "Nästa möte" },
    });
    await page.goto(`${forumUrl}/moten/${next.id}`);
    const followUp = page.getByRole("table", { name: "Åtgärder som följs upp" });
    const row = followUp.locator("tbody tr", { hasText: actionTitle });
    await row.waitFor();
    // Due on day 30, the meeting on day 40: ten days overdue at it.
    expect(await row.textContent()).toContain(`Överförd från mötet ${today}`);
    expect(await row.locator("td.num").textContent()).toBe("10");

    // The meeting's agenda suggests it as overdue; its link leads to the action's row.
    const signal = page
      .getByRole("region", { name: "Föreslagen dagordning" })
      .locator("li.signal-overdue_action", { hasText: actionTitle });
    expect(await signal.locator(".signal-figure").textContent()).toBe(
      `10 dagar försenad · sista dag ${stockholmDate(30)} · ansvarig: ${region.name}`,
    );
    await signal.getByRole("link", { name: /^Visa underlaget: Försenad åtgärd/ }).click();
    await expect
      .poll(() => page.evaluate<string>("document.activeElement?.id ?? ''"))
      .toMatch(/^atgard-/);
    expect(page.url()).toMatch(/\/ledningsforum\/[^/]+#atgard-/);
    const open = page.getByRole("table", { name: "Forumets öppna åtgärder" });
    expect(await page.evaluate<string>("document.activeElement?.textContent ?? ''")).toContain(
      actionTitle,
    );
    await open.locator("tbody tr", { hasText: actionTitle }).waitFor();
    await open.getByRole("button", { name: `Klar: ${actionTitle}` }).click();
    await page.getByText(`”${actionTitle}” är nu klar.`).waitFor();
    await expect.poll(() => open.count()).toBe(0);
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.screenshot({
        path: join(screenshots, `ledningsforum-${size.width}x${size.height}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize(sizes[0]);
  });

  it("raises an escalation about a routine, lifts it and resolves it on the board", async () => {
    await page.goto(`${samsyn.url}/eskaleringar`);
    await page.getByRole("heading", { level: 1, name: "Eskaleringar" }).waitFor();
    const form = page.locator("form.raise-escalation");
    await form.getByRole("checkbox", { name: kommun.name, exact: true }).check();
    await form.getByRole("checkbox", { name: region.name, exact: true }).check();
    await form.getByLabel(/^Avsnitt/).selectOption({ label: "Ansvarsfördelning" });
    const question = `Vem ansvarar för boendestödet under behandlingen? (e2e ${stamp})`;
    await form.getByLabel(/^Frågan/).fill(question);
    await form.getByRole("button", { name: "Eskalera till nivå 1" }).click();
    await page.getByRole("heading", { level: 1, name: "Eskalering" }).waitFor();
    const facts = page.locator("dl.facts");
    await expect.poll(() => facts.textContent()).toContain("Nivå 1 – Enhetschef");
    expect(await facts.textContent()).toContain(`${kommun.name}`);

    await page.getByLabel(/^Varför lyfts den/).fill("Enhetscheferna kom inte överens.");
    await page.getByRole("button", { name: "Lyft till Nivå 2 – Verksamhetschef" }).click();
    await page.getByText("Lyft till Nivå 2 – Verksamhetschef.").waitFor();
    expect(
      await page.getByRole("table", { name: /^Lyft till nästa nivå/ }).textContent(),
    ).toContain("Enhetscheferna kom inte överens.");
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Alla eskaleringar" }).click();
    const column = page.getByRole("region", { name: /^Nivå 2 – Verksamhetschef/ });
    const card = column.locator("li.escalation-card", { hasText: question });
    await card.waitFor();
    expect(await card.textContent()).toContain("Öppen i 0 dagar");
    expect(await card.textContent()).toContain(region.name);
    expect(await card.textContent()).not.toContain(region.code);
    const metric = page.getByRole("table", { name: /^Eskaleringar per nivå/ });
    await metric.locator("tbody tr").first().waitFor();
    expect(await metric.locator("tbody tr th").allTextContents()).toEqual([
      "Nivå 1 – Enhetschef",
      "Nivå 2 – Verksamhetschef",
      "Nivå 3 – Förvaltningschef eller ledningsforum",
      "Totalt",
    ]);
    // Counts are published numbers or "..", never a number in place of a withheld one.
    for (const value of await metric.locator("td.num").allTextContents()) {
      expect(value).toMatch(/^(\d[\d\s\u00a0]*(,\d)?|\.\.|–)$/);
    }
    await page
      .getByText(/Antal från 1 till \d+ visas inte/)
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.screenshot({
        path: join(screenshots, `eskaleringar-${size.width}x${size.height}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize(sizes[0]);

    await card.getByRole("link", { name: question }).click();
    await page.getByLabel(/^Hur löstes den/).fill("Kommunen ansvarar; rutinen förtydligas.");
    await page.getByRole("button", { name: "Markera som löst" }).click();
    await page.getByText("Eskaleringen är löst.").waitFor();
    expect(await page.locator(".status-badge").textContent()).toBe("Löst");
    await page.getByRole("link", { name: "Alla eskaleringar" }).click();
    const resolved = page.getByRole("table", { name: /^Lösta eskaleringar/ });
    const resolvedRow = resolved.locator("tbody tr", { hasText: question });
    await resolvedRow.waitFor();
    expect(await resolvedRow.textContent()).toContain("Nivå 2 – Verksamhetschef");
  });
});

/** The title the review signal has (packages/domain/src/messages/agenda.ts). */
function signalTitle(agreement: string): string {
  return `Årlig översyn av ”${agreement}” ska vara klar ${stockholmDate(10)}`;
}

/** Today in Stockholm, moved by some days. */
function stockholmDate(days: number): string {
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(
    new Date(),
  );
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
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
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** As the dashboard keeps a session: the API's token in sessionStorage, stored before any page loads. */
async function signInAs(page: Page, url: string, role: string): Promise<void> {
  const token = await devToken(url, role);
  await page.addInitScript(`sessionStorage.setItem("samsyn.token", ${JSON.stringify(token)})`);
  await page.goto(`${url}/`);
  await page.getByText(`Inloggad som dev-${role}`, { exact: false }).waitFor();
}
