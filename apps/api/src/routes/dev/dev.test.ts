import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../errors";
import { authed, jsonInit, registerProbeRoutes, testApp, unusedDatabase } from "../../testing";

const app = testApp(unusedDatabase(), { extraRoutes: registerProbeRoutes });
const signIn = (body: unknown) => app.request("/api/v1/dev/sign-in", jsonInit("POST", body));

async function tokenFrom(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

describe("POST /api/v1/dev/sign-in (dev mode)", () => {
  it("needs no token and gives one that works for the role and organisations picked", async () => {
    const token = await tokenFrom(
      await signIn({ role: "samordnare", orgs: ["K0180"], sub: "anna" }),
    );
    const me = await app.request("/api/v1/probe/whoami", {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(await me.json()).toEqual({ sub: "anna", role: "samordnare", orgs: ["K0180"] });
  });

  it("names the user after the role when no subject is given", async () => {
    const token = await tokenFrom(await signIn({ role: "lan", orgs: [] }));
    const me = await app.request("/api/v1/probe/whoami", {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(await me.json()).toMatchObject({ sub: "dev-lan" });
  });

  it.each([
    ["an unknown role", { role: "root", orgs: [] }, "role"],
    ["samordnare without organisations", { role: "samordnare", orgs: [] }, "orgs"],
    ["a malformed organisation code", { role: "admin", orgs: ["a b"] }, "orgs.0"],
    ["an unknown field", { role: "admin", orgs: [], expiresIn: "100y" }, ""],
  ])("refuses %s with 400", async (_name, body, path) => {
    const res = await signIn(body);
    expect(res.status).toBe(400);
    const error = ((await res.json()) as ErrorBody).error;
    expect(error.code).toBe("bad_request");
    expect(error.details.map((d) => d.path)).toContain(path);
  });

  it("refuses a personnummer as the subject with 422 naming the field, not the number", async () => {
    const res = await signIn({ role: "admin", orgs: [], sub: "19811218-9876" });
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).not.toContain("9876");
    expect((JSON.parse(text) as ErrorBody).error.details).toEqual([
      { path: "sub", message: expect.stringMatching(/personnummer/) },
    ]);
  });

  it("is marked in the OpenAPI document as development only, with no security", async () => {
    const doc = (await (await authed(app, "/api/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const operation = doc.paths["/api/v1/dev/sign-in"]?.post;
    expect(operation).toMatchObject({
      "x-samsyn-development-only": true,
      security: [],
      tags: ["dev"],
    });
  });
});
