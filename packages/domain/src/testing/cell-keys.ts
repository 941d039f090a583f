import { cellKeyOf, RECORD_KEY_MODULUS, referenceRecordKey } from "../disclosure/record-key";
import type { Dimension, GroupValues, MetricQuery } from "../metrics/query";

/**
 * Hand-written cells with a cell key for each named count: `withCellKeys(["count"], cells)`.
 * The keys are 0 unless `key` gives them; the `suppression` mode never reads them.
 */
export function withCellKeys<Count extends string, C extends Readonly<Record<Count, number>>>(
  counts: readonly Count[],
  cells: readonly C[],
  key: (cell: C, count: Count) => number = () => 0,
): (C & { readonly cellKeys: Readonly<Record<Count, number>> })[] {
  return cells.map((cell) => ({
    ...cell,
    cellKeys: Object.fromEntries(counts.map((count) => [count, key(cell, count)])) as Record<
      Count,
      number
    >,
  }));
}

/** Cells as a test compares them when the cell keys are not the point. */
export function withoutCellKeys<C extends { readonly cellKeys: unknown }>(
  cells: readonly C[],
): Omit<C, "cellKeys">[] {
  return cells.map(({ cellKeys, ...cell }) => cell);
}

/** The cell key of the cases with these refs, as the reference metrics key them. */
export function cellKeyOfRefs(...refs: readonly string[]): number {
  return cellKeyOf(refs.map(referenceRecordKey));
}

/** A cell key in the middle of one of the perturbation table's ten slices (0..9). */
export function keyInSlice(slice: number): number {
  return Math.floor(((slice + 0.5) * RECORD_KEY_MODULUS) / 10);
}

/** The dimensions a query can filter by as well as group by (not `step` or `leadUnit`). */
export const filterableDimensions = [
  "targetGroup",
  "ageGroup",
  "municipality",
  "process",
  "leadPrincipal",
] as const satisfies readonly Dimension[];
export type FilterableDimension = (typeof filterableDimensions)[number];

/**
 * The filters that select exactly a cell's group: each grouped dimension's value as its only
 * one. Undefined for a group with a null value, which no filter selects (a case without a lead).
 */
export function filtersOf(
  cell: GroupValues,
  dims: readonly FilterableDimension[],
): Partial<MetricQuery> | undefined {
  const values = dims.map((d) => [d, cell[d] ?? null] as const);
  if (values.some(([, value]) => value === null)) return undefined;
  return Object.fromEntries(values.map(([d, value]) => [d, [value]])) as Partial<MetricQuery>;
}
