import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "./csv";
import { parseCsv } from "./testing/parse-csv";

describe("csvLine", () => {
  it("quotes exactly as csv-stringify does (RFC 4180)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "grapheme" }), { minLength: 1, maxLength: 5 }),
        (fields) => {
          expect(csvLine(fields)).toBe(stringify([fields]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("round-trips through an RFC 4180 reader", () => {
    const fields = ['avböjt fortsatt kontakt, "vill klara sig själv"', "a\nb", "plain", ""];
    expect(parseCsv(csvLine(fields))).toEqual([fields]);
    expect(csvField("Beroendeenheten")).toBe("Beroendeenheten");
  });
});
