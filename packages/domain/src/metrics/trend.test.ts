import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../codes";
import { arbCaseLog, arbRefPrefix } from "../testing/arbitraries";
import type { BuiltCase } from "../testing/builders";
import { aCase, caseLog } from "../testing/builders";
import { cellKeyOfRefs, filtersOf, withCellKeys, withoutCellKeys } from "../testing/cell-keys";
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
import { referenceCaseCounts, suppressCaseCounts } from "./case-counts";
import type { MetricQuery } from "./query";
import type { TrendCell, TrendMeasure } from "./trend";
import { referenceTrend, suppressTrend, trendDimensions, trendMeasures, trendTable } from "./trend";

const d = (date: string) => date as IsoDate;

/** A county as of 1 June 2024, with closings, reopenings and one close at midnight UTC. */
function county() {
  return caseLog([
    aCase()
      .ref("twice-in-february")
      .openedOn("2024-01-15")
      .step(1)
      .close("avslutat", "2024-02-10")
      .reopen("2024-02-20")
      .close("avslutat", "2024-02-25")
      .reopen("2024-03-05")
      .close("avslutat", "2024-04-01")
      .reopen("2024-05-01")
      .build(),
    aCase()
      .ref("closed-late-on-dst-day")
      .targetGroup("missbruk_beroende")
      .openedOn("2024-01-20")
      .close("avslutat", "2024-03-31T23:30")
      .build(),
    aCase().ref("open").openedOn("2024-02-05").step(1).build(),
    aCase()
      .ref("opened-before-period")
      .openedOn("2023-11-01")
      .close("avslutat", "2024-01-10")
      .build(),
    aCase().ref("opened-after-asof").openedOn("2024-06-15").close("avslutat", "2024-06-16").build(),
    aCase().ref("closed-after-asof").openedOn("2024-01-01").close("avslutat", "2024-06-05").build(),
    // 22:30 UTC on 30 April is 00:30 on 1 May in Stockholm: a May closing.
    aCase()
      .ref("utc-midnight")
      .openedOn("2024-01-10")
      .close("avslutat", "2024-04-30T22:30Z")
      .build(),
  ]);
}

const base: MetricQuery = { from: d("2024-01-01"), to: d("2024-12-31"), asOf: d("2024-06-01") };

function trend(measure: TrendMeasure, query: Partial<MetricQuery> = {}) {
  const { cases, eventsByCase } = county();
  const full = { ...base, ...query };
  return referenceTrend(cases, eventsByCase, full, { measure }, exampleUnitPrincipals);
}

const byMonth = (cells: readonly TrendCell[]) => cells.map((c) => [c.month, c.count]);

describe("referenceTrend, opened", () => {
  it("counts the population by the month of openedOn", () => {
    expect(byMonth(trend("opened"))).toEqual([
      ["2024-01", 4],
      ["2024-02", 1],
    ]);
  });

  it("groups by the case's attributes, month first", () => {
    expect(withoutCellKeys(trend("opened", { groupBy: ["targetGroup"] }))).toEqual([
      { month: "2024-01", targetGroup: "missbruk_beroende", count: 1 },
      { month: "2024-01", targetGroup: "samsjuklighet", count: 3 },
      { month: "2024-02", targetGroup: "samsjuklighet", count: 1 },
    ]);
  });

  it("refuses dimensions of the state as of asOf", () => {
    expect(() => trend("opened", { groupBy: ["step"] })).toThrow(RangeError);
    expect(() => trend("closed", { groupBy: ["process", "leadUnit"] })).toThrow(RangeError);
  });
});

describe("referenceTrend, closed", () => {
  it("counts a case once per month with a close event before asOf, whenever it was opened", () => {
    expect(byMonth(trend("closed"))).toEqual([
      ["2024-01", 1],
      ["2024-02", 1],
      ["2024-03", 1],
      ["2024-04", 1],
      ["2024-05", 1],
    ]);
  });

  it("keys each month with the cases closed in it, a case closed twice in a month once", () => {
    expect(trend("closed").map((c) => [c.month, c.cellKeys.count])).toEqual([
      ["2024-01", cellKeyOfRefs("opened-before-period")],
      ["2024-02", cellKeyOfRefs("twice-in-february")],
      ["2024-03", cellKeyOfRefs("closed-late-on-dst-day")],
      ["2024-04", cellKeyOfRefs("twice-in-february")],
      ["2024-05", cellKeyOfRefs("utc-midnight")],
    ]);
  });

  it("bounds the close date, in Stockholm, by from and to", () => {
    expect(byMonth(trend("closed", { from: d("2024-02-15"), to: d("2024-04-30") }))).toEqual([
      ["2024-02", 1],
      ["2024-03", 1],
      ["2024-04", 1],
    ]);
  });

  it("applies status as of asOf: a case reopened since counts as open", () => {
    expect(byMonth(trend("closed", { status: "open" }))).toEqual([
      ["2024-02", 1],
      ["2024-04", 1],
    ]);
    expect(byMonth(trend("closed", { status: "closed" }))).toEqual([
      ["2024-01", 1],
      ["2024-03", 1],
      ["2024-05", 1],
    ]);
  });

  it("follows the processkarta case: closed after step 11 in February 2025", () => {
    const built = processkartaCase();
    const { cases, eventsByCase } = caseLog([built]);
    const query: MetricQuery = {
      from: d("2025-01-01"),
      to: d("2025-12-31"),
      asOf: d("2025-12-31"),
    };
    expect(
      referenceTrend(cases, eventsByCase, query, { measure: "closed" }, exampleUnitPrincipals),
    ).toEqual([{ month: "2025-02", count: 1, cellKeys: { count: cellKeyOfRefs(built.case.ref) } }]);
  });
});

describe("suppressTrend", () => {
  const months = (...counts: number[]) =>
    withCellKeys(
      ["count"],
      counts.map((count, i) => ({ month: `2024-0${i + 1}`, count })),
    );

  it("hides a small month and a second one, since the months' total is published", () => {
    expect(suppressTrend(months(7, 3, 9), [], suppressionMode(5))).toEqual([
      { month: "2024-01", count: null, suppressed: true },
      { month: "2024-02", count: null, suppressed: true },
      { month: "2024-03", count: 9, suppressed: false },
    ]);
  });

  it("hides a third month when two small ones hold fewer than k + 1 cases together", () => {
    // SPEC: m withheld cells hold at least k + m − 1 cases; 3 + 2 = 5 would show both below 5.
    const published = suppressTrend(months(3, 2, 20), [], suppressionMode(5));
    expect(published.map((c) => c.count)).toEqual([null, null, null]);
  });

  it("in cellkey hides only the small month and perturbs the rest", () => {
    // Cell key 0 falls in the table's first slice: −2 from k + 2 on.
    const published = suppressTrend(months(7, 3, 9), [], cellKeyMode(5));
    expect(published.map((c) => c.count)).toEqual([5, null, 7]);
  });
});

describe("referenceTrend (properties)", () => {
  const trendOfLog = (
    log: Parameters<typeof caseLog>[0],
    query: MetricQuery,
    measure: TrendMeasure,
  ) => {
    const { cases, eventsByCase } = caseLog(log);
    return referenceTrend(cases, eventsByCase, query, { measure }, exampleUnitPrincipals);
  };
  const arbQuery = fc.record({
    asOf: fc.integer({ min: 0, max: 30 }).map((n) => addDays("2024-03-25", n)),
    from: fc.integer({ min: 0, max: 10 }).map((n) => addDays("2024-03-20", n)),
    groupBy: fc.subarray([...trendDimensions]),
  });

  it("opened: per group, the months sum to the case counts with status all", () => {
    fc.assert(
      fc.property(arbCaseLog({ days: 40 }), arbQuery, (log, query) => {
        const cells = trendOfLog(log, query, "opened");
        const { cases, eventsByCase } = caseLog(log);
        const counts = referenceCaseCounts(
          cases,
          eventsByCase,
          { ...query, status: "all" },
          exampleUnitPrincipals,
        );
        for (const group of counts.cells) {
          const months = cells.filter((c) => query.groupBy.every((dim) => c[dim] === group[dim]));
          expect(months.reduce((sum, c) => sum + c.count, 0)).toBe(group.count);
        }
        expect(cells.reduce((sum, c) => sum + c.count, 0)).toBe(counts.total);
      }),
      { numRuns: 100 },
    );
  });

  it("closed: no cell counts more cases than there are, and each month is a closing month", () => {
    fc.assert(
      fc.property(arbCaseLog({ days: 40 }), arbQuery, (log, query) => {
        const cells = trendOfLog(log, query, "closed");
        for (const cell of cells) {
          expect(cell.count).toBeGreaterThan(0);
          expect(cell.count).toBeLessThanOrEqual(log.length);
          expect(cell.month >= query.from.slice(0, 7) && cell.month <= query.asOf.slice(0, 7)).toBe(
            true,
          );
        }
      }),
      { numRuns: 100 },
    );
  });

  it("in suppression never publishes 1..k−1 and keeps the line rule", () => {
    const months = ["2024-01", "2024-02", "2024-03"];
    const arbCells = fc.integer({ min: 3, max: 6 }).chain((k) =>
      fc.record({
        k: fc.constant(k),
        table: arbGroupedCells(fc.record({ byMonth: fc.tuple(...months.map(() => arbCount(k))) })),
      }),
    );
    fc.assert(
      fc.property(arbCells, ({ table: { dims, cells: groups }, k }) => {
        const cells = withCellKeys(
          ["count"],
          groups.flatMap(({ byMonth, ...group }) =>
            months.map((month, i) => ({ ...group, month, count: byMonth[i] ?? 0 })),
          ),
        );
        const published = suppressTrend(cells, dims, suppressionMode(k)).map((c) => c.count);
        expect(disclosureViolations(trendTable(cells, dims), published, k)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("suppressTrend, cellkey (properties)", () => {
  /**
   * Many cases opened in the first quarter of 2024, most of them closed some days later, so
   * that months reach k + 2 cases per group (random event logs seldom do).
   */
  const arbTrendCounty = fc
    .array(
      fc.record({
        prefix: arbRefPrefix,
        targetGroup: fc.constantFrom("samsjuklighet", "missbruk_beroende"),
        municipality: fc.constantFrom("0180", "0182"),
        openedDay: fc.integer({ min: 0, max: 90 }),
        closedAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
      }),
      { minLength: 30, maxLength: 60 },
    )
    .map((drawn) =>
      drawn.map(({ prefix, targetGroup, municipality, openedDay, closedAfter }, i) => {
        const built = aCase()
          .ref(`${prefix}-${i}`)
          .targetGroup(targetGroup)
          .municipality(municipality)
          .openedOn(addDays("2024-01-01", openedDay));
        if (closedAfter !== null) built.after(closedAfter).close();
        return built.build();
      }),
    );
  const arbGroupBy = fc.subarray(["targetGroup", "municipality"] as const);
  const arbK = fc.integer({ min: 3, max: 6 });
  const year: MetricQuery = { from: d("2024-01-01"), to: d("2024-12-31"), asOf: d("2024-06-30") };

  /** The first and the last day of a month `YYYY-MM`. */
  function monthBounds(month: string): { from: IsoDate; to: IsoDate } {
    const [y, m] = month.split("-").map(Number);
    const last = new Date(Date.UTC(y ?? 0, m ?? 0, 0)).toISOString().slice(0, 10);
    return { from: d(`${month}-01`), to: d(last) };
  }

  function published(
    log: readonly BuiltCase[],
    query: MetricQuery,
    measure: TrendMeasure,
    k: number,
  ) {
    const { cases, eventsByCase } = caseLog(log);
    const cells = referenceTrend(cases, eventsByCase, query, { measure }, exampleUnitPrincipals);
    return suppressTrend(cells, query.groupBy ?? [], cellKeyMode(k));
  }

  it("opened: publishes a month of a group as case counts publish the same cases", () => {
    let perturbed = 0;
    fc.assert(
      fc.property(arbTrendCounty, arbGroupBy, arbK, (log, groupBy, k) => {
        const { cases, eventsByCase } = caseLog(log);
        for (const cell of published(log, { ...year, groupBy }, "opened", k)) {
          const query = {
            ...year,
            ...monthBounds(cell.month),
            ...filtersOf(cell, groupBy),
            status: "all" as const,
          };
          const counts = referenceCaseCounts(cases, eventsByCase, query, exampleUnitPrincipals);
          expect(suppressCaseCounts(counts, [], cellKeyMode(k)).total).toBe(cell.count);
          if (cell.count !== null && cell.count >= k + 2) perturbed += 1;
        }
      }),
      { numRuns: 30 },
    );
    // Not vacuous: counts of k + 2 or more, which the table moves, were compared.
    expect(perturbed).toBeGreaterThan(20);
  });

  it("closed: publishes a month of a group as the query for that month and group alone", () => {
    let perturbed = 0;
    fc.assert(
      fc.property(arbTrendCounty, arbGroupBy, arbK, (log, groupBy, k) => {
        for (const cell of published(log, { ...year, groupBy }, "closed", k)) {
          const alone = { ...year, ...monthBounds(cell.month), ...filtersOf(cell, groupBy) };
          const { targetGroup, municipality, ...numbers } = cell;
          expect(published(log, alone, "closed", k)).toEqual([numbers]);
          if (cell.count !== null && cell.count >= k + 2) perturbed += 1;
        }
      }),
      { numRuns: 30 },
    );
    // Not vacuous: counts of k + 2 or more, which the table moves, were compared.
    expect(perturbed).toBeGreaterThan(20);
  });

  it("withholds 1..k−1, moves the rest by at most 2, and shows no cell key", () => {
    fc.assert(
      fc.property(
        arbTrendCounty,
        arbGroupBy,
        arbK,
        fc.constantFrom(...trendMeasures),
        (log, groupBy, k, measure) => {
          const { cases, eventsByCase } = caseLog(log);
          const query = { ...year, groupBy };
          const cells = referenceTrend(
            cases,
            eventsByCase,
            query,
            { measure },
            exampleUnitPrincipals,
          );
          const shown = suppressTrend(cells, groupBy, cellKeyMode(k));
          const truth = cells.map((c) => c.count);
          const counts = shown.map((c) => c.count);
          expect(cellKeyViolations(truth, counts, k)).toEqual([]);
          for (const cell of shown) {
            expect(cell).not.toHaveProperty("cellKeys");
            expect(cell.suppressed).toBe(cell.count === null);
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
