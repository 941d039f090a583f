import { describe, expect, it } from "vitest";
import { type AnswerMapping, compareAnswers } from "./agreement";

const mapping: AnswerMapping = {
  keys: { targetGroup: "target_group", municipality: "municipality_code" },
  numbers: { count: "count", median: "median" },
};

/** A baseline row of a grouped count with a median. */
function aRow(targetGroup: string, municipality: string, count: number, median: number | null) {
  return { target_group: targetGroup, municipality_code: municipality, count, median };
}

/** An API cell; `null` is a suppressed figure. */
function aCell(
  targetGroup: string,
  municipality: string,
  count: number | null,
  median: number | null,
) {
  return { targetGroup, municipality, count, median, suppressed: count === null };
}

describe("compareAnswers", () => {
  it("agrees when every published figure equals the baseline's", () => {
    const result = compareAnswers(
      [aCell("missbruk_beroende", "0180", 12, 30.5), aCell("demens", "0180", null, null)],
      [aRow("missbruk_beroende", "0180", 12, 30.5), aRow("demens", "0180", 3, 7)],
      mapping,
    );
    expect(result).toEqual({ compared: 2, differing: 0, examples: [] });
  });

  it("counts a published figure that differs, naming the cell", () => {
    const result = compareAnswers(
      [aCell("missbruk_beroende", "0180", 12, 31)],
      [aRow("missbruk_beroende", "0180", 12, 30.5)],
      mapping,
    );
    expect(result.differing).toBe(1);
    expect(result.examples[0]).toContain("median: API 31, baseline 30.5");
  });

  it("keeps municipality codes as text and matches numeric text to numbers", () => {
    const result = compareAnswers(
      [aCell("demens", "0180", 7, 2)],
      [{ target_group: "demens", municipality_code: "0180", count: "7", median: "2" }],
      mapping,
    );
    expect(result).toEqual({ compared: 2, differing: 0, examples: [] });
  });

  it("flags a cell the baseline lacks and a baseline row with counts the API lacks", () => {
    const result = compareAnswers(
      [aCell("demens", "0180", 7, 2)],
      [aRow("demens", "0181", 9, 1), aRow("npf_adhd", "0181", 0, null)],
      mapping,
    );
    expect(result.differing).toBe(3);
    expect(result.examples.some((e) => e.includes("only in the baseline"))).toBe(true);
  });
});
