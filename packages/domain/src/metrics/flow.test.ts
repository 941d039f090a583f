import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveCaseState } from "../case-state";
import type { IsoDate } from "../codes";
import { arbCaseLog } from "../testing/arbitraries";
import { aCase, caseLog } from "../testing/builders";
import { arbPairCounts, disclosureViolations } from "../testing/disclosure";
import { exampleUnitPrincipals, processkartaCase } from "../testing/examples";
import { addDays } from "../time";
import { caseTransitions, flowTable, referenceFlow, suppressFlow } from "./flow";
import { population } from "./population";
import type { MetricQuery } from "./query";

const d = (date: string) => date as IsoDate;
const process = { process: "intern_samsjuklighet" };

function flowOf(built: Parameters<typeof caseLog>[0], query: Partial<MetricQuery> = {}) {
  const { cases, eventsByCase } = caseLog(built);
  const full: MetricQuery = { asOf: d("2025-12-31"), ...query };
  return referenceFlow(cases, eventsByCase, full, process, exampleUnitPrincipals);
}

const pairs = (cells: readonly { fromStep: number; toStep: number }[]) =>
  cells.map((c) => `${c.fromStep}→${c.toStep}`);

describe("referenceFlow on the processkarta case (seed 004)", () => {
  it("has every transition once, the back-step 10→6 and the reopening's 11→9 among them", () => {
    // 6→7, 7→8, 8→9 and 9→10 are made twice (before and after the back-step): one case, count 1.
    expect(flowOf([processkartaCase()])).toEqual(
      [
        [1, 2],
        [2, 3],
        [3, 4],
        [4, 5],
        [5, 6],
        [6, 7],
        [7, 8],
        [8, 9],
        [9, 10],
        [10, 6],
        [10, 11],
        [11, 9],
      ].map(([fromStep, toStep]) => ({ fromStep, toStep, count: 1 })),
    );
  });

  it("shows the back-step from the day it is recorded", () => {
    expect(pairs(flowOf([processkartaCase()], { asOf: d("2024-10-27") }))).not.toContain("10→6");
    expect(pairs(flowOf([processkartaCase()], { asOf: d("2024-10-28") }))).toContain("10→6");
  });

  it("takes the step entries of the fold, back-steps included", () => {
    const { case: c, events } = processkartaCase();
    const entries = deriveCaseState(c, events, d("2024-11-04"))?.stepEntries ?? [];
    expect(caseTransitions(entries).slice(-3)).toEqual([
      [9, 10],
      [10, 6],
      [6, 7],
    ]);
  });
});

describe("referenceFlow", () => {
  it("counts distinct cases per transition; a repeated step is no transition", () => {
    const cells = flowOf([
      aCase().openedOn("2024-02-01").withSteps(1, 2, 3).build(),
      aCase().openedOn("2024-02-01").withSteps(1, 1, 2, 2, 3, 2, 3).build(),
      aCase().openedOn("2024-02-01").withSteps(1, 3).build(),
    ]);
    expect(cells).toEqual([
      { fromStep: 1, toStep: 2, count: 2 },
      { fromStep: 1, toStep: 3, count: 1 },
      { fromStep: 2, toStep: 3, count: 2 },
      { fromStep: 3, toStep: 2, count: 1 },
    ]);
  });

  it("orders steps recorded at the same instant by their recorded order", () => {
    const { case: c, events } = aCase()
      .openedOn("2024-02-01")
      .step(1, "2024-02-01T10:00")
      .step(2, "2024-02-01T10:00")
      .step(3, "2024-02-01T10:00")
      .build();
    expect(pairs(flowOf([{ case: c, events: [...events].reverse() }]))).toEqual(["1→2", "2→3"]);
  });

  it("ignores events after asOf and cases opened after it", () => {
    const built = [
      aCase()
        .openedOn("2024-02-01")
        .step(1)
        .step(2, "2024-03-01T23:59")
        .step(3, "2024-03-02")
        .build(),
      aCase().openedOn("2024-03-02").withSteps(4, 5).build(),
    ];
    expect(pairs(flowOf(built, { asOf: d("2024-03-01") }))).toEqual(["1→2"]);
  });

  it("takes the population's period, filters and status; only cases of the process", () => {
    const built = [
      aCase().openedOn("2024-02-01").withSteps(1, 2).close().build(),
      aCase().openedOn("2024-03-01").municipality("0182").withSteps(2, 3).build(),
      aCase().openedOn("2024-02-01").inProcess("sip").withSteps(1, 2).build(),
    ];
    expect(pairs(flowOf(built))).toEqual(["1→2", "2→3"]);
    expect(pairs(flowOf(built, { status: "open" }))).toEqual(["2→3"]);
    expect(pairs(flowOf(built, { municipality: ["0180"] }))).toEqual(["1→2"]);
    expect(pairs(flowOf(built, { from: d("2024-02-15") }))).toEqual(["2→3"]);
    expect(flowOf(built, { process: ["sip"] })).toEqual([]);
  });

  it("refuses a groupBy", () => {
    expect(() => flowOf([], { groupBy: ["targetGroup"] })).toThrow(RangeError);
  });
});

describe("suppressFlow", () => {
  it("hides small cells, and more on each row and column that would give one away", () => {
    const cells = [
      { fromStep: 1, toStep: 2, count: 12 },
      { fromStep: 2, toStep: 3, count: 9 },
      { fromStep: 2, toStep: 5, count: 2 },
      { fromStep: 4, toStep: 3, count: 8 },
      { fromStep: 4, toStep: 5, count: 7 },
      { fromStep: 10, toStep: 6, count: 6 },
    ];
    // Row 2 and column 5 hold the 2; rows 2, 4 and columns 3, 5 then need a second each.
    expect(
      suppressFlow(cells, 5).map((c) => [c.fromStep, c.toStep, c.count, c.suppressed]),
    ).toEqual([
      [1, 2, 12, false],
      [2, 3, null, true],
      [2, 5, null, true],
      [4, 3, null, true],
      [4, 5, null, true],
      [10, 6, 6, false],
    ]);
  });
});

describe("referenceFlow (properties)", () => {
  const arbQuery = fc.record({
    asOf: fc.integer({ min: 0, max: 20 }).map((n) => addDays("2024-03-25", n)),
    status: fc.constantFrom("open" as const, "closed" as const, "all" as const),
  });

  it("counts at most the population, each transition once, between different steps", () => {
    fc.assert(
      fc.property(arbCaseLog(), arbQuery, (log, query) => {
        const { cases, eventsByCase } = caseLog(log);
        const cells = referenceFlow(cases, eventsByCase, query, process, exampleUnitPrincipals);
        const size = population(cases, eventsByCase, query, exampleUnitPrincipals).filter(
          (m) => m.case.process === process.process,
        ).length;
        for (const cell of cells) {
          expect(cell.count).toBeGreaterThan(0);
          expect(cell.count).toBeLessThanOrEqual(size);
          expect(cell.fromStep).not.toBe(cell.toStep);
        }
        expect(new Set(pairs(cells)).size).toBe(cells.length);
      }),
      { numRuns: 100 },
    );
  });

  it("never publishes 1..k−1 and keeps the line rule", () => {
    const arbCells = fc.integer({ min: 3, max: 6 }).chain((k) =>
      fc.record({
        k: fc.constant(k),
        cells: arbPairCounts([1, 2, 3, 4, 5], k, (a, b) => a !== b).map((triples) =>
          triples.map(([fromStep, toStep, count]) => ({ fromStep, toStep, count })),
        ),
      }),
    );
    fc.assert(
      fc.property(arbCells, ({ cells, k }) => {
        const published = suppressFlow(cells, k).map((c) => c.count);
        expect(disclosureViolations(flowTable(cells), published, k)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
