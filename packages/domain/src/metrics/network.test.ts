import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../codes";
import { isSuppressedCount } from "../suppression";
import { arbCaseLog, arbRefPrefix, testUnits } from "../testing/arbitraries";
import type { BuiltCase } from "../testing/builders";
import { aCase, caseLog } from "../testing/builders";
import { cellKeyOfRefs, withCellKeys, withoutCellKeys } from "../testing/cell-keys";
import {
  arbPairCounts,
  cellKeyMode,
  cellKeyViolations,
  suppressionMode,
} from "../testing/disclosure";
import { exampleUnitPrincipals, processkartaCase } from "../testing/examples";
import { addDays } from "../time";
import type { NetworkCell, NetworkLevel } from "./network";
import { participantPairs, referenceNetwork, suppressNetwork } from "./network";
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
    expect(withoutCellKeys(network(county(), "principalType", { from: d("2024-04-01") }))).toEqual([
      { a: "kommun", b: "region", count: 1 },
    ]);
    expect(network(county(), "unit", { municipality: ["0182"] })).toEqual([]);
  });

  it("keys each pair with the record keys of the cases in which both took part", () => {
    const built = [
      aCase().ref("anna").openedOn("2024-05-01").lead("soc-vuxen").join("bup").build(),
      aCase().ref("bert").openedOn("2024-05-01").join("bup").join("beroendeenheten").build(),
    ];
    expect(network(built, "principalType")).toEqual([
      { a: "kommun", b: "region", count: 2, cellKeys: { count: cellKeyOfRefs("anna", "bert") } },
    ]);
    expect(network(built, "unit").map((c) => [c.a, c.b, c.cellKeys.count])).toEqual([
      ["beroendeenheten", "bup", cellKeyOfRefs("bert")],
      ["bup", "soc-vuxen", cellKeyOfRefs("anna")],
    ]);
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
  const cells = withCellKeys(
    ["count"],
    [
      { a: "forsakringskassan", b: "kommun", count: 3 },
      { a: "kommun", b: "region", count: 40 },
      { a: "kommun", b: "skola", count: 11 },
      { a: "region", b: "skola", count: 8 },
    ],
  );

  it("in suppression hides only the small pairs: the network has no line totals", () => {
    // SPEC changed: one case counts in every pair of its participants and no row total is
    // published, so the a rows and b columns no longer lose a second cell (k = 5 used to hide
    // all four).
    expect(suppressNetwork(cells, suppressionMode(5)).map((c) => c.count)).toEqual([
      null,
      40,
      11,
      8,
    ]);
    expect(suppressNetwork(cells, suppressionMode(3)).map((c) => c.count)).toEqual([3, 40, 11, 8]);
  });

  it("never publishes a cell key", () => {
    for (const mode of [suppressionMode(5), cellKeyMode(5)]) {
      for (const cell of suppressNetwork(cells, mode)) expect(cell).not.toHaveProperty("cellKeys");
    }
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

  it("in suppression hides exactly the pairs of 1..k−1 and shows the rest as they are", () => {
    const types = ["forsakringskassan", "kommun", "privat", "region", "skola"];
    const arbCells = fc.integer({ min: 3, max: 6 }).chain((k) =>
      fc.record({
        k: fc.constant(k),
        cells: arbPairCounts(types, k, (a, b) => a < b).map((triples) =>
          withCellKeys(
            ["count"],
            triples.map(([a, b, count]) => ({ a, b, count })),
          ),
        ),
      }),
    );
    fc.assert(
      fc.property(arbCells, ({ cells, k }) => {
        const published = suppressNetwork(cells, suppressionMode(k));
        expect(published).toEqual(
          cells.map(({ a, b, count }) => {
            const hidden = isSuppressedCount(count, k);
            return { a, b, count: hidden ? null : count, suppressed: hidden };
          }),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe("suppressNetwork, cellkey (properties)", () => {
  const arbK = fc.integer({ min: 3, max: 6 });
  /** Cases in `municipality` in which two or more of `units` take part. */
  const arbCasesOf = (
    group: string,
    units: readonly string[],
    municipality: string,
    length: { minLength: number; maxLength: number },
  ) =>
    fc
      .array(
        fc.record({ prefix: arbRefPrefix, units: fc.subarray([...units], { minLength: 2 }) }),
        length,
      )
      .map((drawn) =>
        drawn.map(({ prefix, units: taking }, i) =>
          taking
            .reduce(
              (built, unit) => built.join(unit),
              aCase()
                .ref(`${prefix}-${group}-${i}`)
                .municipality(municipality)
                .openedOn("2024-03-25"),
            )
            .build(),
        ),
      );
  /**
   * A county of many cases among the four units of known types, so that pairs reach k + 2, and
   * a few elsewhere: in municipality 0114, among schools whose principal type is unknown.
   */
  const arbNetworkCounty = fc.record({
    main: arbCasesOf("main", testUnits, "0180", { minLength: 10, maxLength: 30 }),
    elsewhere: arbCasesOf("elsewhere", ["skolan-x", "skolan-y", "skolan-z"], "0114", {
      minLength: 0,
      maxLength: 8,
    }),
  });
  const arbLevel = fc.constantFrom<NetworkLevel>("unit", "principalType");

  function published(
    log: readonly BuiltCase[],
    level: NetworkLevel,
    query: Partial<MetricQuery>,
    k: number,
  ) {
    return suppressNetwork(network(log, level, query), cellKeyMode(k));
  }

  it("withholds 1..k−1, moves the rest by at most 2, and shows no cell key", () => {
    fc.assert(
      fc.property(arbNetworkCounty, arbLevel, arbK, ({ main, elsewhere }, level, k) => {
        const cells = network([...main, ...elsewhere], level);
        const shown = suppressNetwork(cells, cellKeyMode(k));
        const truth = cells.map((c) => c.count);
        const counts = shown.map((c) => c.count);
        expect(cellKeyViolations(truth, counts, k)).toEqual([]);
        for (const cell of shown) {
          expect(cell).not.toHaveProperty("cellKeys");
          expect(cell.suppressed).toBe(cell.count === null);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("publishes the same number for the same cases, whichever query yields them", () => {
    let perturbed = 0;
    fc.assert(
      fc.property(arbNetworkCounty, arbLevel, arbK, ({ main, elsewhere }, level, k) => {
        const log = [...main, ...elsewhere];
        const everywhere = published(log, level, {}, k);
        const inMain = published(log, level, { municipality: ["0180"] }, k);
        const in0114 = published(log, level, { municipality: ["0114"] }, k);
        const pairsOf = (cells: readonly { a: string; b: string }[]) =>
          everywhere.filter((c) => cells.some((d) => d.a === c.a && d.b === c.b));
        // The schools of 0114 take part in no case of the county, and its units in none of
        // theirs: each pair has the same cases in all three queries.
        expect(pairsOf(inMain)).toEqual(inMain);
        expect(pairsOf(in0114)).toEqual(in0114);
        expect(published(main, level, {}, k)).toEqual(inMain);
        perturbed += inMain.filter((c) => c.count !== null && c.count >= k + 2).length;
      }),
      { numRuns: 50 },
    );
    // Not vacuous: counts of k + 2 or more, which the table moves, were compared.
    expect(perturbed).toBeGreaterThan(20);
  });
});
