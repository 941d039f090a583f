import type { Database } from "@samsyn/db";
import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import { messages } from "@samsyn/domain";
import { describe, expect, it } from "vitest";
import { type ErrorCode, errorCodes, errorStatuses, importRowErrorCodes } from "./errors";
import { errorSchema } from "./routes/schemas";
import { authed, jsonInit, registerProbeRoutes, testApp, testScope } from "./testing";

describe("the error vocabulary", () => {
  it("gives every code a status of its own kind and a Swedish and an English message", () => {
    for (const code of errorCodes) {
      expect(errorStatuses[code], code).toBeGreaterThanOrEqual(400);
      const text = messages[`error.${code}`];
      expect(text.sv.length, code).toBeGreaterThan(0);
      expect(text.en.length, code).toBeGreaterThan(0);
      expect(text.sv, code).not.toBe(text.en);
    }
  });

  it("gives every code of an import report's rows a Swedish message", () => {
    for (const code of importRowErrorCodes) {
      expect(messages[`import.error.${code}`].sv.length, code).toBeGreaterThan(0);
    }
  });
});

/** Every Swedish text of the catalogue as a pattern, its placeholders matching any value. */
const swedishTemplates = Object.values(messages).map(
  (m) =>
    new RegExp(`^${m.sv.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\w+\}/g, ".*")}$`, "s"),
);

const target = testDatabases().find((t) => t.name === "pglite");
if (target === undefined) throw new Error("PGlite is always a test database");

describe("every error the API sends is in the vocabulary", () => {
  const database = useMigratedDatabase(target);
  const ledning = testScope("ledning", ["K0180"]);

  function app(db: Database = database()) {
    return testApp(db, {
      extraRoutes: registerProbeRoutes,
      http: { bodyLimitBytes: 64, metricRateLimitPerMinutePerUser: 1 },
    });
  }

  it("documents exactly the vocabulary's codes in the OpenAPI Error schema", async () => {
    const res = await authed(app(), "/api/v1/openapi.json");
    const doc = (await res.json()) as {
      components: { schemas: { Error: { properties: { error: { properties: object } } } } };
    };
    const { code } = doc.components.schemas.Error.properties.error.properties as {
      code: { enum: string[] };
    };
    expect(code.enum).toEqual(errorCodes);
  });

  it("answers each refusal with a documented code, its status and a Swedish message", async () => {
    const a = app();
    const tooBig = jsonInit("POST", { text: "x".repeat(200) });
    const refusals: [ErrorCode, () => Promise<Response>][] = [
      ["unauthenticated", async () => a.request("/api/v1/metrics/cases")],
      ["not_found", () => authed(a, "/api/v1/no-such-resource")],
      ["bad_request", () => authed(a, "/api/v1/metrics/cases?from=2025-13-40")],
      [
        "bad_request",
        () => authed(a, "/api/v1/probe/echo", { ...jsonInit("POST", {}), body: "{" }),
      ],
      ["forbidden", () => authed(a, "/api/v1/audit-log", {}, ledning)],
      ["payload_too_large", () => authed(a, "/api/v1/probe/echo", tooBig)],
      [
        "unsupported_media_type",
        () => authed(a, "/api/v1/probe/echo", { method: "POST", body: "x" }),
      ],
      [
        "identifier_rejected",
        async () =>
          a.request(
            "/api/v1/dev/sign-in",
            jsonInit("POST", { role: "lan", orgs: [], sub: "19121212-1212" }),
          ),
      ],
      ["internal", () => authed(a, "/api/v1/probe/throw")],
      ["rate_limited", () => authed(a, "/api/v1/metrics/cases?asOf=2025-06-30", {}, ledning)],
    ];
    // The first metric read of the window passes; the one in the list above is the second.
    await authed(a, "/api/v1/metrics/cases?asOf=2025-06-30", {}, ledning);
    for (const [expected, send] of refusals) {
      const res = await send();
      const body = errorSchema.parse(await res.json());
      expect(body.error.code).toBe(expected);
      expect(res.status, expected).toBe(errorStatuses[expected]);
      expect(swedishTemplates.some((template) => template.test(body.error.message))).toBe(true);
    }
  });
});
