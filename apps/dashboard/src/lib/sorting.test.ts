import { describe, expect, it } from "vitest";
import { compareSortValues } from "./sorting";

describe("compareSortValues", () => {
  it("orders numbers by value, not as text", () => {
    expect([100, 9, 25].sort(compareSortValues)).toEqual([9, 25, 100]);
  });

  it("orders names in Swedish: å, ä, ö after z", () => {
    const names = ["Österåker", "Ale", "Ängelholm", "Åre", "Vallentuna", "Zinkgruvan"];
    expect(names.sort(compareSortValues)).toEqual([
      "Ale",
      "Vallentuna",
      "Zinkgruvan",
      "Åre",
      "Ängelholm",
      "Österåker",
    ]);
  });

  it("reads numbers inside names as numbers (step 2 before step 10)", () => {
    expect(["10 Avslut", "2 Kontakt", "1 Behov"].sort(compareSortValues)).toEqual([
      "1 Behov",
      "2 Kontakt",
      "10 Avslut",
    ]);
  });

  it("puts numbers before texts should a column mix them", () => {
    expect(["–", 3, "a", 1].sort(compareSortValues)).toEqual([1, 3, "–", "a"]);
  });
});
