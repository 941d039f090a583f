import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createProgressReporter } from "@samsyn/api/progress";
import { generateDemoCounty } from "@samsyn/demo-data";
import { t } from "@samsyn/domain";
import { sourceHash } from "./fingerprint";
import { datasetDir, demoDataSources } from "./paths";

/** A generated demo county in the interchange format, as the benchmark loads it. */
export interface Dataset {
  readonly dir: string;
  readonly cases: number;
  readonly seed: number;
  readonly units: number;
  readonly events: number;
  /** The generator's source hash: part of every database fingerprint made from this data. */
  readonly generator: string;
}

/** Written last, so a generation that was interrupted is never taken for a complete one. */
const summaryFile = "bench-dataset.json";

/**
 * The demo county of `cases` cases and `seed` under `.samsyn/bench/<cases>-<seed>/`: reused when
 * a complete one from the same generator is there, otherwise generated (the generator is
 * deterministic, so a rerun gives the same bytes).
 */
export async function ensureDataset(cases: number, seed: number): Promise<Dataset> {
  const dir = datasetDir(cases, seed);
  const generator = await sourceHash([demoDataSources]);
  const cached = await readSummary(dir);
  if (cached?.generator === generator && cached.cases === cases && cached.seed === seed) {
    console.error(
      t("bench.dataset_reused", { dir, events: cached.events.toLocaleString("sv-SE") }),
    );
    return cached;
  }
  await rm(dir, { recursive: true, force: true });
  console.error(t("bench.dataset_generating", { cases: cases.toLocaleString("sv-SE"), dir }));
  const progress = createProgressReporter();
  const written = await generateDemoCounty({
    outDir: dir,
    seed,
    cases,
    onProgress: (done) => progress.update({ file: "cases", rows: done }),
  });
  progress.done();
  const dataset: Dataset = {
    dir,
    cases,
    seed,
    units: written.units,
    events: written.events,
    generator,
  };
  await writeFile(join(dir, summaryFile), `${JSON.stringify(dataset, null, 2)}\n`);
  return dataset;
}

async function readSummary(dir: string): Promise<Dataset | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(dir, summaryFile), "utf8"));
    return isDataset(parsed) ? { ...parsed, dir } : undefined;
  } catch {
    return undefined;
  }
}

function isDataset(value: unknown): value is Dataset {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.cases === "number" &&
    typeof v.seed === "number" &&
    typeof v.units === "number" &&
    typeof v.events === "number" &&
    typeof v.generator === "string"
  );
}
