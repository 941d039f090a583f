import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExportValue } from "./cells";
import { type TableExport, toCsv, toSwedishExcelCsv, toXlsx } from "./export";
import { reportCsv } from "./import-report";

/**
 * Issue 20: every export a user downloads from the dashboard — each table's CSV, Swedish Excel
 * CSV and XLSX (ExportButtons, so the forum protocol and the evaluation tables too) and the
 * import's error report — keeps a text that starts like a formula (= + - @, tab, CR) from running
 * in a spreadsheet, whichever cell it is in; numbers, negative ones too, stay numbers.
 */
const formulaLike = fc
  .tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r"), fc.string({ maxLength: 30 }))
  .map(([start, rest]) => `${start}${rest}`);
const text = fc.oneof(formulaLike, fc.string({ maxLength: 20 }));
const value: fc.Arbitrary<ExportValue> = fc.oneof(
  text,
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }),
);

const table: fc.Arbitrary<TableExport> = fc
  .record({
    title: text,
    scope: text,
    filters: text,
    notes: fc.array(text, { maxLength: 2 }),
    columns: fc.array(text, { minLength: 1, maxLength: 4 }),
    width: fc.integer({ min: 1, max: 4 }),
    cells: fc.array(value, { maxLength: 16 }),
  })
  .map(({ cells, width, ...rest }) => ({
    ...rest,
    rows: Array.from({ length: Math.ceil(cells.length / width) }, (_, i) =>
      cells.slice(i * width, i * width + width),
    ),
  }));

/** RFC 4180 fields of a CSV text (after its BOM), with the quotes taken off. */
function csvFields(csv: string, separator: "," | ";"): string[] {
  const fields: string[] = [];
  let i = csv.startsWith("\uFEFF") ? 1 : 0;
  while (i < csv.length) {
    let field = "";
    if (csv[i] === '"') {
      i += 1;
      for (;;) {
        const quote = csv.indexOf('"', i);
        if (quote === -1) throw new Error("unterminated quote");
        field += csv.slice(i, quote);
        if (csv[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
    } else {
      const rest = csv.slice(i);
      const end = rest.search(new RegExp(`[${separator}]|\\r\\n`));
      field = end === -1 ? rest : rest.slice(0, end);
      i += field.length;
    }
    fields.push(field);
    if (csv.startsWith("\r\n", i)) i += 2;
    else if (csv[i] === separator) i += 1;
  }
  return fields;
}

const plainNumber = /^-?\d+([.,]\d+)?(e-?\d+)?%?$/;

/** A field a spreadsheet would run: it starts like a formula and is not a plain number. */
function runs(field: string): boolean {
  return /^[=+\-@\t\r]/.test(field) && !plainNumber.test(field);
}

describe("dashboard exports neutralise formulas", () => {
  it("in CSV and Swedish Excel CSV: no field runs, each text is there behind an apostrophe", () => {
    fc.assert(
      fc.property(table, (t) => {
        for (const [csv, separator] of [
          [toCsv(t, "2026-01-31"), ","],
          [toSwedishExcelCsv(t, "2026-01-31"), ";"],
        ] as const) {
          const fields = csvFields(csv, separator);
          expect(fields.filter(runs)).toEqual([]);
          for (const cell of t.rows.flat()) {
            if (typeof cell === "string" && runs(cell)) expect(fields).toContain(`'${cell}`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("keeps numbers, negative ones too, as numbers in CSV", () => {
    const csv = toCsv({ ...emptyTable, rows: [[-3, "-3", 2.5, "=1+1"]] }, "2026-01-31");
    expect(csv).toContain("\r\n-3,'-3,2.5,'=1+1\r\n");
    const excel = toSwedishExcelCsv({ ...emptyTable, rows: [[-3, -2.5]] }, "2026-01-31");
    expect(excel).toContain("\r\n-3;-2,5\r\n");
  });

  it("in XLSX: every text cell read back is neutralised, every number is a number", async () => {
    const { default: exceljs } = await import("exceljs");
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        const workbook = new exceljs.Workbook();
        const blob = await toXlsx(t, "2026-01-31");
        await workbook.xlsx.load(await blob.arrayBuffer());
        const sheet = workbook.worksheets[0];
        const values: unknown[] = [];
        sheet?.eachRow((row) => {
          row.eachCell((cell) => {
            values.push(cell.value);
          });
        });
        const texts = values.filter((v): v is string => typeof v === "string");
        expect(texts.filter(runs)).toEqual([]);
        expect(values.filter((v) => typeof v === "object" && v !== null)).toEqual([]);
        // A spreadsheet has no negative zero: −0 is written as 0, and read back as 0.
        const numbers = t.rows
          .flat()
          .filter((v): v is number => typeof v === "number")
          .map((v) => (Object.is(v, -0) ? 0 : v));
        const read = values.filter((v): v is number => typeof v === "number");
        expect(read).toEqual(numbers);
      }),
      { numRuns: 40 },
    );
  });

  it("in the import's error report CSV: the values from the files do not run", () => {
    const group = fc.record({
      file: fc.constantFrom("units.csv", "cases.csv", "events.csv"),
      column: fc.option(text, { nil: null }),
      code: fc.constantFrom("required", "unknown_code"),
      message: text,
      value: text,
      count: fc.constant(1),
      lines: fc.constant([2]),
    });
    fc.assert(
      fc.property(fc.array(group, { maxLength: 5 }), (groups) => {
        const fields = csvFields(reportCsv(groups), ",");
        expect(fields.filter(runs)).toEqual([]);
        for (const g of groups) if (runs(g.value)) expect(fields).toContain(`'${g.value}`);
      }),
      { numRuns: 200 },
    );
  });
});

const emptyTable: TableExport = {
  title: "Tabell",
  scope: "Hela länet",
  filters: "Inga",
  columns: ["a", "b", "c", "d"],
  rows: [],
};
