import type { Named } from "../api/types";
import { intlLocale } from "./i18n";

export interface PickableOrganisation {
  readonly code: string;
  readonly name: string;
  readonly principalType: string;
}

export interface OrganisationGroup<O extends PickableOrganisation> {
  readonly principalType: string;
  /** The principal type's name from the catalogue (its code if the catalogue lacks it). */
  readonly name: string;
  readonly organisations: readonly O[];
}

/** Lower case without accents, so that "sodertalje" finds Södertälje and "k0181" its code. */
function folded(text: string): string {
  return text
    .toLocaleLowerCase(intlLocale())
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

export function matchesSearch(organisation: PickableOrganisation, query: string): boolean {
  const words = folded(query)
    .split(/\s+/)
    .filter((w) => w !== "");
  const haystack = folded(`${organisation.name} ${organisation.code}`);
  return words.every((w) => haystack.includes(w));
}

/**
 * The organisations that match the search, grouped by principal type in the catalogue's order
 * (a type the catalogue does not name comes last), sorted by name within each group; groups
 * with no match are left out.
 */
export function groupOrganisations<O extends PickableOrganisation>(
  organisations: readonly O[],
  principalTypes: readonly Named[],
  query: string,
): OrganisationGroup<O>[] {
  const collator = new Intl.Collator(intlLocale());
  const order = [
    ...principalTypes.map((p) => p.code),
    ...[...new Set(organisations.map((o) => o.principalType))]
      .filter((code) => !principalTypes.some((p) => p.code === code))
      .sort(),
  ];
  return order
    .map((type) => ({
      principalType: type,
      name: principalTypes.find((p) => p.code === type)?.name ?? type,
      organisations: organisations
        .filter((o) => o.principalType === type && matchesSearch(o, query))
        .sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code)),
    }))
    .filter((g) => g.organisations.length > 0);
}
