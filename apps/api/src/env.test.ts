import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

describe("SAMSYN_METRIC_CONCURRENCY", () => {
  it("queues 6 at a time unless told, takes a limit from 1 to 8, and none when off", () => {
    expect(readEnv({}).SAMSYN_METRIC_CONCURRENCY).toBe(6);
    expect(readEnv({ SAMSYN_METRIC_CONCURRENCY: "2" }).SAMSYN_METRIC_CONCURRENCY).toBe(2);
    expect(readEnv({ SAMSYN_METRIC_CONCURRENCY: "off" }).SAMSYN_METRIC_CONCURRENCY).toBeUndefined();
  });

  it.each(["0", "9", "2.5", "många", "Off", ""])("refuses %s, naming the variable", (value) => {
    expect(() => readEnv({ SAMSYN_METRIC_CONCURRENCY: value })).toThrow(
      /SAMSYN_METRIC_CONCURRENCY/,
    );
  });
});
