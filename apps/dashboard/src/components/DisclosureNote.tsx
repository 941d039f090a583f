import type { Published } from "../api/types";
import { t } from "../lib/i18n";

/**
 * The sentence that says how the figures were protected, in the mode the API answered with:
 * perturbed counts that need not add up (cellkey) or exact counts with some withheld
 * (suppression). A mode the catalogue has no sentence for fails to compile.
 */
export function disclosureText(published: Published): string {
  return t(`disclosure.note.${published.disclosure}`, { below: published.k - 1 });
}

/**
 * Said once per page, above the figures it explains: plain text in the reading order, so screen
 * readers reach it and print keeps it. Each table's export repeats it (DataTable).
 */
export function DisclosureNote(props: { of: Published }) {
  return <p className="disclosure-note">{disclosureText(props.of)}</p>;
}
