import { describe, expect, it } from "vitest";
import { summarise, timeRuns } from "./timing";

describe("summarise", () => {
  it("interpolates p50 and p95 as percentile_cont does", () => {
    const samples = Array.from({ length: 21 }, (_, i) => i * 10);
    const timing = summarise(samples);
    expect(timing.p50).toBe(100);
    expect(timing.p95).toBe(190);
  });

  it("does not depend on the order of the samples", () => {
    expect(summarise([30, 10, 20]).p50).toBe(20);
  });
});

describe("timeRuns", () => {
  it("runs the warm-up untimed and times only the runs", async () => {
    let calls = 0;
    const timing = await timeRuns(
      async () => {
        calls++;
      },
      { warmup: 3, runs: 5 },
    );
    expect(calls).toBe(8);
    expect(timing.samples).toHaveLength(5);
    expect(timing.samples.every((ms) => ms >= 0)).toBe(true);
  });
});
