import { csvField, withoutFormula } from "@samsyn/domain/spreadsheet";
import { formatNumber } from "./cells";
import { t } from "./i18n";

/**
 * The import's error report as the page shows and exports it. The API sends the errors grouped:
 * those with the same file, column, code and value in one group with every line they were found
 * on (`lines`, complete unless the report is over a million lines long).
 */
export interface ErrorGroup {
  readonly file: string;
  readonly column: string | null;
  readonly code: string;
  readonly message: string;
  readonly value?: string | undefined;
  readonly count: number;
  readonly lines: readonly (number | null)[];
}

/** Line numbers a group's line names before "…": the rest are behind "show all". */
export const previewLines = 5;

/** A line number as the page shows it: "hela filen" for an error of a whole file. */
export function lineText(line: number | null): string {
  return line === null ? t("import.whole_file") : formatNumber(line);
}

/** "23 rader: 5, 8, 12, 19, 20 …", or the one line of a single error. */
export function linesSummary(group: ErrorGroup): string {
  if (group.count === 1 && group.lines.length === 1) return lineText(group.lines[0] ?? null);
  const shown = group.lines.slice(0, previewLines).map(lineText).join(", ");
  const more = group.count > previewLines ? " …" : "";
  return t("import.rows_count", { count: formatNumber(group.count), lines: `${shown}${more}` });
}

/** Whether the group has line numbers beyond its summary. */
export function hasMoreLines(group: ErrorGroup): boolean {
  return group.count > previewLines;
}

/** One row per error, in file order (as the groups come), then by line. */
export interface ReportRow {
  readonly file: string;
  readonly line: number | null;
  readonly column: string | null;
  readonly value: string;
  readonly message: string;
  readonly code: string;
}

const fileOrder = ["units.csv", "cases.csv", "events.csv"];

export function reportRows(groups: readonly ErrorGroup[]): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const g of groups) {
    for (const line of g.lines) {
      const { file, column, message, code } = g;
      rows.push({ file, line, column, value: g.value ?? "", message, code });
    }
  }
  const order = (file: string) => {
    const i = fileOrder.indexOf(file);
    return i === -1 ? fileOrder.length : i;
  };
  return rows.sort((a, b) => order(a.file) - order(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/**
 * Every error, one a row (file, line, column, value, reason, code): RFC 4180 like the files it
 * describes, CRLF line ends and a BOM so that Excel reads the UTF-8 (å, ä, ö). Errors the report
 * has no line for (past its million lines) are counted on a last row.
 */
export function reportCsv(groups: readonly ErrorGroup[]): string {
  const header = [
    t("import.col.file"),
    t("import.col.line"),
    t("import.col.column"),
    t("import.col.value"),
    t("import.col.reason"),
    t("import.col.code"),
  ];
  const rows = reportRows(groups).map((r) => [
    r.file,
    r.line === null ? "" : r.line,
    r.column ?? "",
    r.value,
    r.message,
    r.code,
  ]);
  const unlisted = groups.reduce((n, g) => n + g.count - g.lines.length, 0);
  const last =
    unlisted > 0
      ? [["", "", "", "", t("import.csv_unlisted", { count: formatNumber(unlisted) }), ""]]
      : [];
  const lines = [header, ...rows, ...last].map((row) =>
    // The values come from the uploaded files: a cell such as "=HYPERLINK(…)" stays text.
    row
      .map((value) => csvField(typeof value === "string" ? withoutFormula(value) : String(value)))
      .join(","),
  );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
