import type { Database, Db } from "../../client";

/**
 * At most `limit` case metrics computed at once on a database; the others wait their turn, first
 * come first served. Why: each computation is a scan of every case's facts that keeps a core busy
 * for a few hundred milliseconds at a million cases and holds one of the pool's ten connections
 * while it runs. In a morning rush the metric reads alone took every connection, and a page or a
 * write — milliseconds of work — queued behind them for seconds. Queued here, the metrics leave
 * the rest of the pool to everything else; computing more of them at once would not answer them
 * sooner, the cores being busy already.
 */
export interface MetricQueue {
  /**
   * Runs `work` once a place is free. A work whose `signal` aborts while it waits — its reader
   * gave up — leaves the queue without running and rejects with `ReadAbandoned`: otherwise, in a
   * rush, places went to answers nobody would read, and the readers still waiting timed out in
   * turn. A work that has started runs to its end (its answer may serve the cache's next reader).
   */
  run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /**
   * How many ran at once at most, how many had to wait, and how many left while waiting: for
   * tests and the load benchmark.
   */
  readonly stats: { readonly peak: number; readonly waited: number; readonly abandoned: number };
}

/** The reader of a figure went away (its request was aborted) before it was computed. */
export class ReadAbandoned extends Error {
  constructor() {
    super("the reader went away before the figure was computed");
    this.name = "ReadAbandoned";
  }
}

export function createMetricQueue(limit: number): MetricQueue {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit ${limit}: at least 1`);
  let running = 0;
  const waiting: (() => void)[] = [];
  const stats = { peak: 0, waited: 0, abandoned: 0 };
  return {
    stats,
    async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (signal?.aborted) throw new ReadAbandoned();
      if (running < limit) {
        running++;
      } else {
        stats.waited++;
        // The slot is handed over by the one that finishes: `running` stays as it is.
        await new Promise<void>((resolve, reject) => {
          const leave = () => {
            const place = waiting.indexOf(handOver);
            // Already handed the slot: it runs, as if the abort had come a moment later.
            if (place < 0) return;
            waiting.splice(place, 1);
            stats.abandoned++;
            reject(new ReadAbandoned());
          };
          const handOver = () => {
            signal?.removeEventListener("abort", leave);
            resolve();
          };
          waiting.push(handOver);
          signal?.addEventListener("abort", leave, { once: true });
        });
      }
      stats.peak = Math.max(stats.peak, running);
      try {
        return await work();
      } finally {
        const next = waiting.shift();
        if (next === undefined) running--;
        else next();
      }
    },
  };
}

const queues = new WeakMap<Db, MetricQueue>();

/**
 * Queues the case metrics computed on this database, `limit` at a time: `samsyn serve` does, for
 * the primary and any replica (`SAMSYN_METRIC_CONCURRENCY`, 6 unless told). Tests and `pnpm
 * bench` run their queries as they come, unless a test queues them.
 */
export function queueMetricComputations(database: Database, limit: number): MetricQueue {
  const queue = createMetricQueue(limit);
  queues.set(database.db, queue);
  return queue;
}

/** Computes as they come again: a test that queued them leaves the database as it found it. */
export function stopQueueingMetricComputations(database: Database): void {
  queues.delete(database.db);
}

export function metricQueueOf(db: Db): MetricQueue | undefined {
  return queues.get(db);
}
