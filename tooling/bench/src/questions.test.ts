import { describe, expect, it } from "vitest";
import { benchPeriod, metricQuestions, questionPath } from "./questions";

describe("the benchmark's questions", () => {
  it("ask each of the seven metric endpoints once", () => {
    expect(metricQuestions.map((q) => q.endpoint)).toEqual([
      "cases",
      "lead-times",
      "flow",
      "trend",
      "sip",
      "network",
      "stuck",
    ]);
  });

  it("use whole months, which every role may ask for", () => {
    expect(benchPeriod.from.endsWith("-01")).toBe(true);
    expect(benchPeriod.to).toBe("2025-06-30");
  });

  it("send the endpoint's parameters and the period", () => {
    const leadTimes = metricQuestions.find((q) => q.endpoint === "lead-times");
    if (leadTimes === undefined) throw new Error("lead-times is not asked");
    const url = new URL(questionPath(leadTimes), "http://localhost");
    expect(url.pathname).toBe("/api/v1/metrics/lead-times");
    expect(url.searchParams.get("groupBy")).toBe("targetGroup,municipality");
    expect(url.searchParams.get("asOf")).toBe("2025-06-30");
    expect(url.searchParams.get("from")).toBe("2022-01-01");
  });

  it("ask two group-by dimensions wherever the metric allows a groupBy", () => {
    const grouped = metricQuestions.filter((q) => q.params.groupBy !== undefined);
    expect(grouped.map((q) => q.endpoint)).toEqual([
      "cases",
      "lead-times",
      "trend",
      "sip",
      "stuck",
    ]);
    for (const q of grouped) expect(q.params.groupBy?.split(",")).toHaveLength(2);
  });

  it("cut every baseline at the end of asOf in Stockholm", () => {
    // 2025-06-30 is summer time (UTC+2): the day ends at 22:00 UTC.
    for (const q of metricQuestions.filter((q) => q.endpoint !== "trend")) {
      for (const target of ["postgres", "pglite"] as const) {
        expect(q.baseline(benchPeriod, target)).toContain("2025-06-30T22:00:00.000Z");
      }
    }
  });
});
