import { DEFAULT_K, type Disclosure, type MetricAccess, type MetricQuery } from "@samsyn/domain";
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { importExampleCounty, resetData, testDatabases, useMigratedDatabase } from "../../testing";
import { disableMetricCache, enableMetricCache } from "./cache";
import { type Metric, type MetricName, publishMetric } from "./publish";
import { createMetricQueue, metricQueueOf, queueMetricComputations, ReadAbandoned } from "./queue";

/** A piece of work the test ends when it wants to, and the order things happened in. */
function controlled(log: string[], name: string) {
  let settle!: (fail: boolean) => void;
  const done = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  return {
    work: async () => {
      log.push(`start ${name}`);
      const fail = await done;
      log.push(`end ${name}`);
      if (fail) throw new Error(`${name} failed`);
      return name;
    },
    finish: () => settle(false),
    fail: () => settle(true),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("the metric queue", () => {
  it("runs at most `limit` at once and starts the waiting ones in the order they came", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        // The order in which the started works finish, as indexes into those still running.
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        async (limit, finishOrder) => {
          const queue = createMetricQueue(limit);
          const log: string[] = [];
          const works = Array.from({ length: 8 }, (_, i) => controlled(log, `w${i}`));
          const results = works.map((w) => queue.run(w.work));
          const running = () =>
            works.filter((_, i) => log.includes(`start w${i}`) && !log.includes(`end w${i}`));
          await tick();
          for (const pick of finishOrder) {
            const now = running();
            expect(now.length).toBe(
              Math.min(limit, works.length - log.filter((l) => l.startsWith("end")).length),
            );
            now[pick % now.length]?.finish();
            await tick();
          }
          expect(await Promise.all(results)).toEqual(works.map((_, i) => `w${i}`));
          const starts = log.filter((l) => l.startsWith("start"));
          expect(starts).toEqual(works.map((_, i) => `start w${i}`));
          expect(queue.stats.peak).toBe(Math.min(limit, 8));
          expect(queue.stats.waited).toBe(Math.max(0, 8 - limit));
        },
      ),
      { numRuns: 50 },
    );
  });

  it("frees the slot of a work that failed, and passes its error on", async () => {
    const queue = createMetricQueue(1);
    const log: string[] = [];
    const first = controlled(log, "a");
    const second = controlled(log, "b");
    const a = queue.run(first.work);
    const b = queue.run(second.work);
    await tick();
    expect(log).toEqual(["start a"]);
    first.fail();
    await expect(a).rejects.toThrow("a failed");
    await tick();
    expect(log).toEqual(["start a", "end a", "start b"]);
    second.finish();
    expect(await b).toBe("b");
  });

  it("never starts a work whose reader left while it waited; the others keep their order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        // Which of the 8 readers go away, and after how many of the running works have finished.
        fc.array(fc.option(fc.nat({ max: 8 }), { nil: undefined }), {
          minLength: 8,
          maxLength: 8,
        }),
        async (limit, leavesAfter) => {
          const queue = createMetricQueue(limit);
          const log: string[] = [];
          const works = Array.from({ length: 8 }, (_, i) => controlled(log, `w${i}`));
          const readers = works.map(() => new AbortController());
          const results = works.map((w, i) =>
            queue.run(w.work, readers[i]?.signal).then(
              (value) => value,
              (error: unknown) => error,
            ),
          );
          const started = (i: number) => log.includes(`start w${i}`);
          const leftWaiting = new Set<number>();
          await tick();
          for (let finished = 0; finished <= 8; finished++) {
            leavesAfter.forEach((after, i) => {
              if (after !== finished) return;
              if (!started(i)) leftWaiting.add(i);
              readers[i]?.abort();
            });
            await tick();
            const running = works.filter((_, i) => started(i) && !log.includes(`end w${i}`));
            expect(running.length).toBeLessThanOrEqual(limit);
            running[0]?.finish();
            await tick();
          }
          const outcomes = await Promise.all(results);
          works.forEach((_, i) => {
            if (leftWaiting.has(i)) {
              expect(outcomes[i]).toBeInstanceOf(ReadAbandoned);
              expect(started(i), `w${i} left while waiting`).toBe(false);
            } else {
              // Begun before its reader left, or never left: it runs to its end.
              expect(outcomes[i]).toBe(`w${i}`);
            }
          });
          const starts = log.filter((l) => l.startsWith("start"));
          const stayed = works.map((_, i) => i).filter((i) => !leftWaiting.has(i));
          expect(starts).toEqual(stayed.map((i) => `start w${i}`));
          expect(queue.stats.abandoned).toBe(leftWaiting.size);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("refuses a reader that has already gone without taking a place", async () => {
    const queue = createMetricQueue(1);
    const log: string[] = [];
    const gone = new AbortController();
    gone.abort();
    await expect(queue.run(controlled(log, "a").work, gone.signal)).rejects.toBeInstanceOf(
      ReadAbandoned,
    );
    const b = controlled(log, "b");
    const running = queue.run(b.work);
    await tick();
    expect(log).toEqual(["start b"]);
    b.finish();
    expect(await running).toBe("b");
    expect(queue.stats).toEqual({ peak: 1, waited: 0, abandoned: 0 });
  });

  it("refuses a limit below 1", () => {
    expect(() => createMetricQueue(0)).toThrow(RangeError);
    expect(() => createMetricQueue(1.5)).toThrow(RangeError);
  });
});

const county: MetricAccess = { view: "county", restriction: undefined };
const disclosure: Disclosure = { mode: "suppression", k: DEFAULT_K };
const asOf = "2025-06-30" as never;

describe.each(testDatabases())("publishMetric through the queue on $name", (target) => {
  const database = useMigratedDatabase(target);
  const audit = { published: (_: MetricName) => {} };
  const questions: [Metric, MetricQuery][] = [
    [{ name: "caseCounts" }, { asOf, status: "all", groupBy: ["step"] }],
    [{ name: "caseCounts" }, { asOf, status: "open", groupBy: ["targetGroup"] }],
    [{ name: "stuck" } as Metric, { asOf, status: "open", groupBy: ["step"] }],
    [{ name: "caseCounts" }, { asOf, status: "closed" }],
    [{ name: "caseCounts" }, { asOf, status: "all", groupBy: ["municipality"] }],
  ];
  const publishAll = () =>
    Promise.all(
      questions.map(([metric, query]) =>
        publishMetric(database().db, metric, query, county, { disclosure, audit }),
      ),
    );

  beforeAll(async () => {
    await resetData(database().db);
    await importExampleCounty(database());
  });
  afterEach(() => disableMetricCache(database()));

  it("computes two at a time, answering each as without the queue; kept answers wait for nothing", async () => {
    expect(metricQueueOf(database().db)).toBeUndefined();
    const expected = await publishAll();
    const queue = queueMetricComputations(database(), 2);
    expect(await publishAll()).toEqual(expected);
    expect(queue.stats).toEqual({ peak: 2, waited: questions.length - 2, abandoned: 0 });

    enableMetricCache(database());
    await publishAll();
    const computed = queue.stats.waited;
    expect(await publishAll()).toEqual(expected);
    expect(queue.stats.waited, "answers from the cache are not queued").toBe(computed);
  });

  it("drops the question of a reader who went away while it waited, with the cache on or off", async () => {
    const [metric, query] = questions[0] as [Metric, MetricQuery];
    const expected = await publishMetric(database().db, metric, query, county, {
      disclosure,
      audit,
    });
    for (const cached of [false, true]) {
      if (cached) enableMetricCache(database());
      const queue = queueMetricComputations(database(), 1);
      const log: string[] = [];
      const blocker = controlled(log, "blocker");
      const blocking = queue.run(blocker.work);
      const reader = new AbortController();
      const published: MetricName[] = [];
      const read = publishMetric(database().db, metric, query, county, {
        disclosure,
        audit: { published: (m) => published.push(m) },
        signal: reader.signal,
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(queue.stats.waited).toBe(1);
      reader.abort();
      await expect(read).rejects.toBeInstanceOf(ReadAbandoned);
      expect(queue.stats.abandoned).toBe(1);
      expect(published, "nothing was published for it").toEqual([]);
      blocker.finish();
      await blocking;
      // The place it left is free, and the same question is computed for the next reader.
      expect(
        await publishMetric(database().db, metric, query, county, { disclosure, audit }),
      ).toEqual(expected);
      disableMetricCache(database());
    }
  });
});
