import { AxeBuilder } from "@axe-core/playwright";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** Opens a dashboard page and waits until its figures are in: loading text gone, a table row. */
export async function openPage(page: Page, url: string, expectTables = true): Promise<void> {
  await page.goto(url);
  await page.getByRole("heading", { level: 1 }).waitFor();
  await expect.poll(() => page.getByText("Hämtar uppgifter…").count(), { timeout: 30_000 }).toBe(0);
  if (expectTables) await page.locator("main tbody tr").first().waitFor();
}

/** axe's serious and critical findings (WCAG 2.1 A and AA), one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Clicks `button` and returns the file it downloads. */
export async function downloaded(
  page: Page,
  button: Locator,
): Promise<{ name: string; path: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return { name: download.suggestedFilename(), path: await download.path() };
}
