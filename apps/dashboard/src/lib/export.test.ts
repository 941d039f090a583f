import { describe, expect, it } from "vitest";
import { percentCell } from "./cells";
import { fileName, numberFormat, type TableExport, toCsv, toSwedishExcelCsv } from "./export";

const aTable = (overrides: Partial<TableExport> = {}): TableExport => ({
  title: "Pågående ärenden per kommun",
  scope: "Södertälje kommun",
  filters: "Målgrupp: Missbruk, beroende",
  columns: ["Kommun", "Antal ärenden"],
  rows: [
    ["Nacka", 12],
    ['Sol"na', ".."],
  ],
  ...overrides,
});

const withShares = aTable({
  columns: ["Kommun", "Pågående", "Median dagar", "Andel fastnade"],
  rows: [
    ["Nacka; centrum", 1687, 12.5, { share: 0.7222222222222222, digits: 1 }],
    ["Solna", "..", "..", { share: 0.5, digits: 0 }],
  ],
});

describe("CSV export", () => {
  it("starts with title, scope, filters and date, then the table, quoting per RFC 4180", () => {
    const csv = toCsv(aTable(), "2025-06-30");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("Pågående ärenden per kommun");
    expect(lines[1]).toBe("Omfattning: Södertälje kommun");
    expect(lines[2]).toBe('"Filter: Målgrupp: Missbruk, beroende"');
    expect(lines[3]).toBe("Skapad 2025-06-30");
    expect(lines[4]).toBe("");
    expect(lines[5]).toBe("Kommun,Antal ärenden");
    expect(lines[6]).toBe("Nacka,12");
    expect(lines[7]).toBe('"Sol""na",..');
  });

  it("explains the table in the file, a line per note, before the table", () => {
    const notes = ["Andel = fastnade delat med pågående.", "”..” betyder färre än 5 ärenden"];
    const lines = toCsv(aTable({ notes }), "2025-06-30").split("\r\n");
    expect(lines[4]).toBe("Andel = fastnade delat med pågående.");
    expect(lines[5]).toBe("”..” betyder färre än 5 ärenden");
    expect(lines[6]).toBe("");
    expect(lines[7]).toBe("Kommun,Antal ärenden");
  });

  it("writes shares as percent with the page's decimals, not as a long fraction", () => {
    const lines = toCsv(withShares, "2025-06-30").split("\r\n");
    expect(lines[6]).toBe("Nacka; centrum,1687,12.5,72.2%");
    expect(lines[7]).toBe("Solna,..,..,50%");
  });

  it("keeps a name that starts like a formula from running as one in a spreadsheet", () => {
    const csv = toCsv(aTable({ rows: [["=HYPERLINK(1)", 3]] }), "2025-06-30");
    expect(csv).toContain("\r\n'=HYPERLINK(1),3\r\n");
  });

  it("names the file after the table and the date, without å, ä, ö", () => {
    expect(fileName("Pågående ärenden per kommun", "2025-06-30", "csv")).toBe(
      "samsyn-pagaende-arenden-per-kommun-2025-06-30.csv",
    );
    expect(fileName("Pågående ärenden per kommun", "2025-06-30", "excel-csv")).toBe(
      "samsyn-pagaende-arenden-per-kommun-2025-06-30-excel.csv",
    );
  });
});

describe("CSV for Swedish Excel", () => {
  const csv = toSwedishExcelCsv(withShares, "2025-06-30");
  const lines = csv.slice(1).split("\r\n");

  it("is UTF-8 with a BOM and CRLF line ends, ending in a line end", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.slice(1).replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("separates with semicolons and writes decimals with a comma", () => {
    expect(lines[5]).toBe("Kommun;Pågående;Median dagar;Andel fastnade");
    expect(lines[6]).toBe('"Nacka; centrum";1687;12,5;72,2%');
    expect(lines[7]).toBe("Solna;..;..;50%");
  });

  it("quotes a field only when it holds a semicolon, a quote or a line end, not a comma", () => {
    // The filters hold a comma: the decimal mark there, so no separator and no quotes.
    expect(lines[2]).toBe("Filter: Målgrupp: Missbruk, beroende");
    const quoted = toSwedishExcelCsv(
      aTable({ filters: 'Målgrupp: "A"; B', rows: [["rad\r\nbrytning", 1]] }),
      "2025-06-30",
    ).split("\r\n");
    expect(quoted[2]).toBe('"Filter: Målgrupp: ""A""; B"');
    expect(quoted.slice(6, 8).join("\r\n")).toBe('"rad\r\nbrytning";1');
  });

  it("says whose figures they are, like the other formats", () => {
    expect(lines[1]).toBe("Omfattning: Södertälje kommun");
  });
});

describe("number formats for Excel", () => {
  it("formats shares as percent with the page's decimals and counts as whole numbers", () => {
    expect(numberFormat({ share: 0.72, digits: 1 })).toBe("0.0%");
    expect(numberFormat({ share: 0.5, digits: 0 })).toBe("0%");
    expect(numberFormat(1687)).toBe("#,##0");
    expect(numberFormat(12.5)).toBe("#,##0.0");
  });

  it("exports a percent cell as its share, shown as the page shows it", () => {
    const cell = percentCell(0.7222222222222222, 1);
    expect(cell.export).toEqual({ share: 0.7222222222222222, digits: 1 });
    expect(cell.text).toBe("72,2\u00a0%");
    expect(cell.sort).toBe(0.7222222222222222);
  });
});
