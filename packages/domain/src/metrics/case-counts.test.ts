import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../codes";
import { RECORD_KEY_MODULUS } from "../disclosure/record-key";
import { suppress, suppressCount } from "../suppression";
import { arbCaseLog, arbRefPrefix } from "../testing/arbitraries";
import type { BuiltCase } from "../testing/builders";
import { aCase, caseLog } from "../testing/builders";
import {
  cellKeyOfRefs,
  filterableDimensions,
  filtersOf,
  keyInSlice,
  withCellKeys,
  withoutCellKeys,
} from "../testing/cell-keys";
import {
  arbCount,
  arbGroupedCells,
  cellKeyMode,
  cellKeyViolations,
  disclosureViolations,
  suppressionMode,
} from "../testing/disclosure";
import { exampleUnitPrincipals, processkartaCase } from "../testing/examples";
import { addDays } from "../time";
import type { CaseCountCell, CaseCounts } from "./case-counts";
import { caseCountTable, referenceCaseCounts, suppressCaseCounts } from "./case-counts";
import type { MetricQuery } from "./query";
import { dimensions } from "./query";

const d = (date: string) => date as IsoDate;

/** A small county as of 1 June 2024. */
function county() {
  return caseLog([
    aCase().ref("open-soc").openedOn("2024-03-04").withSteps(1, 2, 3).lead("soc-vuxen").build(),
    aCase().ref("open-psyk").openedOn("2024-03-10").step(1).lead("psykiatrisk-oppenvard").build(),
    aCase()
      .ref("closed")
      .targetGroup("missbruk_beroende")
      .municipality("0182")
      .openedOn("2024-04-01")
      .withSteps(1, 2, 3)
      .lead("beroendeenheten")
      .close("avslutat", "2024-05-01")
      .build(),
    aCase()
      .ref("reopened")
      .targetGroup("missbruk_beroende")
      .openedOn("2024-04-02")
      .step(1)
      .close("avslutat", "2024-04-20")
      .reopen("2024-05-20")
      .build(),
    aCase().ref("no-step").openedOn("2024-05-01").build(),
    aCase().ref("step-after-asof").openedOn("2024-05-15").step(1).step(2, "2024-06-02").build(),
    aCase().ref("opened-after-asof").openedOn("2024-06-15").step(1).build(),
    aCase().ref("before-period").ageGroup("barn").openedOn("2023-12-20").step(1).build(),
  ]);
}

const base: MetricQuery = { from: d("2024-01-01"), to: d("2024-12-31"), asOf: d("2024-06-01") };

function counts(query: Partial<MetricQuery>) {
  const { cases, eventsByCase } = county();
  return referenceCaseCounts(cases, eventsByCase, { ...base, ...query }, exampleUnitPrincipals);
}

describe("referenceCaseCounts", () => {
  it("counts the open cases of the period as of asOf by default, keyed by their record keys", () => {
    const key = cellKeyOfRefs("open-soc", "open-psyk", "reopened", "no-step", "step-after-asof");
    expect(counts({})).toEqual({
      cells: [{ count: 5, cellKeys: { count: key } }],
      total: 5,
      totalKey: key,
    });
  });

  it("keys each cell with the record keys of its own cases", () => {
    expect(counts({ groupBy: ["step"] }).cells.map((c) => c.cellKeys.count)).toEqual([
      cellKeyOfRefs("open-psyk", "reopened", "step-after-asof"),
      cellKeyOfRefs("open-soc"),
      cellKeyOfRefs("no-step"),
    ]);
  });

  it("counts by status: closed as of asOf, or all", () => {
    expect(counts({ status: "closed" }).total).toBe(1);
    expect(counts({ status: "all" }).total).toBe(6);
  });

  it("groups by current step as of asOf, a case without a step last", () => {
    expect(withoutCellKeys(counts({ groupBy: ["step"] }).cells)).toEqual([
      { step: 1, count: 3 },
      { step: 3, count: 1 },
      { step: null, count: 1 },
    ]);
  });

  it("groups by several dimensions and leaves empty groups out", () => {
    expect(
      withoutCellKeys(counts({ status: "all", groupBy: ["targetGroup", "municipality"] }).cells),
    ).toEqual([
      { targetGroup: "missbruk_beroende", municipality: "0180", count: 1 },
      { targetGroup: "missbruk_beroende", municipality: "0182", count: 1 },
      { targetGroup: "samsjuklighet", municipality: "0180", count: 4 },
    ]);
  });

  it("groups by the lead's principal type and unit as of asOf", () => {
    expect(withoutCellKeys(counts({ groupBy: ["leadPrincipal", "leadUnit"] }).cells)).toEqual([
      { leadPrincipal: "kommun", leadUnit: "soc-vuxen", count: 1 },
      { leadPrincipal: "region", leadUnit: "psykiatrisk-oppenvard", count: 1 },
      { leadPrincipal: null, leadUnit: null, count: 3 },
    ]);
  });

  it("filters by any of several values; a case without a lead never matches leadPrincipal", () => {
    expect(counts({ leadPrincipal: ["region"] }).total).toBe(1);
    expect(counts({ leadPrincipal: ["kommun", "region"] }).total).toBe(2);
    expect(counts({ status: "all", municipality: ["0182", "0127"] }).total).toBe(1);
    expect(counts({ targetGroup: [] }).total).toBe(5);
    expect(counts({ ageGroup: ["barn"], from: d("2023-01-01") }).total).toBe(1);
  });

  it("bounds openedOn by from and to, inclusive", () => {
    expect(counts({ from: d("2024-03-10"), to: d("2024-04-02"), status: "all" }).total).toBe(3);
  });

  it("follows the processkarta case through closing and reopening", () => {
    const { cases, eventsByCase } = caseLog([processkartaCase()]);
    const at = (asOf: string) =>
      referenceCaseCounts(cases, eventsByCase, { asOf: d(asOf) }, exampleUnitPrincipals).total;
    expect([at("2024-03-03"), at("2024-10-28"), at("2025-03-01"), at("2025-04-01")]).toEqual([
      0, 1, 0, 1,
    ]);
  });

  it("becomes a table that suppress can work on", () => {
    const dims = ["targetGroup", "municipality"] as const;
    const result = counts({ status: "all", groupBy: dims });
    const suppressed = suppress(caseCountTable(result, dims), 3);
    // Kommun 0180 has 5 cases in all: publishing samsjuklighet's 4 would give away the 1.
    expect(suppressed.cells.map((c) => [c.coordinates, c.count])).toEqual([
      [["missbruk_beroende", "0180"], null],
      [["missbruk_beroende", "0182"], null],
      [["samsjuklighet", "0180"], null],
    ]);
    expect(suppressed.total).toBe(6);
  });
});

/** Cell keys add up, modulo 2³¹, like the counts: every case sits in exactly one cell. */
function keySum(cells: readonly CaseCountCell[]): number {
  return cells.reduce((sum, c) => (sum + c.cellKeys.count) % RECORD_KEY_MODULUS, 0);
}

describe("referenceCaseCounts (properties)", () => {
  const arbQuery = fc.record({
    asOf: fc.integer({ min: 0, max: 20 }).map((n) => addDays("2024-03-25", n)),
    status: fc.constantFrom("open" as const, "closed" as const, "all" as const),
    groupBy: fc.subarray([...dimensions]),
  });

  it("has cells that sum to the total, and sum up to any coarser grouping, keys too", () => {
    fc.assert(
      fc.property(arbCaseLog(), arbQuery, fc.nat(), (log, query, drop) => {
        const { cases, eventsByCase } = caseLog(log);
        const fine = referenceCaseCounts(cases, eventsByCase, query, exampleUnitPrincipals);
        expect(fine.cells.reduce((sum, c) => sum + c.count, 0)).toBe(fine.total);
        expect(keySum(fine.cells)).toBe(fine.totalKey);
        expect(fine.cells.every((c) => c.count > 0)).toBe(true);
        // Dropping one dimension merges cells: each coarse cell is the sum of its fine cells.
        const coarseBy = query.groupBy.filter((_, i) => i !== drop % query.groupBy.length);
        const coarse = referenceCaseCounts(
          cases,
          eventsByCase,
          { ...query, groupBy: coarseBy },
          exampleUnitPrincipals,
        );
        for (const cell of coarse.cells) {
          const inside = fine.cells.filter((f) => coarseBy.every((dim) => f[dim] === cell[dim]));
          expect(inside.reduce((sum, c) => sum + c.count, 0)).toBe(cell.count);
          expect(keySum(inside)).toBe(cell.cellKeys.count);
        }
      }),
      { numRuns: 100 },
    );
  });
});

/** Case counts from hand-written cells: the total is their sum, the cell keys 0 unless given. */
function caseCounts(
  cells: readonly Omit<CaseCountCell, "cellKeys">[],
  keys: { readonly cells?: readonly number[]; readonly total?: number } = {},
): CaseCounts {
  return {
    cells: withCellKeys(["count"], cells, (cell) => keys.cells?.[cells.indexOf(cell)] ?? 0),
    total: cells.reduce((sum, c) => sum + c.count, 0),
    totalKey: keys.total ?? 0,
  };
}

describe("suppressCaseCounts, suppression", () => {
  const counts = caseCounts([
    { targetGroup: "demens", count: 2 },
    { targetGroup: "missbruk_beroende", count: 9 },
    { targetGroup: "samsjuklighet", count: 12 },
  ]);

  it("hides counts below k and one more on the line whose total is published", () => {
    const published = suppressCaseCounts(counts, ["targetGroup"], suppressionMode(5));
    expect(published.cells.map((c) => [c.count, c.suppressed])).toEqual([
      [null, true],
      [null, true],
      [12, false],
    ]);
    expect(published).toMatchObject({ total: 23, totalSuppressed: false });
  });

  it("hides a third cell when two hidden ones hold fewer than k + 1 cases", () => {
    // SPEC: m withheld cells hold at least k + m − 1 cases; 2 + 3 = 5 would show both below 5.
    const small = caseCounts([
      { targetGroup: "demens", count: 2 },
      { targetGroup: "missbruk_beroende", count: 3 },
      { targetGroup: "samsjuklighet", count: 20 },
    ]);
    const published = suppressCaseCounts(small, ["targetGroup"], suppressionMode(5));
    expect(published.cells.map((c) => c.count)).toEqual([null, null, null]);
    expect(published.total).toBe(25);
  });

  it("hides a total below k", () => {
    const small = caseCounts([{ targetGroup: "demens", count: 3 }]);
    expect(suppressCaseCounts(small, ["targetGroup"], suppressionMode(5))).toMatchObject({
      total: null,
      totalSuppressed: true,
    });
  });

  it("never publishes a cell key", () => {
    const published = suppressCaseCounts(counts, ["targetGroup"], suppressionMode(5));
    for (const cell of published.cells) expect(cell).not.toHaveProperty("cellKeys");
    expect(published).not.toHaveProperty("totalKey");
  });
});

describe("suppressCaseCounts, cellkey", () => {
  const counts = caseCounts(
    [
      { targetGroup: "demens", count: 2 },
      { targetGroup: "missbruk_beroende", count: 9 },
      { targetGroup: "npf_adhd", count: 5 },
      { targetGroup: "samsjuklighet", count: 12 },
    ],
    { cells: [keyInSlice(0), keyInSlice(9), keyInSlice(0), keyInSlice(0)], total: keyInSlice(8) },
  );

  it("perturbs every count and the total by its own key, hiding only 1..k−1", () => {
    const published = suppressCaseCounts(counts, ["targetGroup"], cellKeyMode(5));
    // 9 and 12 move by +2 and −2; 5 = k stays; the total 28 moves by +1 and need not be the sum.
    expect(published.cells.map((c) => [c.targetGroup, c.count, c.suppressed])).toEqual([
      ["demens", null, true],
      ["missbruk_beroende", 11, false],
      ["npf_adhd", 5, false],
      ["samsjuklighet", 10, false],
    ]);
    expect(published).toEqual(expect.objectContaining({ total: 29, totalSuppressed: false }));
    for (const cell of published.cells) expect(cell).not.toHaveProperty("cellKeys");
    expect(published).not.toHaveProperty("totalKey");
  });
});

describe("suppressCaseCounts, suppression (properties)", () => {
  it("never publishes 1..k−1, shows true counts, keeps the line rule and the total's", () => {
    const arbCells = fc.integer({ min: 3, max: 6 }).chain((k) =>
      fc.record({
        k: fc.constant(k),
        table: arbGroupedCells(fc.record({ count: arbCount(k).filter((n) => n > 0) })),
      }),
    );
    fc.assert(
      fc.property(arbCells, ({ table: { dims, cells }, k }) => {
        const counts = caseCounts(cells);
        const published = suppressCaseCounts(counts, dims, suppressionMode(k));
        const column = published.cells.map((c) => c.count);
        expect(disclosureViolations(caseCountTable(counts, dims), column, k)).toEqual([]);
        expect(published.total).toBe(suppressCount(counts.total, k));
        expect(published.cells.map((c) => c.suppressed)).toEqual(column.map((n) => n === null));
      }),
      { numRuns: 300 },
    );
  });
});

describe("suppressCaseCounts, cellkey (properties)", () => {
  const arbK = fc.integer({ min: 3, max: 6 });
  const arbQuery = fc.record({
    asOf: fc.integer({ min: 0, max: 20 }).map((n) => addDays("2024-03-25", n)),
    status: fc.constantFrom("open" as const, "closed" as const, "all" as const),
    groupBy: fc.subarray([...filterableDimensions], { minLength: 1, maxLength: 2 }),
  });
  // Counties large enough that grouped cells reach k + 2 and get perturbed.
  const arbCounty = arbCaseLog({ minCases: 12, maxCases: 40 });

  function published(log: readonly BuiltCase[], query: MetricQuery, k: number) {
    const { cases, eventsByCase } = caseLog(log);
    const counts = referenceCaseCounts(cases, eventsByCase, query, exampleUnitPrincipals);
    return suppressCaseCounts(counts, query.groupBy ?? [], cellKeyMode(k));
  }

  it("publishes the same number for the same cases, whichever query yields them", () => {
    let perturbed = 0;
    fc.assert(
      fc.property(arbCounty, arbQuery, arbK, (log, query, k) => {
        const grouped = published(log, query, k);
        // The grouped query's total and the ungrouped one's are the same population.
        expect(published(log, { ...query, groupBy: [] }, k).total).toBe(grouped.total);
        for (const cell of grouped.cells) {
          const filters = filtersOf(cell, query.groupBy);
          if (filters === undefined) continue;
          // A cell = the total of the query filtered to its group = the one cell of that
          // query still grouped by dimensions that now have one value each.
          const alone = { ...query, ...filters };
          expect(published(log, { ...alone, groupBy: [] }, k).total).toBe(cell.count);
          expect(published(log, alone, k).cells).toEqual([cell]);
          if (cell.count !== null && cell.count >= k + 2) perturbed += 1;
        }
      }),
      { numRuns: 60 },
    );
    // Not vacuous: some of the cells compared are large enough to be perturbed (about 25 in
    // a run; random event logs make small groups).
    expect(perturbed).toBeGreaterThan(5);
  });

  it("withholds 1..k−1, keeps 0, moves the rest by at most 2, and shows no cell key", () => {
    let moved = 0;
    fc.assert(
      fc.property(arbCounty, arbQuery, arbK, (log, query, k) => {
        const { cases, eventsByCase } = caseLog(log);
        const counts = referenceCaseCounts(cases, eventsByCase, query, exampleUnitPrincipals);
        const result = suppressCaseCounts(counts, query.groupBy, cellKeyMode(k));
        const truth = [...counts.cells.map((c) => c.count), counts.total];
        const shown = [...result.cells.map((c) => c.count), result.total];
        expect(cellKeyViolations(truth, shown, k)).toEqual([]);
        expect(result.totalSuppressed).toBe(result.total === null);
        for (const cell of result.cells) {
          expect(cell).not.toHaveProperty("cellKeys");
          expect(cell.suppressed).toBe(cell.count === null);
        }
        moved += truth.filter((count, i) => shown[i] !== null && shown[i] !== count).length;
      }),
      { numRuns: 100 },
    );
    // Not a no-op: SPEC's table moves most counts of k + 2 or more.
    expect(moved).toBeGreaterThan(20);
  });

  it("makes a differenced pair of totals give the true difference well under half the time", () => {
    // SPEC: differencing a total with and without one filter value, or two adjacent asOf
    // dates, must not yield an exact count from 1 to k−1. Each county hides two small groups
    // among at least k other cases: `few` in a municipality of their own, `late` opened on the
    // last day. Four totals give four differences, each of which an attacker would like exact.
    const k = 5;
    const arbAttack = fc.record({
      others: fc.array(arbRefPrefix, { minLength: k, maxLength: 8 }),
      few: fc.array(arbRefPrefix, { minLength: 1, maxLength: k - 1 }),
      late: fc.array(arbRefPrefix, { minLength: 1, maxLength: k - 1 }),
    });
    const casesIn = (
      prefixes: readonly string[],
      group: string,
      municipality: string,
      on: string,
    ) =>
      prefixes.map((prefix, i) =>
        aCase().ref(`${prefix}-${group}-${i}`).municipality(municipality).openedOn(on).build(),
      );
    const lastDay: MetricQuery = { asOf: d("2024-04-10"), status: "all" };
    const dayBefore: MetricQuery = { ...lastDay, asOf: d("2024-04-09") };
    const withoutFew = { municipality: ["0180", "0182"] };
    let exact = 0;
    let pairs = 0;
    for (const attack of fc.sample(arbAttack, { seed: 20240601, numRuns: 500 })) {
      const log = [
        ...casesIn(attack.others, "other", "0180", "2024-04-01"),
        ...casesIn(attack.few, "few", "0114", "2024-04-01"),
        ...casesIn(attack.late, "late", "0182", "2024-04-10"),
      ];
      const total = (query: MetricQuery) => published(log, query, k).total;
      const all = total(lastDay);
      const notFew = total({ ...lastDay, ...withoutFew });
      const notLate = total(dayBefore);
      const neither = total({ ...dayBefore, ...withoutFew });
      for (const [a, b, truth] of [
        [all, notFew, attack.few.length],
        [notLate, neither, attack.few.length],
        [all, notLate, attack.late.length],
        [notFew, neither, attack.late.length],
      ] as const) {
        if (a === null || b === null) continue;
        pairs += 1;
        if (a - b === truth) exact += 1;
      }
    }
    expect(pairs).toBe(2000);
    expect(exact / pairs).toBeLessThan(0.4);
  });
});
