import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../codes";
import { suppress } from "../suppression";
import { arbCaseLog } from "../testing/arbitraries";
import { aCase, caseLog } from "../testing/builders";
import { exampleUnitPrincipals, processkartaCase } from "../testing/examples";
import { addDays } from "../time";
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
  it("counts the open cases of the period as of asOf by default", () => {
    expect(counts({})).toEqual({ cells: [{ count: 5 }], total: 5 });
  });

  it("counts by status: closed as of asOf, or all", () => {
    expect(counts({ status: "closed" }).total).toBe(1);
    expect(counts({ status: "all" }).total).toBe(6);
  });

  it("groups by current step as of asOf, a case without a step last", () => {
    expect(counts({ groupBy: ["step"] }).cells).toEqual([
      { step: 1, count: 3 },
      { step: 3, count: 1 },
      { step: null, count: 1 },
    ]);
  });

  it("groups by several dimensions and leaves empty groups out", () => {
    expect(counts({ status: "all", groupBy: ["targetGroup", "municipality"] }).cells).toEqual([
      { targetGroup: "missbruk_beroende", municipality: "0180", count: 1 },
      { targetGroup: "missbruk_beroende", municipality: "0182", count: 1 },
      { targetGroup: "samsjuklighet", municipality: "0180", count: 4 },
    ]);
  });

  it("groups by the lead's principal type and unit as of asOf", () => {
    expect(counts({ groupBy: ["leadPrincipal", "leadUnit"] }).cells).toEqual([
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

describe("referenceCaseCounts (properties)", () => {
  const arbQuery = fc.record({
    asOf: fc.integer({ min: 0, max: 20 }).map((n) => addDays("2024-03-25", n)),
    status: fc.constantFrom("open" as const, "closed" as const, "all" as const),
    groupBy: fc.subarray([...dimensions]),
  });

  it("has cells that sum to the total, and sum up to any coarser grouping", () => {
    fc.assert(
      fc.property(arbCaseLog(), arbQuery, fc.nat(), (log, query, drop) => {
        const { cases, eventsByCase } = caseLog(log);
        const fine = referenceCaseCounts(cases, eventsByCase, query, exampleUnitPrincipals);
        expect(fine.cells.reduce((sum, c) => sum + c.count, 0)).toBe(fine.total);
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
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("suppressCaseCounts", () => {
  const counts = {
    cells: [
      { targetGroup: "demens", count: 2 },
      { targetGroup: "missbruk_beroende", count: 9 },
      { targetGroup: "samsjuklighet", count: 12 },
    ],
    total: 23,
  };

  it("hides counts below k and one more on the line whose total is published", () => {
    const published = suppressCaseCounts(counts, ["targetGroup"], 5);
    expect(published.cells.map((c) => [c.count, c.suppressed])).toEqual([
      [null, true],
      [null, true],
      [12, false],
    ]);
    expect(published).toMatchObject({ total: 23, totalSuppressed: false });
  });

  it("hides a total below k", () => {
    const small = { cells: [{ targetGroup: "demens", count: 3 }], total: 3 };
    expect(suppressCaseCounts(small, ["targetGroup"], 5)).toMatchObject({
      total: null,
      totalSuppressed: true,
    });
  });
});
