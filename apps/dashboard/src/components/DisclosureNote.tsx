import type { Published } from "../api/types";
import type { CountUnit } from "../lib/cells";
import { t } from "../lib/i18n";
import { periodText } from "../lib/period";
import { useFilters } from "../lib/use-filters";

/**
 * The sentence that says how the figures were protected, in the mode the API answered with:
 * perturbed counts that need not add up (cellkey) or exact counts with some withheld
 * (suppression). A mode the catalogue has no sentence for fails to compile.
 */
export function disclosureText(published: Published, unit: CountUnit = "cases"): string {
  const key =
    published.disclosure === "cellkey" && unit === "notes"
      ? "disclosure.note.cellkey_notes"
      : (`disclosure.note.${published.disclosure}` as const);
  return t(key, { below: published.k - 1 });
}

/**
 * Said once per page, above the figures it explains: which cases they cover (the period and the
 * as-of date of the answer) and how they were protected. Plain text in the reading order, so
 * screen readers reach it and print keeps it. Each table's export repeats the protection (DataTable).
 */
export function DisclosureNote(props: {
  of: Published & { readonly asOf: string };
  by?: "opened" | "closed";
  /** False on a page that states its own period (Översikt, Trender: a default end month). */
  withPeriod?: boolean;
}) {
  const { filters } = useFilters();
  return (
    <div className="disclosure-note">
      {props.withPeriod !== false && <p>{periodText(filters, props.of.asOf, props.by)}</p>}
      <p>{disclosureText(props.of)}</p>
    </div>
  );
}
