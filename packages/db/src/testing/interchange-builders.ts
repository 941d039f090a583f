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

function render(file: InterchangeFile, content: FileContent): string {
  if ("text" in content) return content.text;
  const columns = interchangeColumns[file];
  const lines = [
    columns.join(","),
    ...content.map((row) => columns.map((c) => quote(row[c] ?? "")).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
