import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveCaseState } from "../case-state";
import type { IsoDate } from "../codes";
import { arbRefPrefix } from "../testing/arbitraries";
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
import type { LeadTimeSteps } from "./lead-times";
import { caseLeadTime, leadTimeTables, referenceLeadTimes, suppressLeadTimes } from "./lead-times";
import type { MetricQuery } from "./query";

const d = (date: string) => date as IsoDate;

describe("caseLeadTime on the processkarta case (seed 004)", () => {
  const { case: c, events } = processkartaCase();
  const entries = (asOf: string) => deriveCaseState(c, events, d(asOf))?.stepEntries ?? [];
  const all = entries("2025-12-31");

  it("runs from step 1 to the joint meeting in step 3 in seven days", () => {
    expect(caseLeadTime(all, 1, 3)).toEqual({ status: "done", days: 7 });
  });

  it("measures to the first b after the first a, so a back-step is not a negative time", () => {
    // The first step 6 (10 June) comes before the first step 8 (24 June); the back-step from
    // step 10 enters step 6 again on 28 October.
    expect(caseLeadTime(all, 8, 6)).toEqual({ status: "done", days: 126 });
    // The first step 7 is 17 June; the first after step 10 (21 October) is 4 November.
    expect(caseLeadTime(all, 10, 7)).toEqual({ status: "done", days: 14 });
    expect(caseLeadTime(all, 6, 9)).toEqual({ status: "done", days: 113 });
  });

  it("is pending until step b follows, and not started without step a", () => {
    expect(caseLeadTime(entries("2024-10-27"), 10, 6)).toEqual({ status: "pending" });
    expect(caseLeadTime(entries("2024-10-28"), 10, 6)).toEqual({ status: "done", days: 7 });
    expect(caseLeadTime(entries("2024-03-10"), 3, 4)).toEqual({ status: "not_started" });
  });

  it("counts calendar days in Stockholm across the spring DST change", () => {
    const { case: dst, events: dstEvents } = aCase()
      .openedOn("2024-03-30")
      .step(1, "2024-03-30T23:30")
      .step(2, "2024-03-31T00:30")
      .step(3, "2024-04-29T23:59")
      .build();
    const steps = deriveCaseState(dst, dstEvents, d("2024-12-31"))?.stepEntries ?? [];
    expect(caseLeadTime(steps, 1, 2)).toEqual({ status: "done", days: 1 });
    expect(caseLeadTime(steps, 1, 3)).toEqual({ status: "done", days: 30 });
  });
});

/** Lead times 1→3 in intern_samsjuklighet: samsjuklighet 7, 14, 30, 20 and one pending; missbruk 3 and one pending. */
function county() {
  return caseLog([
    processkartaCase(),
    aCase().openedOn("2024-02-01").step(1).step(3, "2024-02-15").build(),
    aCase().openedOn("2024-03-30").step(1, "2024-03-30T23:30").step(3, "2024-04-29").build(),
    aCase().openedOn("2024-05-01").withSteps(1, 2).build(),
    aCase().openedOn("2024-01-10").step(3).step(1, "2024-01-20").step(3, "2024-02-09").build(),
    aCase()
      .targetGroup("missbruk_beroende")
      .openedOn("2024-04-01")
      .step(1)
      .step(3, "2024-04-04")
      .build(),
    aCase()
      .targetGroup("missbruk_beroende")
      .openedOn("2024-09-01")
      .step(1)
      .step(3, "2025-01-10")
      .build(),
    aCase().targetGroup("missbruk_beroende").openedOn("2024-09-01").withSteps(2, 3).build(),
    aCase().inProcess("sip").openedOn("2024-02-01").withSteps(1, 2, 3).build(),
  ]);
}

const steps: LeadTimeSteps = { process: "intern_samsjuklighet", fromStep: 1, toStep: 3 };
const base: MetricQuery = { from: d("2024-01-01"), to: d("2024-12-31"), asOf: d("2024-12-31") };

function leadTimes(query: Partial<MetricQuery>) {
  return withoutCellKeys(leadTimesOf(county(), query));
}

function leadTimesOf(log: ReturnType<typeof caseLog>, query: Partial<MetricQuery>) {
  const { cases, eventsByCase } = log;
  return referenceLeadTimes(
    cases,
    eventsByCase,
    { ...base, ...query },
    steps,
    exampleUnitPrincipals,
  );
}

describe("referenceLeadTimes", () => {
  it("gives n, median, p90 (percentile_cont) and pending for the whole population", () => {
    expect(leadTimes({})).toEqual([{ n: 5, median: 14, p90: 26, pending: 2 }]);
  });

  it("groups by target group", () => {
    expect(leadTimes({ groupBy: ["targetGroup"] })).toEqual([
      { targetGroup: "missbruk_beroende", n: 1, median: 3, p90: 3, pending: 1 },
      { targetGroup: "samsjuklighet", n: 4, median: 17, p90: 27, pending: 1 },
    ]);
  });

  it("as of earlier dates counts unfinished cases as pending, and n = 0 has no median", () => {
    expect(leadTimes({ asOf: d("2024-03-01"), groupBy: ["targetGroup"] })).toEqual([
      { targetGroup: "samsjuklighet", n: 2, median: 17, p90: 19.4, pending: 0 },
    ]);
    expect(leadTimes({ asOf: d("2024-02-10"), groupBy: ["targetGroup"] })).toEqual([
      { targetGroup: "samsjuklighet", n: 1, median: 20, p90: 20, pending: 1 },
    ]);
    expect(leadTimes({ asOf: d("2024-02-01") })).toEqual([
      { n: 0, median: null, p90: null, pending: 2 },
    ]);
  });

  it("keys n with the cases that reached step b, pending with those still waiting", () => {
    const log = caseLog([
      aCase().ref("anna").openedOn("2024-02-01").withSteps(1, 2, 3).build(),
      aCase().ref("bert").openedOn("2024-02-01").withSteps(1, 2).build(),
      aCase().ref("cleo").openedOn("2024-02-01").withSteps(1, 3).build(),
      aCase().ref("dora").openedOn("2024-02-01").withSteps(2, 3).build(),
    ]);
    expect(leadTimesOf(log, {})).toEqual([
      {
        n: 2,
        median: 1.5,
        p90: 1.9,
        pending: 1,
        cellKeys: { n: cellKeyOfRefs("anna", "cleo"), pending: cellKeyOfRefs("bert") },
      },
    ]);
  });

  it("takes the population's status and filters; none of another process", () => {
    expect(leadTimes({ status: "closed", asOf: d("2025-03-01"), to: d("2025-03-01") })).toEqual([
      { n: 1, median: 7, p90: 7, pending: 0 },
    ]);
    expect(leadTimes({ process: ["sip"] })).toEqual([]);
    expect(leadTimes({ municipality: ["0182"] })).toEqual([]);
  });
});

describe("suppressLeadTimes", () => {
  const cell = (targetGroup: string, n: number, pending: number, median: number | null) => ({
    targetGroup,
    n,
    median,
    p90: median === null ? null : median * 2,
    pending,
    cellKeys: { n: 0, pending: 0 },
  });

  it("withholds n, median and p90 for n < k, zero included; pending by the count rule", () => {
    const cells = [cell("a", 0, 6, null), cell("b", 12, 7, 10), cell("c", 9, 2, 5)];
    const hiddenAll = { n: null, median: null, p90: null, pending: null, suppressed: true };
    expect(suppressLeadTimes(cells, ["targetGroup"], suppressionMode(5))).toEqual([
      { targetGroup: "a", ...hiddenAll, withheld: ["n", "median", "p90", "pending"] },
      { targetGroup: "b", n: 12, median: 10, p90: 20, pending: 7, suppressed: false, withheld: [] },
      { targetGroup: "c", ...hiddenAll, withheld: ["n", "median", "p90", "pending"] },
    ]);
  });

  it("publishes pending beside a withheld n", () => {
    const lone = { n: 3, median: 4, p90: 6, pending: 0, cellKeys: { n: 0, pending: 0 } };
    expect(suppressLeadTimes([lone], [], suppressionMode(5))).toEqual([
      {
        n: null,
        median: null,
        p90: null,
        pending: 0,
        suppressed: true,
        withheld: ["n", "median", "p90"],
      },
    ]);
  });
});

describe("suppressLeadTimes, cellkey", () => {
  it("perturbs n and pending by their own keys; statistics follow the true n", () => {
    const cells = [
      { targetGroup: "a", n: 7, median: 10, p90: 20, pending: 7 },
      { targetGroup: "b", n: 0, median: null, p90: null, pending: 6 },
      { targetGroup: "c", n: 3, median: 4, p90: 8, pending: 0 },
    ].map((c) => ({ ...c, cellKeys: { n: keyInSlice(0), pending: keyInSlice(9) } }));
    // n = 7 in the first slice: −2, published as k; pending 7 in the last: +2; 6 = k + 1: +1.
    expect(suppressLeadTimes(cells, ["targetGroup"], cellKeyMode(5))).toEqual([
      { targetGroup: "a", n: 5, median: 10, p90: 20, pending: 9, suppressed: false, withheld: [] },
      {
        targetGroup: "b",
        n: null,
        median: null,
        p90: null,
        pending: 7,
        suppressed: true,
        withheld: ["n", "median", "p90"],
      },
      {
        targetGroup: "c",
        n: null,
        median: null,
        p90: null,
        pending: 0,
        suppressed: true,
        withheld: ["n", "median", "p90"],
      },
    ]);
  });
});

describe("suppressLeadTimes, suppression (properties)", () => {
  it("never publishes n < k or a pending of 1..k−1, keeps the line rule per count", () => {
    const arbCells = fc.integer({ min: 3, max: 6 }).chain((k) =>
      fc.record({
        k: fc.constant(k),
        table: arbGroupedCells(
          fc.record({
            n: arbCount(k),
            median: fc.integer({ min: 0, max: 90 }),
            p90: fc.integer({ min: 0, max: 90 }),
            pending: arbCount(k),
          }),
        ),
      }),
    );
    fc.assert(
      fc.property(arbCells, ({ table: { dims, cells: drawn }, k }) => {
        const cells = withCellKeys(["n", "pending"], drawn);
        const published = suppressLeadTimes(cells, dims, suppressionMode(k));
        const tables = leadTimeTables(cells, dims);
        const ns = published.map((c) => c.n);
        const pendings = published.map((c) => c.pending);
        // n withholds its zeros too (n < k), and a withheld 0 holds no case to work out.
        expect(disclosureViolations(tables.n, ns, k, { zerosWithheld: true })).toEqual([]);
        expect(disclosureViolations(tables.pending, pendings, k)).toEqual([]);
        for (const c of published) {
          if (c.n !== null) expect(c.n).toBeGreaterThanOrEqual(k);
          if (c.median !== null || c.p90 !== null) expect(c.n).not.toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("suppressLeadTimes, cellkey (properties)", () => {
  /**
   * Many cases on a path through steps 1..3 of intern_samsjuklighet, a day between steps, so
   * that groups reach k + 2 cases (random event logs seldom do): most get from 1 to 3, some
   * are pending, a few never reach step 1.
   */
  const arbLeadTimeCounty = fc
    .array(
      fc.record({
        prefix: arbRefPrefix,
        targetGroup: fc.constantFrom("samsjuklighet", "missbruk_beroende"),
        municipality: fc.constantFrom("0180", "0182"),
        steps: fc.constantFrom<number[]>([1, 3], [1, 2, 3], [1, 2, 2, 3], [1, 2], [1], [2, 3]),
      }),
      { minLength: 30, maxLength: 60 },
    )
    .map((drawn) =>
      drawn.map(({ prefix, targetGroup, municipality, steps: taken }, i) =>
        aCase()
          .ref(`${prefix}-${i}`)
          .targetGroup(targetGroup)
          .municipality(municipality)
          .openedOn("2024-02-01")
          .withSteps(...taken)
          .build(),
      ),
    );
  const arbGroupBy = fc.subarray(["targetGroup", "municipality"] as const, { minLength: 1 });
  const arbK = fc.integer({ min: 3, max: 6 });

  function published(log: readonly BuiltCase[], query: Partial<MetricQuery>, k: number) {
    const cells = leadTimesOf(caseLog(log), query);
    return suppressLeadTimes(cells, query.groupBy ?? [], cellKeyMode(k));
  }

  it("publishes the same numbers for the same cases, whichever query yields them", () => {
    let perturbed = 0;
    fc.assert(
      fc.property(arbLeadTimeCounty, arbGroupBy, arbK, (log, groupBy, k) => {
        for (const cell of published(log, { groupBy }, k)) {
          const filters = filtersOf(cell, groupBy) ?? {};
          const { targetGroup, municipality, ...numbers } = cell;
          expect(published(log, filters, k)).toEqual([numbers]);
          if (cell.n !== null && cell.n >= k + 2) perturbed += 1;
        }
      }),
      { numRuns: 30 },
    );
    // Not vacuous: counts of k + 2 or more, which the table moves, were compared.
    expect(perturbed).toBeGreaterThan(20);
  });

  it("treats n and pending as counts, and shows statistics only for a true n of at least k", () => {
    fc.assert(
      fc.property(arbLeadTimeCounty, arbGroupBy, arbK, (log, groupBy, k) => {
        const cells = leadTimesOf(caseLog(log), { groupBy });
        const shown = suppressLeadTimes(cells, groupBy, cellKeyMode(k));
        const column = (count: "n" | "pending") => shown.map((c) => c[count]);
        const truth = (count: "n" | "pending") => cells.map((c) => c[count]);
        // SPEC: a group with n < k has n, median and p90 null, n = 0 included.
        expect(cellKeyViolations(truth("n"), column("n"), k, { hideZeros: true })).toEqual([]);
        expect(cellKeyViolations(truth("pending"), column("pending"), k)).toEqual([]);
        shown.forEach((c, i) => {
          const { n, median, p90 } = cells[i] ?? { n: 0, median: null, p90: null };
          expect([c.median, c.p90]).toEqual(n >= k ? [median, p90] : [null, null]);
          expect(c).not.toHaveProperty("cellKeys");
          expect(c.suppressed).toBe(c.withheld.length > 0);
        });
      }),
      { numRuns: 30 },
    );
  });
});
