/**
 * PostgreSQL's `percentile_cont(p) WITHIN GROUP (ORDER BY x)`: sort, take the position
 * p·(n−1), and interpolate linearly between the values at its floor and ceiling. The arithmetic
 * is PostgreSQL's own (`lo + pct·(hi − lo)`), so the SQL and this oracle agree to the last bit.
 * Null for no values, as PostgreSQL returns NULL for an empty group.
 */
export function percentileCont(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile must be in [0, 1]: ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lo = sorted[Math.floor(position)];
  const hi = sorted[Math.ceil(position)];
  if (lo === undefined || hi === undefined) return null;
  return lo + (position - Math.floor(position)) * (hi - lo);
}

export function median(values: readonly number[]): number | null {
  return percentileCont(values, 0.5);
}
