import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { selectRows } from "../queries/rows";
import { rateLimitWindows } from "../schema";

export interface SharedWindowHit {
  /** Which limit: one table holds the counters of every limiter. */
  readonly limiter: string;
  readonly key: string;
  /** The fixed window `at` falls in, and the one before it (ms since the epoch). */
  readonly windowStart: number;
  readonly previousStart: number;
  /** How much of the previous window still overlaps the sliding window: 0..1. */
  readonly previousWeight: number;
  readonly limit: number;
}

/** Both windows' counts: what the caller needs to say how long to wait. */
export interface SharedWindowCounts {
  readonly previous: number;
  readonly current: number;
}

/**
 * Counts one request in the shared sliding window, or refuses it (and then counts nothing), in
 * one statement: the row lock of the upsert serialises the instances' hits on a key, and its
 * condition is checked again on the locked row (READ COMMITTED), so N instances together allow
 * the limit, never N times it. Refused: the counts, read after.
 */
export async function hitSharedWindow(
  db: Db,
  hit: SharedWindowHit,
): Promise<{ allowed: true } | { allowed: false; counts: SharedWindowCounts }> {
  const previous = sql`coalesce((SELECT p.count FROM rate_limit_windows p
    WHERE p.limiter = ${hit.limiter} AND p.key = ${hit.key} AND p.window_start = ${hit.previousStart}), 0)`;
  const weight = sql`${hit.previousWeight}::float8`;
  const counted = await selectRows<{ count: number }>(
    db,
    sql`
    INSERT INTO rate_limit_windows AS w (limiter, key, window_start, count)
    SELECT ${hit.limiter}, ${hit.key}, ${hit.windowStart}::bigint, 1
    WHERE ${previous} * ${weight} + 1 <= ${hit.limit}
    ON CONFLICT (limiter, key, window_start) DO UPDATE SET count = w.count + 1
    WHERE ${previous} * ${weight} + w.count + 1 <= ${hit.limit}
    RETURNING w.count`,
  );
  if (counted.length > 0) return { allowed: true };
  const counts = await db
    .select({ windowStart: rateLimitWindows.windowStart, count: rateLimitWindows.count })
    .from(rateLimitWindows)
    .where(and(eq(rateLimitWindows.limiter, hit.limiter), eq(rateLimitWindows.key, hit.key)));
  const countOf = (start: number) => counts.find((c) => c.windowStart === start)?.count ?? 0;
  return {
    allowed: false,
    counts: { previous: countOf(hit.previousStart), current: countOf(hit.windowStart) },
  };
}

/** Deletes windows that can no longer count: older than the previous one of any request. */
export async function deleteRateLimitWindowsBefore(db: Db, before: number): Promise<void> {
  await db.delete(rateLimitWindows).where(lt(rateLimitWindows.windowStart, before));
}
