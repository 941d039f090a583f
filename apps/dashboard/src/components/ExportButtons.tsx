import { useState } from "react";
import { useCatalogues } from "../api/queries";
import { download, fileName, type TableExport, toCsv, toXlsx } from "../lib/export";
import { stockholmToday } from "../lib/filters";
import { t } from "../lib/i18n";
import { describeFilters, useFilters } from "../lib/use-filters";

/** CSV and Excel export of one table, with the filters and today's date in the file. */
export function ExportButtons(props: {
  title: string;
  table: Pick<TableExport, "columns" | "rows" | "notes">;
}) {
  const { filters } = useFilters();
  const catalogues = useCatalogues();
  const [failed, setFailed] = useState(false);

  function exportAs(format: "csv" | "xlsx") {
    if (catalogues.data === undefined) return;
    const today = stockholmToday();
    const table = {
      ...props.table,
      title: props.title,
      filters: describeFilters(filters, catalogues.data),
    };
    setFailed(false);
    const name = fileName(props.title, today, format);
    if (format === "csv") {
      download(new Blob([toCsv(table, today)], { type: "text/csv;charset=utf-8" }), name);
      return;
    }
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
      <button type="button" onClick={() => exportAs("xlsx")}>
        {t("export.xlsx")}
      </button>
      {failed && <span role="alert">{t("export.failed")}</span>}
    </fieldset>
  );
}
