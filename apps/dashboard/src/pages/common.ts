import { z } from "zod";
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
  const { filters } = useFilters();
  return { catalogues, filters, params: metricParams(filters) };
}

/**
 * A page's group-by choice as a validated search param: one of `groupings`, or "" for no
 * grouping; anything else is dropped, and the page's default applies.
 */
export function groupBySearch<const G extends readonly [Dimension, ...Dimension[]]>(groupings: G) {
  return z
    .enum(["", ...groupings])
    .optional()
    .catch(undefined);
}

/** The grouping a page shows: none for "", the page's default when the URL names none. */
export function chosenGroupBy<G extends Dimension>(
  value: G | "" | undefined,
  fallback: G | null,
): G | null {
  if (value === "") return null;
  return value ?? fallback;
}
