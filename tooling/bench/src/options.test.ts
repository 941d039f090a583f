import { describe, expect, it } from "vitest";
import { BenchUsageError, benchPlan, defaultBenchOptions, parseBenchArgs } from "./options";

describe("parseBenchArgs", () => {
  it("gives the issue's defaults without options", () => {
    expect(parseBenchArgs([])).toEqual(defaultBenchOptions);
    expect(defaultBenchOptions.sizes).toEqual([100_000, 1_000_000]);
    expect(defaultBenchOptions.runs).toBe(20);
  });

  it("reads sizes (underscores allowed), targets, runs and the switches", () => {
    const options = parseBenchArgs([
      "--sizes",
      "100_000, 2000",
      "--targets",
      "pglite",
      "--runs",
      "5",
      "--fresh",
      "--no-doc",
    ]);
    expect(options.sizes).toEqual([100_000, 2000]);
    expect(options.targets).toEqual(["pglite"]);
    expect(options.runs).toBe(5);
    expect(options.baselineRuns, "as many as --runs unless told").toBe(5);
    expect(options.fresh).toBe(true);
    expect(options.writeDoc).toBe(false);
  });

  it("times the baseline fewer times when told: at 10 M cases one baseline query takes a minute", () => {
    const options = parseBenchArgs(["--runs", "5", "--baseline-runs", "1"]);
    expect(options.runs).toBe(5);
    expect(options.baselineRuns).toBe(1);
  });

  it.each([
    [["--baseline-runs", "0"]],
    [["--targets", "duckdb"]],
    [["--sizes", "many"]],
    [["--sizes", ","]],
    [["--runs", "0"]],
    [["--warmup", "x"]],
  ])("rejects %j as a usage mistake", (args) => {
    expect(() => parseBenchArgs(args)).toThrow(BenchUsageError);
  });
});

describe("benchPlan", () => {
  it("runs PostgreSQL at every size first, then PGlite only up to --pglite-max", () => {
    const plan = benchPlan(parseBenchArgs(["--sizes", "100000,1000000"]));
    expect(plan).toEqual([
      { target: "postgres", cases: 100_000 },
      { target: "postgres", cases: 1_000_000 },
      { target: "pglite", cases: 100_000 },
    ]);
  });

  it("includes PGlite at larger sizes when asked", () => {
    const plan = benchPlan(
      parseBenchArgs([
        "--targets",
        "pglite,postgres",
        "--sizes",
        "1000000",
        "--pglite-max",
        "1000000",
      ]),
    );
    expect(plan.map((p) => p.target)).toEqual(["postgres", "pglite"]);
  });
});
