import { useState } from "react";
import { useCatalogues } from "../api/queries";
import {
  download,
  type ExportFormat,
  fileName,
  type TableExport,
  toCsv,
  toSwedishExcelCsv,
  toXlsx,
} from "../lib/export";
import { stockholmToday } from "../lib/filters";
import { t } from "../lib/i18n";
import { useScope } from "../lib/scope";
import { describeFilters, useFilters } from "../lib/use-filters";

const csvType = "text/csv;charset=utf-8";

/** CSV (RFC 4180 and Swedish Excel) and XLSX export of one table, saying whose figures and when. */
export function ExportButtons(props: {
  title: string;
  table: Pick<TableExport, "columns" | "rows" | "notes">;
  /** The choice in words, for a table the shared filters do not choose (the coverage matrix). */
  filters?: string;
}) {
  const { filters } = useFilters();
  const catalogues = useCatalogues();
  const scope = useScope();
  const [failed, setFailed] = useState(false);

  function exportAs(format: ExportFormat) {
    if (catalogues.data === undefined || scope === undefined) return;
    const today = stockholmToday();
    const table = {
      ...props.table,
      title: props.title,
      scope,
      filters: props.filters ?? describeFilters(filters, catalogues.data),
    };
    setFailed(false);
    const name = fileName(props.title, today, format);
    if (format === "csv") download(new Blob([toCsv(table, today)], { type: csvType }), name);
    else if (format === "excel-csv")
      download(new Blob([toSwedishExcelCsv(table, today)], { type: csvType }), name);
    else
      toXlsx(table, today)
        .then((blob) => download(blob, name))
        .catch(() => setFailed(true));
  }

  return (
    <fieldset className="export">
      <legend className="visually-hidden">{t("export.label", { table: props.title })}</legend>
      <button type="button" onClick={() => exportAs("csv")}>
        {t("export.csv")}
      </button>
      <button type="button" onClick={() => exportAs("excel-csv")}>
        {t("export.csv_excel")}
      </button>
      <button type="button" onClick={() => exportAs("xlsx")}>
        {t("export.xlsx")}
      </button>
      {failed && <span role="alert">{t("export.failed")}</span>}
    </fieldset>
  );
}
