import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { t } from "@samsyn/domain";
import { performanceDoc, repoRoot } from "./paths";
import { mergeSections } from "./report";

/**
 * Writes the measured sections into docs/performance.md, then lets Biome lay out its tables as
 * `pnpm format` would: `pnpm lint` checks markdown too, and a run must leave the tree clean.
 */
export async function writePerformanceDoc(sections: ReadonlyMap<string, string>): Promise<void> {
  const doc = await readFile(performanceDoc, "utf8").catch(() => "# Performance\n");
  await writeFile(performanceDoc, mergeSections(doc, sections));
  try {
    execFileSync(
      join(repoRoot, "node_modules", ".bin", "biome"),
      ["format", "--write", performanceDoc],
      {
        cwd: repoRoot,
        stdio: "pipe",
      },
    );
  } catch {
    console.error(t("bench.doc_not_formatted"));
  }
  console.error(t("bench.doc_written", { path: performanceDoc }));
}
