import type { Database, Db } from "../../client";
import { caseDataVersion } from "../../schema";

/**
 * Published answers of the case metrics, kept in this process for as long as the data they were
 * computed from is current. Before the ledningsforum many managers open the same overview: each
 * answer costs a scan of a million cases' facts, and an import changes them once a night.
 *
 * Why this is safe:
 * - The key is everything the answer depends on: the metric and its parameters, the query, whose
 *   cases (`MetricAccess`) and the disclosure settings. A published answer is a function of these
 *   and the data (the cell-key noise is derived from the cases, not drawn), so a cached answer is
 *   the answer the database would give — never a figure another scope could not be given.
 * - The data's version (`case_data_version`, moved on by every write in its own transaction) is
 *   read before the answer is looked up, on the same database as the answer would be computed on;
 *   a figure computed after reading version n is of data at least as new as n, so no answer is
 *   served once a newer version is visible — on every instance, and on a replica.
 * - The cache changes nothing of the audit or the rate limit: `publishMetric` records every read.
 */
export interface MetricCache {
  /** The answer of `key` at the current data version, computed by `work` once per version. */
  get<T>(db: Db, key: string, work: () => Promise<T>): Promise<T>;
  readonly stats: { hits: number; misses: number };
}

const caches = new WeakMap<Db, MetricCache>();

/**
 * Turns the metric cache on for a database: `samsyn serve` does, for the primary and any
 * replica. Off by default, so that tests and `pnpm bench` measure the SQL itself. `maxBytes`
 * bounds the answers kept, measured as their JSON: a trend by municipality is a thousand times a
 * total's size, so a count of entries would bound nothing.
 */
export function enableMetricCache(database: Database, maxBytes = 64 * 1_048_576): MetricCache {
  const cache = createMetricCache(maxBytes);
  caches.set(database.db, cache);
  return cache;
}

/** Turns it off again: a test compares a cached answer with the database's own. */
export function disableMetricCache(database: Database): void {
  caches.delete(database.db);
}

export function metricCacheOf(db: Db): MetricCache | undefined {
  return caches.get(db);
}

interface Entry {
  readonly answer: Promise<unknown>;
  /** The answer's JSON length once it is known; 0 while it is computed. */
  bytes: number;
}

function createMetricCache(maxBytes: number): MetricCache {
  // A Map iterates in insertion order: re-inserting on a hit makes the first key the least
  // recently used. Promises are stored, so that a burst of the same question runs it once.
  const entries = new Map<string, Entry>();
  let version: number | undefined;
  let bytes = 0;
  const stats = { hits: 0, misses: 0 };

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    entries.delete(key);
    bytes -= entry.bytes;
  };
  const evictBeyondBound = () => {
    for (const key of entries.keys()) {
      if (bytes <= maxBytes) break;
      drop(key);
    }
  };

  return {
    stats,
    async get<T>(db: Db, key: string, work: () => Promise<T>): Promise<T> {
      const [row] = await db.select({ version: caseDataVersion.version }).from(caseDataVersion);
      // A database without the row (a test that emptied every table) is served uncached.
      if (row === undefined) return work();
      if (version === undefined || row.version > version) {
        // Older answers can never be served again.
        entries.clear();
        bytes = 0;
        version = row.version;
      }
      // The version is part of the key too: a read that took version n before another took n + 1
      // may finish after the clear, and its answer, possibly of data older than n + 1, must not
      // be found by the reads of n + 1.
      const versioned = `${row.version}:${key}`;
      const cached = entries.get(versioned);
      if (cached !== undefined) {
        stats.hits++;
        entries.delete(versioned);
        entries.set(versioned, cached);
        return structuredClone((await cached.answer) as T);
      }
      stats.misses++;
      const answer = work();
      const entry: Entry = { answer, bytes: 0 };
      entries.set(versioned, entry);
      try {
        const value = await answer;
        if (entries.get(versioned) === entry) {
          entry.bytes = JSON.stringify(value).length;
          bytes += entry.bytes;
          evictBeyondBound();
        }
        // Each caller gets its own copy: a handler that reshapes its answer cannot change another's.
        return structuredClone(value);
      } catch (error) {
        // A failed computation (an outage) is not an answer: the next read tries again.
        if (entries.get(versioned) === entry) drop(versioned);
        throw error;
      }
    },
  };
}
