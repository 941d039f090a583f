import { describe, expect, it } from "vitest";
import { distinctQuestions, kindFigures, renderLoad, rssTrend } from "./report";

const mb = 1_048_576;

describe("the load's report", () => {
  it("counts every answer outside 2xx as an error, per kind and over all", () => {
    const figures = kindFigures([
      { kind: "metric", question: "a", status: 200, ms: 10 },
      { kind: "metric", question: "b", status: 503, ms: 20 },
      { kind: "write", question: "c", status: 201, ms: 30 },
      { kind: "page", question: "d", status: 404, ms: 40 },
    ]);
    const by = Object.fromEntries(figures.map((f) => [f.label, f]));
    expect(by.all).toMatchObject({ requests: 4, errors: 2 });
    expect(by.metric).toMatchObject({ requests: 2, errors: 1, p50: 15 });
    expect(by.write).toMatchObject({ requests: 1, errors: 0, p99: 30 });
  });

  it("counts the distinct questions of a kind", () => {
    const answers = ["a", "b", "a"].map((question) => ({
      kind: "metric" as const,
      question,
      status: 200,
      ms: 1,
    }));
    expect(distinctQuestions(answers, "metric")).toBe(2);
    expect(distinctQuestions(answers, "page")).toBe(0);
  });

  it("compares the last ten seconds' RSS with the first ten's", () => {
    const flat = rssTrend([...Array(30).fill(100 * mb), 500 * mb]);
    expect(flat.growth).toBe(0);
    expect(flat.peakBytes).toBe(500 * mb);
    const growing = rssTrend(Array.from({ length: 60 }, (_, i) => (100 + i) * mb));
    expect(growing.growth).toBeCloseTo((154.5 - 104.5) / 104.5, 5);
  });

  it("says which targets held and which were missed", () => {
    const text = renderLoad({
      machine: {
        cpu: "AMD EPYC",
        cores: 2,
        memoryBytes: 0,
        os: "Linux",
        node: "v20",
        commit: "abc1234",
        loadAverage: 1.25,
      },
      measuredAt: new Date("2026-12-04T12:00:00Z"),
      cases: 1_000_000,
      connections: 50,
      streams: 3,
      seconds: 60,
      figures: kindFigures([
        { kind: "metric", question: "a", status: 200, ms: 400 },
        { kind: "page", question: "d", status: 200, ms: 5 },
      ]),
      rss: rssTrend([100 * mb, 100 * mb]),
      streamEvents: { expected: 10, received: 9 },
      socketErrors: 0,
      distinctMetricQuestions: 1,
      metricConcurrency: "off",
    });
    expect(text).toContain("2026-12-04 12:00 UTC on abc1234");
    expect(text).toContain("load average (1 min) 1.3");
    expect(text).toContain("60 s, metric queue SAMSYN_METRIC_CONCURRENCY=off");
    expect(text).toContain("target 0: held");
    expect(text).toMatch(/p99 over the mix: \d+ ms — target ≤ 300 ms: \*\*missed\*\*/);
    expect(text).toContain("9 of 10 notes");
    expect(text).toContain("(1 missing)");
    expect(text).toContain("1 distinct questions (role, metric, grouping, period, filter) among 1");
  });
});
