/**
 * A small seeded PRNG so the demo county is the same bytes for the same seed on every machine
 * (Math.random cannot be seeded). mulberry32: 32-bit state, fast, good enough for synthetic data.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** exp(N(ln median, sigma)): positive, skewed right, half the draws below `median`. */
  logNormal(median: number, sigma: number): number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => pickAt(items, Math.floor(next() * items.length)),
    logNormal: (median, sigma) => median * Math.exp(sigma * standardNormal(next)),
  };
}

/**
 * Derives an independent seed for item `index` of a run, so case n is the same whatever the
 * number of cases asked for (a smaller run is a prefix of a larger one). murmur3's finaliser.
 */
export function deriveSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export type Weighted<T> = readonly (readonly [T, number])[];

/** A weighted choice prepared once (cumulative weights), drawn many times. */
export function weightedChoice<T>(options: Weighted<T>): (random: Random) => T {
  const values = options.map(([value]) => value);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of options) {
    total += weight;
    cumulative.push(total);
  }
  if (values.length === 0 || total <= 0) throw new RangeError("weightedChoice needs a weight > 0");
  return (random) => {
    const x = random.next() * total;
    let i = 0;
    while (i < cumulative.length - 1 && (cumulative[i] ?? total) <= x) i++;
    return pickAt(values, i);
  };
}

function pickAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError("pick from an empty list");
  return item;
}

/** Box–Muller; 1 − u keeps the logarithm's argument in (0, 1]. */
function standardNormal(next: () => number): number {
  const u = 1 - next();
  const v = next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
