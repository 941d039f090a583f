import { isSuppressedCount } from "../suppression";
import { RECORD_KEY_MODULUS } from "./record-key";

/**
 * The perturbation table of the cell-key method (ABS TableBuilder; SPEC `cellkey`). The cell key
 * picks one of ten equal slices of [0, 1); each row says the noise added in each slice. The rows:
 *
 * - a count of exactly k is published as it is: any negative noise would publish 1..k−1, and a
 *   positive one alone would bias it;
 * - k + 1: −1, 0 or +1 (3, 4 and 3 slices), so it never falls below k, with mean 0;
 * - k + 2 and above: −2..+2 in 1, 2, 4, 2 and 1 slices — mean 0, zero noise with probability 0.4
 *   (SPEC's upper bound), variance 1.2.
 *
 * Two answers about sets that differ by one case then have noises that agree with probability
 * 0.26 (the sum of the squared probabilities), so their difference is the true one about one
 * time in four, and which time cannot be told from the answers.
 */
export const perturbationTable = {
  atK: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  kPlusOne: [-1, -1, -1, 0, 0, 0, 0, 1, 1, 1],
  kPlusTwoAndAbove: [-2, -1, -1, 0, 0, 0, 0, 1, 1, 2],
} as const satisfies Record<string, readonly number[]>;

const slices = 10;

/** The noise the table adds to a count of at least k with this cell key. */
export function perturbationNoise(count: number, cellKey: number, k: number): number {
  const row =
    count <= k
      ? perturbationTable.atK
      : count === k + 1
        ? perturbationTable.kPlusOne
        : perturbationTable.kPlusTwoAndAbove;
  const slice = Math.floor((cellKey * slices) / RECORD_KEY_MODULUS);
  return row[Math.min(Math.max(slice, 0), slices - 1)] ?? 0;
}

/**
 * A count as the cell-key method publishes it: 0 stays 0, 1..k−1 is withheld (null), and k or
 * more gets the table's noise for its cell key — so the same cases always give the same number,
 * whichever query, grouping or filter yields them.
 */
export function perturbCount(count: number, cellKey: number, k: number): number | null {
  if (count === 0) return 0;
  if (isSuppressedCount(count, k)) return null;
  return count + perturbationNoise(count, cellKey, k);
}
