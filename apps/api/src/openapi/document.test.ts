import { organisationCode } from "@samsyn/domain";
import { describe, expect, it } from "vitest";
import { createApp, openApiPath } from "../app";
import { unusedDatabase } from "../testing";
import { testSecret } from "../testing/tokens";
import { openApiDocument } from "./document";

/** Every `pattern` anywhere in the document. */
function patterns(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(patterns);
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === "pattern" && typeof value === "string" ? [value] : patterns(value),
  );
}

describe("the OpenAPI document", () => {
  it("is served without a token, touching no database", async () => {
    const app = createApp({ database: unusedDatabase(), secret: testSecret });
    const res = await app.request(openApiPath);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ openapi: "3.1.0", servers: [{ url: "/" }] });
  });

  it("names every operation with a unique camelCase operationId", async () => {
    const doc = (await openApiDocument()) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const ids = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).map((operation) => operation.operationId),
    );
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id) => !/^[a-z]+[A-Z][A-Za-z]*$/.test(id ?? ""))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("writes patterns as ECMA-262 unicode patterns, without the flags of a JS RegExp", async () => {
    const found = patterns(await openApiDocument());
    expect(found.length).toBeGreaterThan(0);
    for (const pattern of found) {
      expect(pattern).not.toMatch(/\$\/[a-z]*$/);
      expect(() => new RegExp(pattern, "u")).not.toThrow();
    }
  });

  it("accepts exactly the organisation codes that the API's own check accepts", async () => {
    const doc = (await openApiDocument()) as {
      components: {
        schemas: { DevSignIn: { properties: { orgs: { items: { pattern: string } } } } };
      };
    };
    const documented = new RegExp(
      doc.components.schemas.DevSignIn.properties.orgs.items.pattern,
      "u",
    );
    const samples = [
      "K0180",
      "stockholms_stad",
      "Örebro_län",
      "kod.med:tecken-1",
      "١٢٣",
      "K 0180",
      "a/b",
      "K0180/u",
      "kod\u0000",
      "ÅÄÖ",
    ];
    const verdicts = samples.map((code) => [code, documented.test(code)]);
    expect(verdicts).toEqual(
      samples.map((code) => [code, organisationCode.safeParse(code).success]),
    );
    // Both ways occur, so the comparison means something.
    expect(new Set(verdicts.map(([, ok]) => ok))).toEqual(new Set([true, false]));
  });
});
