import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEnv } from "../env";
import type { ErrorBody } from "../errors";
import { testApp, unusedDatabase } from "../testing";
import { defaultHttpSettings, httpSettingsFromEnv, nodeServerOptions } from "./http-settings";

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
    const own = readEnv({ SAMSYN_METRIC_RATE_LIMIT_PER_MINUTE: "40" });
    expect(httpSettingsFromEnv(own).metricRateLimitPerMinutePerUser).toBe(40);
  });

  it("reads SAMSYN_IMPORT_MAX_BYTES, and refuses a limit too small for any header row", () => {
    const env = readEnv({ SAMSYN_IMPORT_MAX_BYTES: "2048" });
    expect(httpSettingsFromEnv(env).importMaxBytes).toBe(2048);
    expect(() => readEnv({ SAMSYN_IMPORT_MAX_BYTES: "100" })).toThrow(/SAMSYN_IMPORT_MAX_BYTES/);
  });
});

describe("the Node server samsyn serve runs", () => {
  let server: ReturnType<typeof serve>;
  let port: number;
  beforeAll(async () => {
    const app = testApp(unusedDatabase());
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1", ...nodeServerOptions() });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function get(path: string) {
    return new Promise<{ status: number; type: string | undefined; body: string }>(
      (resolve, reject) => {
        const req = httpRequest({ host: "127.0.0.1", port, path }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            body += chunk;
          });
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"], body }),
          );
        });
        req.on("error", reject);
        req.end();
      },
    );
  }

  it.each([
    ["210 KB", 210 * 1024],
    ["2 MB", 2 * 1024 * 1024],
  ])("answers a %s query string with 431 in the error shape, not a reset", async (_name, size) => {
    const res = await get(`/api/v1/health?q=${"a".repeat(size)}`);
    expect(res.status).toBe(431);
    expect(res.type).toBe("application/json");
    expect((JSON.parse(res.body) as ErrorBody).error).toEqual({
      code: "request_header_too_large",
      message: expect.any(String),
      details: [],
    });
  });

  it("still answers ordinary requests", async () => {
    expect((await get("/api/v1/health")).status).not.toBe(431);
  });
});
