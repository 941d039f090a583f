import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../codes";
import type { PublishedLeadTimeCell } from "../metrics/lead-times";
import { addDays, isRealDate } from "../time";
import { indicatorMonths, readIndicatorFigure, reading } from "./indicators";

const isoDay = fc
  .date({
    min: new Date("1990-01-01T00:00:00Z"),
    max: new Date("2099-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10) as IsoDate);

const target = fc.record({
  value: fc.integer({ min: -5, max: 500 }),
  direction: fc.constantFrom("at_least" as const, "at_most" as const),
});

describe("an indicator's reading against its target", () => {
  it("is met exactly when the value lies on the target's side, the target itself included", () => {
    expect(reading(10, false, { value: 10, direction: "at_least" }).met).toBe(true);
    expect(reading(9, false, { value: 10, direction: "at_least" }).met).toBe(false);
    expect(reading(10, false, { value: 10, direction: "at_most" }).met).toBe(true);
    expect(reading(11, false, { value: 10, direction: "at_most" }).met).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), target, (value, t) => {
        const { met } = reading(value, false, t);
        expect(met).toBe(t.direction === "at_least" ? value >= t.value : value <= t.value);
      }),
    );
  });

  it("is neither met nor not met without a target, and shows the value as published", () => {
    expect(reading(7, false, null)).toEqual({ value: 7, suppressed: false, met: null });
    expect(reading(null, true, null)).toEqual({ value: null, suppressed: true, met: null });
  });

  it("never says met or not met about a withheld or absent value, and never shows a withheld one", () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 0, max: 1000 })), target, (value, t) => {
        const withheld = reading(value, true, t);
        expect(withheld).toEqual({ value: null, suppressed: true, met: null });
        if (value === null) expect(reading(null, false, t).met).toBeNull();
      }),
    );
  });
});

describe("the figure an indicator names", () => {
  const target = { value: 10, direction: "at_most" as const };
  const cell = (over: Partial<PublishedLeadTimeCell>): PublishedLeadTimeCell => ({
    n: 40,
    median: 12,
    p90: 30,
    pending: 7,
    suppressed: false,
    withheld: [],
    ...over,
  });

  it("is a count's total, withheld as the total is", () => {
    const counts = { cells: [], total: 23, totalSuppressed: false };
    expect(readIndicatorFigure("cases", "count", counts, target)).toEqual({
      value: 23,
      suppressed: false,
      met: false,
    });
    const hidden = { cells: [], total: null, totalSuppressed: true };
    expect(readIndicatorFigure("cases", "count", hidden, target)).toEqual({
      value: null,
      suppressed: true,
      met: null,
    });
  });

  it("is the one cell's figure otherwise, withheld when the cell withholds that figure", () => {
    expect(readIndicatorFigure("lead-times", "median", [cell({})], target).value).toBe(12);
    const small = cell({
      n: null,
      median: null,
      p90: null,
      suppressed: true,
      withheld: ["n", "median", "p90"],
    });
    expect(readIndicatorFigure("lead-times", "p90", [small], target)).toEqual({
      value: null,
      suppressed: true,
      met: null,
    });
    // Another figure withheld does not withhold this one.
    const pendingHidden = cell({ pending: null, suppressed: true, withheld: ["pending"] });
    expect(readIndicatorFigure("lead-times", "n", [pendingHidden], target)).toEqual({
      value: 40,
      suppressed: false,
      met: false,
    });
  });

  it("is absent, not withheld, when the metric has no cell at all", () => {
    expect(readIndicatorFigure("stuck", "count", [], target)).toEqual({
      value: null,
      suppressed: false,
      met: null,
    });
  });
});

describe("an indicator's 12 months", () => {
  it("are twelve consecutive months ending with asOf's, each read as of its last day, the last as of asOf", () => {
    expect(indicatorMonths("2026-03-15" as IsoDate).slice(-3)).toEqual([
      { month: "2026-01", asOf: "2026-01-31" },
      { month: "2026-02", asOf: "2026-02-28" },
      { month: "2026-03", asOf: "2026-03-15" },
    ]);
    expect(indicatorMonths("2024-03-01" as IsoDate)[10]).toEqual({
      month: "2024-02",
      asOf: "2024-02-29",
    });
    fc.assert(
      fc.property(isoDay, (asOf) => {
        const months = indicatorMonths(asOf);
        expect(months).toHaveLength(12);
        expect(months.at(-1)).toEqual({ month: asOf.slice(0, 7), asOf });
        for (const [i, m] of months.entries()) {
          expect(isRealDate(m.asOf)).toBe(true);
          expect(m.asOf.slice(0, 7)).toBe(m.month);
          expect(m.asOf <= asOf).toBe(true);
          const next = months[i + 1];
          // Each reading day but the last is a month's last day, and the next month follows it.
          if (next !== undefined) expect(addDays(m.asOf, 1).slice(0, 7)).toBe(next.month);
        }
      }),
    );
  });
});
