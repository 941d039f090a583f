import { describe, expect, it } from "vitest";
import { createRandom, deriveSeed, weightedChoice } from "./prng";

const draws = (seed: number, n: number) => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe("createRandom", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    expect(draws(42, 100)).toEqual(draws(42, 100));
    expect(draws(42, 100)).not.toEqual(draws(43, 100));
  });

  it("stays in [0, 1) and int stays within its inclusive bounds, reaching both", () => {
    const random = createRandom(7);
    const ints = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const x = random.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      ints.add(random.int(3, 6));
    }
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
  });

  it("draws log-normal values around the median, all positive", () => {
    const random = createRandom(9);
    const values = Array.from({ length: 20_001 }, () => random.logNormal(30, 0.6)).sort(
      (a, b) => a - b,
    );
    expect(values[0]).toBeGreaterThan(0);
    expect(values[10_000]).toBeGreaterThan(28);
    expect(values[10_000]).toBeLessThan(32);
  });
});

describe("deriveSeed", () => {
  it("gives each index of a run its own seed", () => {
    const seeds = new Set(Array.from({ length: 10_000 }, (_, i) => deriveSeed(1, i)));
    expect(seeds.size).toBe(10_000);
    expect(deriveSeed(1, 5)).not.toBe(deriveSeed(2, 5));
  });
});

describe("weightedChoice", () => {
  it("draws in proportion to the weights and never a zero-weight option", () => {
    const choose = weightedChoice<"a" | "b" | "never">([
      ["a", 1],
      ["b", 3],
      ["never", 0],
    ]);
    const random = createRandom(3);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 40_000; i++) counts[choose(random)]++;
    expect(counts.never).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.8);
    expect(counts.b / counts.a).toBeLessThan(3.2);
  });

  it("refuses a table without weight", () => {
    expect(() => weightedChoice([["a", 0]])).toThrow(RangeError);
  });
});
