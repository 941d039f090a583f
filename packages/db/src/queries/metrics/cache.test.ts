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
});
