import { useCatalogues } from "../api/queries";
import type { Dimension } from "../api/types";
import { metricParams } from "../lib/filters";
import { useFilters } from "../lib/use-filters";

/** Parameters for one metric request: the shared filters plus the page's own, as a copy. */
export function withExtra(
  base: URLSearchParams,
  extra: Record<string, string | readonly string[] | null>,
) {
  const params = new URLSearchParams(base);
  for (const [key, value] of Object.entries(extra)) {
    params.delete(key);
    if (value === null) continue;
    for (const v of typeof value === "string" ? [value] : value) params.append(key, v);
  }
  return params;
}

/** What every page starts from: the catalogues, the filters and their API parameters. */
export function usePage() {
  const catalogues = useCatalogues();
  const { filters, search } = useFilters();
  return { catalogues, filters, search, params: metricParams(filters) };
}

/** A dimension named in the URL (`param`), if it is one of `allowed`; else the fallback. */
export function chosenDimension(
  search: URLSearchParams,
  param: string,
  allowed: readonly Dimension[],
  fallback: Dimension | null,
): Dimension | null {
  const value = search.get(param);
  if (value === "") return null;
  return allowed.find((d) => d === value) ?? fallback;
}
