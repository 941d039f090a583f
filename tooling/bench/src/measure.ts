import type { Database } from "@samsyn/db";
import { t } from "@samsyn/domain";
import { type Agreement, compareAnswers } from "./agreement";
import type { BenchApi } from "./http";
import { benchPeriod, type MetricQuestion, questionPath } from "./questions";
import { rawQuery } from "./raw-sql";
import { type Timing, timeRuns } from "./timing";

export type ApiOutcome =
  | {
      readonly kind: "measured";
      readonly timing: Timing;
      readonly cells: number;
      readonly agreement: Agreement;
    }
  /** The endpoint answers 404: not built yet. */
  | { readonly kind: "missing" }
  | { readonly kind: "failed"; readonly status: number };

export interface QuestionResult {
  readonly question: MetricQuestion;
  readonly api: ApiOutcome;
  readonly baseline: { readonly timing: Timing; readonly rows: number };
}

export interface RunSettings {
  readonly warmup: number;
  readonly runs: number;
  /** Timed runs of the baseline query; its warm-up is the run whose answer is compared. */
  readonly baselineRuns: number;
}

/** Each question as baseline SQL, then through the API: the same warm-up and number of runs. */
export async function measureQuestions(
  api: BenchApi,
  database: Database,
  questions: readonly MetricQuestion[],
  settings: RunSettings,
): Promise<QuestionResult[]> {
  const results: QuestionResult[] = [];
  for (const question of questions) {
    console.error(t("bench.measuring", { endpoint: question.endpoint }));
    const baseline = await measureBaseline(database, question, settings);
    const apiOutcome = await measureApi(api, question, baseline.answer, settings);
    results.push({ question, api: apiOutcome, baseline });
  }
  return results;
}

/** The first run is a warm-up whose answer is kept: the API's is compared with it. */
async function measureBaseline(
  database: Database,
  question: MetricQuestion,
  settings: RunSettings,
) {
  const text = question.baseline(benchPeriod, database.kind);
  const answer = await rawQuery(database, text);
  const timed = { ...warmedOnce(settings), runs: settings.baselineRuns };
  const timing = await timeRuns(() => rawQuery(database, text), timed);
  return { timing, rows: answer.length, answer };
}

async function measureApi(
  api: BenchApi,
  question: MetricQuestion,
  baselineAnswer: readonly Record<string, unknown>[],
  settings: RunSettings,
): Promise<ApiOutcome> {
  const path = questionPath(question);
  const probe = await api.get(path);
  if (probe.status === 404) {
    console.error(t("bench.endpoint_missing", { endpoint: question.endpoint }));
    return { kind: "missing" };
  }
  if (probe.status !== 200 || probe.cells === undefined) {
    console.error(
      t("bench.endpoint_failed", { endpoint: question.endpoint, status: probe.status }),
    );
    return { kind: "failed", status: probe.status };
  }
  const agreement = compareAnswers(probe.cells, baselineAnswer, question.answer);
  for (const example of agreement.examples) console.error(`  ≠ ${example}`);
  const timing = await timeRuns(() => api.get(path), warmedOnce(settings));
  return { kind: "measured", timing, cells: probe.cells.length, agreement };
}

function warmedOnce(settings: RunSettings): { warmup: number; runs: number } {
  return { warmup: Math.max(settings.warmup - 1, 0), runs: settings.runs };
}
