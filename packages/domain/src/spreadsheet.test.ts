import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvField, withoutFormula } from "./spreadsheet";

describe("text for a spreadsheet", () => {
  it("puts an apostrophe before what a spreadsheet would run as a formula, and only there", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"])
      expect(withoutFormula(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(withoutFormula("Socialtjänsten")).toBe("Socialtjänsten");
    expect(withoutFormula("'redan")).toBe("'redan");
  });

  it("quotes a field only when it holds the separator, a quote or a line break, quotes doubled", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("a;b")).toBe("a;b");
    expect(csvField("a;b", ";")).toBe('"a;b"');
    expect(csvField('sa "hej"')).toBe('"sa ""hej"""');
    expect(csvField("rad\nny")).toBe('"rad\nny"');
    fc.assert(
      fc.property(fc.string(), (text) => {
        const field = csvField(text);
        // Unquoted, the text stands as it is; quoted, taking the quotes off gives it back.
        if (field === text) expect(/[",\r\n]/.test(text)).toBe(false);
        else expect(field.slice(1, -1).replaceAll('""', '"')).toBe(text);
      }),
    );
  });
});
