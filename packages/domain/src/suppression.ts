import type { Coordinate } from "./coordinates";
import { compareCoordinates } from "./coordinates";

export interface CountCell {
  /** One value per grouping dimension, in the same order for every cell of a table. */
  readonly coordinates: readonly Coordinate[];
  /** The true number of distinct cases. */
  readonly count: number;
}

/**
 * A line of a table: cells (indices into `cells`) whose total a user can get from a coarser
 * query. `total` is that query's count, which is the sum of the cells for case counts but need
 * not be for tables where one case falls into several cells (network, flow).
 */
export interface Line {
  readonly cells: readonly number[];
  readonly total: number;
}

export interface CountTable {
  readonly cells: readonly CountCell[];
  readonly lines: readonly Line[];
  /** The grand total the response publishes beside the cells. */
  readonly total: number;
}

export interface SuppressedCell {
  readonly coordinates: readonly Coordinate[];
  readonly count: number | null;
  readonly suppressed: boolean;
}

export interface SuppressedTable {
  /** The input's cells, in the input's order. */
  readonly cells: readonly SuppressedCell[];
  readonly total: number | null;
  readonly totalSuppressed: boolean;
}

/** SPEC: k is configurable but never below 3. */
export const MIN_K = 3;
export const DEFAULT_K = 5;

export function assertValidK(k: number): void {
  if (!Number.isInteger(k) || k < MIN_K) {
    throw new RangeError(`k must be an integer of at least ${MIN_K}: ${k}`);
  }
}

/** The primary rule for one count: 1..k−1 never leaves the API; 0 and ≥ k do. */
export function isSuppressedCount(count: number, k: number): boolean {
  return count > 0 && count < k;
}

export function suppressCount(count: number, k: number): number | null {
  assertValidK(k);
  return isSuppressedCount(count, k) ? null : count;
}

/** Statistics (median, p90, medianDaysToSip, medianDaysOver) are published only when n ≥ k. */
export function suppressStatistic<T>(value: T | null, n: number, k: number): T | null {
  assertValidK(k);
  return n >= k ? value : null;
}

/**
 * The table whose lines are the grid's: for every dimension, the cells that agree on all other
 * dimensions (rows, columns, …), and the grand total. Totals are sums of the cells, which holds
 * when every case falls into exactly one cell (case counts, lead times, SIP, stuck).
 */
export function gridTable(cells: readonly CountCell[]): CountTable {
  const total = sum(cells.map((c) => c.count));
  const dimensionCount = cells[0]?.coordinates.length ?? 0;
  // Rows and columns first, the grand total last: fixing the rows and columns nearly always
  // fixes the grand total too, while fixing it first would hide the table's smallest cell anywhere.
  // Two dimensions can give the same line (a single cell, say): it is kept once, where it came
  // first. Every line lists its cells in ascending index order, so the list is its signature.
  const ids = coordinateIds(cells, dimensionCount);
  const lines = new Map<string, readonly number[]>();
  const keep = (line: readonly number[]) => {
    const signature = line.join(",");
    if (!lines.has(signature)) lines.set(signature, line);
  };
  for (let d = 0; d < dimensionCount; d++) linesAlong(cells, ids, d).forEach(keep);
  keep(cells.map((_, i) => i));
  const withTotals = [...lines.values()].map((line) => ({
    cells: line,
    total: sum(line.map((i) => cells[i]?.count ?? 0)),
  }));
  return { cells, lines: withTotals, total };
}

/**
 * SPEC "Privacy and disclosure control", the `suppression` mode. Primary: counts 1..k−1 become
 * null. Secondary: while a line whose total is published (≥ k) is `exposed` — its withheld cells
 * could be worked out from its total — withhold one more cell on it, the smallest, and look
 * again, always at the first such line in the table's order. Greedy (see docs/adr/0002): it hides
 * little, not provably least.
 */
export function suppress(table: CountTable, k: number): SuppressedTable {
  assertValidK(k);
  const suppressed = table.cells.map((c) => isSuppressedCount(c.count, k));
  const revealed = revealedByTheirLine(table, k);
  for (const next of secondaries(table, suppressed, revealed, k)) suppressed[next] = true;
  const totalSuppressed = isSuppressedCount(table.total, k);
  return {
    cells: table.cells.map((c, i) => {
      const hidden = suppressed[i] === true;
      return { coordinates: c.coordinates, count: hidden ? null : c.count, suppressed: hidden };
    }),
    total: totalSuppressed ? null : table.total,
    totalSuppressed,
  };
}

/**
 * A line gives its withheld cells away when its total is published and they are one cell (the
 * total minus the rest is that cell), or m cells holding fewer than k + m − 1 cases together:
 * each withheld cell holds at least one case, so each would then be known to be below k — and
 * when they hold exactly m, each is known to be 1. SPEC asks for at least k + m − 1.
 */
export function isExposedLine(total: number, withheld: number, withheldCases: number, k: number) {
  return total >= k && withheld > 0 && (withheld === 1 || withheldCases < k + withheld - 1);
}

/**
 * The secondary cells, in the order the greedy rule picks them: each time, on the first exposed
 * line (in the table's order) with a cell left to hide. Rescanning every line after each pick
 * made a trend of 8 000 cells cost 40 ms, so this keeps the exposed lines in a queue by their
 * index instead. Suppressing only ever adds hidden cells, so only the lines through a newly
 * hidden cell can become exposed; a line that has no cell left to hide stays as it is.
 */
function* secondaries(
  table: CountTable,
  suppressed: boolean[],
  revealed: ReadonlySet<number>,
  k: number,
): Generator<number> {
  const countOf = (i: number) => table.cells[i]?.count ?? 0;
  const linesOfCell = table.cells.map((): number[] => []);
  const hidden = table.lines.map((line, l) => {
    for (const i of line.cells) linesOfCell[i]?.push(l);
    return line.cells.filter((i) => suppressed[i]).length;
  });
  const hiddenCases = table.lines.map((line) =>
    sum(line.cells.filter((i) => suppressed[i]).map(countOf)),
  );
  const exposed = (l: number) =>
    isExposedLine(table.lines[l]?.total ?? 0, hidden[l] ?? 0, hiddenCases[l] ?? 0, k);
  const queue = new LineQueue(table.lines.flatMap((_, l) => (exposed(l) ? [l] : [])));
  for (let l = queue.pop(); l !== undefined; l = queue.pop()) {
    const line = table.lines[l];
    if (line === undefined || !exposed(l)) continue;
    const next = smallestCandidate(table, line, suppressed, revealed);
    if (next === undefined) continue;
    suppressed[next] = true;
    for (const through of linesOfCell[next] ?? []) {
      hidden[through] = (hidden[through] ?? 0) + 1;
      hiddenCases[through] = (hiddenCases[through] ?? 0) + countOf(next);
      if (exposed(through)) queue.push(through);
    }
    yield next;
  }
}

/** Line indices, smallest first: a binary heap (a line may be queued again; stale ones skip). */
class LineQueue {
  private readonly heap: number[] = [];

  constructor(lines: readonly number[]) {
    for (const l of lines) this.push(l);
  }

  push(line: number): void {
    const heap = this.heap;
    heap.push(line);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] ?? 0) <= line) break;
      heap[i] = heap[parent] ?? 0;
      heap[parent] = line;
      i = parent;
    }
  }

  pop(): number | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || last === undefined) return top;
    heap[0] = last;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && (heap[left] ?? 0) < (heap[smallest] ?? 0)) smallest = left;
      if (right < heap.length && (heap[right] ?? 0) < (heap[smallest] ?? 0)) smallest = right;
      if (smallest === i) break;
      [heap[i], heap[smallest]] = [heap[smallest] ?? 0, heap[i] ?? 0];
      i = smallest;
    }
    return top;
  }
}

/**
 * The smallest published non-zero cell of the line. Cells whose value another published line
 * gives away (they are its only non-zero cell) come last: hiding them protects nothing. Ties go
 * to the first cell by coordinates, so the result does not depend on the order of the input.
 */
function smallestCandidate(
  table: CountTable,
  line: Line,
  suppressed: readonly boolean[],
  revealed: ReadonlySet<number>,
): number | undefined {
  const countOf = (i: number) => table.cells[i]?.count ?? 0;
  const rank = (i: number) => (revealed.has(i) ? 1 : 0);
  return line.cells
    .filter((i) => !suppressed[i] && countOf(i) > 0)
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        countOf(a) - countOf(b) ||
        compareCoordinates(table.cells[a]?.coordinates ?? [], table.cells[b]?.coordinates ?? []),
    )[0];
}

/** Cells that are the only non-zero cell of a line whose total is published. */
function revealedByTheirLine(table: CountTable, k: number): Set<number> {
  const revealed = new Set<number>();
  for (const line of table.lines) {
    const nonZero = line.cells.filter((i) => (table.cells[i]?.count ?? 0) > 0);
    const only = nonZero[0];
    if (line.total >= k && nonZero.length === 1 && only !== undefined) revealed.add(only);
  }
  return revealed;
}

/**
 * The lines along one dimension, ordered by their other coordinates, not by input order; each
 * line's cells in ascending index order. A line is keyed by one number made of its other
 * coordinates' small integer ids (a trend of 8 000 cells spent 10 ms on JSON keys alone).
 */
function linesAlong(
  cells: readonly CountCell[],
  ids: CoordinateIds,
  dimension: number,
): number[][] {
  const others = ids.columns.flatMap((column, d) => (d === dimension ? [] : [column]));
  const radix = ids.sizes.filter((_, d) => d !== dimension);
  const numeric = radix.reduce((product, size) => product * size, 1) <= Number.MAX_SAFE_INTEGER;
  const keyOf = (i: number): number | string => {
    if (!numeric) return others.map((column) => column[i]).join(",");
    let key = 0;
    others.forEach((column, d) => {
      key = key * (radix[d] ?? 1) + (column[i] ?? 0);
    });
    return key;
  };
  const lines = new Map<number | string, number[]>();
  for (let i = 0; i < cells.length; i++) {
    const key = keyOf(i);
    const line = lines.get(key);
    if (line === undefined) lines.set(key, [i]);
    else line.push(i);
  }
  const othersOf = (line: readonly number[]) =>
    (cells[line[0] ?? 0]?.coordinates ?? []).filter((_, d) => d !== dimension);
  return [...lines.values()]
    .map((line) => ({ line, others: othersOf(line) }))
    .sort((a, b) => compareCoordinates(a.others, b.others))
    .map(({ line }) => line);
}

/** Per dimension: each cell's coordinate as a small integer, and how many distinct there are. */
interface CoordinateIds {
  readonly columns: readonly Uint32Array[];
  readonly sizes: readonly number[];
}

function coordinateIds(cells: readonly CountCell[], dimensionCount: number): CoordinateIds {
  const columns: Uint32Array[] = [];
  const sizes: number[] = [];
  for (let d = 0; d < dimensionCount; d++) {
    // Map keys compare like ===: the code "1" and the step 1 stay apart, as in JSON.
    const seen = new Map<Coordinate, number>();
    const column = new Uint32Array(cells.length);
    cells.forEach((cell, i) => {
      const value = cell.coordinates[d] ?? null;
      let id = seen.get(value);
      if (id === undefined) {
        id = seen.size;
        seen.set(value, id);
      }
      column[i] = id;
    });
    columns.push(column);
    sizes.push(seen.size);
  }
  return { columns, sizes };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
