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

describe.each(testDatabases())("GET /api/v1/health on $name", (target) => {
  const database = useMigratedDatabase(target);

  it("answers ok with the database kind and what it holds, without a token", async () => {
    const app = createApp({ database: database(), secret: testSecret });
    const res = await app.request("/api/v1/health");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: string;
      database: string;
      counts: Record<string, unknown>;
    };
    expect(body).toEqual({
      status: "ok",
      database: target.name,
      counts: { organisations: 0, units: 0, cases: 0, events: 0 },
    });
  });

  it("never shows a case count between 1 and k−1, even though it needs no token", async () => {
    const dir = await writeInterchange({
      units: [aUnit()],
      cases: [aCase({ case_ref: "H-1" }), aCase({ case_ref: "H-2" }), aCase({ case_ref: "H-3" })],
    });
    const report = await importDirectory(database(), { dir, secret: testSecret });
    expect(report.ok).toBe(true);
    const body = (await (await testApp(database()).request("/api/v1/health")).json()) as {
      counts: { cases: number | null; units: number };
    };
    expect(body.counts.cases).toBeNull();
    expect(body.counts.units).toBe(1);
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

  it("describes itself in the OpenAPI document (which needs a token) as needing none", async () => {
    const app = testApp(database());
    expect((await app.request("/api/v1/openapi.json")).status).toBe(401);
    const res = await authed(app, "/api/v1/openapi.json");
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
  it("answers 503 with Retry-After and no stack trace", async () => {
    const [target] = testDatabases();
    if (target === undefined) throw new Error("no test database");
    const database = await target.open();
    await database.close();
    const res = await createApp({ database, secret: testSecret }).request("/api/v1/health");
    const text = await res.text();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("10");
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect(JSON.parse(text)).toHaveProperty("error.code");
  });
});
