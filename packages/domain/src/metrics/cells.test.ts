import { describe, expect, it } from "vitest";
import { RECORD_KEY_MODULUS } from "../disclosure/record-key";
import { gridTable } from "../suppression";
import { keyInSlice } from "../testing/cell-keys";
import { cellKeyMode, suppressionMode } from "../testing/disclosure";
import {
  countCasesPerPair,
  publishedCounts,
  publishedStatistic,
  publishedTotal,
  withheldNames,
} from "./cells";

describe("countCasesPerPair", () => {
  it("counts a case once per pair, however often the pair occurs in it, ordered by pair", () => {
    const cells = countCasesPerPair([
      {
        pairs: [
          [6, 7],
          [10, 6],
          [6, 7],
        ],
        recordKey: 5,
      },
      { pairs: [[6, 7]], recordKey: RECORD_KEY_MODULUS - 2 },
      { pairs: [], recordKey: 9 },
    ]);
    // The first case's key counts once in 6→7 (else 8), and the sum wraps at 2³¹.
    expect(cells).toEqual([
      { pair: [6, 7], count: 2, cellKey: 3 },
      { pair: [10, 6], count: 1, cellKey: 5 },
    ]);
  });
});

describe("publishedCounts, suppression", () => {
  const table = gridTable([
    { coordinates: ["a"], count: 0 },
    { coordinates: ["b"], count: 10 },
    { coordinates: ["c"], count: 12 },
  ]);
  const keys = [0, 0, 0];

  it("publishes zeros by the count rule", () => {
    expect(publishedCounts(table, keys, suppressionMode(5))).toEqual([0, 10, 12]);
  });

  it("with hideZeros hides a zero, and a second cell so the total cannot give it away", () => {
    expect(publishedCounts(table, keys, suppressionMode(5), { hideZeros: true })).toEqual([
      null,
      null,
      12,
    ]);
  });

  it("refuses k below 3", () => {
    expect(() => publishedCounts(table, keys, suppressionMode(2))).toThrow(RangeError);
    expect(() => publishedCounts(table, keys, cellKeyMode(2))).toThrow(RangeError);
  });
});

describe("publishedCounts, cellkey", () => {
  const table = gridTable([
    { coordinates: ["a"], count: 0 },
    { coordinates: ["b"], count: 2 },
    { coordinates: ["c"], count: 5 },
    { coordinates: ["d"], count: 6 },
    { coordinates: ["e"], count: 12 },
  ]);
  const keys = [keyInSlice(9), keyInSlice(9), keyInSlice(0), keyInSlice(0), keyInSlice(9)];

  it("perturbs each count by its own cell key; 0 stays, 1..k−1 goes, k stays as it is", () => {
    // 6 = k + 1 in the first slice: −1; 12 in the last slice: +2.
    expect(publishedCounts(table, keys, cellKeyMode(5))).toEqual([0, null, 5, 5, 14]);
  });

  it("hides no second cell for a line: the 2 cannot be worked out from perturbed counts", () => {
    // In `suppression` the line's total (25) would make the smallest other cell go too.
    expect(publishedCounts(table, keys, suppressionMode(5))).toEqual([0, null, null, 6, 12]);
  });

  it("with hideZeros withholds a zero and nothing else", () => {
    expect(publishedCounts(table, keys, cellKeyMode(5), { hideZeros: true })).toEqual([
      null,
      null,
      5,
      5,
      14,
    ]);
  });

  it("gives the same count and key the same number, wherever the cell sits", () => {
    const reordered = gridTable([...table.cells].reverse());
    expect(publishedCounts(reordered, [...keys].reverse(), cellKeyMode(5)).reverse()).toEqual(
      publishedCounts(table, keys, cellKeyMode(5)),
    );
  });
});

describe("publishedTotal", () => {
  it("in suppression withholds 1..k−1 and shows the rest exactly", () => {
    expect([0, 3, 5, 23].map((n) => publishedTotal(n, keyInSlice(0), suppressionMode(5)))).toEqual([
      0,
      null,
      5,
      23,
    ]);
  });

  it("in cellkey perturbs the total as a cell of its own", () => {
    expect([0, 3, 5, 23].map((n) => publishedTotal(n, keyInSlice(0), cellKeyMode(5)))).toEqual([
      0,
      null,
      5,
      21,
    ]);
    expect(publishedTotal(23, keyInSlice(5), cellKeyMode(5))).toBe(23);
  });
});

describe("publishedStatistic", () => {
  it("shows a statistic only beside a published count whose true n is at least k", () => {
    expect([publishedStatistic(7, 5, 5, 5), publishedStatistic(7, 5, null, 5)]).toEqual([7, null]);
    expect(publishedStatistic(7, 0, 0, 5)).toBeNull();
  });

  it("lets the true n decide, not the perturbed one", () => {
    // cellkey: a true 6 may be published as 5, a true 7 as 5 too; neither is below k.
    expect(publishedStatistic(7, 6, 5, 5)).toBe(7);
    expect(publishedStatistic(7, 4, 5, 5)).toBeNull();
  });
});

describe("withheldNames", () => {
  it("lists the withheld names in the order given", () => {
    expect(
      withheldNames([
        ["n", true],
        ["median", false],
        ["p90", true],
      ]),
    ).toEqual(["n", "p90"]);
  });
});
