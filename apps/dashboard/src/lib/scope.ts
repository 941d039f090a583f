import { useCatalogues, useSession } from "../api/queries";
import type { Catalogues } from "../api/types";
import type { View } from "./filters";
import { t } from "./i18n";
import { useFilters } from "./use-filters";

/** Admin and länsgrupp always see the county; the API ignores `view` for them. */
const countyRoles: readonly string[] = ["admin", "lan"];

/**
 * Which organisations the figures cover, by name: the county for admin and länsgrupp; for
 * ledning and samordnare their own organisations, or the county when they chose it to compare.
 * The same rule as the API's `metricAccess` (packages/db).
 */
export function describeScope(
  session: { readonly role: string; readonly orgs: readonly string[] },
  view: View | null,
  organisations: Catalogues["organisations"],
): string {
  if (countyRoles.includes(session.role)) return t("scope.county");
  const names = session.orgs
    .map((code) => organisations.find((o) => o.code === code)?.name ?? code)
    .sort((a, b) => a.localeCompare(b, "sv"));
  const own = names.length === 0 ? t("scope.no_organisations") : names.join(", ");
  return view === "county" ? t("scope.county_comparison", { organisations: own }) : own;
}

/** The signed-in user's scope as the current filters have it; undefined until names arrive. */
export function useScope(): string | undefined {
  const session = useSession();
  const { filters } = useFilters();
  const catalogues = useCatalogues();
  if (catalogues.data === undefined) return undefined;
  return describeScope(session, filters.view, catalogues.data.organisations);
}
