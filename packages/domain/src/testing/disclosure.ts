import fc from "fast-check";
import type { Disclosure } from "../disclosure/mode";
import type { Dimension, GroupValues } from "../metrics/query";
import type { CountTable } from "../suppression";
import { isExposedLine, isSuppressedCount } from "../suppression";

/** SPEC's `suppression` mode with this k. */
export function suppressionMode(k: number): Disclosure {
  return { mode: "suppression", k };
}

/** SPEC's `cellkey` mode with this k. */
export function cellKeyMode(k: number): Disclosure {
  return { mode: "cellkey", k };
}

/**
 * What a published count column breaks of SPEC's `suppression` rules, as readable lines (none
 * when it keeps them): a count from 1 to k−1 shown, a shown count that is not the true one, and
 * a line whose total would be published (≥ k) whose withheld cells could be worked out from it
 * (one withheld cell, or m holding fewer than k + m − 1 cases) while a shown non-zero cell on it
 * could still have been withheld — the only case where nothing can be done, docs/adr/0002.
 *
 * `zerosWithheld` is for a column that withholds its zeros too (lead times' n). A withheld 0
 * holds no case, so an attacker who knows which withheld cells are 0 bounds the others by the
 * line's total: the m withheld cells that hold cases must hold at least k + m − 1 of them (a
 * single one at least k), or one of them is known to be below k.
 */
export function disclosureViolations(
  table: CountTable,
  published: readonly (number | null)[],
  k: number,
  options: { readonly zerosWithheld?: boolean } = {},
): string[] {
  const violations: string[] = [];
  const countOf = (i: number) => table.cells[i]?.count ?? 0;
  table.cells.forEach((cell, i) => {
    const shown = published[i] ?? null;
    const at = JSON.stringify(cell.coordinates);
    if (shown !== null && shown !== cell.count) violations.push(`${at}: ${shown} ≠ ${cell.count}`);
    if (shown !== null && isSuppressedCount(shown, k)) violations.push(`${at}: shows ${shown}`);
    if (options.zerosWithheld && shown === 0) violations.push(`${at}: shows a withheld 0`);
  });
  for (const line of table.lines) {
    const hidden = line.cells.filter((i) => (published[i] ?? null) === null);
    const hiddenCases = hidden.reduce((total, i) => total + countOf(i), 0);
    const holding = hidden.filter((i) => countOf(i) > 0).length;
    const exposed = options.zerosWithheld
      ? line.total >= k && holding > 0 && hiddenCases < k + holding - 1
      : isExposedLine(line.total, hidden.length, hiddenCases, k);
    const couldHideMore = line.cells.some((i) => (published[i] ?? 0) > 0);
    if (exposed && couldHideMore) {
      violations.push(
        `line ${line.cells.join(",")} (total ${line.total}) hides ${hidden.length} cells of ${hiddenCases} cases`,
      );
    }
  }
  return violations;
}

/**
 * What a count column published in the `cellkey` mode breaks of SPEC's rules, as readable lines
 * (none when it keeps them): a true 0 not published as 0 (withheld instead, with `hideZeros`),
 * a true 1..k−1 shown, a true k or more withheld, a count of exactly k not shown as it is, a
 * shown value in 1..k−1, or one more than 2 away from the truth.
 */
export function cellKeyViolations(
  trueCounts: readonly number[],
  published: readonly (number | null)[],
  k: number,
  options: { readonly hideZeros?: boolean } = {},
): string[] {
  return trueCounts.flatMap((count, i) => {
    const shown = published[i] ?? null;
    const at = `cell ${i} (${count})`;
    if (count === 0) {
      const expected = options.hideZeros ? null : 0;
      return shown === expected ? [] : [`${at}: shows ${shown} for 0`];
    }
    if (isSuppressedCount(count, k)) return shown === null ? [] : [`${at}: shows ${shown}`];
    if (shown === null) return [`${at}: withheld`];
    const problems: string[] = [];
    if (isSuppressedCount(shown, k)) problems.push(`${at}: shows ${shown}, in 1..k−1`);
    if (Math.abs(shown - count) > 2) problems.push(`${at}: shows ${shown}, noise beyond ±2`);
    if (count === k && shown !== k) problems.push(`${at}: shows ${shown} for exactly k`);
    return problems;
  });
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
