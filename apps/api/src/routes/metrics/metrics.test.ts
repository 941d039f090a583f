import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importDirectory } from "@samsyn/db";
import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import { generateDemoCounty } from "@samsyn/demo-data";
import type { Role } from "@samsyn/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authed, testApp, testScope, testSecret } from "../../testing";

const k = 5;
const period = "from=2021-01-01&to=2025-06-30&asOf=2025-06-30";
/** One realistic request per endpoint, with two group-by dimensions where the metric takes them. */
const requests = [
  `/api/v1/metrics/cases?${period}&groupBy=targetGroup,step`,
  `/api/v1/metrics/cases?${period}&groupBy=municipality,leadPrincipal&status=all`,
  `/api/v1/metrics/lead-times?${period}&process=intern_samsjuklighet&fromStep=1&toStep=3&groupBy=targetGroup,ageGroup`,
  `/api/v1/metrics/flow?${period}&process=intern_samsjuklighet`,
  `/api/v1/metrics/trend?${period}&measure=opened&groupBy=targetGroup,municipality`,
  `/api/v1/metrics/trend?${period}&measure=closed&groupBy=process`,
  `/api/v1/metrics/sip?${period}&groupBy=targetGroup,ageGroup`,
  `/api/v1/metrics/network?${period}&level=principalType`,
  `/api/v1/metrics/network?${period}&level=unit`,
  `/api/v1/metrics/stuck?${period}&groupBy=step,municipality`,
];
const countFields = [
  "count",
  "total",
  "n",
  "pending",
  "consentGiven",
  "consentDeclined",
  "consentWithdrawn",
  "sipEstablished",
];

interface ErrorBody {
  error: { code: string; details: { path: string; message: string }[] };
}

/** Every count-like number anywhere in a response. */
function countsIn(value: unknown): number[] {
  if (Array.isArray(value)) return value.flatMap(countsIn);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, v]) =>
    countFields.includes(key) && typeof v === "number" ? [v] : countsIn(v),
  );
}

describe.each(testDatabases())("metrics endpoints on $name", (target) => {
  const database = useMigratedDatabase(target);
  let demoDir: string;
  const get = (path: string, role: Role = "lan", orgs: string[] = []) =>
    authed(testApp(database(), {}), path, {}, testScope(role, orgs));

  beforeAll(async () => {
    demoDir = await mkdtemp(join(tmpdir(), "samsyn-metrics-"));
    await generateDemoCounty({ outDir: demoDir, cases: 600, seed: 5 });
    const report = await importDirectory(database(), { dir: demoDir, secret: testSecret });
    if (!report.ok) throw new Error("demo import failed");
  });

  afterAll(async () => {
    await rm(demoDir, { recursive: true, force: true });
  });

  it.each(requests)(
    "answers %s with k, asOf and cells, and no count between 1 and k−1",
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        k: number;
        asOf: string;
        view: string;
        cells: unknown[];
      };
      expect(body).toMatchObject({ k, asOf: "2025-06-30", view: "county" });
      expect(body.cells.length).toBeGreaterThan(0);
      const small = countsIn(body).filter((n) => n >= 1 && n < k);
      expect(small).toEqual([]);
    },
  );

  it("publishes suppressed cells as null with suppressed: true, never as 0 or absent numbers", async () => {
    const body = (await (
      await get(`/api/v1/metrics/cases?${period}&groupBy=municipality,targetGroup`)
    ).json()) as {
      cells: { count: number | null; suppressed: boolean }[];
    };
    const hidden = body.cells.filter((c) => c.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((c) => c.count === null)).toBe(true);
    expect(
      body.cells
        .filter((c) => !c.suppressed)
        .every((c) => typeof c.count === "number" && c.count >= k),
    ).toBe(true);
  });

  it("shows ledning its own organisations by default and the county when asked", async () => {
    const own = (await (
      await get(`/api/v1/metrics/cases?${period}&status=all`, "ledning", ["K0180"])
    ).json()) as {
      view: string;
      total: number | null;
    };
    const county = (await (
      await get(`/api/v1/metrics/cases?${period}&status=all&view=county`, "ledning", ["K0180"])
    ).json()) as { view: string; total: number | null };
    expect(own.view).toBe("own");
    expect(county.view).toBe("county");
    expect(own.total).not.toBeNull();
    expect(county.total).not.toBeNull();
    expect(own.total ?? 0).toBeLessThan(county.total ?? 0);
  });

  describe("bad parameters: 400 with a detail per bad parameter", () => {
    const cases: [string, string[]][] = [
      ["/api/v1/metrics/cases?groupBy=targetGroup,colour", ["groupBy"]],
      ["/api/v1/metrics/cases?groupBy=step,step", ["groupBy"]],
      ["/api/v1/metrics/cases?asOf=2025-02-30", ["asOf"]],
      ["/api/v1/metrics/cases?from=2025-06-01&to=2025-01-31", ["from"]],
      [
        "/api/v1/metrics/cases?municipality=9999&targetGroup=okand",
        ["municipality", "targetGroup"],
      ],
      ["/api/v1/metrics/cases?status=maybe", ["status"]],
      ["/api/v1/metrics/lead-times?process=intern_samsjuklighet&fromStep=1&toStep=12", ["toStep"]],
      ["/api/v1/metrics/lead-times?process=okand&fromStep=1&toStep=3", ["process"]],
      ["/api/v1/metrics/lead-times?fromStep=1&toStep=3", ["process"]],
      ["/api/v1/metrics/flow?process=intern_samsjuklighet&groupBy=targetGroup", ["groupBy"]],
      ["/api/v1/metrics/trend?measure=opened&groupBy=step", ["groupBy"]],
      ["/api/v1/metrics/trend?measure=sideways", ["measure"]],
      ["/api/v1/metrics/network?level=galaxy", ["level"]],
    ];
    it.each(cases)("%s", async (path, paths) => {
      const res = await get(path);
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe("bad_request");
      expect(body.error.details.map((d) => d.path)).toEqual(expect.arrayContaining(paths));
    });
  });

  it("asks roles other than samordnare for whole months, explaining why", async () => {
    const path = "/api/v1/metrics/cases?from=2025-01-02&to=2025-03-30";
    const res = await get(path, "ledning", ["K0180"]);
    expect(res.status).toBe(400);
    const details = ((await res.json()) as ErrorBody).error.details;
    expect(details.map((d) => d.path).sort()).toEqual(["from", "to"]);
    expect(details[0]?.message).toMatch(/hela månader|Hela månader/i);
    expect((await get(path, "samordnare", ["K0180"])).status).toBe(200);
  });

  it("serves the catalogues clients read codes and target days from", async () => {
    const res = await get("/api/v1/catalogues", "samordnare", ["K0180"]);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      processes: { code: string; steps: { number: number; targetDays: number | null }[] }[];
      targetGroups: { code: string; statutory: boolean }[];
      municipalities: { code: string }[];
      units: { organisation: string }[];
    };
    expect(body.processes.map((p) => p.code).sort()).toEqual(["intern_samsjuklighet", "sip"]);
    expect(body.processes.find((p) => p.code === "intern_samsjuklighet")?.steps).toHaveLength(11);
    expect(body.targetGroups.filter((g) => g.statutory)).toHaveLength(3);
    expect(body.municipalities).toHaveLength(26);
    expect(body.units.length).toBeGreaterThan(0);
    expect(new Set(body.units.map((u) => u.organisation)).size).toBeGreaterThan(1);
  });

  it.each([
    ["ledning", ["K0181"], "own"],
    ["ledning", ["K0181"], "county"],
    ["samordnare", ["K0181"], "own"],
  ] as const)(
    "names every unit a %s user for %s sees in the %s unit network, not only their own",
    async (role, orgs, view) => {
      const network = (await (
        await get(`/api/v1/metrics/network?${period}&level=unit&view=${view}`, role, [...orgs])
      ).json()) as { cells: { a: string; b: string }[] };
      const catalogue = (await (await get("/api/v1/catalogues", role, [...orgs])).json()) as {
        units: { code: string; name: string }[];
      };
      const named = new Map(catalogue.units.map((u) => [u.code, u.name]));
      const shown = new Set(network.cells.flatMap((c) => [c.a, c.b]));
      const outside = [...shown].filter((code) => !code.startsWith(orgs[0]));
      expect(outside.length, "the network reaches units of other huvudmän").toBeGreaterThan(0);
      for (const code of shown) {
        expect(named.get(code), code).toBeDefined();
        expect(named.get(code), code).not.toBe(code);
      }
    },
  );

  it("keeps GET /units to the caller's own organisations", async () => {
    const res = await get("/api/v1/units", "ledning", ["K0181"]);
    const body = (await res.json()) as { items: { organisation: string }[] };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((u) => u.organisation === "K0181")).toBe(true);
  });
});
