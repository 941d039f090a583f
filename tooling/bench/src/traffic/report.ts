import { median, percentileCont } from "@samsyn/domain";
import type { MachineFacts } from "../machine";
import type { TrafficKind } from "./mix";

/** One answered request of the measured minute. */
export interface Answer {
  readonly kind: TrafficKind;
  /** The role and path asked: how many questions were distinct says how much a cache could hold. */
  readonly question: string;
  readonly status: number;
  readonly ms: number;
}

export interface KindFigures {
  readonly label: TrafficKind | "all";
  readonly requests: number;
  /** Answers outside 2xx: for this mix every one is a failure (the mix only asks what is allowed). */
  readonly errors: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** The issue's targets: zero errors, p99 ≤ 300 ms over the mix, RSS flat. */
export const loadTargets = {
  errors: 0,
  p99Ms: 300,
  /** "Flat": the last ten seconds' median RSS at most this much above the first ten seconds'. */
  rssGrowth: 0.1,
} as const;

export function kindFigures(answers: readonly Answer[]): KindFigures[] {
  const kinds: TrafficKind[] = ["metric", "page", "write"];
  return [
    figuresOf("all", answers),
    ...kinds.map((kind) =>
      figuresOf(
        kind,
        answers.filter((a) => a.kind === kind),
      ),
    ),
  ];
}

function figuresOf(label: KindFigures["label"], answers: readonly Answer[]): KindFigures {
  const ms = answers.map((a) => a.ms);
  return {
    label,
    requests: answers.length,
    errors: answers.filter((a) => a.status < 200 || a.status > 299).length,
    p50: percentileCont(ms, 0.5) ?? Number.NaN,
    p95: percentileCont(ms, 0.95) ?? Number.NaN,
    p99: percentileCont(ms, 0.99) ?? Number.NaN,
  };
}

export interface RssTrend {
  readonly firstBytes: number;
  readonly lastBytes: number;
  readonly peakBytes: number;
  /** (last window's median − first window's median) / first window's median. */
  readonly growth: number;
}

/** RSS samples taken once a second: the first and last `window` samples' medians compared. */
export function rssTrend(samples: readonly number[], window = 10): RssTrend {
  if (samples.length === 0) throw new Error("no RSS samples");
  const size = Math.max(1, Math.min(window, Math.floor(samples.length / 2)));
  const first = median(samples.slice(0, size)) ?? Number.NaN;
  const last = median(samples.slice(-size)) ?? Number.NaN;
  return {
    firstBytes: first,
    lastBytes: last,
    peakBytes: Math.max(...samples),
    growth: (last - first) / first,
  };
}

export interface LoadResult {
  /** What it ran on, and how busy the machine was: the figures mean little without it. */
  readonly machine: MachineFacts;
  readonly measuredAt: Date;
  readonly cases: number;
  readonly connections: number;
  readonly streams: number;
  readonly seconds: number;
  readonly figures: readonly KindFigures[];
  readonly rss: RssTrend;
  /** Live board events the open streams should have had, and those that arrived. */
  readonly streamEvents: { readonly expected: number; readonly received: number };
  /** autocannon's own count of failed connections and timeouts (not answers). */
  readonly socketErrors: number;
  /** Distinct metric questions (role and path) among the metric reads measured. */
  readonly distinctMetricQuestions: number;
  /** `samsyn serve`'s SAMSYN_METRIC_CONCURRENCY (a limit, or `off`): it moves every figure. */
  readonly metricConcurrency: string;
}

export function distinctQuestions(answers: readonly Answer[], kind: TrafficKind): number {
  return new Set(answers.filter((a) => a.kind === kind).map((a) => a.question)).size;
}

const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;
const msText = (ms: number) => `${ms.toFixed(0)} ms`;

/** The result as Markdown, as docs/scaling.md records it. */
export function renderLoad(result: LoadResult): string {
  const all = result.figures.find((f) => f.label === "all");
  if (all === undefined) throw new Error("no overall figures");
  const rows = result.figures.map(
    (f) =>
      `| ${f.label} | ${f.requests.toLocaleString("sv-SE")} | ${(f.requests / result.seconds).toFixed(0)} | ${f.errors} | ${msText(f.p50)} | ${msText(f.p95)} | ${msText(f.p99)} |`,
  );
  const errors = all.errors + result.socketErrors;
  const lost = result.streamEvents.expected - result.streamEvents.received;
  const verdict = (held: boolean) => (held ? "held" : "**missed**");
  const { machine } = result;
  return [
    `Measured ${result.measuredAt.toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine.commit ?? "?"}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average (1 min) ${machine.loadAverage.toFixed(1)} at the end.`,
    "",
    `${result.cases.toLocaleString("sv-SE")} cases, ${result.connections} connections (${result.streams} holding live board streams), ${result.seconds} s, metric queue SAMSYN_METRIC_CONCURRENCY=${result.metricConcurrency}`,
    "",
    "| requests | count | per second | errors | p50 | p95 | p99 |",
    "| -------- | ----: | ---------: | -----: | --: | --: | --: |",
    ...rows,
    "",
    `- metric reads: ${result.distinctMetricQuestions.toLocaleString("sv-SE")} distinct questions (role, metric, grouping, period, filter) among ${(result.figures.find((f) => f.label === "metric")?.requests ?? 0).toLocaleString("sv-SE")}`,
    `- errors: ${errors} (answers outside 2xx ${all.errors}, failed connections and timeouts ${result.socketErrors}) — target 0: ${verdict(errors === loadTargets.errors)}`,
    `- p99 over the mix: ${msText(all.p99)} — target ≤ ${loadTargets.p99Ms} ms: ${verdict(all.p99 <= loadTargets.p99Ms)}`,
    `- RSS of samsyn serve: ${mb(result.rss.firstBytes)} in the first 10 s, ${mb(result.rss.lastBytes)} in the last 10 s (${(result.rss.growth * 100).toFixed(1)} %), peak ${mb(result.rss.peakBytes)} — flat (≤ ${loadTargets.rssGrowth * 100} %): ${verdict(result.rss.growth <= loadTargets.rssGrowth)}`,
    `- live boards: ${result.streamEvents.received} of ${result.streamEvents.expected} notes written to the watched boards arrived on their streams${lost === 0 ? "" : ` (${lost} missing)`}`,
  ].join("\n");
}
