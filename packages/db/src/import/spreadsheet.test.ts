import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { selectRows } from "../queries/rows";
import { countSummary } from "../queries/summary";
import {
  aCase,
  anEvent,
  aRegionUnit,
  aUnit,
  resetData,
  type SpreadsheetCsv,
  stepEvents,
  testDatabases,
  useMigratedDatabase,
  writeInterchange,
  writeSpreadsheetInterchange,
} from "../testing";
import { type ImportReport, importDirectory } from "./import-directory";

const secret = "test-installation-secret";

/**
 * Files as a county's staff have them after a round trip through Excel or LibreOffice Calc:
 * names with å, ä and ö, a close reason with a comma and a semicolon in it.
 */
function county() {
  return {
    units: [
      aUnit({ unit_name: "Socialtjänsten Södermalm", organisation_name: "Stockholms stad" }),
      aRegionUnit({ unit_name: "Beroendecentrum Sköndal; öppenvård" }),
    ],
    cases: [aCase()],
    events: [
      ...stepEvents("ARENDE-0001", "2024-03-01", [1, 2]),
      anEvent({
        occurred_at: "2024-05-02",
        type: "close",
        step: "",
        value: "Åtgärd klar, avslutat",
      }),
    ],
  };
}

const added = { units: 2, cases: 1, events: 3 };
const stored = { organisations: 2, ...added };

const semicolon = { file: "units.csv", code: "semicolonSeparated" } as const;
const windows1252 = { file: "units.csv", code: "windows1252" } as const;

describe.each(testDatabases())("imports of spreadsheet CSV on $name", (target) => {
  const database = useMigratedDatabase(target);
  beforeEach(() => resetData(database().db));

  const importFrom = (dir: string): Promise<ImportReport> =>
    importDirectory(database(), { dir, secret });

  async function importAs(csv: SpreadsheetCsv): Promise<ImportReport> {
    return importFrom(await writeSpreadsheetInterchange(county(), csv));
  }

  it("reads Excel's 'CSV UTF-8' with semicolons, a BOM and CRLF, and says it was semicolons", async () => {
    const report = await importAs({ delimiter: ";", encoding: "utf-8", bom: true });
    expect(report).toMatchObject({ ok: true, added });
    expect(report.notices.map((n) => n.code)).toEqual([
      "semicolonSeparated",
      "semicolonSeparated",
      "semicolonSeparated",
    ]);
    expect(report.notices[0]).toEqual({
      ...semicolon,
      message:
        "Filen är semikolonavgränsad (som kalkylprogrammens ”CSV (semikolonavgränsad)”) och lästes så.",
    });
    expect(await names()).toEqual(expectedNames);
  });

  it("converts 'CSV (semikolonavgränsad)' in Windows-1252, says so, and stores no U+FFFD", async () => {
    const report = await importAs({ delimiter: ";", encoding: "windows-1252" });
    expect(report).toMatchObject({ ok: true, added });
    expect(report.notices.slice(0, 2)).toEqual([
      expect.objectContaining(semicolon),
      {
        ...windows1252,
        message:
          "Filen är inte UTF-8 utan Windows-1252 (som kalkylprogrammens ”CSV”) och konverterades till UTF-8.",
      },
    ]);
    expect(await names()).toEqual(expectedNames);
    expect(await replacementCharacters()).toBe(0);
    // The same rows in SPEC's own format are the same rows: nothing is added twice.
    const again = await importFrom(await writeInterchange(county()));
    expect(again).toMatchObject({
      ok: true,
      added: { units: 0, cases: 0, events: 0 },
      notices: [],
    });
    expect(await countSummary(database().db)).toEqual(stored);
  });

  it("reads a comma-separated Windows-1252 file too", async () => {
    const report = await importAs({ delimiter: ",", encoding: "windows-1252" });
    expect(report).toMatchObject({ ok: true, added });
    // cases.csv holds no letter outside ASCII: it is valid UTF-8 as it is.
    expect(report.notices.map((n) => [n.file, n.code])).toEqual([
      ["units.csv", "windows1252"],
      ["events.csv", "windows1252"],
    ]);
    expect(await names()).toEqual(expectedNames);
  });

  it("refuses text with U+FFFD, then stores exactly the corrected files", async () => {
    const lossy = county();
    lossy.units[0] = aUnit({ unit_name: "Socialtj\uFFFDnsten S\uFFFDdermalm" });
    const report = await importFrom(await writeInterchange(lossy));
    if (report.ok) throw new Error("expected the import to be rejected");
    expect(report.errors).toEqual([
      expect.objectContaining({
        file: "units.csv",
        line: 2,
        column: "unit_name",
        code: "replacementCharacter",
        value: "Socialtj\uFFFDnsten S\uFFFDdermalm",
      }),
    ]);
    expect(await countSummary(database().db)).toEqual({ ...zero, organisations: 0 });
    const corrected = await importAs({ delimiter: ";", encoding: "windows-1252" });
    expect(corrected).toMatchObject({ ok: true, added });
    expect(await countSummary(database().db)).toEqual(stored);
    expect(await replacementCharacters()).toBe(0);
  });

  it("names a kommunkod whose leading zero a spreadsheet dropped, then takes the corrected one", async () => {
    const files = county();
    files.cases = [aCase({ municipality_code: "180" })];
    const dir = await writeSpreadsheetInterchange(files, {
      delimiter: ";",
      encoding: "windows-1252",
    });
    const report = await importFrom(dir);
    if (report.ok) throw new Error("expected the import to be rejected");
    expect(report.errors).toEqual([
      {
        file: "cases.csv",
        line: 2,
        column: "municipality_code",
        code: "missingLeadingZero",
        value: "180",
        reason:
          "Okänd kod: kommunkoden saknar troligen en inledande nolla (0180). Kalkylprogram tar bort den när kolumnen läses som tal; formatera kolumnen som text och skriv koden med fyra siffror. Värdet i filen: ”180”.",
      },
    ]);
    expect(report.notices.map((n) => n.code)).toContain("windows1252");
    expect(await countSummary(database().db)).toEqual({ ...zero, organisations: 0 });
    expect(await importAs({ delimiter: ";", encoding: "windows-1252" })).toMatchObject({
      ok: true,
      added,
    });
    expect(await countSummary(database().db)).toEqual(stored);
  });

  it("keeps an unknown 3-digit code that no kommunkod explains an unknown code", async () => {
    const files = county();
    files.cases = [aCase({ municipality_code: "999" })];
    const report = await importFrom(await writeInterchange(files));
    expect(report).toMatchObject({ ok: false, errors: [{ code: "unknownCode", value: "999" }] });
  });

  it("refuses a file in neither UTF-8 nor Windows-1252, naming it", async () => {
    const dir = await writeInterchange(county());
    const header =
      "unit_code,unit_name,organisation_code,organisation_name,principal_type,municipality_code";
    await writeFile(join(dir, "units.csv"), Buffer.from(`\uFEFF${header}\r\n`, "utf16le"));
    const report = await importFrom(dir);
    if (report.ok) throw new Error("expected the import to be rejected");
    expect(report.errors).toEqual([
      expect.objectContaining({ file: "units.csv", line: null, column: null, code: "badEncoding" }),
    ]);
    expect(report.errors[0]?.reason).toMatch(/^Filen är varken UTF-8 eller Windows-1252/);
  });

  const zero = { units: 0, cases: 0, events: 0 };
  const expectedNames = [
    "Beroendecentrum Sköndal; öppenvård",
    "Region Stockholm",
    "Socialtjänsten Södermalm",
    "Stockholms stad",
    "Åtgärd klar, avslutat",
  ];

  /** Unit, organisation and close-reason texts, in code point order. */
  async function names(): Promise<string[]> {
    const found = await selectRows<{ name: string }>(
      database().db,
      sql`SELECT name FROM units UNION ALL SELECT name FROM organisations
          UNION ALL SELECT value FROM case_events WHERE type = 'close'`,
    );
    // Sorted here: the database's collation may sort Å among the A:s.
    return found.map((r) => r.name).sort();
  }

  async function replacementCharacters(): Promise<number> {
    const [found] = await selectRows<{ n: number }>(
      database().db,
      sql`SELECT ((SELECT count(*) FROM units WHERE strpos(name, ${"\uFFFD"}) > 0)
        + (SELECT count(*) FROM organisations WHERE strpos(name, ${"\uFFFD"}) > 0)
        + (SELECT count(*) FROM case_events WHERE strpos(value, ${"\uFFFD"}) > 0))::int AS n`,
    );
    return found?.n ?? -1;
  }
});
