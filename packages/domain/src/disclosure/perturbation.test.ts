import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyInSlice } from "../testing/cell-keys";
import { perturbationNoise, perturbationTable, perturbCount } from "./perturbation";
import { RECORD_KEY_MODULUS } from "./record-key";

const arbK = fc.integer({ min: 3, max: 20 });
const arbCellKey = fc.integer({ min: 0, max: RECORD_KEY_MODULUS - 1 });
const slices = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const zeroShare = (values: readonly number[]) =>
  values.filter((v) => v === 0).length / values.length;

describe("perturbationTable", () => {
  it("has ten slices per row, noise within −2..+2", () => {
    for (const row of Object.values(perturbationTable)) {
      expect(row).toHaveLength(10);
      for (const noise of row) expect(Math.abs(noise)).toBeLessThanOrEqual(2);
    }
  });

  it("has mean 0 in every row, and zero noise in at most 4 of 10 slices from k + 2 on", () => {
    // SPEC: mean 0 for every count ≥ k + 2; zero noise with probability at most 0.4 there.
    for (const row of Object.values(perturbationTable)) expect(mean(row)).toBe(0);
    expect(zeroShare(perturbationTable.kPlusTwoAndAbove)).toBeLessThanOrEqual(0.4);
  });

  it("never takes k + 1 below k, and leaves k as it is", () => {
    expect(Math.min(...perturbationTable.kPlusOne)).toBeGreaterThanOrEqual(-1);
    expect(perturbationTable.atK.every((noise) => noise === 0)).toBe(true);
  });
});

describe("perturbCount", () => {
  it("keeps 0, withholds 1..k−1 and publishes exactly k as it is, whatever the cell key", () => {
    fc.assert(
      fc.property(arbK, arbCellKey, (k, cellKey) => {
        expect(perturbCount(0, cellKey, k)).toBe(0);
        for (let count = 1; count < k; count++) expect(perturbCount(count, cellKey, k)).toBeNull();
        expect(perturbCount(k, cellKey, k)).toBe(k);
      }),
    );
  });

  it("publishes any count within ±2 of the truth and never in 1..k−1", () => {
    fc.assert(
      fc.property(arbK, fc.integer({ min: 0, max: 100_000 }), arbCellKey, (k, count, cellKey) => {
        const published = perturbCount(count, cellKey, k);
        if (published === null) return;
        expect(Math.abs(published - count)).toBeLessThanOrEqual(2);
        expect(published === 0 || published >= k).toBe(true);
        expect(published - count).toBe(count === 0 ? 0 : perturbationNoise(count, cellKey, k));
      }),
    );
  });

  it("for every count from k + 2 on has noise of mean 0, zero in at most 40 % of the slices", () => {
    fc.assert(
      fc.property(
        arbK,
        fc.integer({ min: 2, max: 100_000 }),
        fc.integer({ min: 0, max: Math.floor(RECORD_KEY_MODULUS / 10) - 1 }),
        (k, above, within) => {
          const count = k + above;
          // One key in each slice, `within` keys past the slice's first one.
          const keys = slices.map((s) => Math.ceil((s * RECORD_KEY_MODULUS) / 10) + within);
          const noises = keys.map((key) => (perturbCount(count, key, k) ?? Number.NaN) - count);
          expect(mean(noises)).toBe(0);
          expect(zeroShare(noises)).toBeLessThanOrEqual(0.4);
        },
      ),
    );
  });

  it("over keys spread evenly across [0, 2³¹) has mean noise 0 from k + 2 on", () => {
    // The middle of each thousandth: a slice's first key is ⌈j · 2³¹ / 10⌉, not ⌊j · 2³¹ / 10⌋.
    const keys = Array.from({ length: 1000 }, (_, i) =>
      Math.floor(((i + 0.5) * RECORD_KEY_MODULUS) / 1000),
    );
    for (const k of [3, 5, 10]) {
      for (const count of [k + 2, k + 3, k + 17, 1000]) {
        const noises = keys.map((key) => perturbationNoise(count, key, k));
        expect(mean(noises)).toBe(0);
        expect(zeroShare(noises)).toBeLessThanOrEqual(0.4);
      }
      // k + 1 is still unbiased, though it may not go below k.
      expect(mean(keys.map((key) => perturbationNoise(k + 1, key, k)))).toBe(0);
    }
  });

  it("maps the edges of [0, 2³¹) to the first and the last slice", () => {
    expect(perturbCount(20, 0, 5)).toBe(20 + (perturbationTable.kPlusTwoAndAbove[0] ?? 0));
    expect(perturbCount(20, RECORD_KEY_MODULUS - 1, 5)).toBe(
      20 + (perturbationTable.kPlusTwoAndAbove[9] ?? 0),
    );
    expect(slices.map((s) => perturbCount(6, keyInSlice(s), 5))).toEqual(
      perturbationTable.kPlusOne.map((noise) => 6 + noise),
    );
  });

  it("gives the same count and cell key the same published number, whatever came before", () => {
    const arbAsked = fc.array(fc.tuple(fc.nat({ max: 10_000 }), arbCellKey), { minLength: 1 });
    fc.assert(
      fc.property(arbK, arbAsked, (k, asked) => {
        const answers = asked.map(([count, cellKey]) => perturbCount(count, cellKey, k));
        const again = [...asked]
          .reverse()
          .map(([count, cellKey]) => perturbCount(count, cellKey, k));
        expect(again.reverse()).toEqual(answers);
      }),
    );
  });
});
