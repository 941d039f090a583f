import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type InterchangeFile, interchangeColumns, interchangeFileNames } from "@samsyn/domain";

/**
 * Builders for interchange rows (SPEC "Interchange format"): sensible defaults from the default
 * catalogues, overridden per test. Values are the CSV texts exactly as written.
 */
export type UnitRecord = Record<(typeof interchangeColumns.units)[number], string>;
export type CaseRecord = Record<(typeof interchangeColumns.cases)[number], string>;
export type EventRecord = Record<(typeof interchangeColumns.events)[number], string>;

export function aUnit(overrides: Partial<UnitRecord> = {}): UnitRecord {
  return {
    unit_code: "stockholm_socialtjanst",
    unit_name: "Socialtjänsten Stockholm",
    organisation_code: "stockholms_stad",
    organisation_name: "Stockholms stad",
    principal_type: "kommun",
    municipality_code: "0180",
    ...overrides,
  };
}

/** A region unit: no municipality. */
export function aRegionUnit(overrides: Partial<UnitRecord> = {}): UnitRecord {
  return aUnit({
    unit_code: "rs_beroende",
    unit_name: "Beroendecentrum Stockholm",
    organisation_code: "region_stockholm",
    organisation_name: "Region Stockholm",
    principal_type: "region",
    municipality_code: "",
    ...overrides,
  });
}

export function aCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    case_ref: "ARENDE-0001",
    process: "intern_samsjuklighet",
    target_group: "samsjuklighet",
    age_group: "vuxen",
    municipality_code: "0180",
    opened_on: "2024-03-01",
    initiating_unit: "stockholm_socialtjanst",
    ...overrides,
  };
}

export function anEvent(overrides: Partial<EventRecord> = {}): EventRecord {
  return {
    case_ref: "ARENDE-0001",
    occurred_at: "2024-03-01",
    type: "step",
    step: "1",
    unit_code: "",
    value: "",
    ...overrides,
  };
}

/** `step` events for `steps`, one day apart from `from`. */
export function stepEvents(caseRef: string, from: string, steps: readonly number[]): EventRecord[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return steps.map((step, i) =>
    anEvent({
      case_ref: caseRef,
      occurred_at: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
      step: String(step),
    }),
  );
}

/** A file's content: rows under the SPEC header, or literal text for a broken file. */
export type FileContent = readonly Readonly<Record<string, string>>[] | { readonly text: string };

export type InterchangeFiles = Partial<Record<InterchangeFile, FileContent | null>>;

/**
 * Writes an interchange directory. A file left out is written header-only; `null` leaves it
 * out of the directory entirely.
 */
export async function writeInterchange(files: InterchangeFiles, dir?: string): Promise<string> {
  const target = dir ?? (await mkdtemp(join(tmpdir(), "samsyn-import-")));
  await mkdir(target, { recursive: true });
  for (const file of ["units", "cases", "events"] as const) {
    const content = files[file] === undefined ? [] : files[file];
    if (content === null) continue;
    await writeFile(join(target, interchangeFileNames[file]), render(file, content));
  }
  return target;
}

/** How a spreadsheet saves CSV: Excel's "CSV (semikolonavgränsad)" is `;` in Windows-1252. */
export interface SpreadsheetCsv {
  readonly delimiter: "," | ";";
  readonly encoding: "utf-8" | "windows-1252";
  /** Excel's "CSV UTF-8" starts with a byte order mark. */
  readonly bom?: boolean;
}

/**
 * Writes an interchange directory as a spreadsheet saves it (CRLF line ends, as Excel and Calc
 * write them on Windows). A file left out is written header-only.
 */
export async function writeSpreadsheetInterchange(
  files: Partial<Record<InterchangeFile, readonly Readonly<Record<string, string>>[]>>,
  csv: SpreadsheetCsv,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "samsyn-sheet-"));
  for (const file of ["units", "cases", "events"] as const) {
    const text = (csv.bom ? "\uFEFF" : "") + render(file, files[file] ?? [], csv.delimiter);
    const bytes = csv.encoding === "utf-8" ? Buffer.from(text, "utf8") : windows1252(text);
    await writeFile(join(dir, interchangeFileNames[file]), bytes);
  }
  return dir;
}

/** Latin-1 and the few Windows-1252 letters tests use; anything else is a mistake in the test. */
function windows1252(text: string): Buffer {
  const extra: Readonly<Record<string, number>> = { "€": 0x80, "–": 0x96, "”": 0x94, "’": 0x92 };
  return Buffer.from(
    [...text].map((char) => {
      const code = extra[char] ?? char.charCodeAt(0);
      const isC1 = code >= 0x80 && code < 0xa0 && extra[char] === undefined;
      if (code > 0xff || isC1) throw new Error(`not in Windows-1252: ${char}`);
      return code;
    }),
  );
}

function render(file: InterchangeFile, content: FileContent, delimiter = ","): string {
  if ("text" in content) return content.text;
  const columns = interchangeColumns[file];
  const field = (value: string) => quote(value, delimiter);
  const lines = [
    columns.join(delimiter),
    ...content.map((row) => columns.map((c) => field(row[c] ?? "")).join(delimiter)),
  ];
  return `${lines.join("\r\n")}\r\n`;
}

function quote(value: string, delimiter: string): string {
  const special = /["\r\n]/.test(value) || value.includes(delimiter);
  return special ? `"${value.replaceAll('"', '""')}"` : value;
}
