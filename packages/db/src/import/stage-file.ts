import { stat } from "node:fs/promises";
import {
  type InterchangeFile,
  interchangeColumns,
  interchangeFileNames,
  type RowIssue,
  rowIssues,
} from "@samsyn/domain";
import type { PgTable } from "drizzle-orm/pg-core";
import type { ImportErrors } from "./errors";
import {
  type CsvFormat,
  type CsvRecord,
  MalformedCsv,
  maxRecordBytes,
  readCsv,
  sniffCsv,
} from "./read-csv";
import type { BulkSession } from "./session";
import { copyTarget } from "./staging";

export interface ImportProgress {
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
  readonly totalBytes: number;
}

export type ProgressListener = (progress: ImportProgress) => void;

/** How often `onProgress` hears from a running file. */
export const progressEveryRows = 10_000;

/** The part of a zod row schema from @samsyn/domain that the stager uses. */
interface RowSchema<Row> {
  safeParse(
    raw: Readonly<Record<string, string>>,
  ): { success: true; data: Row } | { success: false; error: Parameters<typeof rowIssues>[0] };
}

/** How one file's rows become staging rows. */
export interface FileStager<Row> {
  readonly file: InterchangeFile;
  readonly schema: RowSchema<Row>;
  readonly table: PgTable;
  stageLine(line: number, row: Row): string;
  /** For a rejected row whose key is usable: a staging line with the key only. */
  keyLine?(
    line: number,
    raw: Readonly<Record<string, string>>,
    issues: readonly RowIssue[],
  ): string | undefined;
}

export interface StagedFile {
  /** Data rows read (the header not counted). */
  readonly rows: number;
  /** False when the file could not be read as a whole (bad header, broken CSV). */
  readonly readable: boolean;
}

export async function stageFile<Row>(
  session: BulkSession,
  path: string,
  stager: FileStager<Row>,
  errors: ImportErrors,
  onProgress: ProgressListener | undefined,
): Promise<StagedFile> {
  const totalBytes = (await stat(path)).size;
  const report = (rows: number, bytes: number) =>
    onProgress?.({ file: interchangeFileNames[stager.file], rows, bytes, totalBytes });
  const format = await sniffCsv(path);
  if ("unreadable" in format) {
    errors.add({ file: stager.file, line: null, column: null, code: "badEncoding" });
    report(0, totalBytes);
    return { rows: 0, readable: false };
  }
  if (format.delimiter === ";") errors.notice(stager.file, "semicolonSeparated");
  if (format.encoding === "windows-1252") errors.notice(stager.file, "windows1252");
  const writer = await session.copy(copyTarget(stager.table));
  let result: StagedFile = { rows: 0, readable: true };
  try {
    result = await stageRecords(path, format, stager, errors, writer.write, report);
  } catch (error) {
    if (!(error instanceof MalformedCsv)) throw error;
    errors.add(
      error.tooLong
        ? {
            file: stager.file,
            line: error.line,
            column: null,
            code: "lineTooLong",
            params: { max: maxRecordBytes },
          }
        : { file: stager.file, line: error.line, column: null, code: "malformedCsv" },
    );
    result = { rows: 0, readable: false };
  } finally {
    await writer.end();
  }
  report(result.rows, totalBytes);
  return result;
}

async function stageRecords<Row>(
  path: string,
  format: CsvFormat,
  stager: FileStager<Row>,
  errors: ImportErrors,
  write: (line: string) => Promise<void>,
  report: (rows: number, bytes: number) => void,
): Promise<StagedFile> {
  const columns: readonly string[] = interchangeColumns[stager.file];
  let header: "missing" | "ok" | "bad" = "missing";
  // Blank lines before the header are skipped, so it is not always line 1.
  let headerLine = 1;
  let rows = 0;
  for await (const record of readCsv(path, format)) {
    if (header === "missing") {
      headerLine = record.line;
      header = sameColumns(record.values, columns) ? "ok" : "bad";
      if (header === "bad") break;
      continue;
    }
    rows++;
    const line = stageLine(record, columns, stager, errors);
    if (line !== undefined) await write(line);
    if (rows % progressEveryRows === 0) report(rows, record.bytes);
  }
  if (header === "ok") return { rows, readable: true };
  // A file without the exact header is not read at all: its columns cannot be trusted.
  errors.add({
    file: stager.file,
    line: headerLine,
    column: null,
    code: "badHeader",
    params: { columns: columns.join(",") },
  });
  return { rows: 0, readable: false };
}

/** Validates one record; returns its staging line, or undefined when nothing is staged. */
function stageLine<Row>(
  record: CsvRecord,
  columns: readonly string[],
  stager: FileStager<Row>,
  errors: ImportErrors,
): string | undefined {
  const { line, values } = record;
  if (values.length !== columns.length) {
    const params = { expected: columns.length, actual: values.length };
    errors.add({ file: stager.file, line, column: null, code: "columnCount", params });
    return undefined;
  }
  const raw: Record<string, string> = {};
  for (const [i, column] of columns.entries()) raw[column] = values[i] ?? "";
  const parsed = stager.schema.safeParse(raw);
  if (parsed.success) return stager.stageLine(line, parsed.data);
  const issues = rowIssues(parsed.error);
  for (const { column, code, params, value, allowed } of issues) {
    errors.add({ file: stager.file, line, column, code, params, value, allowed });
  }
  return stager.keyLine?.(line, raw, issues);
}

function sameColumns(values: readonly string[], columns: readonly string[]): boolean {
  return values.length === columns.length && columns.every((c, i) => values[i] === c);
}
