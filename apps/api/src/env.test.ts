import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

describe("SAMSYN_METRIC_CONCURRENCY", () => {
  it("sets no limit unless told, and takes one from 1 to 8", () => {
    expect(readEnv({}).SAMSYN_METRIC_CONCURRENCY).toBeUndefined();
    expect(readEnv({ SAMSYN_METRIC_CONCURRENCY: "2" }).SAMSYN_METRIC_CONCURRENCY).toBe(2);
  });

  it.each(["0", "9", "2.5", "många"])("refuses %s, naming the variable", (value) => {
    expect(() => readEnv({ SAMSYN_METRIC_CONCURRENCY: value })).toThrow(
      /SAMSYN_METRIC_CONCURRENCY/,
    );
  });
});
