import { csvField, withoutFormula } from "@samsyn/domain/spreadsheet";
import type { ExportValue, ShareValue } from "./cells";
import { t } from "./i18n";

/** A table as exported: its title, whose figures they are, the filters, and the cell values. */
export interface TableExport {
  readonly title: string;
  /** The organisations the figures cover, in words ("Södertälje kommun", "Hela länet"). */
  readonly scope: string;
  readonly filters: string;
  /**
   * What the cells mean, a line each (a derived column's definition, what ".." means), so the
   * file explains itself away from the dashboard.
   */
  readonly notes?: readonly string[];
  readonly columns: readonly string[];
  readonly rows: readonly (readonly ExportValue[])[];
}

/** The files a table is offered as: RFC 4180 CSV, CSV as Swedish Excel opens it, and XLSX. */
export type ExportFormat = "csv" | "excel-csv" | "xlsx";

/** The lines above the table in every export, so a file says what it shows, for whom and when. */
export function preamble(table: TableExport, createdOn: string): string[] {
  return [
    table.title,
    t("scope.line", { scope: table.scope }),
    t("export.filters", { filters: table.filters }),
    t("export.created", { date: createdOn }),
    ...(table.notes ?? []),
  ];
}

function isShare(value: ExportValue): value is ShareValue {
  return typeof value === "object";
}

/** Percent with the page's decimals and a plain "%", which Excel reads back as a percent. */
function percentText(value: ShareValue, decimalMark: "." | ","): string {
  return `${(value.share * 100).toFixed(value.digits).replace(".", decimalMark)}%`;
}

function csvText(
  table: TableExport,
  createdOn: string,
  separator: "," | ";",
  field: (value: ExportValue) => string,
): string {
  const lines = [
    ...preamble(table, createdOn).map(field),
    "",
    table.columns.map(field).join(separator),
    ...table.rows.map((row) => row.map(field).join(separator)),
  ];
  // A BOM so that Excel reads the UTF-8 (å, ä, ö) correctly; CRLF line ends as RFC 4180 has them.
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function rfcField(value: ExportValue): string {
  if (isShare(value)) return percentText(value, ".");
  if (typeof value === "number") return String(value);
  return csvField(withoutFormula(value), ",");
}

function swedishExcelField(value: ExportValue): string {
  if (isShare(value)) return percentText(value, ",");
  if (typeof value === "number") return String(value).replace(".", ",");
  return csvField(withoutFormula(value), ";");
}

/** RFC 4180: comma separated, decimal point, shares as "72.2%". */
export function toCsv(table: TableExport, createdOn: string): string {
  return csvText(table, createdOn, ",", rfcField);
}

/**
 * CSV as Excel with Swedish settings opens it by double-click: semicolon separated (the comma is
 * the decimal mark there), decimal comma, UTF-8 with BOM, CRLF.
 */
export function toSwedishExcelCsv(table: TableExport, createdOn: string): string {
  return csvText(table, createdOn, ";", swedishExcelField);
}

export function fileName(title: string, createdOn: string, format: ExportFormat): string {
  const slug = title
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  const ending = { csv: ".csv", "excel-csv": "-excel.csv", xlsx: ".xlsx" }[format];
  return `samsyn-${slug}-${createdOn}${ending}`;
}

/** Excel number formats: counts whole with thousands grouped, shares in percent as on the page. */
export function numberFormat(value: number | ShareValue): string {
  if (typeof value === "object") return value.digits === 0 ? "0%" : "0.0%";
  return Number.isInteger(value) ? "#,##0" : "#,##0.0";
}

/** exceljs is large: it is loaded only when someone exports, not with the dashboard. */
export async function toXlsx(table: TableExport, createdOn: string): Promise<Blob> {
  const { Workbook } = await import("exceljs");
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("Samsyn");
  // Texts as in the CSV (`withoutFormula`): a cell typed in Excel later, or the sheet saved as
  // CSV, would otherwise run a unit or forum text such as "=HYPERLINK(…)".
  for (const line of preamble(table, createdOn)) sheet.addRow([withoutFormula(line)]);
  sheet.addRow([]);
  sheet.addRow(table.columns.map(withoutFormula)).font = { bold: true };
  for (const values of table.rows) {
    const row = sheet.addRow(
      values.map((v) => (isShare(v) ? v.share : typeof v === "string" ? withoutFormula(v) : v)),
    );
    values.forEach((v, i) => {
      if (typeof v !== "string") row.getCell(i + 1).numFmt = numberFormat(v);
    });
  }
  sheet.columns.forEach((column, i) => {
    column.width = columnWidth(table, i);
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

/** Wide enough for the header and the longest value, in characters; the preamble may overflow. */
function columnWidth(table: TableExport, index: number): number {
  const texts = [table.columns[index] ?? "", ...table.rows.map((r) => textOf(r[index]))];
  return Math.min(50, Math.max(10, ...texts.map((x) => x.length + 2)));
}

function textOf(value: ExportValue | undefined): string {
  if (value === undefined) return "";
  return isShare(value) ? percentText(value, ",") : String(value);
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  // The click has started the download; the object URL can go once the event loop moves on.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
