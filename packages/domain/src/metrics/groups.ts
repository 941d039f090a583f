import { compareCoordinate } from "../coordinates";
import type { Dimension, DimensionValues, GroupValues } from "./query";

export interface Group<T> {
  readonly values: GroupValues;
  readonly members: readonly T[];
}

/**
 * Splits items into groups by the values of the `groupBy` dimensions (no groupBy: one group of
 * everything, when there is anything). Groups are ordered by their values, nulls last, like an
 * SQL `ORDER BY` on the same columns, so that two implementations can be compared cell by cell.
 */
export function groupBy<T>(
  items: readonly T[],
  dims: readonly Dimension[],
  valuesOf: (item: T) => DimensionValues,
): Group<T>[] {
  const groups = new Map<string, { values: GroupValues; members: T[] }>();
  for (const item of items) {
    const values = pick(valuesOf(item), dims);
    const key = JSON.stringify(dims.map((d) => values[d]));
    const group = groups.get(key) ?? { values, members: [] };
    group.members.push(item);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => compareGroupValues(a.values, b.values, dims));
}

export function pick(values: DimensionValues, dims: readonly Dimension[]): GroupValues {
  return Object.fromEntries(dims.map((d) => [d, values[d]])) as GroupValues;
}

export function compareGroupValues(
  a: GroupValues,
  b: GroupValues,
  dims: readonly Dimension[],
): number {
  for (const d of dims) {
    const order = compareCoordinate(a[d] ?? null, b[d] ?? null);
    if (order !== 0) return order;
  }
  return 0;
}
