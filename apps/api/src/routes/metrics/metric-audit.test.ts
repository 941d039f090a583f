import { queueMetricComputations, recordAudit, stopQueueingMetricComputations } from "@samsyn/db";
import {
  anAuditContext,
  aScope,
  countAuditRows,
  resetData,
  testDatabases,
  useMigratedDatabase,
} from "@samsyn/db/testing";
import { beforeEach, describe, expect, it } from "vitest";
import type { ErrorBody } from "../../errors";
import { silentLogger } from "../../lib/logging";
import { authed, captureLogs, testApp, testScope } from "../../testing";
import { type AuditBuffer, createAuditBuffer } from "./metric-audit";

interface Entry {
  actor: string;
  role: string;
  action: string;
  objectType: string;
  objectId: string | null;
  outcome: string;
  details: { status?: number; params?: string[] } | null;
}

const lena = testScope("ledning", ["K0180"], "lena");
const anna = testScope("samordnare", ["K0180"], "anna");
const bo = testScope("samordnare", ["K0180"], "bo");
/** Long enough that only `flush` or a full batch writes: what a test sees is not a race. */
const never = 600_000;

describe.each(testDatabases())("metric reads in the audit log on $name", (target) => {
  const database = useMigratedDatabase(target);
  let buffer: AuditBuffer;
  const app = (http = {}) => testApp(database(), { auditBuffer: buffer, http });

  beforeEach(async () => {
    await resetData(database().db);
    buffer = createAuditBuffer(database(), silentLogger(), { flushMs: never });
  });

  async function metricReads(): Promise<Entry[]> {
    const res = await authed(testApp(database()), "/api/v1/audit-log?action=metric.read");
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Entry[] }).items;
  }

  it("records who read which metric with which parameters, after the answer", async () => {
    const query = "groupBy=targetGroup&municipality=0182&municipality=0180&asOf=2025-06-30";
    const res = await authed(app(), `/api/v1/metrics/cases?${query}`, {}, lena);
    expect(res.status).toBe(200);
    // The answer did not wait for its row: it is written with the next batch.
    expect(await metricReads()).toEqual([]);
    await buffer.flush();
    expect(await metricReads()).toEqual([
      {
        id: expect.any(Number),
        at: expect.any(String),
        actor: "lena",
        role: "ledning",
        action: "metric.read",
        objectType: "metric",
        objectId: "/api/v1/metrics/cases",
        caseRefHash: null,
        outcome: "ok",
        requestId: res.headers.get("x-request-id"),
        details: {
          status: 200,
          params: [
            "asOf=2025-06-30",
            "groupBy=targetGroup",
            "municipality=0180",
            "municipality=0182",
          ],
          published: ["caseCounts"],
        },
      },
    ]);
  });

  it("records refused reads with their status, and never an identifier given as a parameter", async () => {
    const res = await authed(
      app(),
      "/api/v1/metrics/cases?municipality=19121212-1212&asOf=2025-06-30",
      {},
      lena,
    );
    expect(res.status).toBe(400);
    await buffer.flush();
    const [row] = await metricReads();
    expect(row).toMatchObject({
      outcome: "invalid",
      details: {
        status: 400,
        params: ["asOf=2025-06-30", "municipality=[borttaget: identitetsnummer]"],
      },
    });
    // A refused read published nothing, and its row says so by naming no metric.
    expect(row?.details).not.toHaveProperty("published");
    expect(JSON.stringify(row)).not.toContain("1212-1212");
  });

  it("records a read whose reader went away while it waited in the metric queue: 408, nothing published", async () => {
    const queue = queueMetricComputations(database(), 1);
    try {
      let release!: () => void;
      const blocking = queue.run(() => new Promise<void>((resolve) => (release = resolve)));
      const reader = new AbortController();
      const answer = authed(
        app(),
        "/api/v1/metrics/cases?asOf=2025-06-30",
        { signal: reader.signal },
        lena,
      );
      while (queue.stats.waited < 1) await new Promise((resolve) => setTimeout(resolve, 5));
      reader.abort();
      const res = await answer;
      expect(queue.stats.abandoned).toBe(1);
      expect(res.status).toBe(408);
      expect(((await res.json()) as ErrorBody).error.code).toBe("request_timeout");
      release();
      await blocking;
      await buffer.flush();
      const [row] = await metricReads();
      expect(row).toMatchObject({ details: { status: 408 } });
      expect(row?.outcome).not.toBe("ok");
      expect(row?.details).not.toHaveProperty("published");
    } finally {
      stopQueueingMetricComputations(database());
    }
  });

  it("limits metric reads per user below the general limit, with 429 and Retry-After", async () => {
    const limited = app({ metricRateLimitPerMinutePerUser: 3 });
    const path = "/api/v1/metrics/cases?asOf=2025-06-30";
    for (let i = 0; i < 3; i++) expect((await authed(limited, path, {}, anna)).status).toBe(200);
    const refused = await authed(limited, path, {}, anna);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as ErrorBody).error).toEqual({
      code: "rate_limited",
      message: expect.stringMatching(/sekunder/),
      details: [],
    });
    // Another user still reads; the same user still reaches what is not a metric.
    expect((await authed(limited, path, {}, bo)).status).toBe(200);
    expect((await authed(limited, "/api/v1/me", {}, anna)).status).toBe(200);
    await buffer.flush();
    const annas = (await metricReads()).filter((e) => e.actor === "anna");
    expect(annas.map((e) => e.details?.status)).toEqual([429, 200, 200, 200]);
    expect(annas[0]?.outcome).toBe("denied");
  });

  it("writes a batch once it is full, without waiting for the timer", async () => {
    const full = createAuditBuffer(database(), silentLogger(), { flushMs: never, maxRows: 2 });
    const before = await countAuditRows(database().db);
    full.add(aRead("first"));
    full.add(aRead("second"));
    await expect.poll(() => countAuditRows(database().db)).toBe(before + 2);
  });

  it("writes a row within flushMs on its own", async () => {
    const soon = createAuditBuffer(database(), silentLogger(), { flushMs: 20 });
    soon.add(aRead("alone"));
    await expect.poll(() => countAuditRows(database().db)).toBe(1);
  });

  it("loses no row on close, also one added after it", async () => {
    const closing = createAuditBuffer(database(), silentLogger(), { flushMs: never });
    for (const id of ["a", "b", "c"]) closing.add(aRead(id));
    await closing.close();
    expect(await countAuditRows(database().db)).toBe(3);
    closing.add(aRead("late"));
    await closing.flush();
    expect(await countAuditRows(database().db)).toBe(4);
  });

  it("says so in the log when a row cannot be written, and writes the rest of its batch", async () => {
    const logs = captureLogs();
    const failing = createAuditBuffer(database(), logs.logger, { flushMs: never });
    failing.add(aRead("good-1"));
    // An empty actor breaks the audit table's CHECK.
    failing.add({ ...aRead("bad"), ctx: { actor: "", role: "lan", requestId: "req-bad" } });
    failing.add(aRead("good-2"));
    await failing.flush();
    expect(await countAuditRows(database().db)).toBe(2);
    expect(logs.lines()).toEqual([
      expect.objectContaining({
        level: "error",
        msg: "audit rows could not be written",
        action: "metric.read",
        rows: 1,
        requestIds: ["req-bad"],
      }),
    ]);
    // The log is still writable for everything else.
    await recordAudit(database().db, anAuditContext(aScope("admin")), aRead("after").entry);
    expect(await countAuditRows(database().db)).toBe(3);
  });
});

function aRead(objectId: string) {
  return {
    ctx: anAuditContext(aScope("lan")),
    entry: {
      action: "metric.read",
      objectType: "metric",
      objectId,
      outcome: "ok",
    },
  } as const;
}
