import { type Db, deleteRateLimitWindowsBefore, hitSharedWindow } from "@samsyn/db";
import { t } from "@samsyn/domain";
import type { Context, MiddlewareHandler } from "hono";
import { respondError } from "../errors";
import type { AppEnv } from "./router";

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  hit(key: string): RateDecision | Promise<RateDecision>;
}

/** A limiter in this process's memory: it decides at once. */
export interface LocalRateLimiter extends RateLimiter {
  hit(key: string): RateDecision;
}

interface Counter {
  windowStart: number;
  previous: number;
  current: number;
}

/**
 * A sliding-window counter per key (the previous fixed window's count, weighted by how much of it
 * still overlaps the last `windowMs`, plus the current window's): constant memory per key and no
 * burst of twice the limit at a window edge. In-memory, so one process: several instances behind
 * a load balancer each allow the limit (`createSharedWindowLimiter` counts in PostgreSQL). Denied
 * requests are not counted, so a client that waits
 * the Retry-After it was given gets through.
 */
export function createSlidingWindowLimiter(options: {
  limit: number;
  windowMs?: number;
  now?: () => number;
}): LocalRateLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const counters = new Map<string, Counter>();
  let lastSweep = now();
  return {
    hit(key) {
      const at = now();
      if (at - lastSweep > windowMs) {
        sweep(counters, at - 2 * windowMs);
        lastSweep = at;
      }
      const counter = advance(counters.get(key), at, windowMs);
      counters.set(key, counter);
      const elapsed = at - counter.windowStart;
      const estimate = (counter.previous * (windowMs - elapsed)) / windowMs + counter.current;
      if (estimate + 1 > options.limit) {
        return {
          allowed: false,
          retryAfterSeconds: retryAfter(counter, elapsed, windowMs, options.limit),
        };
      }
      counter.current += 1;
      return { allowed: true };
    },
  };
}

/**
 * The same sliding window, counted in PostgreSQL's `rate_limit_windows`: every instance on the
 * database counts into the same rows, so together they allow the limit, not the limit per
 * instance. One statement per request (an upsert of an UNLOGGED row); `limiter` names the limit
 * in the table. A database that does not answer fails the request with 503, as any read would.
 */
export function createSharedWindowLimiter(
  db: Db,
  options: { limiter: string; limit: number; windowMs?: number; now?: () => number },
): RateLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  let lastSweep = now();
  return {
    async hit(key) {
      const at = now();
      if (at - lastSweep > windowMs) {
        lastSweep = at;
        // Old windows go in the background: a failed sweep is tried again a window later.
        void deleteRateLimitWindowsBefore(db, at - 2 * windowMs).catch(() => {});
      }
      const windowStart = Math.floor(at / windowMs) * windowMs;
      const elapsed = at - windowStart;
      const outcome = await hitSharedWindow(db, {
        limiter: options.limiter,
        key,
        windowStart,
        previousStart: windowStart - windowMs,
        previousWeight: (windowMs - elapsed) / windowMs,
        limit: options.limit,
      });
      if (outcome.allowed) return { allowed: true };
      const counter = { windowStart, ...outcome.counts };
      return {
        allowed: false,
        retryAfterSeconds: retryAfter(counter, elapsed, windowMs, options.limit),
      };
    },
  };
}

/** Moves a counter to the fixed window that holds `at`. */
function advance(counter: Counter | undefined, at: number, windowMs: number): Counter {
  const windowStart = Math.floor(at / windowMs) * windowMs;
  if (counter === undefined || counter.windowStart < windowStart - windowMs) {
    return { windowStart, previous: 0, current: 0 };
  }
  if (counter.windowStart < windowStart) {
    return { windowStart, previous: counter.current, current: 0 };
  }
  return counter;
}

/** Whole seconds until one more request fits: later in this window, or in the next. */
function retryAfter(counter: Counter, elapsed: number, windowMs: number, limit: number): number {
  const room = limit - 1 - counter.current;
  const untilWindowEnd = windowMs - elapsed;
  let waitMs: number;
  if (room >= 0 && counter.previous > 0) {
    // previous·(W − elapsed − t)/W + current + 1 ≤ limit
    waitMs = untilWindowEnd - (room * windowMs) / counter.previous;
  } else {
    // In the next window this window's count becomes `previous`: current·(W − t′)/W + 1 ≤ limit.
    const intoNext =
      counter.current > 0 ? windowMs - ((limit - 1) * windowMs) / counter.current : 0;
    waitMs = untilWindowEnd + Math.max(0, intoNext);
  }
  return Math.max(1, Math.ceil(waitMs / 1000));
}

function sweep(counters: Map<string, Counter>, olderThan: number): void {
  for (const [key, counter] of counters) {
    if (counter.windowStart < olderThan) counters.delete(key);
  }
}

/**
 * Answers 429 with Retry-After when `keyOf`'s key is over its limit. A request for which
 * `keyOf` gives no key (e.g. no token yet) is not counted here.
 */
export function rateLimit(
  limiter: RateLimiter,
  keyOf: (c: Context<AppEnv>) => string | undefined,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = keyOf(c);
    if (key === undefined) return next();
    const decision = await limiter.hit(key);
    if (decision.allowed) return next();
    const seconds = decision.retryAfterSeconds;
    c.header("Retry-After", String(seconds));
    return respondError(c, "rate_limited", t("http.rate_limited", { seconds }));
  };
}
