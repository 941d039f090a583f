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
  run<T>(work: () => Promise<T>): Promise<T>;
  /** How many ran at once at most, and how many had to wait: for tests and the load benchmark. */
  readonly stats: { readonly peak: number; readonly waited: number };
}

export function createMetricQueue(limit: number): MetricQueue {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit ${limit}: at least 1`);
  let running = 0;
  const waiting: (() => void)[] = [];
  const stats = { peak: 0, waited: 0 };
  return {
    stats,
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running < limit) {
        running++;
      } else {
        stats.waited++;
        // The slot is handed over by the one that finishes: `running` stays as it is.
        await new Promise<void>((resolve) => waiting.push(resolve));
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
 * the primary and any replica (`SAMSYN_METRIC_CONCURRENCY`). Off by default: tests and
 * `pnpm bench` run their queries as they come.
 */
export function queueMetricComputations(database: Database, limit: number): MetricQueue {
  const queue = createMetricQueue(limit);
  queues.set(database.db, queue);
  return queue;
}

export function metricQueueOf(db: Db): MetricQueue | undefined {
  return queues.get(db);
}
