import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { adminScope, authed, testApp, testScope } from "../../testing";

interface Entry {
  action: string;
  objectType: string;
  objectId: string | null;
  outcome: string;
  actor: string;
  role: string;
}

describe.each(testDatabases())("the audit log through the API on $name", (target) => {
  const database = useMigratedDatabase(target);
  const app = () => testApp(database());

  async function newest(filter = ""): Promise<Entry[]> {
    const res = await authed(app(), `/api/v1/audit-log?limit=50${filter}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Entry[] }).items;
  }

  beforeAll(async () => {
    await app().request("/api/v1/cases/42");
    await app().request("/api/v1/cases/8112289874", {
      headers: { Authorization: "Bearer not.a.token" },
    });
    await authed(app(), "/api/v1/audit-log", {}, testScope("ledning", ["K0180"], "lena"));
    await authed(app(), "/api/v1/cases", {}, testScope("lan", [], "lars"));
  });

  it("records requests refused for want of a valid token, without an identifier in the path", async () => {
    const rows = (await newest("&action=api.request")).filter(
      (e) => e.outcome === "unauthenticated",
    );
    expect(rows.map((e) => e.objectId)).toContain("/api/v1/cases/42");
    expect(rows.every((e) => e.actor === "anonymous" && e.role === "anonymous")).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("8112289874");
    expect(rows).toHaveLength(2);
  });

  it("records refusals of other roles: a manager reading the log, a länsgrupp listing cases", async () => {
    const denied = (await newest()).filter((e) => e.outcome === "denied");
    expect(denied).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: "lena", role: "ledning", action: "audit.read" }),
        expect.objectContaining({ actor: "lars", role: "lan", action: "case.list" }),
      ]),
    );
  });

  it("records the admin's own reading of the log", async () => {
    await newest();
    const [latest] = await newest();
    expect(latest).toMatchObject({ action: "audit.read", actor: adminScope.sub, outcome: "ok" });
  });

  it("filters by actor", async () => {
    const rows = await newest("&actor=lena");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((e) => e.actor === "lena")).toBe(true);
  });

  it("exports the filtered log as CSV, and the export is audited", async () => {
    const res = await authed(app(), "/api/v1/audit-log/export?actor=lars");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^id,at,actor,role,action/);
    expect(lines.slice(1).every((l) => l.includes(",lars,"))).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
    const [latest] = await newest("&action=audit.export");
    expect(latest).toMatchObject({ action: "audit.export", outcome: "ok" });
  });

  it("refuses the export to everyone but admin", async () => {
    const res = await authed(
      app(),
      "/api/v1/audit-log/export",
      {},
      testScope("samordnare", ["K0180"]),
    );
    expect(res.status).toBe(403);
  });

  it("rejects a bad filter with 400 naming the parameter", async () => {
    const res = await authed(app(), "/api/v1/audit-log?from=2025-13-01");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { path: string }[] } };
    expect(body.error.details.map((d) => d.path)).toContain("from");
  });
});
