import type { Database, Db } from "../../client";
import { caseDataVersion } from "../../schema";
import { ReadAbandoned } from "./queue";

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
  /**
   * The answer of `key` at the current data version, computed by `work` once per version. A
   * reader whose `signal` aborts stops waiting (`ReadAbandoned`); the computation is told to stop
   * (the signal `work` gets; none when the answer is not kept) only once every reader waiting
   * for it has gone.
   */
  get<T>(
    db: Db,
    key: string,
    work: (signal: AbortSignal | undefined) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T>;
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
  settled: boolean;
  /** Readers waiting for the answer while it is computed; one without a signal never leaves. */
  readers: number;
  /** Aborted when the last reader has left before the answer came. */
  readonly computation: AbortController;
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
    async get<T>(
      db: Db,
      key: string,
      work: (signal: AbortSignal | undefined) => Promise<T>,
      signal?: AbortSignal,
    ): Promise<T> {
      if (signal?.aborted) throw new ReadAbandoned();
      const [row] = await db.select({ version: caseDataVersion.version }).from(caseDataVersion);
      // A database without the row (a test that emptied every table) is served uncached.
      if (row === undefined) return work(signal);
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
        return awaitAnswer<T>(cached, signal);
      }
      stats.misses++;
      const computation = new AbortController();
      const entry: Entry = {
        answer: work(computation.signal),
        bytes: 0,
        settled: false,
        readers: 0,
        computation,
      };
      entries.set(versioned, entry);
      entry.answer.then(
        (value) => {
          entry.settled = true;
          if (entries.get(versioned) !== entry) return;
          entry.bytes = JSON.stringify(value).length;
          bytes += entry.bytes;
          evictBeyondBound();
        },
        () => {
          entry.settled = true;
          // A failed or abandoned computation is not an answer: the next read tries again.
          if (entries.get(versioned) === entry) drop(versioned);
        },
      );
      return awaitAnswer<T>(entry, signal);
    },
  };
}

/**
 * The entry's answer for one reader, as its own copy: a handler that reshapes its answer cannot
 * change another's. The reader leaves when its signal aborts; the last to leave stops the work.
 */
function awaitAnswer<T>(entry: Entry, signal: AbortSignal | undefined): Promise<T> {
  const copy = () => entry.answer.then((value) => structuredClone(value) as T);
  if (entry.settled) return copy();
  entry.readers++;
  // A reader that cannot leave keeps the computation going for everyone.
  if (signal === undefined) return copy();
  return new Promise<T>((resolve, reject) => {
    const leave = () => {
      entry.readers--;
      if (entry.readers === 0 && !entry.settled) entry.computation.abort();
      reject(new ReadAbandoned());
    };
    if (signal.aborted) {
      leave();
      return;
    }
    signal.addEventListener("abort", leave, { once: true });
    entry.answer.then(
      (value) => {
        signal.removeEventListener("abort", leave);
        resolve(structuredClone(value) as T);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", leave);
        reject(error);
      },
    );
  });
}
