import { describe, expect, it } from "vitest";
import { charsFor, hasDrawable, mostlyWithheld, topN, wrapLabel } from "./chart-data";

describe("wrapLabel", () => {
  it("keeps a label that fits on one line", () => {
    expect(wrapLabel("Demens", 20)).toEqual(["Demens"]);
  });

  it("breaks at spaces onto two lines, so the distinguishing end of a label shows", () => {
    expect(wrapLabel("Steg 3: Kallelse till planeringsmöte", 20)).toEqual([
      "Steg 3: Kallelse",
      "till planeringsmöte",
    ]);
  });

  it("ends the second line with … when the label does not fit in two", () => {
    const lines = wrapLabel("Samordnad individuell plan (SIP) · 7 Genomförande", 16);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("Samordnad");
    expect(lines[1]).toMatch(/…$/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(16);
  });

  it("cuts a single word longer than a line", () => {
    const lines = wrapLabel("Funktionsnedsättningsområdet", 10, 1);
    expect(lines).toEqual(["Funktions…"]);
  });

  it("gives labels that differ at the end different lines", () => {
    const a = wrapLabel("Steg 2: Dialog och samtycke", 18).join(" ");
    const b = wrapLabel("Steg 8: Uppföljningsmöte", 18).join(" ");
    expect(a).not.toBe(b);
  });
});

describe("topN", () => {
  it("keeps the first n and counts the rest", () => {
    expect(topN(["a", "b", "c", "d"], 3)).toEqual({ shown: ["a", "b", "c"], rest: 1 });
  });

  it("leaves nothing out when there are at most n", () => {
    expect(topN(["a", "b"], 6)).toEqual({ shown: ["a", "b"], rest: 0 });
  });
});

describe("mostlyWithheld", () => {
  it("is true when every cell is withheld", () => {
    expect(mostlyWithheld([true, true, true])).toBe(true);
  });

  it("is true when more than half are withheld, false at exactly half", () => {
    expect(mostlyWithheld([true, true, false])).toBe(true);
    expect(mostlyWithheld([true, false])).toBe(false);
    expect(mostlyWithheld([false, false, true])).toBe(false);
  });

  it("is false for an empty breakdown (that is 'no cases', said otherwise)", () => {
    expect(mostlyWithheld([])).toBe(false);
  });
});

describe("hasDrawable", () => {
  it("is false when every value is withheld (null)", () => {
    expect(hasDrawable([{ label: "a", count: null }], ["count"])).toBe(false);
  });

  it("is true when any series has a number, zero included", () => {
    expect(hasDrawable([{ label: "a", count: null, p90: 0 }], ["count", "p90"])).toBe(true);
  });
});

describe("charsFor", () => {
  it("fits more characters in a wider axis, never fewer than 8", () => {
    expect(charsFor(200)).toBeGreaterThan(charsFor(120));
    expect(charsFor(10)).toBe(8);
  });
});
