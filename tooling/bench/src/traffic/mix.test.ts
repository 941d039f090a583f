import { createRandom } from "@samsyn/demo-data";
import { evaluationThemes } from "@samsyn/domain";
import { describe, expect, it } from "vitest";
import { type CountyFacts, nextRequest, requestShares, streamConnections } from "./mix";

const county: CountyFacts = {
  process: "sip",
  targetGroups: ["barn_unga", "vuxna"],
  municipalities: ["0180", "0181"],
  themes: evaluationThemes.map((theme) => theme.code),
  agreements: ["1", "2"],
  forums: [{ id: "7", meetings: ["70", "71"] }],
  sessions: ["s-1"],
  writableSessions: ["w-1", "w-2"],
};

function draw(seed: number, count: number) {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => nextRequest(county, random));
}

describe("the load's request mix", () => {
  it("sends metrics, pages and writes in the issue's 70 : 15 : 10", () => {
    const requests = draw(1, 20_000);
    const total = requestShares.metric + requestShares.page + requestShares.write;
    for (const kind of ["metric", "page", "write"] as const) {
      const share = requests.filter((r) => r.kind === kind).length / requests.length;
      expect(share).toBeCloseTo(requestShares[kind] / total, 1);
    }
  });

  it("asks every metric, with and without filters, as every role, for whole months", () => {
    const metrics = draw(2, 5_000).filter((r) => r.kind === "metric");
    const endpoints = new Set(metrics.map((r) => r.path.split("?")[0]));
    expect([...endpoints].sort()).toEqual(
      ["cases", "flow", "lead-times", "network", "sip", "stuck", "trend"].map(
        (name) => `/api/v1/metrics/${name}`,
      ),
    );
    expect(new Set(metrics.map((r) => r.role))).toEqual(
      new Set(["admin", "lan", "ledning", "samordnare"]),
    );
    const params = metrics.map((r) => new URL(r.path, "http://x").searchParams);
    expect(params.some((p) => p.has("targetGroup"))).toBe(true);
    expect(params.some((p) => p.has("municipality"))).toBe(true);
    expect(params.some((p) => !p.has("targetGroup") && !p.has("municipality"))).toBe(true);
    for (const p of params) {
      expect(p.get("from")).toMatch(/^\d{4}-\d{2}-01$/);
      expect(p.get("asOf")).toBe(p.get("to"));
    }
    expect(metrics.every((r) => r.method === "GET")).toBe(true);
  });

  it("writes notes of the catalogue's themes to the boards made for the load", () => {
    const writes = draw(3, 5_000).filter((r) => r.kind === "write");
    expect(writes.length).toBeGreaterThan(0);
    for (const write of writes) {
      expect(write.method).toBe("POST");
      expect(county.writableSessions).toContain(write.sessionId);
      expect(write.path).toBe(`/api/v1/evaluations/${write.sessionId}/items`);
      const body = JSON.parse(write.body ?? "{}") as { kind: string; theme: string };
      expect(["worked_well", "improve"]).toContain(body.kind);
      expect(county.themes).toContain(body.theme);
    }
  });

  it("sends the same requests for the same seed, other requests for another", () => {
    expect(draw(4, 200)).toEqual(draw(4, 200));
    expect(draw(5, 200)).not.toEqual(draw(4, 200));
  });

  it("keeps a twentieth of the connections, at least one, on live board streams", () => {
    expect(streamConnections(50)).toBe(3);
    expect(streamConnections(10)).toBe(1);
    expect(streamConnections(2)).toBe(1);
  });
});
