import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, unusedDatabase } from "../testing";

describe("security headers", () => {
  let dashboardDir: string;
  beforeAll(async () => {
    dashboardDir = await mkdtemp(join(tmpdir(), "samsyn-dashboard-"));
    await writeFile(join(dashboardDir, "index.html"), "<!doctype html><title>Samsyn</title>");
  });
  afterAll(() => rm(dashboardDir, { recursive: true, force: true }));

  it("on the dashboard: a CSP without inline script, no framing, nosniff, no referrer", async () => {
    const res = await testApp(unusedDatabase(), { dashboardDir }).request("/");
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cache-control")).not.toBe("no-store");
  });

  it("on API errors too, with no caching", async () => {
    const res = await testApp(unusedDatabase()).request("/api/v1/cases");
    expect(res.status).toBe(401);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sends HSTS only over TLS: https itself, or a trusted proxy that says so", async () => {
    const plain = testApp(unusedDatabase());
    const proxied = testApp(unusedDatabase(), { http: { trustProxy: true } });
    const viaProxy = { headers: { "X-Forwarded-Proto": "https" } };
    const hsts = (res: Response) => res.headers.get("strict-transport-security");
    expect(hsts(await plain.request("http://localhost/api/v1/x"))).toBeNull();
    expect(hsts(await plain.request("https://samsyn.example/api/v1/x"))).toMatch(/max-age=\d+/);
    expect(hsts(await plain.request("http://localhost/api/v1/x", viaProxy))).toBeNull();
    expect(hsts(await proxied.request("http://localhost/api/v1/x", viaProxy))).toMatch(/max-age/);
    expect(hsts(await proxied.request("http://localhost/api/v1/x"))).toBeNull();
  });
});
