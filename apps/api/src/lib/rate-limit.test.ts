import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../errors";
import { authed, registerProbeRoutes, testApp, testScope, unusedDatabase } from "../testing";
import { createSlidingWindowLimiter, type RateDecision } from "./rate-limit";

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function hits(limiter: { hit(key: string): RateDecision }, key: string, count: number) {
  return Array.from({ length: count }, () => limiter.hit(key));
}

describe("createSlidingWindowLimiter", () => {
  it("allows the limit per window and per key, then says how long to wait", () => {
    const time = clock();
    const limiter = createSlidingWindowLimiter({ limit: 3, now: time.now });
    expect(hits(limiter, "a", 3).every((d) => d.allowed)).toBe(true);
    expect(limiter.hit("b").allowed).toBe(true);
    // Three in this window: in the next one they weigh 3·(1 − t/60 s); one more fits at t = 20 s.
    expect(limiter.hit("a")).toEqual({ allowed: false, retryAfterSeconds: 80 });
  });

  it("lets a client that waits its Retry-After through, and not a second earlier", () => {
    const time = clock();
    const limiter = createSlidingWindowLimiter({ limit: 3, now: time.now });
    hits(limiter, "a", 3);
    time.advance(79_000);
    expect(limiter.hit("a").allowed).toBe(false);
    time.advance(1_000);
    expect(limiter.hit("a").allowed).toBe(true);
  });

  it("has no burst of twice the limit across a window edge", () => {
    const time = clock();
    const limiter = createSlidingWindowLimiter({ limit: 10, now: time.now });
    time.advance(59_000);
    expect(hits(limiter, "a", 10).every((d) => d.allowed)).toBe(true);
    time.advance(2_000);
    const allowed = hits(limiter, "a", 10).filter((d) => d.allowed).length;
    expect(allowed).toBeLessThanOrEqual(1);
  });

  it("gives a Retry-After within the window when the previous window is what weighs", () => {
    const time = clock();
    const limiter = createSlidingWindowLimiter({ limit: 4, now: time.now });
    hits(limiter, "a", 4);
    time.advance(60_000);
    // previous 4, current 0 at the window start: 4·(60 − t)/60 + 1 ≤ 4 → t ≥ 15 s.
    expect(limiter.hit("a")).toEqual({ allowed: false, retryAfterSeconds: 15 });
    time.advance(15_000);
    expect(limiter.hit("a").allowed).toBe(true);
  });

  it("forgets a key after two quiet windows", () => {
    const time = clock();
    const limiter = createSlidingWindowLimiter({ limit: 1, now: time.now });
    limiter.hit("a");
    time.advance(120_000);
    expect(limiter.hit("a").allowed).toBe(true);
  });
});

async function expectRateLimited(res: Response): Promise<void> {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe("rate_limited");
  expect(body.error.message).toMatch(/För många anrop/);
}

describe("rate limits on the API", () => {
  const probe = "/api/v1/probe/whoami";

  it("limits per token, so one user's flood does not stop another", async () => {
    const app = testApp(unusedDatabase(), {
      extraRoutes: registerProbeRoutes,
      http: { rateLimitPerMinutePerToken: 2 },
    });
    const anna = testScope("admin", [], "anna");
    expect((await authed(app, probe, {}, anna)).status).toBe(200);
    expect((await authed(app, probe, {}, anna)).status).toBe(200);
    await expectRateLimited(await authed(app, probe, {}, anna));
    expect((await authed(app, probe, {}, testScope("admin", [], "bo"))).status).toBe(200);
  });

  it("limits per IP, counting requests without a token too", async () => {
    const app = testApp(unusedDatabase(), { http: { rateLimitPerMinutePerIp: 2 } });
    expect((await app.request("/api/v1/cases")).status).toBe(401);
    expect((await app.request("/api/v1/cases")).status).toBe(401);
    await expectRateLimited(await app.request("/api/v1/cases"));
  });

  it("limits the public OpenAPI document per IP like the rest", async () => {
    const app = testApp(unusedDatabase(), { http: { rateLimitPerMinutePerIp: 2 } });
    expect((await app.request("/api/v1/openapi.json")).status).toBe(200);
    expect((await app.request("/api/v1/openapi.json")).status).toBe(200);
    await expectRateLimited(await app.request("/api/v1/openapi.json"));
  });

  it("believes X-Forwarded-For only behind a trusted proxy, and then its last entry", async () => {
    const from = (ip: string) => ({ headers: { "X-Forwarded-For": ip } });
    const untrusting = testApp(unusedDatabase(), { http: { rateLimitPerMinutePerIp: 1 } });
    await untrusting.request("/api/v1/x", from("10.0.0.1"));
    // A client that makes up a new address per request is still one client.
    expect((await untrusting.request("/api/v1/x", from("10.0.0.2"))).status).toBe(429);

    const trusting = testApp(unusedDatabase(), {
      http: { rateLimitPerMinutePerIp: 1, trustProxy: true },
    });
    expect((await trusting.request("/api/v1/x", from("10.0.0.1"))).status).toBe(401);
    expect((await trusting.request("/api/v1/x", from("10.0.0.2"))).status).toBe(401);
    // The client's own first entries are not the address; our proxy's appended one is.
    expect((await trusting.request("/api/v1/x", from("1.2.3.4, 10.0.0.1"))).status).toBe(429);
  });
});
