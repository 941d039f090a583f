import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../codes";
import type { ProcessModel } from "../process-models";
import { defaultProcessModels, internSamsjuklighet } from "../process-models";
import { arbCaseLog, arbRefPrefix } from "../testing/arbitraries";
import type { BuiltCase } from "../testing/builders";
import { aCase, caseLog } from "../testing/builders";
import {
  cellKeyOfRefs,
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
import { population } from "./population";
import type { MetricQuery } from "./query";
import { dimensions } from "./query";
import { referenceStuck, stuckTable, suppressStuck } from "./stuck";

const d = (date: string) => date as IsoDate;

function stuck(
  built: Parameters<typeof caseLog>[0],
  query: MetricQuery,
  processModels: readonly ProcessModel[] = defaultProcessModels,
) {
  return withoutCellKeys(stuckOf(built, query, processModels));
}

function stuckOf(
  built: Parameters<typeof caseLog>[0],
  query: MetricQuery,
  processModels: readonly ProcessModel[] = defaultProcessModels,
) {
  const { cases, eventsByCase } = caseLog(built);
  return referenceStuck(cases, eventsByCase, query, { processModels }, exampleUnitPrincipals);
}

/** As of 30 June 2024 (intern_samsjuklighet: step 1 at most 7 days, step 2 14, step 5 120). */
function county() {
  return [
    aCase().openedOn("2024-06-01").step(1).build(),
    aCase().openedOn("2024-06-20").step(1).build(),
    aCase().openedOn("2024-06-01").step(2).build(),
    aCase().openedOn("2024-03-01").step(5).build(),
    aCase().openedOn("2024-06-20").step(2).build(),
    aCase().openedOn("2024-01-01").step(1).close("avslutat", "2024-02-01").build(),
    aCase().openedOn("2024-01-01").build(),
    aCase().openedOn("2024-01-01").inProcess("okand_process").step(1).build(),
  ];
}

const asOfJune: MetricQuery = { asOf: d("2024-06-30") };

describe("referenceStuck", () => {
  it("counts open cases past their step's target days, with the median days over", () => {
    // Days over: 22 and 3 in step 1, 15 in step 2, 1 in step 5 (121 days against 120).
    expect(stuck(county(), asOfJune)).toEqual([{ count: 4, medianDaysOver: 9 }]);
    expect(stuck(county(), { ...asOfJune, groupBy: ["step"] })).toEqual([
      { step: 1, count: 2, medianDaysOver: 12.5 },
      { step: 2, count: 1, medianDaysOver: 15 },
      { step: 5, count: 1, medianDaysOver: 1 },
    ]);
  });

  it("keys each cell with the record keys of its stuck cases", () => {
    const built = [
      aCase().ref("anna").openedOn("2024-06-01").step(1).build(),
      aCase().ref("bert").openedOn("2024-06-01").step(1).build(),
      aCase().ref("cleo").openedOn("2024-06-29").step(1).build(),
      aCase().ref("dora").openedOn("2024-06-01").step(1).close().build(),
    ];
    expect(stuckOf(built, asOfJune)).toEqual([
      { count: 2, medianDaysOver: 22, cellKeys: { count: cellKeyOfRefs("anna", "bert") } },
    ]);
  });

  it("always takes open cases, whatever status the query asks for", () => {
    expect(stuck(county(), { ...asOfJune, status: "closed" })).toEqual(stuck(county(), asOfJune));
  });

  it("needs more days than the target, counted in Stockholm dates across the DST change", () => {
    const built = [aCase().openedOn("2024-03-30").step(1, "2024-03-30T23:30").build()];
    expect(stuck(built, { asOf: d("2024-04-06") })).toEqual([]);
    expect(stuck(built, { asOf: d("2024-04-07") })).toEqual([{ count: 1, medianDaysOver: 1 }]);
  });

  it("follows the processkarta case: closed after step 11, stuck in step 9 after reopening", () => {
    const built = [processkartaCase()];
    // Step 11 (30 days) entered 24 February 2025; the case is closed, so it is not stuck.
    expect(stuck(built, { asOf: d("2025-03-31") })).toEqual([]);
    // Reopened in step 9 (60 days) on 1 April 2025.
    expect(stuck(built, { asOf: d("2025-05-31") })).toEqual([]);
    expect(stuck(built, { asOf: d("2025-06-01") })).toEqual([{ count: 1, medianDaysOver: 1 }]);
  });

  it("measures from the last step event, after a back-step or at a tie by recorded order", () => {
    const backStep = aCase().openedOn("2024-01-01").withSteps(6, 7).step(6, "2024-06-20").build();
    const { case: c, events } = aCase()
      .openedOn("2024-01-01")
      .step(1, "2024-06-01T10:00")
      .step(6, "2024-06-01T10:00")
      .build();
    const tie = { case: c, events: [...events].reverse() };
    // Step 6 allows 21 days: 10 days after the back-step, 29 after the tie.
    expect(stuck([backStep, tie], { ...asOfJune, groupBy: ["step"] })).toEqual([
      { step: 6, count: 1, medianDaysOver: 8 },
    ]);
  });

  it("takes the county's process models: a step without target days is never stuck", () => {
    const edited: ProcessModel = {
      ...internSamsjuklighet,
      steps: internSamsjuklighet.steps.map((s) =>
        s.number === 1 ? { number: 1, name: s.name } : { ...s, targetDays: 10 },
      ),
    };
    expect(stuck(county(), { ...asOfJune, groupBy: ["step"] }, [edited])).toEqual([
      { step: 2, count: 1, medianDaysOver: 19 },
      { step: 5, count: 1, medianDaysOver: 111 },
    ]);
  });
});

describe("suppressStuck", () => {
  it("withholds the median with its count", () => {
    const cells = withCellKeys(
      ["count"],
      [
        { step: 1, count: 12, medianDaysOver: 9 },
        { step: 2, count: 3, medianDaysOver: 4 },
        { step: 5, count: 6, medianDaysOver: 2 },
      ],
    );
    expect(suppressStuck(cells, ["step"], suppressionMode(5))).toEqual([
      { step: 1, count: 12, medianDaysOver: 9, suppressed: false, withheld: [] },
      {
        step: 2,
        count: null,
        medianDaysOver: null,
        suppressed: true,
        withheld: ["count", "medianDaysOver"],
      },
      {
        step: 5,
        count: null,
        medianDaysOver: null,
        suppressed: true,
        withheld: ["count", "medianDaysOver"],
      },
    ]);
  });
});

describe("suppressStuck, cellkey", () => {
  it("perturbs each count by its key, and shows the median beside a true count of k or more", () => {
    const cells = withCellKeys(
      ["count"],
      [
        { step: 1, count: 6, medianDaysOver: 9 },
        { step: 2, count: 4, medianDaysOver: 4 },
        { step: 5, count: 12, medianDaysOver: 2 },
      ],
      (cell) => keyInSlice(cell.step === 5 ? 9 : 0),
    );
    // 6 = k + 1 in the first slice: −1; 12 in the last: +2. No second cell is hidden for 4.
    expect(suppressStuck(cells, ["step"], cellKeyMode(5))).toEqual([
      { step: 1, count: 5, medianDaysOver: 9, suppressed: false, withheld: [] },
      {
        step: 2,
        count: null,
        medianDaysOver: null,
        suppressed: true,
        withheld: ["count", "medianDaysOver"],
      },
      { step: 5, count: 14, medianDaysOver: 2, suppressed: false, withheld: [] },
    ]);
  });
});

describe("referenceStuck (properties)", () => {
  const arbQuery = fc.record({
    asOf: fc.integer({ min: 0, max: 60 }).map((n) => addDays("2024-03-25", n)),
    groupBy: fc.subarray([...dimensions], { maxLength: 2 }),
  });

  it("counts only open cases, each past its target", () => {
    fc.assert(
      fc.property(arbCaseLog(), arbQuery, (log, query) => {
        const { cases, eventsByCase } = caseLog(log);
        const open = population(
          cases,
          eventsByCase,
          { ...query, status: "open" },
          exampleUnitPrincipals,
        );
        const cells = stuck(log, query);
        expect(cells.reduce((sum, c) => sum + c.count, 0)).toBeLessThanOrEqual(open.length);
        for (const c of cells) expect(c.medianDaysOver).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });

  it("in suppression never publishes 1..k−1, keeps the line rule, medians only beside n ≥ k", () => {
    const arbCells = fc.integer({ min: 3, max: 6 }).chain((k) =>
      fc.record({
        k: fc.constant(k),
        table: arbGroupedCells(
          fc.record({
            count: arbCount(k).filter((n) => n > 0),
            medianDaysOver: fc.integer({ min: 1, max: 90 }),
          }),
        ),
      }),
    );
    fc.assert(
      fc.property(arbCells, ({ table: { dims, cells: drawn }, k }) => {
        const cells = withCellKeys(["count"], drawn);
        const published = suppressStuck(cells, dims, suppressionMode(k));
        const counts = published.map((c) => c.count);
        expect(disclosureViolations(stuckTable(cells, dims), counts, k)).toEqual([]);
        for (const c of published) {
          if (c.medianDaysOver !== null) expect(c.count).toBeGreaterThanOrEqual(k);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("suppressStuck, cellkey (properties)", () => {
  /**
   * Many cases that entered step 1 or 2 of intern_samsjuklighet (7 and 14 target days) in May
   * or June 2024, some closed since, so that groups reach k + 2 stuck cases as of 30 June
   * (random event logs seldom do).
   */
  const arbStuckCounty = fc
    .array(
      fc.record({
        prefix: arbRefPrefix,
        targetGroup: fc.constantFrom("samsjuklighet", "missbruk_beroende"),
        municipality: fc.constantFrom("0180", "0182"),
        openedDay: fc.integer({ min: 0, max: 55 }),
        step: fc.constantFrom(1, 2),
        closed: fc.boolean(),
      }),
      { minLength: 30, maxLength: 60 },
    )
    .map((drawn) =>
      drawn.map(({ prefix, targetGroup, municipality, openedDay, step, closed }, i) => {
        const built = aCase()
          .ref(`${prefix}-${i}`)
          .targetGroup(targetGroup)
          .municipality(municipality)
          .openedOn(addDays("2024-05-01", openedDay))
          .step(step);
        return (closed ? built.close() : built).build();
      }),
    );
  const arbGroupBy = fc.subarray(["targetGroup", "municipality"] as const, { minLength: 1 });
  const arbK = fc.integer({ min: 3, max: 6 });

  function published(log: readonly BuiltCase[], query: Partial<MetricQuery>, k: number) {
    const cells = stuckOf(log, { ...asOfJune, ...query });
    return suppressStuck(cells, query.groupBy ?? [], cellKeyMode(k));
  }

  it("publishes the same numbers for the same cases, whichever query yields them", () => {
    let perturbed = 0;
    fc.assert(
      fc.property(arbStuckCounty, arbGroupBy, arbK, (log, groupBy, k) => {
        for (const cell of published(log, { groupBy }, k)) {
          const { targetGroup, municipality, ...numbers } = cell;
          expect(published(log, filtersOf(cell, groupBy) ?? {}, k)).toEqual([numbers]);
          if (cell.count !== null && cell.count >= k + 2) perturbed += 1;
        }
      }),
      { numRuns: 30 },
    );
    // Not vacuous: counts of k + 2 or more, which the table moves, were compared.
    expect(perturbed).toBeGreaterThan(20);
  });

  it("perturbs the count, and shows the median days over only for k or more true cases", () => {
    fc.assert(
      fc.property(arbStuckCounty, arbGroupBy, arbK, (log, groupBy, k) => {
        const cells = stuckOf(log, { ...asOfJune, groupBy });
        const shown = suppressStuck(cells, groupBy, cellKeyMode(k));
        const truth = cells.map((c) => c.count);
        const counts = shown.map((c) => c.count);
        expect(cellKeyViolations(truth, counts, k)).toEqual([]);
        shown.forEach((c, i) => {
          const { count, medianDaysOver } = cells[i] ?? { count: 0, medianDaysOver: null };
          expect(c.medianDaysOver).toBe(count >= k ? medianDaysOver : null);
          expect(c).not.toHaveProperty("cellKeys");
          expect(c.suppressed).toBe(c.withheld.length > 0);
        });
      }),
      { numRuns: 30 },
    );
  });
});
