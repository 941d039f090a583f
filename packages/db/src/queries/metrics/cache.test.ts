import {
  DEFAULT_K,
  type Disclosure,
  type MetricAccess,
  type MetricQuery,
  type Scope,
} from "@samsyn/domain";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendCaseEvent } from "../../operations/cases/append-event";
import {
  anAuditContext,
  aScope,
  importExampleCounty,
  resetData,
  testDatabases,
  useMigratedDatabase,
} from "../../testing";
import { selectRows } from "../rows";
import { disableMetricCache, enableMetricCache, type MetricCache } from "./cache";
import { type Metric, type MetricName, publishMetric } from "./publish";
import { ReadAbandoned } from "./queue";

const county: MetricAccess = { view: "county", restriction: undefined };
const own: MetricAccess = { view: "own", restriction: { organisations: ["stockholms_stad"] } };
const disclosure: Disclosure = { mode: "suppression", k: DEFAULT_K };
const byStep: MetricQuery = { asOf: "2025-06-30" as never, status: "all", groupBy: ["step"] };
const caseCounts: Metric = { name: "caseCounts" };

describe.each(testDatabases())("the metric cache on $name", (target) => {
  const database = useMigratedDatabase(target);
  const db = () => database().db;
  const audited: MetricName[] = [];
  const audit = { published: (metric: MetricName) => audited.push(metric) };
  const publish = (access: MetricAccess = county, query: MetricQuery = byStep) =>
    publishMetric(db(), caseCounts, query, access, { disclosure, audit });
  /** The database's own answer, the cache switched off for the read. */
  const uncached = async (access?: MetricAccess, query?: MetricQuery) => {
    disableMetricCache(database());
    try {
      return await publish(access, query);
    } finally {
      cache = enableMetricCache(database());
    }
  };
  let cache: MetricCache;

  beforeEach(async () => {
    await resetData(db());
    await importExampleCounty(database());
    audited.length = 0;
    cache = enableMetricCache(database());
  });
  afterEach(() => disableMetricCache(database()));

  it("answers a repeated read from memory with the database's answer, auditing every read", async () => {
    const expected = await uncached();
    const first = await publish();
    const second = await publish();
    expect(first).toEqual(expected);
    expect(second).toEqual(expected);
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
    expect(audited).toEqual(["caseCounts", "caseCounts", "caseCounts"]);
  });

  it("keeps each scope's and each query's answer apart", async () => {
    const expectedOwn = await uncached(own);
    const expectedCounty = await uncached(county);
    const open = { ...byStep, status: "open" as const };
    const expectedOpen = await uncached(county, open);
    expect(expectedOwn).not.toEqual(expectedCounty);
    expect(await publish(county)).toEqual(expectedCounty);
    expect(await publish(own)).toEqual(expectedOwn);
    expect(await publish(county, open)).toEqual(expectedOpen);
    expect(await publish(own)).toEqual(expectedOwn);
    expect(cache.stats).toEqual({ hits: 1, misses: 3 });
  });

  it("gives each reader its own copy: reshaping an answer changes no later one", async () => {
    const first = await publish();
    const expected = structuredClone(first);
    (first.cells as unknown[]).length = 0;
    expect(await publish()).toEqual(expected);
  });

  it("serves no answer older than a write: the next read after it is computed anew", async () => {
    const samordnare: Scope = aScope("samordnare", ["stockholms_stad"]);
    const before = await publish();
    const [row] = await selectRows<{ id: number }>(db(), sql`SELECT min(id) AS id FROM cases`);
    const written = await appendCaseEvent(
      db(),
      samordnare,
      anAuditContext(samordnare),
      row?.id ?? 0,
      { occurredAt: "2024-01-25", type: "step", step: 7 },
    );
    expect(written.ok).toBe(true);
    const after = await publish();
    expect(cache.stats.misses).toBe(2);
    expect(after).not.toEqual(before);
    expect(after).toEqual(await uncached());
  });

  it("serves no answer older than an import or a reset", async () => {
    await publish();
    await resetData(db());
    expect((await publish()).total).toBe(0);
    await importExampleCounty(database());
    const reimported = await publish();
    expect(cache.stats.misses).toBe(3);
    expect(reimported.total).toBeGreaterThan(0);
    expect(reimported).toEqual(await uncached());
  });

  it("keeps its answers within its bound, the least recently used going first", async () => {
    const total = JSON.stringify(await uncached()).length;
    const other = { ...byStep, asOf: "2025-05-31" as never };
    const otherBytes = JSON.stringify(await uncached(county, other)).length;
    // Room for the larger of the two answers, not for both.
    cache = enableMetricCache(database(), Math.max(total, otherBytes));
    await publish();
    await publish(county, other);
    await publish(county, other);
    await publish();
    expect(cache.stats).toEqual({ hits: 1, misses: 3 });
  });

  it("runs a burst of the same question once", async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => publish()));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(cache.stats).toEqual({ hits: 7, misses: 1 });
    expect(audited).toHaveLength(8);
  });

  describe("readers who go away", () => {
    /** A computation the test ends, which records whether it was told to stop. */
    function pending() {
      let finish!: (answer: { cells: number[] }) => void;
      const seen: { signal?: AbortSignal | undefined; runs: number } = { runs: 0 };
      const work = (signal: AbortSignal | undefined) => {
        seen.signal = signal;
        seen.runs++;
        return new Promise<{ cells: number[] }>((resolve, reject) => {
          finish = resolve;
          signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
        });
      };
      return { work, seen, finish: (answer: { cells: number[] }) => finish(answer) };
    }

    /** Until `readers` reads have found or started their computation (the version read first). */
    async function registered(readers: number) {
      while (cache.stats.hits + cache.stats.misses < readers) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }

    it("lets one reader leave while another gets the answer, computed once and kept", async () => {
      const computation = pending();
      const leaving = new AbortController();
      const first = cache.get(db(), "q", computation.work, leaving.signal);
      const second = cache.get(db(), "q", computation.work, new AbortController().signal);
      await registered(2);
      leaving.abort();
      await expect(first).rejects.toBeInstanceOf(ReadAbandoned);
      expect(computation.seen.signal?.aborted, "another reader still waits").toBe(false);
      computation.finish({ cells: [5] });
      expect(await second).toEqual({ cells: [5] });
      expect(await cache.get(db(), "q", computation.work)).toEqual({ cells: [5] });
      expect(computation.seen.runs).toBe(1);
    });

    it("stops the computation once every reader has gone, and a later read computes anew", async () => {
      const computation = pending();
      const readers = [new AbortController(), new AbortController()];
      const reads = readers.map((r) => cache.get(db(), "q", computation.work, r.signal));
      await registered(2);
      readers[0]?.abort();
      expect(computation.seen.signal?.aborted).toBe(false);
      readers[1]?.abort();
      for (const read of reads) await expect(read).rejects.toBeInstanceOf(ReadAbandoned);
      expect(computation.seen.signal?.aborted, "nobody waits any more").toBe(true);

      const again = pending();
      const read = cache.get(db(), "q", again.work);
      await registered(3);
      again.finish({ cells: [7] });
      expect(await read).toEqual({ cells: [7] });
      expect(again.seen.runs, "the stopped computation was no answer").toBe(1);
    });

    it("keeps computing for a reader that cannot leave, whoever else goes", async () => {
      const computation = pending();
      const leaving = new AbortController();
      const staying = cache.get(db(), "q", computation.work);
      const gone = cache.get(db(), "q", computation.work, leaving.signal);
      await registered(2);
      leaving.abort();
      await expect(gone).rejects.toBeInstanceOf(ReadAbandoned);
      expect(computation.seen.signal?.aborted).toBe(false);
      computation.finish({ cells: [3] });
      expect(await staying).toEqual({ cells: [3] });
    });

    it("refuses a reader that has already gone, computing nothing for it", async () => {
      const computation = pending();
      const gone = new AbortController();
      gone.abort();
      await expect(cache.get(db(), "q", computation.work, gone.signal)).rejects.toBeInstanceOf(
        ReadAbandoned,
      );
      expect(computation.seen.runs).toBe(0);
    });
  });
});
