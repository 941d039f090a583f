import { z } from "zod";
import type { EventType } from "./case";
import { defaultTargetGroups, type Municipality, stockholmsLan } from "./catalogues";
import type {
  AgeGroup,
  IsoDate,
  MunicipalityCode,
  OrganisationCode,
  PrincipalType,
  ProcessCode,
  TargetGroupCode,
  UnitCode,
} from "./codes";
import {
  isRejection,
  member,
  municipalityIn,
  optional,
  type Parser,
  parsers,
  readText,
  required,
  rowEventShapes,
} from "./fields";
import { type ImportErrorCode, importErrorCodes } from "./import-error-codes";
import { defaultProcessModels } from "./process-models";
import { containsIdentifier } from "./screen-identifiers";

/**
 * The interchange format of SPEC ("Interchange format"): three CSV files, their exact header rows,
 * and one zod schema per row. Pure: the importer in packages/db streams the files, feeds each
 * record (column → text) to these schemas, and checks what needs other rows or the database
 * (unknown case, unknown unit, step of the case's process) in SQL.
 */
export const interchangeFiles = ["units", "cases", "events"] as const;
export type InterchangeFile = (typeof interchangeFiles)[number];

export const interchangeFileNames: Readonly<Record<InterchangeFile, string>> = {
  units: "units.csv",
  cases: "cases.csv",
  events: "events.csv",
};

export const interchangeColumns = {
  units: [
    "unit_code",
    "unit_name",
    "organisation_code",
    "organisation_name",
    "principal_type",
    "municipality_code",
  ],
  cases: [
    "case_ref",
    "process",
    "target_group",
    "age_group",
    "municipality_code",
    "opened_on",
    "initiating_unit",
  ],
  events: ["case_ref", "occurred_at", "type", "step", "unit_code", "value"],
} as const satisfies Record<InterchangeFile, readonly string[]>;

export { type ImportErrorCode, importErrorCodes } from "./import-error-codes";

/**
 * What an import tolerated and did differently from SPEC's format, said in its report; each has
 * a message `import.notice.<code>`.
 */
export const importNoticeCodes = ["semicolonSeparated", "windows1252"] as const;
export type ImportNoticeCode = (typeof importNoticeCodes)[number];

/** The catalogues a row is checked against: what is stored (counties edit them), not the defaults. */
export interface InterchangeCatalogue {
  /** Process code → its step numbers. */
  readonly processSteps: ReadonlyMap<string, ReadonlySet<number>>;
  readonly targetGroups: ReadonlySet<string>;
  readonly municipalities: ReadonlySet<string>;
}

export function catalogueOf(
  processes: readonly { readonly code: string; readonly steps: readonly { number: number }[] }[],
  targetGroups: readonly { readonly code: string }[],
  municipalities: readonly Pick<Municipality, "code">[],
): InterchangeCatalogue {
  return {
    processSteps: new Map(processes.map((p) => [p.code, new Set(p.steps.map((s) => s.number))])),
    targetGroups: new Set(targetGroups.map((g) => g.code)),
    municipalities: new Set(municipalities.map((m) => m.code)),
  };
}

export const defaultInterchangeCatalogue: InterchangeCatalogue = catalogueOf(
  defaultProcessModels,
  defaultTargetGroups,
  stockholmsLan,
);

export interface UnitRow {
  readonly unitCode: UnitCode;
  readonly unitName: string;
  readonly organisationCode: OrganisationCode;
  readonly organisationName: string;
  readonly principalType: PrincipalType;
  readonly municipalityCode: MunicipalityCode | null;
}

export interface CaseRow {
  /** The source system's ref: hashed by the importer, never stored. */
  readonly caseRef: string;
  readonly process: ProcessCode;
  readonly targetGroup: TargetGroupCode;
  readonly ageGroup: AgeGroup;
  readonly municipalityCode: MunicipalityCode;
  readonly openedOn: IsoDate;
  readonly initiatingUnit: UnitCode;
}

export interface EventRow {
  readonly caseRef: string;
  /** Epoch milliseconds; a date-only value is 00:00 Europe/Stockholm. */
  readonly occurredAt: number;
  readonly type: EventType;
  readonly step: number | null;
  readonly unitCode: UnitCode | null;
  readonly value: string | null;
}

/**
 * One rejected column of a row. `params` fill the message and never hold the rejected value;
 * `value` is the column's text as given (absent when empty or when screening found an
 * identifier in it: such a value is never repeated), and `allowed` the codes or values the
 * column takes, when it takes one of a known list.
 */
export interface RowIssue {
  readonly column: string;
  readonly code: ImportErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
  readonly value?: string;
  readonly allowed?: readonly string[];
}

export function rowIssues(error: z.ZodError): RowIssue[] {
  return error.issues.map((issue) => {
    const extra: Partial<IssueExtra> =
      "params" in issue && isObject(issue.params) ? issue.params : {};
    const code = importErrorCodes.find((c) => c === issue.message) ?? "badValue";
    const value = code === "identifier" ? undefined : extra.value;
    return {
      column: String(issue.path[0] ?? ""),
      // Every issue comes from `columnReader`, whose message is a code; the fallback is a guard.
      code,
      params: extra.params ?? {},
      ...(value === undefined || containsIdentifier(value) ? {} : { value }),
      ...(extra.allowed === undefined ? {} : { allowed: extra.allowed }),
    };
  });
}

/** What `columnReader` hands on in a zod issue's `params`. */
interface IssueExtra {
  readonly params: Readonly<Record<string, string | number>>;
  readonly value: string;
  readonly allowed: readonly string[];
}

function isObject(x: unknown): x is Partial<IssueExtra> {
  return typeof x === "object" && x !== null;
}

export function unitRowSchema(catalogue: InterchangeCatalogue) {
  const municipality = municipalityIn(catalogue.municipalities);
  const requiredMunicipality = required(municipality);
  const optionalMunicipality = optional(municipality);
  return rawRow(interchangeColumns.units).transform((raw, ctx): UnitRow => {
    const read = columnReader(raw, ctx);
    const type = read("principal_type", parsers.principalType);
    // SPEC: an organisation has a municipality when it is a kommun or a skola.
    const needsMunicipality = type === "kommun" || type === "skola";
    const row = {
      unitCode: read("unit_code", parsers.unitCode),
      unitName: read("unit_name", parsers.name),
      organisationCode: read("organisation_code", parsers.organisationCode),
      organisationName: read("organisation_name", parsers.name),
      principalType: type,
      municipalityCode: read(
        "municipality_code",
        needsMunicipality ? requiredMunicipality : optionalMunicipality,
      ),
    };
    return complete(row);
  });
}

export function caseRowSchema(catalogue: InterchangeCatalogue) {
  const process = required(member(catalogue.processSteps) as Parser<ProcessCode>);
  const targetGroup = required(member(catalogue.targetGroups) as Parser<TargetGroupCode>);
  const municipality = required(municipalityIn(catalogue.municipalities));
  return rawRow(interchangeColumns.cases).transform((raw, ctx): CaseRow => {
    const read = columnReader(raw, ctx);
    const row = {
      caseRef: read("case_ref", parsers.caseRef),
      process: read("process", process),
      targetGroup: read("target_group", targetGroup),
      ageGroup: read("age_group", parsers.ageGroup),
      municipalityCode: read("municipality_code", municipality),
      openedOn: read("opened_on", parsers.date),
      initiatingUnit: read("initiating_unit", parsers.unitCode),
    };
    return complete(row);
  });
}

/**
 * An event row. Which of `step`, `unit_code` and `value` a type carries is SPEC's table; the others
 * must be empty, so that the same event always has the same identity on re-import. Whether the
 * step belongs to the case's process needs the case, so the importer checks that in SQL.
 */
export function eventRowSchema() {
  return rawRow(interchangeColumns.events).transform((raw, ctx): EventRow => {
    const read = columnReader(raw, ctx);
    const type = read("type", parsers.eventType);
    const shape = type === undefined ? undefined : rowEventShapes[type];
    const row = {
      caseRef: read("case_ref", parsers.caseRef),
      occurredAt: read("occurred_at", parsers.occurredAt),
      type,
      step: shape === undefined ? null : read("step", shape.step),
      unitCode: shape === undefined ? null : read("unit_code", shape.unitCode),
      value: shape === undefined ? null : read("value", shape.value),
    };
    return complete(row);
  });
}

// ---- column readers -------------------------------------------------------------------------

function rawRow<const C extends readonly string[]>(columns: C) {
  return z.object(
    Object.fromEntries(columns.map((c) => [c, z.string()])) as { [K in C[number]]: z.ZodString },
  );
}

type Reader = <T>(column: string, parse: Parser<T>) => T | undefined;

/**
 * Reads columns of one raw row, adding an issue per rejected column. Every column is screened
 * for personnummer and samordningsnummer before anything else looks at it (`readText`).
 */
function columnReader(raw: Readonly<Record<string, string>>, ctx: z.RefinementCtx): Reader {
  return (column, parse) => {
    const text = raw[column] ?? "";
    const result = readText(text, parse);
    if (!isRejection(result)) return result;
    // An identifier's text goes no further than this function: the error says only that it was one.
    const extra: Partial<IssueExtra> = {
      ...(result.params === undefined ? {} : { params: result.params }),
      ...(result.reject === "identifier" || text === "" ? {} : { value: text }),
      ...(result.allowed === undefined ? {} : { allowed: result.allowed }),
    };
    ctx.addIssue({ code: "custom", path: [column], message: result.reject, params: extra });
    return undefined;
  };
}

/**
 * The row once every column parsed. A column is undefined only when `columnReader` added an issue
 * for it, and zod discards a transform's value when it has issues, so no undefined escapes.
 */
function complete<T>(row: { [K in keyof T]: T[K] | undefined }): T {
  return row as T;
}
