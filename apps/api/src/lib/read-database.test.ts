import { createDb, type Database, migrate } from "@samsyn/db";
import { countAuditRows, importExampleCounty } from "@samsyn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuditBuffer } from "../routes/metrics/metric-audit";
import { authed, testApp } from "../testing";
import { silentLogger } from "./logging";

/**
 * AppDeps.readDatabase (docs/scaling.md "Read replicas"), with a second PGlite standing in for
 * the replica: it holds a county the primary does not, so an answer tells which one was read.
 * The replica proper, streaming from a primary, is in tests/scale/read-replica.test.ts.
 */
describe("reads that may lag go to the read database, the rest to the primary", () => {
  let primary: Database;
  let replica: Database;

  beforeAll(async () => {
    [primary, replica] = await Promise.all([
      createDb({ dataDir: "memory://" }),
      createDb({ dataDir: "memory://" }),
    ]);
    await Promise.all([migrate(primary), migrate(replica)]);
    await importExampleCounty(replica);
  });

  afterAll(async () => {
    await Promise.all([primary?.close(), replica?.close()]);
  });

  it("answers metrics and the organisation list from the replica, and audits on the primary", async () => {
    const auditBuffer = createAuditBuffer(primary, silentLogger());
    const app = testApp(primary, { auditBuffer }, { readDatabase: replica });
    const organisations = (await (await authed(app, "/api/v1/organisations")).json()) as {
      items: unknown[];
    };
    expect(organisations.items.length).toBeGreaterThan(0);
    const metric = await authed(app, "/api/v1/metrics/cases");
    expect(metric.status, await metric.clone().text()).toBe(200);
    await auditBuffer.close();
    // The metric read's audit row is the primary's; the replica is never written.
    expect(await countAuditRows(primary.db)).toBeGreaterThan(0);
    const replicaAudit = await countAuditRows(replica.db);
    // The primary has no county: its own answer to the same list is empty.
    const onPrimary = (await (await authed(testApp(primary), "/api/v1/organisations")).json()) as {
      items: unknown[];
    };
    expect(onPrimary.items).toEqual([]);
    expect(await countAuditRows(replica.db)).toBe(replicaAudit);
  });

  it("reads an import list from the primary, which the replica cannot answer for", async () => {
    const app = testApp(primary, {}, { readDatabase: replica });
    const listed = (await (await authed(app, "/api/v1/imports")).json()) as { items: unknown[] };
    // The replica's county came by an import; the primary has none.
    expect(listed.items).toEqual([]);
  });

  it("reports the replica in health: ok, or unavailable beside a primary that answers", async () => {
    const withReplica = testApp(primary, {}, { readDatabase: replica });
    const ok = await withReplica.request("/api/v1/health");
    expect(await ok.json()).toEqual({ status: "ok", database: "pglite", readReplica: "ok" });

    const gone = await createDb({ databaseUrl: "postgres://postgres@127.0.0.1:9/samsyn" });
    try {
      const res = await testApp(primary, {}, { readDatabase: gone }).request("/api/v1/health");
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        status: "ok",
        database: "pglite",
        readReplica: "unavailable",
      });
    } finally {
      await gone.close();
    }
  });
});
