import { useCatalogues } from "../api/queries";
import { stockholmToday } from "../lib/filters";
import { t } from "../lib/i18n";
import { useScope } from "../lib/scope";
import { describeFilters, useFilters } from "../lib/use-filters";

/**
 * Whose figures the page shows, above them, so that own figures are not read as the county's.
 * On paper, where the filter bar is not printed, the filters and the date follow it.
 */
export function ScopeLine() {
  const scope = useScope();
  const catalogues = useCatalogues();
  const { filters } = useFilters();
  // The box is drawn before the names arrive (styles.css keeps a line's room), so the filter
  // bar below does not jump down.
  return (
    <div className="scope">
      {scope !== undefined && catalogues.data !== undefined && (
        <>
          <p className="scope-line">{t("scope.line", { scope })}</p>
          <p className="print-only">
            {t("export.filters", { filters: describeFilters(filters, catalogues.data) })}
            {" · "}
            {t("print.printed", { date: stockholmToday() })}
          </p>
        </>
      )}
    </div>
  );
}
