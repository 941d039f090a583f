import { useMemo } from "react";
import type { Catalogues } from "../api/types";
import {
  type FilterDimension,
  type Filters,
  filterDimensions,
  readFilters,
  withParam,
} from "./filters";
import { t } from "./i18n";
import { nameOf } from "./names";
import { setSearch, useLocation } from "./router";

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

/** The filters of the current URL and a setter that pushes a new history entry. */
export function useFilters() {
  const { search } = useLocation();
  const key = search.toString();
  // The params object is new on every render; its string is what identifies the filters.
  const filters = useMemo(() => readFilters(new URLSearchParams(key)), [key]);
  return {
    filters,
    search,
    set(param: string, values: readonly string[] | string | null) {
      setSearch(withParam(search, param, values));
    },
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
