import { describe, expect, it } from "vitest";
import { chartValue, countCell, formatNumber, statCell } from "./cells";

describe("cells", () => {
  it("shows a suppressed count as <k with an explanation, never 0 or blank", () => {
    const cell = countCell(null, true, 5);
    expect(cell.text).toBe("<5");
    expect(cell.export).toBe("<5");
    expect(cell.title).toMatch(/Färre än 5/);
    expect(countCell(null, true, 3).text).toBe("<3");
    // Unknown, not -1 or 0: the table sorts it after every published count.
    expect(cell.sort).toBeNull();
  });

  it("treats a count marked suppressed as suppressed even if a number came along", () => {
    expect(countCell(12, true, 5).text).toBe("<5");
  });

  it("formats published counts with Swedish digit grouping and sorts by value", () => {
    const cell = countCell(12345, false, 5);
    expect(cell.text.replace(/\s/g, " ")).toBe("12 345");
    expect(cell.export).toBe(12345);
    expect(cell.sort).toBe(12345);
  });

  it("uses a decimal comma and marks withheld statistics", () => {
    expect(formatNumber(30.5)).toBe("30,5");
    expect(statCell(null, true, 5).text).toBe("n<5");
    expect(statCell(null, true, 5).sort).toBeNull();
    expect(statCell(12, false, 5).text).toBe("12");
  });

  it("leaves suppressed values out of charts", () => {
    expect(chartValue(7, true)).toBeNull();
    expect(chartValue(7, false)).toBe(7);
  });
});
