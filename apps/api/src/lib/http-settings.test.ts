import { describe, expect, it } from "vitest";
import { readEnv } from "../env";
import { defaultHttpSettings, httpSettingsFromEnv } from "./http-settings";

describe("HTTP settings from the environment", () => {
  it("gives an upload 512 MiB and JSON 1 MiB unless told otherwise", () => {
    const settings = httpSettingsFromEnv(readEnv({}));
    expect(settings.importMaxBytes).toBe(512 * 1024 * 1024);
    expect(settings.bodyLimitBytes).toBe(1024 * 1024);
    expect(defaultHttpSettings.importMaxBytes).toBe(settings.importMaxBytes);
  });

  it("limits metric reads per user to half the general per-token limit", () => {
    const defaults = httpSettingsFromEnv(readEnv({}));
    expect(defaults.metricRateLimitPerMinutePerUser).toBe(300);
    expect(defaultHttpSettings.metricRateLimitPerMinutePerUser).toBe(300);
    expect(defaults.rateLimitPerMinutePerToken).toBe(600);
    const env = readEnv({ SAMSYN_RATE_LIMIT_PER_MINUTE: "120" });
    expect(httpSettingsFromEnv(env).metricRateLimitPerMinutePerUser).toBe(60);
  });

  it("reads SAMSYN_IMPORT_MAX_BYTES, and refuses a limit too small for any header row", () => {
    const env = readEnv({ SAMSYN_IMPORT_MAX_BYTES: "2048" });
    expect(httpSettingsFromEnv(env).importMaxBytes).toBe(2048);
    expect(() => readEnv({ SAMSYN_IMPORT_MAX_BYTES: "100" })).toThrow(/SAMSYN_IMPORT_MAX_BYTES/);
  });
});
