import { describe, expect, it } from "vitest";
import {
  type ErrorGroup,
  hasMoreLines,
  linesSummary,
  reportCsv,
  reportRows,
} from "./import-report";

/** sv-SE groups thousands with a no-break space; compared here as a plain space. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

const unknownKommun: ErrorGroup = {
  file: "cases.csv",
  column: "municipality_code",
  code: "unknownCode",
  value: "9999",
  message:
    "Okänd kod: den finns inte i katalogen. Värdet i filen: ”9999”. Giltiga värden: 0180, 0182.",
  count: 23,
  lines: Array.from({ length: 23 }, (_, i) => 2 + i * 3),
};

const quoted: ErrorGroup = {
  file: "events.csv",
  column: "value",
  code: "tooLong",
  value: 'säger "nej", sedan',
  message: "Värdet är för långt (högst 500 tecken).",
  count: 1,
  lines: [4],
};

const missing: ErrorGroup = {
  file: "units.csv",
  column: null,
  code: "missingFile",
  message: "Filen saknas.",
  count: 1,
  lines: [null],
};

describe("the error report's groups", () => {
  it("sum up repeated errors as one line: how many rows and the first line numbers", () => {
    expect(plain(linesSummary(unknownKommun))).toBe("23 rader: 2, 5, 8, 11, 14 …");
    expect(hasMoreLines(unknownKommun)).toBe(true);
    const few = { ...unknownKommun, count: 3, lines: [2, 1_200, 13_004] };
    expect(plain(linesSummary(few))).toBe("3 rader: 2, 1 200, 13 004");
    expect(hasMoreLines(few)).toBe(false);
  });

  it("show a single error as its line, or the whole file", () => {
    expect(linesSummary(quoted)).toBe("4");
    expect(linesSummary(missing)).toBe("hela filen");
  });

  it("come apart into one row per error, in file order and by line", () => {
    const rows = reportRows([quoted, unknownKommun, missing]);
    expect(rows).toHaveLength(25);
    expect(rows.map((r) => `${r.file}:${r.line}`).slice(0, 4)).toEqual([
      "units.csv:null",
      "cases.csv:2",
      "cases.csv:5",
      "cases.csv:8",
    ]);
    expect(rows.at(-1)).toMatchObject({ file: "events.csv", line: 4, value: 'säger "nej", sedan' });
  });
});

describe("the error report as CSV", () => {
  it("holds every error, one a row, RFC 4180 with a BOM and CRLF", () => {
    const csv = reportCsv([unknownKommun, quoted, missing]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const lines = csv.slice(1, -2).split("\r\n");
    expect(lines[0]).toBe("Fil,Rad,Kolumn,Värde,Fel,Felkod");
    expect(lines).toHaveLength(1 + 25);
    expect(lines[1]).toBe("units.csv,,,,Filen saknas.,missingFile");
    expect(lines[2]).toBe(
      'cases.csv,2,municipality_code,9999,"Okänd kod: den finns inte i katalogen. Värdet i filen: ”9999”. Giltiga värden: 0180, 0182.",unknownCode',
    );
    expect(lines[25]).toBe(
      'events.csv,4,value,"säger ""nej"", sedan",Värdet är för långt (högst 500 tecken).,tooLong',
    );
  });

  it("counts on a last row the errors the report has no line numbers for", () => {
    const capped = { ...unknownKommun, count: 1_500 };
    const lines = reportCsv([capped]).slice(1, -2).split("\r\n");
    expect(lines).toHaveLength(1 + 23 + 1);
    expect(plain(lines.at(-1) ?? "")).toMatch(/^,,,,1 477 fel till hittades/);
  });
});
