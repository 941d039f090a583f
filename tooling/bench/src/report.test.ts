import { describe, expect, it } from "vitest";
import type { Dataset } from "./dataset";
import type { ApiOutcome, QuestionResult } from "./measure";
import { benchPeriod, metricQuestions } from "./questions";
import { mergeSections, renderSection, type SectionResult } from "./report";
import { summarise } from "./timing";

const dataset: Dataset = {
  dir: "/tmp/x",
  cases: 100_000,
  seed: 1,
  units: 347,
  events: 1_585_425,
  generator: "abc",
};

function measured(p50: number, p95: number, differing = 0): ApiOutcome {
  return {
    kind: "measured",
    timing: { samples: [], p50, p95 },
    cells: 78,
    agreement: { compared: 100, differing, examples: [] },
  };
}

/** A run with one question per outcome given, in the order of `metricQuestions`. */
function aSection(outcomes: readonly ApiOutcome[]): SectionResult {
  const questions: QuestionResult[] = outcomes.map((api, i) => {
    const question = metricQuestions[i];
    if (question === undefined) throw new Error("more outcomes than questions");
    return { question, api, baseline: { timing: summarise([600, 640, 700]), rows: 78 } };
  });
  return {
    target: "postgres",
    dataset,
    reused: false,
    importFigures: {
      events: 1_585_425,
      seconds: 31.5,
      eventsPerSecond: 50_331,
      startRssBytes: 200 * 2 ** 20,
      peakRssBytes: 280 * 2 ** 20,
      measuredAt: "2025-07-01T10:00:00.000Z",
    },
    sizeBytes: 1.5 * 2 ** 30,
    questions,
    settings: { warmup: 3, runs: 20, baselineRuns: 20 },
    period: benchPeriod,
    machine: {
      cpu: "Test CPU",
      cores: 2,
      memoryBytes: 23 * 2 ** 30,
      os: "Linux",
      node: "v20",
      commit: "abc1234",
      loadAverage: 1.5,
    },
    databaseSettings: "PostgreSQL 15",
    measuredAt: new Date("2025-07-01T10:00:00Z"),
  };
}

function tableRows(markdown: string): string[] {
  return markdown.split("\n").filter((line) => line.startsWith("| `"));
}

describe("renderSection", () => {
  it("marks a target met by p95, with the ratio of the medians to the baseline", () => {
    const [met, missed] = tableRows(
      renderSection(aSection([measured(64, 290), measured(100, 900)]), "en"),
    );
    expect(met).toContain("| 64 ms | 290 ms | 640 ms |");
    expect(met).toContain("| 0.1 × | 300 ms | ✓ |");
    expect(missed).toContain("| 800 ms | ✗ |");
  });

  it("holds 10 M cases on PostgreSQL to issue 20's 1 s, and smaller sets to issue 5's targets", () => {
    const section = aSection([measured(500, 900), measured(600, 950)]);
    const national = { ...section, dataset: { ...dataset, cases: 10_000_000 } };
    for (const row of tableRows(renderSection(national, "en"))) {
      expect(row).toContain("| 1,000 ms | ✓ |");
    }
    const [cases, leadTimes] = tableRows(renderSection(section, "en"));
    expect(cases).toContain("| 300 ms | ✗ |");
    expect(leadTimes).toContain("| 800 ms | ✗ |");
    const pglite = { ...national, target: "pglite" as const };
    expect(tableRows(renderSection(pglite, "en"))[0]).toContain("| 500 ms | ✗ |");
  });

  it("shows a missing endpoint without a verdict, but still its baseline", () => {
    const [row] = tableRows(renderSection(aSection([{ kind: "missing" }]), "en"));
    expect(row).toContain("| missing | — | 640 ms |");
    expect(row).not.toContain("✓");
    expect(row).not.toContain("✗");
  });

  it("says when the API's figures differ from the baseline's", () => {
    const [row] = tableRows(renderSection(aSection([measured(64, 290, 2)]), "en"));
    expect(row).toContain("✗ 2 of 100");
  });

  it("reports import throughput, peak RSS and database size", () => {
    const text = renderSection(aSection([]), "en");
    expect(text).toContain("50,331 events/s");
    expect(text).toContain("at most 280 MiB");
    expect(text).toContain("Database size: 1.5 GiB");
  });

  it("states the machine and how busy it was, since both move every figure", () => {
    const text = renderSection(aSection([]), "en");
    expect(text).toContain("Test CPU, 2 cores");
    expect(text).toContain("load average (1 min) 1.5 at the end");
    expect(text).toContain("at abc1234");
  });

  it("writes Swedish with Swedish number formats", () => {
    const text = renderSection(aSection([measured(64, 290)]), "sv");
    expect(text).toContain("100\u00a0000 ärenden");
    expect(text).toContain("baslinje p50");
  });
});

describe("mergeSections", () => {
  const section = (key: string, text: string) => new Map([[key, `${text}\n`]]);

  it("adds a results block at the end of a doc without one", () => {
    const doc = mergeSections("# Performance\n\nProse.\n", section("postgres-100000", "A"));
    expect(doc).toBe(
      "# Performance\n\nProse.\n\n<!-- bench:results:start -->\n\n" +
        "<!-- bench:postgres-100000:start -->\nA\n<!-- bench:postgres-100000:end -->\n\n" +
        "<!-- bench:results:end -->\n",
    );
  });

  it("replaces the measured section, keeps the others and the prose around the block", () => {
    const first = mergeSections("# P\n", section("pglite-100000", "old pglite"));
    const second = mergeSections(`${first}\nAfter.\n`, section("postgres-1000000", "pg 1M"));
    const third = mergeSections(second, section("pglite-100000", "new pglite"));
    expect(third).toContain("new pglite");
    expect(third).not.toContain("old pglite");
    expect(third).toContain("pg 1M");
    expect(third.endsWith("After.\n")).toBe(true);
  });

  it("orders PostgreSQL before PGlite, then by size", () => {
    let doc = "# P\n";
    for (const key of ["pglite-100000", "postgres-1000000", "postgres-100000"]) {
      doc = mergeSections(doc, section(key, key));
    }
    const order = [...doc.matchAll(/<!-- bench:(\S+):start -->/g)].map((m) => m[1]);
    expect(order).toEqual(["results", "postgres-100000", "postgres-1000000", "pglite-100000"]);
  });
});
