import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../support/browser";
import { seriousViolations } from "../support/dashboard";
import { type RunningSamsyn, repoRoot, startSamsyn } from "../support/samsyn-process";

/**
 * Utvärdering as a team runs it, by keyboard alone (Tab, Enter, Space, arrow keys and typing:
 * no mouse click): a ledning of Södertälje starts a session, writes notes, groups them, votes,
 * lifts an improvement to the Södertälje forum and closes it, while a colleague in another
 * browser sees each new note arrive on the live board without reloading. Then the summary
 * prints on A4, the themes across sessions are read by theme, month and step, and an
 * anonymous session shows who is there only as a number.
 */
const screenshots = join(repoRoot, "artifacts", "screenshots");
const sizes = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

describe.skipIf(!browserAvailable)("Utvärdering in a browser, by keyboard", () => {
  let dataDir: string;
  let samsyn: RunningSamsyn;
  let facilitator: Browser;
  let colleague: Browser;
  let page: Page;
  let other: Page;
  const title = `Vad fungerade bra? e2e ${Date.now()}`;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "samsyn-evaluations-"));
    await mkdir(screenshots, { recursive: true });
    samsyn = await startSamsyn("start", {
      DATABASE_URL: undefined,
      SAMSYN_DATA_DIR: dataDir,
      SAMSYN_DEMO_CASES: "500",
      SAMSYN_SECRET: undefined,
    });
    // Two browsers, two people: each its own profile and session.
    facilitator = await launchBrowser();
    colleague = await launchBrowser();
    page = await facilitator.context.newPage();
    other = await colleague.context.newPage();
    await page.setViewportSize(sizes[0]);
    await other.setViewportSize(sizes[0]);
    await signInAs(page, samsyn.url, { role: "ledning", orgs: ["K0181"], sub: "anna.sjoberg" });
    await signInAs(other, samsyn.url, { role: "samordnare", orgs: ["K0181"], sub: "erik.nystrom" });
  }, 300_000);

  afterAll(async () => {
    await facilitator?.close();
    await colleague?.close();
    await samsyn?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("lists the demo county's sessions by name, and starts one from the form", async () => {
    await page.goto(`${samsyn.url}/utvardering`);
    await page.getByRole("heading", { level: 1, name: "Utvärdering" }).waitFor();
    const table = page.getByRole("table", { name: /Utvärderingar/ });
    await table.locator("tbody tr").first().waitFor();
    const rows = await table.locator("tbody tr").allTextContents();
    expect(rows.some((r) => r.includes("Södertälje kommun") && r.includes("Avslutad"))).toBe(true);
    expect(rows.join(" ")).not.toMatch(/\bK0181\b/);
    expect(await seriousViolations(page)).toEqual([]);
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.screenshot({
        path: join(screenshots, `utvardering-${size.width}x${size.height}.png`),
      });
    }
    await page.setViewportSize(sizes[0]);

    await tabTo(page, page.getByLabel(/^Rubrik/));
    await page.keyboard.type(title);
    await tabTo(page, page.getByLabel(/^Processmodell/));
    await page.keyboard.type("Samordnad");
    await tabTo(page, page.getByRole("button", { name: "Starta utvärderingen" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await other.goto(page.url());
    await other.getByRole("heading", { level: 1, name: title }).waitFor();
  });

  it("collects: a note written here arrives on the colleague's board without reloading", async () => {
    const presence = page.locator(".presence");
    await expect.poll(() => presence.textContent(), { timeout: 15_000 }).toContain("erik.nystrom");
    await addNote(page, "worked_well", "Snabba svar från regionens kontaktpersoner", "Kom");
    await other
      .getByRole("region", { name: "Vad fungerade bra" })
      .getByText("Snabba svar från regionens kontaktpersoner")
      .waitFor({ timeout: 10_000 });
    await expect
      .poll(() => other.getByRole("status").filter({ hasText: "Ny lapp" }).first().textContent())
      .toContain("Ny lapp under Vad fungerade bra");
    await addNote(page, "improve", "Kallelser kom för sent till SIP-mötet", "Pla");
    await addNote(page, "improve", "Ingen visste vem som var kontaktperson", "Kom");
    await other
      .getByRole("region", { name: "Förbättringsområden" })
      .getByText("Ingen visste vem som var kontaktperson")
      .waitFor({ timeout: 10_000 });
    // The note's theme by name, not code.
    const improvements = page.getByRole("region", { name: "Förbättringsområden" });
    expect(await improvements.textContent()).toContain("Planer");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("groups without dragging: a new group, then 'Flytta till grupp'", async () => {
    await movePhase(page, "Gruppera");
    await other.getByText("Fas: Gruppera").waitFor({ timeout: 10_000 });
    await tabTo(page, page.getByLabel(/^Gruppens namn/));
    await page.keyboard.type("Kontaktvägar");
    await tabTo(
      page,
      page.getByRole("checkbox", { name: "Ingen visste vem som var kontaktperson" }),
    );
    await page.keyboard.press("Space");
    await tabTo(page, page.getByRole("button", { name: "Skapa gruppen" }));
    await page.keyboard.press("Enter");
    const group = page.locator("article.board-card.group");
    await group.getByText("Grupp: Kontaktvägar").waitFor();

    const move = page.getByLabel(/^Flytta till grupp: Kallelser kom för sent/);
    await tabTo(page, move);
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => move.inputValue()).not.toBe("");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await group.getByText("Kallelser kom för sent till SIP-mötet").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("votes with the votes left shown, totals hidden until discuss", async () => {
    await movePhase(page, "Rösta");
    await page.getByText("Du har 3 av 3 röster kvar.").waitFor();
    expect(await page.locator(".vote-total").count()).toBe(0);
    await tabTo(page, page.getByRole("button", { name: "Rösta på: Kontaktvägar" }));
    await page.keyboard.press("Enter");
    await page.getByText("Du har 2 av 3 röster kvar.").waitFor();
    await page.keyboard.press("Enter");
    await page.getByText("Du har 1 av 3 röster kvar.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("discusses with totals, and makes the group an action of the Södertälje forum", async () => {
    await movePhase(page, "Diskutera");
    const group = page.locator("article.board-card.group");
    await group.getByText("Röster: 2").waitFor();
    await other
      .locator("article.board-card.group")
      .getByText("Röster: 2")
      .waitFor({ timeout: 10_000 });
    await tabTo(page, page.getByRole("button", { name: "Gör till åtgärd: Kontaktvägar" }));
    await page.keyboard.press("Enter");
    await tabTo(page, page.getByLabel(/^Ledningsforum/));
    await page.keyboard.type("Lokalt ledningsforum Söd");
    await tabTo(page, page.getByLabel(/^Ansvarig organisation/));
    await page.keyboard.type("Söd");
    await tabTo(page, page.getByLabel(/^Klart senast/));
    await page.keyboard.type("2027-03-31");
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.screenshot({
        path: join(screenshots, `utvardering-tavla-${size.width}x${size.height}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize(sizes[0]);
    expect(await seriousViolations(page)).toEqual([]);
    await tabTo(page, page.getByRole("button", { name: "Skapa åtgärden" }));
    await page.keyboard.press("Enter");
    await group.getByText("Åtgärd i ledningsforum (pågår)").waitFor();
  });

  it("closes, and the figures beside the board read '..' where withheld, never a bare 0", async () => {
    await movePhase(page, "Avslutad");
    await page.getByText("Fas: Avslutad").waitFor();
    await other.getByText("Fas: Avslutad").waitFor({ timeout: 10_000 });
    const figures = page.getByRole("region", { name: "Siffror för perioden" });
    await figures.getByRole("heading", { name: /^Ledtider/ }).waitFor();
    // Each list says which cases it counts and when: lead times of the cases opened in the
    // period, stuck cases on the last day of it — never a bare "Ledtider" a reader must date.
    const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
    const dated =
      /^Ledtider för ärenden öppnade (\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2})$|^Fastnade ärenden den (\d{4}-\d{2}-\d{2}), av ärenden öppnade (\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2})$/;
    const headings = await figures.getByRole("heading", { level: 3 }).allTextContents();
    expect(headings.filter((h) => dated.test(h))).toHaveLength(2);
    for (const heading of headings.filter((h) => dated.test(h))) {
      const dates = heading.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
      expect(dates.at(-2) ?? "").toMatch(/-01$/);
      expect((dates.at(-1) ?? "") <= today, `${heading} ends after ${today}`).toBe(true);
    }
    const lines = await figures.getByRole("listitem").allTextContents();
    expect(lines.length).toBeGreaterThan(0);
    // Each figure with its unit; a withheld one reads "..", never a number in its place.
    for (const line of lines) {
      expect(line).toMatch(
        /^\d+\. \D+ → \d+\. \D+: median (\d+(,\d)?|\.\.) dagar \((\d+|\.\.) ärenden\)$|^\d+\. \D+: (\d+|\.\.) fastnade ärenden$/,
      );
    }
    expect(await figures.textContent()).toMatch(/skydda enskilda/);
    // The flow through the steps: each step by its name, each count a number or "..".
    const flow = figures.getByRole("table", { name: /^Ärenden som gick från ett steg/ });
    for (const row of await flow.locator("tbody tr").all()) {
      const [from, to, count] = await row.locator("th, td").allTextContents();
      expect(from).toMatch(/^\d+\. \D/);
      expect(to).toMatch(/^\d+\. \D/);
      expect(count).toMatch(/^(\d+|\.\.)$/);
    }
    expect(await flow.locator("tbody tr").count()).toBeGreaterThan(0);
    // The period in its caption ends today at the latest: no figure promised for days to come.
    const captionDates = ((await flow.locator("caption").textContent()) ?? "").match(
      /\d{4}-\d{2}-\d{2}/g,
    );
    expect(captionDates?.length).toBe(2);
    for (const date of captionDates ?? [])
      expect(date <= today, `${date} after ${today}`).toBe(true);
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.screenshot({
        path: join(screenshots, `utvardering-avslutad-${size.width}x${size.height}.png`),
        fullPage: true,
      });
    }
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("sums the session up and prints it on A4: names, themes, votes, the action; no controls", async () => {
    const summary = page.getByRole("region", { name: "Sammanfattning" });
    await summary.waitFor();
    const text = (await summary.textContent()) ?? "";
    expect(text).toContain("Södertälje kommun");
    expect(text).toMatch(/Processmodell\s*Samordnad individuell plan/);
    expect(text).toContain("Grupp: Kontaktvägar");
    expect(text).toContain("Gruppens åtgärd, pågår");
    expect(text).toContain("Snabba svar från regionens kontaktpersoner");
    expect(text).toMatch(/Kommunikation/);
    // Names, not codes; what was said, not who said it.
    expect(text).not.toMatch(/\bK0181\b|\bsip\b|kommunikation|anna\.sjoberg/);
    const votes = summary.getByRole("table", { name: /Förbättringsområden/ });
    expect(await votes.getByRole("row", { name: /Grupp: Kontaktvägar/ }).textContent()).toMatch(
      /Kontaktvägar.*2/,
    );
    await summary.getByRole("button", { name: "Skriv ut sammanfattningen" }).waitFor();
    await summary.getByRole("button", { name: "Exportera CSV" }).waitFor();

    // About an A4 page's width, as the printout has.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: "print" });
    const visible = (locator: Locator) =>
      locator.evaluateAll(
        (nodes) =>
          nodes.filter((n) => (n as { offsetParent: unknown }).offsetParent !== null).length,
      );
    expect(await visible(page.locator("main button"))).toBe(0);
    expect(await visible(page.locator("nav"))).toBe(0);
    expect(await visible(page.locator("main form"))).toBe(0);
    expect(await visible(page.locator(".board-columns"))).toBe(0);
    expect(await visible(summary)).toBe(1);
    await page.screenshot({
      path: join(screenshots, "utvardering-sammanfattning-utskrift.png"),
      fullPage: true,
    });
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await writeFile(join(screenshots, "utvardering-sammanfattning.pdf"), pdf);
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize(sizes[0]);
  });

  it("reads the themes across sessions by theme, month and step, a signal's theme chosen", async () => {
    // The link an improvement_theme signal on a forum's agenda carries.
    await page.goto(`${samsyn.url}/utvardering/teman?theme=kommunikation`);
    await page.getByRole("heading", { level: 1, name: "Utvärderingarnas teman" }).waitFor();
    const byTheme = page.getByRole("table", { name: /^Lappar per tema/ });
    await byTheme.locator("tbody tr").first().waitFor();
    expect(await byTheme.textContent()).toContain("Kommunikation (valt tema)");
    const byMonth = page.getByRole("table", { name: /^Lappar per månad, temat Kommunikation/ });
    await byMonth.locator("tbody tr").first().waitFor();
    const byStep = page.getByRole("table", { name: /^Lappar per processteg, temat Kommunikation/ });
    await byStep.locator("tbody tr").first().waitFor();
    // A step by its process and name, never a bare number; counts a number or "..".
    for (const row of await byStep.locator("tbody tr").all()) {
      expect(await row.locator("th").textContent()).toMatch(
        /^\D+: \d+\. \D.*$|^Inget särskilt processteg$/,
      );
      for (const cell of await row.locator("td").allTextContents())
        expect(cell).toMatch(/^(\d[\d\s]*|\.\.)$/);
    }
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toMatch(/antal lappar/i);
    // The counts are of notes: no sentence about them may speak of cases.
    expect(main).toMatch(/färre än \d+ lappar/);
    expect(main).not.toMatch(/färre än \d+ ärenden|Samma ärenden/);
    // The default period ends with the last whole month: no month is marked as unfinished.
    expect(main).not.toMatch(/är inte slut/);
    expect(await seriousViolations(page)).toEqual([]);
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.screenshot({
        path: join(screenshots, `utvardering-teman-${size.width}x${size.height}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize(sizes[0]);
  });

  it("shows who is on an anonymous board only as a number", async () => {
    const token = await tokenFor(samsyn.url, {
      role: "ledning",
      orgs: ["K0181"],
      sub: "anna.sjoberg",
    });
    const res = await fetch(`${samsyn.url}/api/v1/evaluations`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify({
        title: `Anonym utvärdering e2e ${Date.now()}`,
        organisations: ["K0181"],
        from: "2026-09-01",
        to: "2026-11-30",
        anonymous: true,
        votesPerParticipant: 3,
      }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await page.goto(`${samsyn.url}/utvardering/${id}`);
    await other.goto(`${samsyn.url}/utvardering/${id}`);
    const presence = page.locator(".presence");
    await expect
      .poll(() => presence.textContent(), { timeout: 15_000 })
      .toMatch(/^2 deltagare har tavlan öppen$/);
    expect(await other.locator(".presence").textContent()).not.toMatch(/anna|erik/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

/** Presses Tab until `target` has the focus: the keyboard's way there, no mouse. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < 400; i++) {
    // Runs in the page; this package type-checks for Node (no DOM lib), hence `globalThis`.
    const focused = await target.evaluate(
      (el) =>
        el ===
        (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
    );
    if (focused) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("Tab never reached the control");
}

/** Writes a note: its kind with the arrow keys, its text, its theme by typing its name. */
async function addNote(
  page: Page,
  kind: "worked_well" | "improve",
  text: string,
  theme: string,
): Promise<void> {
  await tabTo(page, page.getByRole("radio", { checked: true }));
  const checked = await page.getByRole("radio", { checked: true }).getAttribute("value");
  if (checked !== kind) await page.keyboard.press(kind === "improve" ? "ArrowDown" : "ArrowUp");
  await tabTo(page, page.getByLabel(/^Text/));
  await page.keyboard.type(text);
  await tabTo(page, page.getByLabel(/^Tema/));
  await page.keyboard.type(theme);
  await tabTo(page, page.getByRole("button", { name: "Lägg till" }));
  await page.keyboard.press("Enter");
  const column = kind === "improve" ? "Förbättringsområden" : "Vad fungerade bra";
  await page.getByRole("region", { name: column }).getByText(text).waitFor();
}

async function movePhase(page: Page, phase: string): Promise<void> {
  await tabTo(page, page.getByRole("button", { name: `Gå vidare till: ${phase}` }));
  await page.keyboard.press("Enter");
  await page.getByText(`Fas: ${phase}`).waitFor();
}

/** A bearer token of the dev sign-in, for a set-up step the test makes through the API. */
async function tokenFor(url: string, who: { role: string; orgs: string[]; sub: string }) {
  const res = await fetch(`${url}/api/v1/dev/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(who),
  });
  return ((await res.json()) as { token: string }).token;
}

async function signInAs(
  page: Page,
  url: string,
  who: { role: string; orgs: string[]; sub: string },
): Promise<void> {
  const res = await fetch(`${url}/api/v1/dev/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(who),
  });
  const { token } = (await res.json()) as { token: string };
  await page.addInitScript(`sessionStorage.setItem("samsyn.token", ${JSON.stringify(token)})`);
  await page.goto(`${url}/`);
  await page.getByText(`Inloggad som ${who.sub}`, { exact: false }).waitFor();
}
