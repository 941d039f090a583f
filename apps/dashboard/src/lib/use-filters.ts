import { useNavigate, useSearch } from "@tanstack/react-router";
import { useCallback, useMemo } from "react";
import type { Catalogues } from "../api/types";
import { type FilterDimension, type Filters, filterDimensions, readFilters } from "./filters";
import { t } from "./i18n";
import { nameOf } from "./names";
import { type SearchChanges, withChanges } from "./search";

const labelKeys = {
  municipality: "filter.municipality",
  targetGroup: "filter.target_group",
  ageGroup: "filter.age_group",
  process: "filter.process",
  leadPrincipal: "filter.lead_principal",
} as const satisfies Record<FilterDimension, string>;

export function filterLabel(dimension: FilterDimension): string {
  return t(labelKeys[dimension]);
}

/**
 * Same page, some search params changed: a new history entry, so that the back button undoes a
 * filter or a page's choice, and the page stays where it is scrolled to.
 */
export function useSetSearch(): (changes: SearchChanges) => void {
  const navigate = useNavigate();
  return useCallback(
    (changes) => {
      void navigate({ to: ".", search: (prev) => withChanges(prev, changes), resetScroll: false });
    },
    [navigate],
  );
}

/** The filters of the current URL (validated by the root route) and a setter for one of them. */
export function useFilters() {
  // Validated once, at the root route: every page shares the filters, so every page may read them.
  const search = useSearch({ from: "__root__" });
  const filters = useMemo(() => readFilters(search), [search]);
  const setSearch = useSetSearch();
  return {
    filters,
    search,
    set: (param: keyof typeof search, values: string | readonly string[] | null) =>
      setSearch({ [param]: values }),
  };
}
/** The filters in words, for export files: "Kommun: Nacka; Period: 2024-01–2024-12". */
export function describeFilters(filters: Filters, catalogues: Catalogues): string {
  const parts: string[] = [];
  if (filters.from !== null || filters.to !== null) {
    parts.push(
      `${t("filter.from")}: ${filters.from ?? "–"}, ${t("filter.to")}: ${filters.to ?? "–"}`,
    );
  }
  for (const d of filterDimensions) {
    const codes = filters.codes[d];
    if (codes.length > 0) {
      parts.push(`${filterLabel(d)}: ${codes.map((c) => nameOf(catalogues, d, c)).join(", ")}`);
    }
  }
  if (filters.view !== null) parts.push(`${t("filter.view")}: ${t(`filter.view.${filters.view}`)}`);
  return parts.length === 0 ? t("filter.none") : parts.join("; ");
}
