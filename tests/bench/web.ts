/**
 * `pnpm bench:web` (not a test): Lighthouse (desktop preset) on Översikt and Ärenden against
 * `samsyn start` with the demo county, and the dashboard's main bundle size (gzip). Prints a
 * table and records it in docs/performance.md between its bench:web markers.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { t } from "@samsyn/domain/messages";
import { desktopConfig, startFlow } from "lighthouse";
import puppeteer from "puppeteer-core";
import { repoRoot, startSamsyn } from "../support/samsyn-process";

const budgets = { accessibility: 95, performance: 90, bundleKb: 250 };
const pages = [
  { path: "/", name: "Översikt" },
  { path: "/arenden", name: "Ärenden" },
] as const;

interface Row {
  readonly measure: string;
  readonly value: number;
  readonly target: string;
  readonly met: boolean;
}

/** The main bundle: the entry script and stylesheet index.html loads before any page chunk. */
export async function mainBundleGzipKb(distDir: string): Promise<number> {
  const html = await readFile(join(distDir, "index.html"), "utf8");
  const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1] ?? "",
  );
  let bytes = 0;
  for (const asset of assets) bytes += gzipSync(await readFile(join(distDir, asset))).length;
  return Math.round((bytes / 1024) * 10) / 10;
}

async function lighthouseRows(url: string, token: string): Promise<Row[]> {
  const browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    // Signed in as the dashboard keeps it: the token in this tab's sessionStorage.
    await page.goto(`${url}/api/v1/health`);
    await page.evaluate(`sessionStorage.setItem("samsyn.token", ${JSON.stringify(token)})`);
    const flow = await startFlow(page, {
      config: desktopConfig,
      flags: { disableStorageReset: true },
    });
    for (const p of pages) await flow.navigate(`${url}${p.path}`, { name: p.name });
    const result = await flow.createFlowResult();
    return result.steps.flatMap((step) => {
      const score = (id: string) => Math.round((step.lhr.categories[id]?.score ?? 0) * 100);
      const a11y = score("accessibility");
      const perf = score("performance");
      return [
        {
          measure: `${step.name}: ${t("benchweb.accessibility")}`,
          value: a11y,
          target: `≥ ${budgets.accessibility}`,
          met: a11y >= budgets.accessibility,
        },
        {
          measure: `${step.name}: ${t("benchweb.performance")}`,
          value: perf,
          target: `≥ ${budgets.performance}`,
          met: perf >= budgets.performance,
        },
      ];
    });
  } finally {
    await browser.close();
  }
}

async function devToken(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/dev/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ role: "lan", orgs: [] }),
  });
  return ((await res.json()) as { token: string }).token;
}

function table(rows: readonly Row[]): string {
  const header = `| ${t("benchweb.measure")} | ${t("benchweb.value")} | ${t("benchweb.target")} | ${t("benchweb.met")} |`;
  const lines = rows.map(
    (r) =>
      `| ${r.measure} | ${r.value} | ${r.target} | ${r.met ? t("benchweb.yes") : t("benchweb.no")} |`,
  );
  return [header, "| --- | --- | --- | --- |", ...lines].join("\n");
}

/** Replaces the text between the bench:web markers, adding the section the first time. */
async function record(markdown: string): Promise<void> {
  const doc = join(repoRoot, "docs", "performance.md");
  const start = "<!-- bench:web:start -->";
  const end = "<!-- bench:web:end -->";
  const current = await readFile(doc, "utf8").catch(() => "# Performance\n");
  const block = `${start}\n\n${markdown}\n\n${end}`;
  const next =
    current.includes(start) && current.includes(end)
      ? current.slice(0, current.indexOf(start)) +
        block +
        current.slice(current.indexOf(end) + end.length)
      : `${current.trimEnd()}\n\n## ${t("benchweb.heading")}\n\n${block}\n`;
  await writeFile(doc, next);
  // `pnpm lint` checks markdown too: lay the table out as `pnpm format` would.
  execFileSync(join(repoRoot, "node_modules", ".bin", "biome"), ["format", "--write", doc], {
    cwd: repoRoot,
    stdio: "pipe",
  });
}

async function main(): Promise<void> {
  const bundleKb = await mainBundleGzipKb(join(repoRoot, "apps", "dashboard", "dist"));
  const dataDir = await mkdtemp(join(tmpdir(), "samsyn-bench-web-"));
  const samsyn = await startSamsyn("start", {
    DATABASE_URL: undefined,
    SAMSYN_DATA_DIR: dataDir,
    SAMSYN_DEMO_CASES: "2000",
    SAMSYN_SECRET: undefined,
  });
  try {
    const rows: Row[] = [
      ...(await lighthouseRows(samsyn.url, await devToken(samsyn.url))),
      {
        measure: t("benchweb.bundle"),
        value: bundleKb,
        target: `≤ ${budgets.bundleKb}`,
        met: bundleKb <= budgets.bundleKb,
      },
    ];
    const markdown = `${t("benchweb.when", { date: new Date().toISOString().slice(0, 10) })}\n\n${table(rows)}`;
    console.log(markdown);
    await record(markdown);
    if (rows.some((r) => !r.met)) process.exitCode = 1;
  } finally {
    await samsyn.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
