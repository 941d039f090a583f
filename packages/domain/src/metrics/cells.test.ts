import { describe, expect, it } from "vitest";
import { gridTable } from "../suppression";
import { countCasesPerPair, publishedCounts, publishedStatistic, withheldNames } from "./cells";

describe("countCasesPerPair", () => {
  it("counts a case once per pair, however often the pair occurs in it, ordered by pair", () => {
    const cells = countCasesPerPair([
      [
        [6, 7],
        [10, 6],
        [6, 7],
      ],
      [[6, 7]],
      [],
    ]);
    expect(cells).toEqual([
      { pair: [6, 7], count: 2 },
      { pair: [10, 6], count: 1 },
    ]);
  });
});

describe("publishedCounts", () => {
  const table = gridTable([
    { coordinates: ["a"], count: 0 },
    { coordinates: ["b"], count: 10 },
    { coordinates: ["c"], count: 12 },
  ]);

  it("publishes zeros by the count rule", () => {
    expect(publishedCounts(table, 5)).toEqual([0, 10, 12]);
  });

  it("with hideZeros hides a zero, and a second cell so the total cannot give it away", () => {
    expect(publishedCounts(table, 5, { hideZeros: true })).toEqual([null, null, 12]);
  });
});

describe("publishedStatistic", () => {
  it("shows a statistic only beside a published count of at least k", () => {
    expect([publishedStatistic(7, 5, 5), publishedStatistic(7, null, 5)]).toEqual([7, null]);
    expect(publishedStatistic(7, 0, 5)).toBeNull();
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
