import { z } from "zod";
import { consentValues, type EventType, eventTypes, participationValues, sipValues } from "./case";
import { defaultTargetGroups, type Municipality, stockholmsLan } from "./catalogues";
import {
  type AgeGroup,
  ageGroup,
  type IsoDate,
  type MunicipalityCode,
  type OrganisationCode,
  organisationCode,
  type PrincipalType,
  type ProcessCode,
  principalType,
  type TargetGroupCode,
  type UnitCode,
  unitCode,
} from "./codes";
import { defaultProcessModels } from "./process-models";
import { containsIdentifier } from "./screen-identifiers";
import { isRealDate, parseOccurredAt } from "./time";

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

/** Why a row, a file or a reference was rejected; each has a message `import.error.<code>`. */
export const importErrorCodes = [
  "missingFile",
  "badHeader",
  "malformedCsv",
  // Neither UTF-8 nor Windows-1252 (UTF-16, say): no text of it can be trusted.
  "badEncoding",
  "columnCount",
  "required",
  "tooLong",
  "identifier",
  "badCode",
  "unknownCode",
  // A spreadsheet that read kommunkod 0180 as the number 180: said rather than guessed.
  "missingLeadingZero",
  // U+FFFD stands for text lost before the file reached Samsyn; it is never stored.
  "replacementCharacter",
  "badDate",
  "badTimestamp",
  "badStep",
  "mustBeEmpty",
  "badValue",
  "unknownCase",
  // A ref names a case within its organisation: one that two organisations' cases share, both
  // in the caller's sight, does not say which case an event belongs to.
  "ambiguousCase",
  "unknownUnit",
  "stepNotInProcess",
  "conflictingCase",
  "conflictingUnit",
  "conflictingOrganisation",
  // Only for an import limited to the caller's organisations (a samordnare's). A stored case
  // out of the caller's sight is an `unknownCase`: a code of its own would tell that it exists.
  "organisationOutsideScope",
  "unitOutsideScope",
  "consentRequired",
] as const;
export type ImportErrorCode = (typeof importErrorCodes)[number];

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
  const municipality = municipalityIn(catalogue);
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
  const municipality = required(municipalityIn(catalogue));
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
    const shape = type === undefined ? undefined : eventShapes[type];
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

/** Built once: a schema parses a million rows, and building parsers per row is what costs. */
const parsers = {
  unitCode: required(code(unitCode)),
  organisationCode: required(code(organisationCode)),
  name: required(text(200)),
  caseRef: required(text(128)),
  principalType: required(oneOf(principalType)),
  ageGroup: required(oneOf(ageGroup)),
  eventType: required(oneOf(z.enum(eventTypes))),
  date: required(date),
  occurredAt: required(timestamp),
};

interface EventShape {
  readonly step: Parser<number | null>;
  readonly unitCode: Parser<UnitCode | null>;
  readonly value: Parser<string | null>;
}

const none = empty();

const eventShapes: Readonly<Record<EventType, EventShape>> = {
  step: { step: required(stepNumber), unitCode: none, value: none },
  lead: { step: none, unitCode: parsers.unitCode, value: none },
  join: { step: none, unitCode: parsers.unitCode, value: none },
  leave: { step: none, unitCode: parsers.unitCode, value: none },
  consent: { step: none, unitCode: none, value: required(oneOfValues(consentValues)) },
  sip: { step: none, unitCode: none, value: required(oneOfValues(sipValues)) },
  participation: {
    step: required(stepNumber),
    unitCode: none,
    value: required(oneOfValues(participationValues)),
  },
  // A close reason is free text: any non-empty text, screened like every other.
  close: { step: none, unitCode: none, value: required(text(500)) },
  reopen: { step: none, unitCode: none, value: none },
};

// ---- column parsers -------------------------------------------------------------------------

interface Rejection {
  readonly reject: ImportErrorCode;
  readonly params?: Readonly<Record<string, string | number>>;
  /** The codes or values the column takes, when it is one of a list. */
  readonly allowed?: readonly string[];
}

/** Parses one non-empty, already screened column text; `undefined` when the column is empty. */
type Parser<T> = (text: string | undefined) => T | Rejection;

function isRejection(x: unknown): x is Rejection {
  return typeof x === "object" && x !== null && "reject" in x;
}

function rawRow<const C extends readonly string[]>(columns: C) {
  return z.object(
    Object.fromEntries(columns.map((c) => [c, z.string()])) as { [K in C[number]]: z.ZodString },
  );
}

type Reader = <T>(column: string, parse: Parser<T>) => T | undefined;

/**
 * Reads columns of one raw row, adding an issue per rejected column. Every column is screened
 * for personnummer and samordningsnummer before anything else looks at it (SPEC "Privacy").
 */
function columnReader(raw: Readonly<Record<string, string>>, ctx: z.RefinementCtx): Reader {
  return (column, parse) => {
    const text = raw[column] ?? "";
    const result = containsIdentifier(text)
      ? { reject: "identifier" as const }
      : text.includes("\uFFFD")
        ? { reject: "replacementCharacter" as const }
        : parse(text === "" ? undefined : text);
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

function required<T>(parse: Parser<T>): Parser<T> {
  return (text) => (text === undefined ? { reject: "required" } : parse(text));
}

function optional<T>(parse: Parser<T>): Parser<T | null> {
  return (text) => (text === undefined ? null : parse(text));
}

function empty(): Parser<null> {
  return (text) => (text === undefined ? null : { reject: "mustBeEmpty" });
}

function text(max: number): Parser<string> {
  return (value = "") => {
    if (value.trim() === "") return { reject: "required" };
    if (value.length > max) return { reject: "tooLong", params: { max } };
    // PostgreSQL text cannot hold NUL; reject it here rather than fail the whole import later.
    return value.includes("\u0000") ? { reject: "badValue" } : value;
  };
}

/** What `code` and `oneOf` need of a zod schema; keeps a branded output type in inference. */
interface SafeParser<T> {
  safeParse(value: string): z.ZodSafeParseResult<T>;
}

function code<T>(schema: SafeParser<T>): Parser<T> {
  return (value = "") => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : { reject: "badCode" };
  };
}

function oneOf<T>(schema: SafeParser<T> & { readonly options: readonly string[] }): Parser<T> {
  const rejection: Rejection = { reject: "unknownCode", allowed: schema.options };
  return (value = "") => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : rejection;
  };
}

function member(codes: ReadonlySet<string> | ReadonlyMap<string, unknown>): Parser<string> {
  const rejection: Rejection = { reject: "unknownCode", allowed: [...codes.keys()].sort() };
  return (value = "") => (codes.has(value) ? value : rejection);
}

/**
 * Kommunkoder have four digits, and those of Stockholms län and five other län begin with 0: a
 * spreadsheet that took the column for numbers wrote 0180 as 180. Such a code is refused, naming
 * the code it most likely was, rather than accepted: the import stores what the file says.
 */
function municipalityIn(catalogue: InterchangeCatalogue): Parser<MunicipalityCode> {
  const known = member(catalogue.municipalities) as Parser<MunicipalityCode>;
  return (value = "") => {
    const padded = `0${value}`;
    if (/^\d{3}$/.test(value) && catalogue.municipalities.has(padded)) {
      return { reject: "missingLeadingZero", params: { code: padded } };
    }
    return known(value);
  };
}

function oneOfValues(values: readonly string[]): Parser<string> {
  const rejection: Rejection = { reject: "badValue", allowed: values };
  return (value = "") => (values.includes(value) ? value : rejection);
}

function date(value = ""): IsoDate | Rejection {
  return isRealDate(value) ? (value as IsoDate) : { reject: "badDate" };
}

/**
 * Date-only values repeat across a file (a few thousand days in millions of rows), and their
 * Stockholm midnight is the costly case to compute, so those are remembered, within bounds.
 */
const midnights = new Map<string, number | undefined>();

function timestamp(value = ""): number | Rejection {
  let instant: number | undefined;
  if (value.length === 10) {
    instant = midnights.has(value) ? midnights.get(value) : parseOccurredAt(value);
    if (midnights.size > 20_000) midnights.clear();
    midnights.set(value, instant);
  } else {
    instant = parseOccurredAt(value);
  }
  return instant ?? { reject: "badTimestamp" };
}

/** Step numbers are stored as smallint. */
function stepNumber(value = ""): number | Rejection {
  const n = /^\d{1,5}$/.test(value) ? Number(value) : 0;
  return n >= 1 && n <= 32767 ? n : { reject: "badStep" };
}
