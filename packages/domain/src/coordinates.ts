/** A cell's value along one grouping dimension (a code, a step number, or null for "none"). */
export type Coordinate = string | number | null;

/** Numbers numerically, strings by code unit (PostgreSQL's "C" collation), null last. */
export function compareCoordinate(a: Coordinate, b: Coordinate): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a) < String(b) ? -1 : 1;
}

export function compareCoordinates(a: readonly Coordinate[], b: readonly Coordinate[]): number {
  for (let d = 0; d < Math.max(a.length, b.length); d++) {
    const order = compareCoordinate(a[d] ?? null, b[d] ?? null);
    if (order !== 0) return order;
  }
  return 0;
}
