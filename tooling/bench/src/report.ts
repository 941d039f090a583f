import { type Locale, type MessageKey, t } from "@samsyn/domain";
import type { Period } from "./baseline-sql";
import type { Dataset } from "./dataset";
import type { ImportFigures } from "./load";
import type { MachineFacts } from "./machine";
import type { QuestionResult, RunSettings } from "./measure";
import { type BenchTarget, benchTargets } from "./options";
import { p95TargetMs, questionLabel } from "./questions";

/** Everything one (target, size) run measured: one table and its facts. */
export interface SectionResult {
  readonly target: BenchTarget;
  readonly dataset: Dataset;
  readonly reused: boolean;
  readonly importFigures: ImportFigures;
  readonly sizeBytes: number;
  readonly questions: readonly QuestionResult[];
  readonly settings: RunSettings;
  readonly period: Period;
  readonly machine: MachineFacts;
  readonly databaseSettings: string;
  readonly measuredAt: Date;
}

export function sectionKey(target: BenchTarget, cases: number): string {
  return `${target}-${cases}`;
}

/** The markdown of one run: heading, facts, the table, then import and size. */
export function renderSection(result: SectionResult, locale: Locale): string {
  const f = formats(locale);
  const tr = (key: MessageKey, params: Record<string, string | number> = {}) =>
    t(key, params, locale);
  return [
    `### ${tr("bench.section_heading", {
      target: result.target === "postgres" ? "PostgreSQL" : "PGlite",
      cases: f.count(result.dataset.cases),
      events: f.count(result.dataset.events),
    })}`,
    "",
    factsLine(result, locale),
    "",
    ...table(result, locale),
    "",
    importLine(result, locale),
    "",
  ].join("\n");
}

function factsLine(result: SectionResult, locale: Locale): string {
  const f = formats(locale);
  const { machine, settings, period } = result;
  return t(
    "bench.facts",
    {
      date: result.measuredAt.toISOString().slice(0, 16).replace("T", " "),
      commit: machine.commit ?? "?",
      cpu: machine.cpu,
      cores: machine.cores,
      memory: f.bytes(machine.memoryBytes),
      os: machine.os,
      node: machine.node,
      load: f.decimal(machine.loadAverage),
      database: result.databaseSettings,
      warmup: settings.warmup,
      runs: settings.runs,
      baselineRuns: settings.baselineRuns,
      from: period.from,
      to: period.to,
      asOf: period.asOf,
    },
    locale,
  );
}

function table(result: SectionResult, locale: Locale): string[] {
  const header = [
    "bench.col_endpoint",
    "bench.col_query",
    "bench.col_p50",
    "bench.col_p95",
    "bench.col_baseline_p50",
    "bench.col_baseline_p95",
    "bench.col_ratio",
    "bench.col_target",
    "bench.col_met",
    "bench.col_cells",
    "bench.col_agrees",
  ] as const satisfies readonly MessageKey[];
  return [
    `| ${header.map((key) => t(key, {}, locale)).join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...result.questions.map(
      (q) =>
        `| ${row(q, p95TargetMs(q.question, result.target, result.dataset.cases), locale).join(" | ")} |`,
    ),
  ];
}

function row(result: QuestionResult, targetMs: number, locale: Locale): string[] {
  const f = formats(locale);
  const { question, api, baseline } = result;
  const start = [`\`${question.endpoint}\``, `\`${questionLabel(question)}\``];
  const base = [f.ms(baseline.timing.p50), f.ms(baseline.timing.p95)];
  if (api.kind !== "measured") {
    const what =
      api.kind === "missing"
        ? t("bench.missing", {}, locale)
        : t("bench.failed", { status: api.status }, locale);
    return [...start, what, "—", ...base, "—", f.ms(targetMs), "—", `— / ${baseline.rows}`, "—"];
  }
  return [
    ...start,
    f.ms(api.timing.p50),
    f.ms(api.timing.p95),
    ...base,
    f.ratio(api.timing.p50 / baseline.timing.p50),
    f.ms(targetMs),
    api.timing.p95 <= targetMs ? "✓" : "✗",
    `${api.cells} / ${baseline.rows}`,
    t(
      api.agreement.differing === 0 ? "bench.agrees" : "bench.disagrees",
      { compared: api.agreement.compared, differing: api.agreement.differing },
      locale,
    ),
  ];
}

function importLine(result: SectionResult, locale: Locale): string {
  const f = formats(locale);
  const figures = result.importFigures;
  return t(
    result.reused ? "bench.import_line_reused" : "bench.import_line",
    {
      events: f.count(figures.events),
      seconds: f.decimal(figures.seconds),
      rate: f.count(Math.round(figures.eventsPerSecond)),
      startRss: f.bytes(figures.startRssBytes),
      peakRss: f.bytes(figures.peakRssBytes),
      loadedAt: figures.measuredAt.slice(0, 10),
      size: f.bytes(result.sizeBytes),
    },
    locale,
  );
}

/** Numbers as a reader of `locale` writes them (STYLE: every number through Intl). */
export function formats(locale: Locale) {
  const tag = locale === "sv" ? "sv-SE" : "en-GB";
  const whole = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(tag, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const twoDigits = new Intl.NumberFormat(tag, { maximumSignificantDigits: 2 });
  return {
    count: (n: number) => whole.format(n),
    decimal: (n: number) => oneDecimal.format(n),
    /** Milliseconds: a decimal only below 10 ms, where it still means something. */
    ms: (n: number) => `${n < 10 ? oneDecimal.format(n) : whole.format(n)} ms`,
    ratio: (n: number) => `${twoDigits.format(n)} ×`,
    bytes: (n: number) =>
      n >= 2 ** 30 ? `${oneDecimal.format(n / 2 ** 30)} GiB` : `${whole.format(n / 2 ** 20)} MiB`,
  };
}

const blockStart = "<!-- bench:results:start -->";
const blockEnd = "<!-- bench:results:end -->";
const sectionPattern = /<!-- bench:(\S+?):start -->\n([\s\S]*?)<!-- bench:\1:end -->/g;

/**
 * `doc` with the results block holding `updates` over the sections it had: a run replaces the
 * tables it measured and keeps the others, so the doc stays current one run at a time. Sections
 * are ordered by target, then size; a doc without the block gets one at its end.
 */
export function mergeSections(doc: string, updates: ReadonlyMap<string, string>): string {
  const start = doc.indexOf(blockStart);
  const end = doc.indexOf(blockEnd);
  const hasBlock = start !== -1 && end > start;
  const sections = new Map<string, string>();
  if (hasBlock) {
    for (const m of doc.slice(start, end).matchAll(sectionPattern)) {
      if (m[1] !== undefined && m[2] !== undefined) sections.set(m[1], m[2]);
    }
  }
  for (const [key, content] of updates) sections.set(key, content);
  const body = [...sections.entries()]
    .sort(([a], [b]) => compareKeys(a, b))
    .map(([key, content]) => `<!-- bench:${key}:start -->\n${content}<!-- bench:${key}:end -->`)
    .join("\n\n");
  const block = `${blockStart}\n\n${body}\n\n${blockEnd}`;
  if (!hasBlock) return `${doc.trimEnd()}\n\n${block}\n`;
  return doc.slice(0, start) + block + doc.slice(end + blockEnd.length);
}

function compareKeys(a: string, b: string): number {
  const [targetA, casesA] = splitKey(a);
  const [targetB, casesB] = splitKey(b);
  return targetA - targetB || casesA - casesB || a.localeCompare(b);
}

function splitKey(key: string): [number, number] {
  const dash = key.lastIndexOf("-");
  const target = benchTargets.indexOf(key.slice(0, dash) as BenchTarget);
  return [target === -1 ? benchTargets.length : target, Number(key.slice(dash + 1)) || 0];
}
