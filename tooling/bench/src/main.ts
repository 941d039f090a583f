import { readEnv } from "@samsyn/api";
import { t } from "@samsyn/domain";
import { type Dataset, ensureDataset } from "./dataset";
import { writePerformanceDoc } from "./doc";
import { startApi } from "./http";
import { type LoadSettings, openLoaded } from "./load";
import { databaseSettings, machineFacts } from "./machine";
import { measureQuestions } from "./measure";
import {
  type BenchOptions,
  type BenchTarget,
  BenchUsageError,
  benchPlan,
  parseBenchArgs,
} from "./options";
import { benchPeriod, metricQuestions } from "./questions";
import { renderSection, type SectionResult, sectionKey } from "./report";

/**
 * `pnpm bench`: for each size, the demo county generated (or reused), loaded into each target
 * (or reused), and every metric timed through the HTTP API and as baseline SQL. Prints one table
 * per target and size and writes them into docs/performance.md. Not a test: nothing in
 * `pnpm test` runs it.
 */
async function main(args: readonly string[]): Promise<number> {
  const options = parseBenchArgs(args);
  const serverUrl = readEnv().DATABASE_URL;
  const datasets = new Map<number, Dataset>();
  for (const { target, cases } of benchPlan(options)) {
    if (target === "postgres" && serverUrl === undefined) {
      console.error(t("bench.no_database_url"));
      continue;
    }
    const dataset = datasets.get(cases) ?? (await ensureDataset(cases, options.seed));
    datasets.set(cases, dataset);
    const result = await benchOne(target, dataset, options, { fresh: options.fresh, serverUrl });
    console.log(`\n${renderSection(result, "sv")}`);
    // Written after every table: a later size that fails (or is stopped) keeps what was measured.
    const section = new Map([[sectionKey(target, cases), renderSection(result, "en")]]);
    if (options.writeDoc) await writePerformanceDoc(section);
  }
  return 0;
}

async function benchOne(
  target: BenchTarget,
  dataset: Dataset,
  options: BenchOptions,
  load: LoadSettings,
): Promise<SectionResult> {
  const loaded = await openLoaded(target, dataset, load);
  const { database } = loaded;
  const api = await startApi(database).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  try {
    const settings = {
      warmup: options.warmup,
      runs: options.runs,
      baselineRuns: options.baselineRuns,
    };
    return {
      target,
      dataset,
      reused: loaded.reused,
      importFigures: loaded.importFigures,
      sizeBytes: loaded.sizeBytes,
      questions: await measureQuestions(api, database, metricQuestions, settings),
      settings,
      period: benchPeriod,
      machine: machineFacts(),
      databaseSettings: await databaseSettings(database),
      measuredAt: new Date(),
    };
  } finally {
    await api.close();
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    const code = (err as { code?: unknown }).code;
    const usage = err instanceof BenchUsageError || String(code).startsWith("ERR_PARSE_ARGS");
    // A usage mistake is one line; anything else keeps its stack: this is a developer's tool.
    console.error(
      t("cli.failed", { message: usage || !(err instanceof Error) ? message : String(err.stack) }),
    );
    if (usage) console.error(t("bench.usage"));
    process.exitCode = usage ? 2 : 1;
  },
);
