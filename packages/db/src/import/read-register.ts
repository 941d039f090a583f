import {
  type RegisterFile,
  type RegisterIssue,
  type RegisterRow,
  readRegisterHeader,
  readRegisterRow,
} from "@samsyn/domain";
import { CsvError, parse } from "csv-parse/sync";
import { sniffCsvBytes } from "./read-csv";

/**
 * The file's rows, read with the case import's tolerances (README "Import tolerances"): a BOM,
 * CRLF, blank lines, semicolons, Windows-1252.
 */
export function readRegisterCsv(file: Uint8Array): RegisterFile {
  const format = sniffCsvBytes(file);
  if ("unreadable" in format) {
    return { issues: [{ line: null, column: null, message: "import.error.badEncoding" }] };
  }
  const text = new TextDecoder(format.encoding).decode(file);
  let records: { line: number; values: string[] }[];
  try {
    records = parseRecords(text, format.delimiter);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? null;
    return { issues: [{ line, column: null, message: "import.error.malformedCsv" }] };
  }
  const [header, ...body] = records;
  if (header === undefined) {
    return { issues: [{ line: null, column: null, message: "agreements.register.empty" }] };
  }
  const columns = readRegisterHeader(header.values);
  if ("issues" in columns) return columns;
  const rows: RegisterRow[] = [];
  const issues: RegisterIssue[] = [];
  for (const record of body) {
    const row = readRegisterRow(record, columns);
    if ("issues" in row) issues.push(...row.issues);
    else rows.push(row);
  }
  return issues.length > 0 ? { issues } : { rows };
}

function parseRecords(text: string, delimiter: string): { line: number; values: string[] }[] {
  const parsed = parse(text, {
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  // `info.lines` is the line a record ends on; a quoted line break makes it start earlier.
  return parsed.map(({ record, info }) => ({
    line: info.lines - lineBreaksIn(record),
    values: record,
  }));
}

function lineBreaksIn(values: readonly string[]): number {
  return values.reduce((n, value) => n + (value.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
}
