import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

describe("SAMSYN_METRIC_CONCURRENCY", () => {
  it("computes four case metrics at once per database unless told otherwise", () => {
    expect(readEnv({}).SAMSYN_METRIC_CONCURRENCY).toBe(4);
    expect(readEnv({ SAMSYN_METRIC_CONCURRENCY: "2" }).SAMSYN_METRIC_CONCURRENCY).toBe(2);
  });

  it.each(["0", "9", "2.5", "många"])("refuses %s, naming the variable", (value) => {
    expect(() => readEnv({ SAMSYN_METRIC_CONCURRENCY: value })).toThrow(
      /SAMSYN_METRIC_CONCURRENCY/,
    );
  });
});
