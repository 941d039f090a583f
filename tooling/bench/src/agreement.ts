type Row = Readonly<Record<string, unknown>>;

/** How a metric's API cells map onto the baseline's rows: API field → SQL column. */
export interface AnswerMapping {
  /** The group's coordinates: together they identify a cell. */
  readonly keys: Readonly<Record<string, string>>;
  /** The figures; a cell's figure is compared only when the API publishes it (not null). */
  readonly numbers: Readonly<Record<string, string>>;
}

export interface Agreement {
  /** Published API figures compared with the baseline. */
  readonly compared: number;
  /** Figures that differ, cells the baseline lacks, or baseline rows with counts the API lacks. */
  readonly differing: number;
  /** The first few differences, for the reader to look into. */
  readonly examples: readonly string[];
}

const maxExamples = 3;

/**
 * Holds the API's published figures to the baseline's: both answer the same question, so every
 * number the API does not suppress must equal the baseline's. This keeps the baseline honest and
 * checks the API at a scale the property tests do not reach.
 */
export function compareAnswers(
  cells: readonly unknown[],
  rows: readonly Row[],
  mapping: AnswerMapping,
): Agreement {
  const byKey = new Map(rows.map((row) => [keyOf(row, Object.values(mapping.keys)), row]));
  const seen = new Set<string>();
  const differences: string[] = [];
  let compared = 0;
  for (const cell of cells.filter(isRow)) {
    const key = keyOf(cell, Object.keys(mapping.keys));
    seen.add(key);
    const row = byKey.get(key);
    for (const [field, column] of Object.entries(mapping.numbers)) {
      const published = cell[field];
      if (typeof published !== "number") continue;
      compared++;
      const expected = row === undefined ? undefined : asNumber(row[column]);
      if (expected === undefined || !sameNumber(published, expected)) {
        differences.push(`${key} ${field}: API ${published}, baseline ${expected ?? "—"}`);
      }
    }
  }
  for (const [key, row] of byKey) {
    const hasCount = Object.values(mapping.numbers).some((c) => (asNumber(row[c]) ?? 0) !== 0);
    if (!seen.has(key) && hasCount) differences.push(`${key}: only in the baseline`);
  }
  return { compared, differing: differences.length, examples: differences.slice(0, maxExamples) };
}

function isRow(value: unknown): value is Row {
  return typeof value === "object" && value !== null;
}

/** The coordinates as one string; numbers and numeric text alike, so `3` meets `"3"`. */
function keyOf(row: Row, fields: readonly string[]): string {
  return JSON.stringify(fields.map((f) => normalise(row[f])));
}

function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const n = asNumber(value);
  return n === undefined ? String(value) : n;
}

/** postgres.js gives bigint and numeric as text; a code such as "0180" must stay text. */
function asNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) && !/^0\d/.test(value)) {
    return Number(value);
  }
  return undefined;
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
