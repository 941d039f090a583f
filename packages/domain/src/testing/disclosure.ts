import fc from "fast-check";
import type { Dimension, GroupValues } from "../metrics/query";
import type { CountTable } from "../suppression";
import { isSuppressedCount } from "../suppression";

/**
 * What a published count column breaks of SPEC's disclosure rules, as readable lines (none when
 * it keeps them): a count from 1 to k−1 shown, a shown count that is not the true one, and a
 * line whose total would be published (≥ k) with exactly one hidden cell — except when that
 * cell is the line's only non-zero one, the case docs/adr/0002 explains.
 */
export function disclosureViolations(
  table: CountTable,
  published: readonly (number | null)[],
  k: number,
): string[] {
  const violations: string[] = [];
  table.cells.forEach((cell, i) => {
    const shown = published[i] ?? null;
    const at = JSON.stringify(cell.coordinates);
    if (shown !== null && shown !== cell.count) violations.push(`${at}: ${shown} ≠ ${cell.count}`);
    if (shown !== null && isSuppressedCount(shown, k)) violations.push(`${at}: shows ${shown}`);
  });
  for (const line of table.lines) {
    if (line.total < k) continue;
    const hidden = line.cells.filter((i) => (published[i] ?? null) === null);
    const nonZero = line.cells.filter((i) => (table.cells[i]?.count ?? 0) > 0);
    if (hidden.length === 1 && nonZero.length > 1) {
      violations.push(`line ${line.cells.join(",")} (total ${line.total}) hides one cell`);
    }
  }
  return violations;
}

/** A count for a random table: 0, hidden (1..k−1) and published (≥ k) alike often. */
export function arbCount(k: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: k - 1 }),
    fc.integer({ min: k, max: 3 * k }),
  );
}

const groupValues: Partial<Record<Dimension, readonly (string | number | null)[]>> = {
  targetGroup: ["missbruk_beroende", "samsjuklighet", "npf_adhd"],
  step: [1, 2, 3, null],
};

/**
 * Random grouped cells for suppression properties, denser than a random event log makes them:
 * no groupBy, or targetGroup and/or step, each group present or absent, with `numbers` each.
 */
export function arbGroupedCells<T extends object>(
  numbers: fc.Arbitrary<T>,
): fc.Arbitrary<{ dims: Dimension[]; cells: (GroupValues & T)[] }> {
  return fc.subarray<Dimension>(["targetGroup", "step"]).chain((dims) => {
    const groups = dims.reduce<GroupValues[]>(
      (points, dim) =>
        points.flatMap((p) => (groupValues[dim] ?? []).map((v) => ({ ...p, [dim]: v }))),
      [{}],
    );
    return fc.tuple(...groups.map(() => fc.option(numbers, { nil: undefined }))).map((drawn) => ({
      dims,
      cells: groups.flatMap((g, i) => {
        const n = drawn[i];
        return n === undefined ? [] : [{ ...g, ...n }];
      }),
    }));
  });
}

/** Random pair cells (flow, network): distinct pairs of `values` that `keep` allows, count > 0. */
export function arbPairCounts<V extends string | number>(
  values: readonly V[],
  k: number,
  keep: (a: V, b: V) => boolean,
): fc.Arbitrary<[V, V, number][]> {
  const pairs = values.flatMap((a) => values.filter((b) => keep(a, b)).map((b) => [a, b] as const));
  return fc.tuple(...pairs.map(() => arbCount(k))).map((counts) =>
    pairs.flatMap(([a, b], i) => {
      const count = counts[i] ?? 0;
      return count > 0 ? [[a, b, count] as [V, V, number]] : [];
    }),
  );
}
