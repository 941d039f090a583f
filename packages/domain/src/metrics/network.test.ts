import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../codes";
import { arbCaseLog } from "../testing/arbitraries";
import { aCase, caseLog } from "../testing/builders";
import { arbPairCounts, disclosureViolations } from "../testing/disclosure";
import { exampleUnitPrincipals, processkartaCase } from "../testing/examples";
import { addDays } from "../time";
import type { NetworkCell, NetworkLevel } from "./network";
import { networkTable, participantPairs, referenceNetwork, suppressNetwork } from "./network";
import { population } from "./population";
import type { MetricQuery } from "./query";

const d = (date: string) => date as IsoDate;

function network(
  built: Parameters<typeof caseLog>[0],
  level: NetworkLevel,
  query: Partial<MetricQuery> = {},
) {
  const { cases, eventsByCase } = caseLog(built);
  const full: MetricQuery = { asOf: d("2025-12-31"), ...query };
  return referenceNetwork(cases, eventsByCase, full, { level }, exampleUnitPrincipals);
}

const asPairs = (cells: readonly NetworkCell[]) => cells.map((c) => [c.a, c.b, c.count]);

/** Two more cases beside the processkarta case, opened in 2024. */
function county() {
  return [
    processkartaCase(),
    aCase().openedOn("2024-05-01").join("bup").join("psykiatrisk-oppenvard").build(),
    aCase()
      .openedOn("2024-05-01")
      .lead("soc-vuxen")
      .join("bup")
      .join("skolan-x")
      .join("beroendeenheten", "2026-01-10")
      .build(),
    aCase().openedOn("2026-01-05").join("bup").join("soc-vuxen").build(),
  ];
}

describe("referenceNetwork", () => {
  it("pairs the units named in lead and join events, a < b, a later leave not undoing it", () => {
    expect(asPairs(network(county(), "unit"))).toEqual([
      ["beroendeenheten", "psykiatrisk-oppenvard", 1],
      ["beroendeenheten", "soc-vuxen", 1],
      ["bup", "psykiatrisk-oppenvard", 1],
      ["bup", "skolan-x", 1],
      ["bup", "soc-vuxen", 1],
      ["psykiatrisk-oppenvard", "soc-vuxen", 1],
      ["skolan-x", "soc-vuxen", 1],
    ]);
  });

  it("at principalType level maps units to their types first, distinct per case", () => {
    // Two region units make no pair; a unit of unknown type is left out.
    expect(asPairs(network(county(), "principalType"))).toEqual([["kommun", "region", 2]]);
  });

  it("follows the processkarta case as units join", () => {
    const at = (asOf: string) => asPairs(network([processkartaCase()], "unit", { asOf: d(asOf) }));
    expect(at("2024-03-05")).toEqual([]);
    expect(at("2024-03-06")).toEqual([
      ["beroendeenheten", "psykiatrisk-oppenvard", 1],
      ["beroendeenheten", "soc-vuxen", 1],
      ["psykiatrisk-oppenvard", "soc-vuxen", 1],
    ]);
  });

  it("takes the population's period and filters", () => {
    expect(network(county(), "principalType", { from: d("2024-04-01") })).toEqual([
      { a: "kommun", b: "region", count: 1 },
    ]);
    expect(network(county(), "unit", { municipality: ["0182"] })).toEqual([]);
  });

  it("refuses a groupBy", () => {
    expect(() => network([], "unit", { groupBy: ["municipality"] })).toThrow(RangeError);
  });

  it("forms each pair once, smaller first", () => {
    expect(participantPairs(["a", "b", "c"])).toEqual([
      ["a", "b"],
      ["a", "c"],
      ["b", "c"],
    ]);
  });
});

describe("suppressNetwork", () => {
  it("protects the a rows and b columns of the matrix", () => {
    const cells = [
      { a: "forsakringskassan", b: "kommun", count: 3 },
      { a: "kommun", b: "region", count: 40 },
      { a: "kommun", b: "skola", count: 11 },
      { a: "region", b: "skola", count: 8 },
    ];
    expect(suppressNetwork(cells, 5).map((c) => c.count)).toEqual([null, null, null, null]);
    expect(suppressNetwork(cells, 3).map((c) => c.count)).toEqual([3, 40, 11, 8]);
  });
});

describe("referenceNetwork (properties)", () => {
  const arbQuery = fc.record({
    asOf: fc.integer({ min: 0, max: 20 }).map((n) => addDays("2024-03-25", n)),
    status: fc.constantFrom("open" as const, "closed" as const, "all" as const),
  });

  it("counts each pair once with a < b, within the population", () => {
    fc.assert(
      fc.property(arbCaseLog(), arbQuery, (log, query) => {
        const { cases, eventsByCase } = caseLog(log);
        const size = population(cases, eventsByCase, query, exampleUnitPrincipals).length;
        const units = network(log, "unit", query);
        for (const cell of units) {
          expect(cell.a < cell.b).toBe(true);
          expect(cell.count).toBeGreaterThan(0);
          expect(cell.count).toBeLessThanOrEqual(size);
        }
        expect(new Set(units.map((c) => `${c.a}|${c.b}`)).size).toBe(units.length);
      }),
      { numRuns: 100 },
    );
  });

  it("counts a pair of types at least as often as any pair of its units, at most their sum", () => {
    fc.assert(
      fc.property(arbCaseLog(), arbQuery, (log, query) => {
        const units = network(log, "unit", query);
        for (const types of network(log, "principalType", query)) {
          const inside = units.filter((u) => {
            const pair = [exampleUnitPrincipals(u.a), exampleUnitPrincipals(u.b)].sort();
            return pair[0] === types.a && pair[1] === types.b;
          });
          expect(Math.max(0, ...inside.map((u) => u.count))).toBeLessThanOrEqual(types.count);
          expect(inside.reduce((sum, u) => sum + u.count, 0)).toBeGreaterThanOrEqual(types.count);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("never publishes 1..k−1 and keeps the line rule", () => {
    const types = ["forsakringskassan", "kommun", "privat", "region", "skola"];
    const arbCells = fc.integer({ min: 3, max: 6 }).chain((k) =>
      fc.record({
        k: fc.constant(k),
        cells: arbPairCounts(types, k, (a, b) => a < b).map((triples) =>
          triples.map(([a, b, count]) => ({ a, b, count })),
        ),
      }),
    );
    fc.assert(
      fc.property(arbCells, ({ cells, k }) => {
        const published = suppressNetwork(cells, k).map((c) => c.count);
        expect(disclosureViolations(networkTable(cells), published, k)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
