import { t } from "./i18n";

/** A table as exported: its title, the filters it was drawn with, and the cell values. */
export interface TableExport {
  readonly title: string;
  readonly filters: string;
  /**
   * What the cells mean, a line each (a derived column's definition, what "<k" means), so the
   * file explains itself away from the dashboard.
   */
  readonly notes?: readonly string[];
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

/** The lines above the table in every export, so a file says what it shows and when. */
export function preamble(table: TableExport, createdOn: string): string[] {
  return [
    table.title,
    t("export.filters", { filters: table.filters }),
    t("export.created", { date: createdOn }),
    ...(table.notes ?? []),
  ];
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180, CRLF line ends and a BOM so that Excel reads the UTF-8 (å, ä, ö) correctly. */
export function toCsv(table: TableExport, createdOn: string): string {
  const lines = [
    ...preamble(table, createdOn).map((line) => csvField(line)),
    "",
    table.columns.map(csvField).join(","),
    ...table.rows.map((row) => row.map(csvField).join(",")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export function fileName(title: string, createdOn: string, extension: "csv" | "xlsx"): string {
  const slug = title
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `samsyn-${slug}-${createdOn}.${extension}`;
}

/** exceljs is large: it is loaded only when someone exports, not with the dashboard. */
export async function toXlsx(table: TableExport, createdOn: string): Promise<Blob> {
  const { Workbook } = await import("exceljs");
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("Samsyn");
  for (const line of preamble(table, createdOn)) sheet.addRow([line]);
  sheet.addRow([]);
  sheet.addRow([...table.columns]).font = { bold: true };
  for (const row of table.rows) sheet.addRow([...row]);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
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
