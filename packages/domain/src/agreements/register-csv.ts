import type { IsoDate, MunicipalityCode, OrganisationCode, TargetGroupCode } from "../codes";
import { isRejection, optional, type Parser, type Rejection, readText, required } from "../fields";
import { type Locale, type MessageKey, t } from "../messages";
import { echoable } from "../screen-identifiers";
import { csvField, withoutFormula } from "../spreadsheet";
import { isRealDate } from "../time";
import {
  type Agreement,
  type AgreementFields,
  type AgreementSection,
  type AgreementStatus,
  agreementLevels,
  agreementStatuses,
  type SectionKind,
  sectionKinds,
} from "./agreement";
import { sortedSet } from "./decide";
import { firstReviewBy } from "./review";

/**
 * The register as a CSV file (issue 17): one row per agreement, JSON-free so that a länsgrupp
 * can edit it in a spreadsheet. Lists are codes separated by "|"; sections are column triples
 * `section_N_kind, section_N_title, section_N_text`, as many as the longest agreement needs.
 * Column names follow the interchange format's snake_case (SPEC "Interchange format").
 */
export const registerColumns = [
  "id",
  "title",
  "level",
  "status",
  "parties",
  "target_groups",
  "municipalities",
  "valid_from",
  "valid_to",
  "review_by",
  "document_url",
  "revision",
  "replaced_by",
] as const;
export type RegisterColumn = (typeof registerColumns)[number];

const sectionParts = ["kind", "title", "text"] as const;
const sectionColumn = /^section_([1-9]\d{0,1})_(kind|title|text)$/;
/** As many as the API takes (`sections` max 50). */
const maxSections = 50;
const listSeparator = "|";

export function sectionColumns(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    sectionParts.map((part) => `section_${i + 1}_${part}`),
  ).flat();
}

/** The header of an export: the register's columns, then one triple per section (at least one). */
export function registerHeader(sectionCount: number): string[] {
  return [...registerColumns, ...sectionColumns(Math.max(1, sectionCount))];
}

/** An agreement as the cells of its row, under `registerHeader(sectionCount)`; not yet neutralised. */
export function registerRow(agreement: Agreement, sectionCount: number): string[] {
  const cells: Record<RegisterColumn, string> = {
    id: agreement.id,
    title: agreement.title,
    level: agreement.level,
    status: agreement.status,
    parties: agreement.parties.join(listSeparator),
    target_groups: agreement.targetGroups.join(listSeparator),
    municipalities: agreement.municipalities.join(listSeparator),
    valid_from: agreement.validFrom,
    valid_to: agreement.validTo ?? "",
    review_by: agreement.reviewBy,
    document_url: agreement.documentUrl ?? "",
    revision: String(agreement.revision),
    replaced_by: agreement.replacedBy ?? "",
  };
  const sections = Array.from({ length: Math.max(1, sectionCount) }, (_, i) => {
    const section = agreement.sections[i];
    return section === undefined ? ["", "", ""] : [section.kind, section.title, section.text];
  }).flat();
  return [...registerColumns.map((column) => cells[column]), ...sections];
}

/**
 * OWASP's CSV injection advice: a cell a spreadsheet would run as a formula (= + - @, tab, CR)
 * gets a leading apostrophe. A text that already starts with one gets another, so that
 * `fromSpreadsheetText` can take exactly one off and every text reads back as it was written.
 */
export function spreadsheetText(text: string): string {
  return text.startsWith("'") ? `'${text}` : withoutFormula(text);
}

/** The text `spreadsheetText` was given: one leading apostrophe taken off. */
export function fromSpreadsheetText(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/**
 * The register as RFC 4180 CSV: UTF-8 with a BOM (so that Excel reads å, ä and ö), CRLF line
 * ends, every cell neutralised.
 */
export function registerCsv(agreements: readonly Agreement[]): string {
  const sectionCount = Math.max(0, ...agreements.map((a) => a.sections.length));
  const lines = [
    registerHeader(sectionCount),
    ...agreements.map((a) => registerRow(a, sectionCount)),
  ].map((cells) => cells.map((cell) => csvField(spreadsheetText(cell))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** One problem with the file: where (line 1 is the header; null for the whole file) and why. */
export interface RegisterIssue {
  readonly line: number | null;
  readonly column: string | null;
  readonly message: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
  /** The values the column takes, when it takes one of a list. */
  readonly allowed?: readonly string[];
}

/** An issue as the user reads it: "Rad 3, kolumn parties: …", Swedish unless asked for English. */
export function registerIssueText(issue: RegisterIssue, locale: Locale = "sv"): string {
  const reason = [t(issue.message, { ...issue.params }, locale)];
  if (issue.allowed !== undefined && issue.allowed.length > 0) {
    reason.push(t("import.valid_codes", { codes: issue.allowed.join(", ") }, locale));
  }
  const where =
    issue.line === null
      ? t("agreements.register.inFile", {}, locale)
      : issue.column === null
        ? t("agreements.register.atLine", { line: issue.line }, locale)
        : t("agreements.register.atCell", { line: issue.line, column: issue.column }, locale);
  return `${where}: ${reason.join(" ")}`;
}

/** A row read from the file: the agreement it describes, and how it names a stored one. */
export interface RegisterRow {
  readonly line: number;
  /** The stored agreement the row is; null: a new one (or one with exactly these contents). */
  readonly id: string | null;
  /** The revision the row was exported at; compared only when the row changes a stored agreement. */
  readonly revision: number | null;
  readonly status: AgreementStatus;
  readonly replacedBy: string | null;
  readonly fields: AgreementFields;
}

/** A register file as read: its rows, or every problem that keeps it from being read. */
export type RegisterFile =
  | { readonly rows: readonly RegisterRow[] }
  | { readonly issues: readonly RegisterIssue[] };

export interface CsvRecord {
  readonly line: number;
  readonly values: readonly string[];
}

/** The header's columns by position, or the issues that make the file unreadable as a register. */
export function readRegisterHeader(
  header: readonly string[],
): { columns: readonly string[]; sectionCount: number } | { issues: RegisterIssue[] } {
  const columns = header.map((name) => name.trim());
  const issues: RegisterIssue[] = [];
  let sectionCount = 0;
  for (const column of columns) {
    const section = sectionColumn.exec(column);
    if (section) sectionCount = Math.max(sectionCount, Number(section[1]));
    else if (!(registerColumns as readonly string[]).includes(column)) {
      // The header is the client's text: repeated only as `echoable` allows (no personnummer).
      issues.push({
        line: 1,
        column: echoable(column),
        message: "agreements.register.unknownColumn",
        params: { columns: registerColumns.join(", ") },
      });
    }
  }
  const expected = [...registerColumns, ...sectionColumns(sectionCount)];
  for (const column of expected.filter((c) => !columns.includes(c))) {
    issues.push({ line: 1, column, message: "agreements.register.missingColumn" });
  }
  if (sectionCount > maxSections) {
    issues.push({
      line: 1,
      column: null,
      message: "agreements.register.tooManySections",
      params: { max: maxSections },
    });
  }
  if (new Set(columns).size !== columns.length) {
    issues.push({ line: 1, column: null, message: "agreements.register.repeatedColumn" });
  }
  return issues.length > 0 ? { issues } : { columns, sectionCount };
}

/**
 * A record as a register row. Every text is screened for personnummer and samordningsnummer
 * before anything else reads it (SPEC "Privacy"); codes are checked against the catalogue later,
 * by the decider, as a form's are.
 */
export function readRegisterRow(
  record: CsvRecord,
  header: { readonly columns: readonly string[]; readonly sectionCount: number },
): RegisterRow | { issues: RegisterIssue[] } {
  const issues: RegisterIssue[] = [];
  const { line } = record;
  if (record.values.length !== header.columns.length) {
    return {
      issues: [
        {
          line,
          column: null,
          message: "import.error.columnCount",
          params: { expected: header.columns.length, actual: record.values.length },
        },
      ],
    };
  }
  // Texts are kept as written (a round trip must not lose a trailing line break); codes, dates
  // and numbers are trimmed by their parsers, as a spreadsheet's stray spaces are no content.
  const cell = (column: string) =>
    fromSpreadsheetText(record.values[header.columns.indexOf(column)] ?? "");
  const read = <T>(column: string, parse: (text: string | undefined) => T | Rejection) => {
    const parsed = readText(cell(column), parse);
    if (!isRejection(parsed)) return parsed;
    issues.push({
      line,
      column,
      message: `import.error.${parsed.reject}`,
      ...(parsed.params === undefined ? {} : { params: parsed.params }),
      ...(parsed.allowed === undefined ? {} : { allowed: parsed.allowed }),
    });
    return undefined;
  };
  const id = read("id", optional(uuid));
  const title = read("title", required(text(300)));
  const level = read("level", required(oneOf(agreementLevels)));
  const status = read("status", required(oneOf(agreementStatuses)));
  const parties = read("parties", required(codeList<OrganisationCode>()));
  const targetGroups = read("target_groups", required(codeList<TargetGroupCode>()));
  const municipalities = read("municipalities", required(codeList<MunicipalityCode>()));
  const validFrom = read("valid_from", required(date));
  const validTo = read("valid_to", optional(date));
  const reviewBy = read("review_by", optional(date));
  const documentUrl = read("document_url", optional(url));
  const revision = read("revision", optional(positiveInteger));
  const replacedBy = read("replaced_by", optional(uuid));
  const sections: AgreementSection[] = [];
  for (let n = 1; n <= header.sectionCount; n++) {
    const section = readSection(n, read, cell);
    if (section === "incomplete") {
      issues.push({ line, column: `section_${n}_kind`, message: "import.error.required" });
    } else if (section !== undefined) sections.push(section);
  }
  if (
    issues.length > 0 ||
    id === undefined ||
    title === undefined ||
    level === undefined ||
    status === undefined ||
    parties === undefined ||
    targetGroups === undefined ||
    municipalities === undefined ||
    validFrom === undefined ||
    validTo === undefined ||
    reviewBy === undefined ||
    documentUrl === undefined ||
    revision === undefined ||
    replacedBy === undefined
  ) {
    return { issues };
  }
  return {
    line,
    id,
    revision,
    status,
    replacedBy,
    fields: {
      title,
      level,
      parties: sortedSet(parties),
      targetGroups: sortedSet(targetGroups),
      municipalities: sortedSet(municipalities),
      validFrom,
      validTo,
      reviewBy: reviewBy ?? firstReviewBy(validFrom),
      documentUrl,
      sections,
    },
  };
}

type Read = <T>(
  column: string,
  parse: (text: string | undefined) => T | Rejection,
) => T | undefined;

/** An empty triple is no section; a title or text without a kind is an incomplete one. */
function readSection(
  n: number,
  read: Read,
  cell: (column: string) => string,
): AgreementSection | "incomplete" | undefined {
  const [kindColumn, titleColumn, textColumn] = sectionColumns(n).slice(-3) as [
    string,
    string,
    string,
  ];
  const blank = (column: string) => cell(column).trim() === "";
  if (blank(kindColumn) && blank(titleColumn) && blank(textColumn)) {
    return undefined;
  }
  if (blank(kindColumn)) return "incomplete";
  const kind = read(kindColumn, required(oneOf<SectionKind>(sectionKinds)));
  const title = read(titleColumn, required(text(200)));
  const body = read(textColumn, optional(text(20_000)));
  if (kind === undefined || title === undefined || body === undefined) return undefined;
  return { kind, title, text: body ?? "" };
}

function text(max: number): Parser<string> {
  return (value = "") => {
    if (value.length > max) return { reject: "tooLong", params: { max } };
    return value.includes("\u0000") ? { reject: "badValue" } : value;
  };
}

function oneOf<T extends string>(values: readonly T[]): Parser<T> {
  return (value = "") =>
    (values as readonly string[]).includes(value.trim())
      ? (value.trim() as T)
      : { reject: "unknownCode", allowed: values };
}

function codeList<T extends string>(): Parser<T[]> {
  return (value = "") => {
    const codes = value.split(listSeparator).map((code) => code.trim());
    if (codes.some((code) => !/^[A-Za-z0-9_-]{1,64}$/.test(code))) return { reject: "badCode" };
    return codes as T[];
  };
}

function date(value = ""): IsoDate | Rejection {
  return isRealDate(value.trim()) ? (value.trim() as IsoDate) : { reject: "badDate" };
}

function url(value = ""): string | Rejection {
  const trimmed = value.trim();
  return /^https?:\/\/\S+$/.test(trimmed) && trimmed.length <= 2000
    ? trimmed
    : { reject: "badValue" };
}

function positiveInteger(value = ""): number | Rejection {
  return /^[1-9]\d{0,8}$/.test(value.trim()) ? Number(value) : { reject: "badValue" };
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function uuid(value = ""): string | Rejection {
  const lower = value.trim().toLowerCase();
  return uuidShape.test(lower) ? lower : { reject: "badValue" };
}
