import { describe, expect, it } from "vitest";
import { chartValue, countCell, formatNumber, statCell } from "./cells";

describe("cells", () => {
  it("shows a withheld count as the neutral .. with an explanation, never 0, blank or <k", () => {
    const cell = countCell(null, true, 5);
    expect(cell.text).toBe("..");
    expect(cell.export).toBe("..");
    expect(cell.title).toBe(
      "Redovisas inte: färre än 5 ärenden, eller dolt för att ingen enskild ska kunna räknas fram",
    );
    expect(countCell(null, true, 3).title).toMatch(/färre än 3 ärenden/);
    // Unknown, not -1 or 0: the table sorts it after every published count.
    expect(cell.sort).toBeNull();
  });

  it("treats a count marked suppressed as suppressed even if a number came along", () => {
    expect(countCell(12, true, 5).text).toBe("..");
  });

  it("formats published counts with Swedish digit grouping and sorts by value", () => {
    const cell = countCell(12345, false, 5);
    expect(cell.text.replace(/\s/g, " ")).toBe("12 345");
    expect(cell.export).toBe(12345);
    expect(cell.sort).toBe(12345);
  });

  it("uses a decimal comma and marks withheld statistics", () => {
    expect(formatNumber(30.5)).toBe("30,5");
    expect(statCell(null, true, 5).text).toBe("..");
    expect(statCell(null, true, 5).title).toBe(countCell(null, true, 5).title);
    expect(statCell(null, true, 5).sort).toBeNull();
    expect(statCell(12, false, 5).text).toBe("12");
  });

  it("leaves suppressed values out of charts", () => {
    expect(chartValue(7, true)).toBeNull();
    expect(chartValue(7, false)).toBe(7);
  });
});
