import { intlLocale, t } from "./i18n";
import type { SortValue } from "./sorting";

/**
 * One table cell as the user sees it, sorts it and exports it. Withheld values read ".." (never
 * 0, never blank); the k in their explanation comes from the API response.
 */
export interface Cell {
  readonly text: string;
  /** `null` when the figure is not known (".."): sorted last, whichever the direction. */
  readonly sort: SortValue;
  readonly export: ExportValue;
  readonly numeric: boolean;
  readonly title?: string;
  /** A drill-down: the related page filtered to this cell's group (lib/drill.ts). */
  readonly href?: string;
}

/**
 * A share (0–1) as exported: a number that a spreadsheet shows in percent with `digits` decimals,
 * as the page does, so that it reads "72,2 %" and still sorts and sums as a number.
 */
export interface ShareValue {
  readonly share: number;
  readonly digits: 0 | 1;
}

/** What an export writes for a cell: text (".." included), a number, or a share. */
export type ExportValue = number | string | ShareValue;

const whole = new Intl.NumberFormat(intlLocale());
const decimal = new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(intlLocale(), { style: "percent", maximumFractionDigits: 0 });

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? whole.format(value) : decimal.format(value);
}

export function formatPercent(share: number): string {
  return percent.format(share);
}

const percentFormats = [0, 1].map(
  (digits) =>
    new Intl.NumberFormat(intlLocale(), { style: "percent", maximumFractionDigits: digits }),
);

/** A share as a percent ("72,2 %"), exported as a share in percent format. */
export function percentCell(share: number, digits: 0 | 1 = 0): Cell {
  const text = percentFormats[digits]?.format(share) ?? formatPercent(share);
  return { text, sort: share, export: { share, digits }, numeric: true };
}

export function textCell(text: string, sort: SortValue = text): Cell {
  return { text, sort, export: text, numeric: false };
}

/** A group's name as a link to the related page filtered to it; plain text without a link. */
export function linkCell(text: string, href: string | null | undefined): Cell {
  return href === null || href === undefined ? textCell(text) : { ...textCell(text), href };
}

/**
 * A withheld value, count or statistic alike: SCB's neutral "..". The API does not say whether a
 * value is small or hidden to protect a small one, so the mark must not say so either.
 */
export function withheldCell(k: number, unit: CountUnit = "cases"): Cell {
  const text = t("table.withheld_mark");
  const title = t(unit === "notes" ? "table.withheld_title_notes" : "table.withheld_title", { k });
  return { text, sort: null, export: text, numeric: true, title };
}

/** What a count counts: cases almost everywhere; a retrospective board's notes on Utvärdering. */
export type CountUnit = "cases" | "notes";

/** A count: a number, or ".." when the API withheld it (sorted after every published count). */
export function countCell(
  value: number | null,
  suppressed: boolean,
  k: number,
  unit: CountUnit = "cases",
): Cell {
  if (suppressed || value === null) return withheldCell(k, unit);
  return { text: formatNumber(value), sort: value, export: value, numeric: true };
}

/** A statistic (median, p90, days): withheld ones read ".." like a withheld count. */
export function statCell(value: number | null, withheld: boolean, k: number): Cell {
  if (withheld || value === null) return withheldCell(k);
  return { text: formatNumber(value), sort: value, export: value, numeric: true };
}

/** The value a chart may draw: suppressed values are left out rather than drawn as zero. */
export function chartValue(value: number | null, suppressed: boolean): number | null {
  return suppressed ? null : value;
}
