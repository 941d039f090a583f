/**
 * How table columns sort. A cell's sort value is a number, a text, or `null` for a figure that
 * is not known (a withheld "..", a withheld statistic, a cell that cannot hold one): unknown
 * values go last in either direction, because ".." is not smaller than 5 — it might be 0 or 4,
 * or hidden by secondary suppression.
 */
export type SortValue = number | string | null;

// Names are Swedish in both locales (kommuner, enheter): å, ä, ö sort after z, as in Swedish.
const collator = new Intl.Collator("sv", { numeric: true, sensitivity: "base" });

/** Ascending order of two known values: numbers by value, texts in Swedish order. */
export function compareSortValues(a: number | string, b: number | string): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  // A column is one or the other; should one mix, numbers come before texts.
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return collator.compare(a, b);
}
