import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

const executablePath = "/usr/bin/chromium";

/**
 * Browser tests need Debian's Chromium (.ci/run installs it). On CI its absence is a failure;
 * on a developer's machine without it, the browser tests are reported as skipped, loudly.
 */
export const browserAvailable = existsSync(executablePath);
if (!browserAvailable) {
  if (process.env.CI)
    throw new Error(`${executablePath} is missing: CI must run the browser tests`);
  console.warn(`\n⚠ ${executablePath} missing: browser tests skipped (apt-get install chromium)\n`);
}

export async function launchBrowser(): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}> {
  const profile = await mkdtemp(join(tmpdir(), "samsyn-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
