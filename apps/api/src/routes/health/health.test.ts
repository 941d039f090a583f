import { importDirectory } from "@samsyn/db";
import {
  aCase,
  aUnit,
  testDatabases,
  useMigratedDatabase,
  writeInterchange,
} from "@samsyn/db/testing";
import { describe, expect, it } from "vitest";
import { createApp } from "../../app";
import { authed, testApp, testSecret } from "../../testing";
import { healthDeadlineMs } from "./health.handlers";

describe.each(testDatabases())("GET /api/v1/health on $name", (target) => {
  const database = useMigratedDatabase(target);

  it("answers ok with the database kind, without a token", async () => {
    const app = createApp({ database: database(), secret: testSecret });
    const res = await app.request("/api/v1/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: target.name });
  });

  it("shows no counts, not even to a signed-in admin: they would show the pace of writes", async () => {
    const dir = await writeInterchange({
      units: [aUnit()],
      cases: [aCase({ case_ref: "H-1" }), aCase({ case_ref: "H-2" })],
    });
    const report = await importDirectory(database(), { dir, secret: testSecret });
    expect(report.ok).toBe(true);
    const app = testApp(database());
    for (const res of [await app.request("/api/v1/health"), await authed(app, "/api/v1/health")]) {
      expect(await res.json()).toEqual({ status: "ok", database: target.name });
    }
  });

  it("sets secure headers", async () => {
    const res = await testApp(database()).request("/api/v1/health");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("answers unknown API paths with 401 without a token, and 404 in the error shape with one", async () => {
    const app = testApp(database());
    expect((await app.request("/api/v1/does-not-exist")).status).toBe(401);
    const res = await authed(app, "/api/v1/does-not-exist");
    expect(res.status).toBe(404);
    const body = (await res.json()) as {
      error: { code: string; message: string; details: unknown[] };
    };
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toMatch(/ingen sådan resurs/);
    expect(body.error.details).toEqual([]);
  });

  it("describes itself in the OpenAPI document as needing no token", async () => {
    const app = testApp(database());
    const res = await app.request("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      paths: Record<string, { get?: { security?: unknown[] } }>;
      security: unknown[];
    };
    expect(doc.paths["/api/v1/health"]?.get?.security).toEqual([]);
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
  });
});

describe("when the database is gone", () => {
  it("answers 503 unavailable in the error shape, with Retry-After and no stack trace", async () => {
    const [target] = testDatabases();
    if (target === undefined) throw new Error("no test database");
    const database = await target.open();
    await database.close();
    const res = await createApp({ database, secret: testSecret }).request("/api/v1/health");
    const text = await res.text();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("10");
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect(JSON.parse(text)).toMatchObject({
      status: "unavailable",
      error: { code: "database_unavailable", message: expect.stringMatching(/Databasen/) },
    });
  });

  const postgresTarget = testDatabases().find((target) => target.name === "postgres");
  it.runIf(postgresTarget !== undefined)(
    "answers 503 by its deadline when the database does not answer in time",
    async () => {
      const database = await postgresTarget?.open();
      if (database?.kind !== "postgres") throw new Error("no PostgreSQL");
      // Every connection of the pool busy: health's query waits in the pool's queue.
      const sleep = `SELECT pg_sleep(${(healthDeadlineMs + 1500) / 1000})`;
      const busy = Array.from({ length: database.client.options.max }, () =>
        database.client.unsafe(sleep).execute(),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const startedAt = Date.now();
      const res = await createApp({ database, secret: testSecret }).request("/api/v1/health");
      const waited = Date.now() - startedAt;
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("10");
      expect(waited).toBeGreaterThanOrEqual(healthDeadlineMs - 50);
      expect(waited).toBeLessThan(healthDeadlineMs + 1000);
      await Promise.all(busy);
      await database.close();
    },
  );
});
