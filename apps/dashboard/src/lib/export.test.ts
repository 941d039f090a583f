import { describe, expect, it } from "vitest";
import { fileName, type TableExport, toCsv } from "./export";

const aTable = (overrides: Partial<TableExport> = {}): TableExport => ({
  title: "Pågående ärenden per kommun",
  filters: "Målgrupp: Missbruk, beroende",
  columns: ["Kommun", "Antal ärenden"],
  rows: [
    ["Nacka", 12],
    ['Sol"na', ".."],
  ],
  ...overrides,
});

describe("CSV export", () => {
  it("starts with title, filters and date, then the table, quoting per RFC 4180", () => {
    const csv = toCsv(aTable(), "2025-06-30");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("Pågående ärenden per kommun");
    expect(lines[1]).toBe('"Filter: Målgrupp: Missbruk, beroende"');
    expect(lines[2]).toBe("Skapad 2025-06-30");
    expect(lines[3]).toBe("");
    expect(lines[4]).toBe("Kommun,Antal ärenden");
    expect(lines[5]).toBe("Nacka,12");
    expect(lines[6]).toBe('"Sol""na",..');
  });

  it("explains the table in the file, a line per note, before the table", () => {
    const notes = ["Andel = fastnade delat med pågående.", "”..” betyder färre än 5 ärenden"];
    const lines = toCsv(aTable({ notes }), "2025-06-30").split("\r\n");
    expect(lines[3]).toBe("Andel = fastnade delat med pågående.");
    expect(lines[4]).toBe("”..” betyder färre än 5 ärenden");
    expect(lines[5]).toBe("");
    expect(lines[6]).toBe("Kommun,Antal ärenden");
  });

  it("names the file after the table and the date, without å, ä, ö", () => {
    expect(fileName("Pågående ärenden per kommun", "2025-06-30", "csv")).toBe(
      "samsyn-pagaende-arenden-per-kommun-2025-06-30.csv",
    );
  });
});
