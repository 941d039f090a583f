import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: the cache and the doc live there whatever folder pnpm ran the script in. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Generated data and PGlite databases; `.samsyn/` is ignored by git. */
export const benchRoot = join(repoRoot, ".samsyn", "bench");

export const performanceDoc = join(repoRoot, "docs", "performance.md");

/** The generator's own sources: when they change, cached data is stale. */
export const demoDataSources = join(repoRoot, "packages", "demo-data", "src");

export function datasetDir(cases: number, seed: number): string {
  return join(benchRoot, `${cases}-${seed}`);
}

export function pgliteDir(cases: number, seed: number): string {
  return join(benchRoot, `pglite-${cases}-${seed}`);
}
