import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { median, percentileCont } from "./percentile";

/** The textbook definition, written independently of the implementation. */
function sortAndInterpolate(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const below = Math.floor(rank);
  const lower = sorted[below] ?? Number.NaN;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] ?? Number.NaN;
  return lower + (rank - below) * (upper - lower);
}

const days = fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 60 });
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

describe("percentileCont", () => {
  it("matches PostgreSQL on known values", () => {
    // SELECT percentile_cont(p) WITHIN GROUP (ORDER BY x) FROM unnest('{…}'::int[]) x
    expect(percentileCont([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileCont([10, 1, 7], 0.5)).toBe(7);
    expect(percentileCont([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12);
    expect(percentileCont([3, 30], 0.9)).toBeCloseTo(27.3, 12);
    expect(percentileCont([42], 0.9)).toBe(42);
    expect(median([7, 14, 21, 120])).toBe(17.5);
  });

  it("is null for no values", () => {
    expect(percentileCont([], 0.5)).toBeNull();
  });

  it("rejects a fraction outside [0, 1]", () => {
    expect(() => percentileCont([1], 1.5)).toThrow(RangeError);
    expect(() => percentileCont([1], Number.NaN)).toThrow(RangeError);
  });

  it("does not reorder its input", () => {
    const values = [5, 1, 3];
    percentileCont(values, 0.5);
    expect(values).toEqual([5, 1, 3]);
  });

  it("lies between min and max, and gives them at p = 0 and p = 1", () => {
    fc.assert(
      fc.property(days, fraction, (values, p) => {
        const value = percentileCont(values, p) ?? Number.NaN;
        expect(value).toBeGreaterThanOrEqual(Math.min(...values));
        expect(value).toBeLessThanOrEqual(Math.max(...values));
        expect(percentileCont(values, 0)).toBe(Math.min(...values));
        expect(percentileCont(values, 1)).toBe(Math.max(...values));
      }),
      { numRuns: 300 },
    );
  });

  it("is monotone in p", () => {
    fc.assert(
      fc.property(days, fraction, fraction, (values, p, q) => {
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        expect(percentileCont(values, lo) ?? 0).toBeLessThanOrEqual(
          percentileCont(values, hi) ?? 0,
        );
      }),
      { numRuns: 300 },
    );
  });

  it("equals a straightforward sort-and-interpolate", () => {
    fc.assert(
      fc.property(days, fraction, (values, p) => {
        expect(percentileCont(values, p)).toBeCloseTo(sortAndInterpolate(values, p), 9);
      }),
      { numRuns: 300 },
    );
  });
});
