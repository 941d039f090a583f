import { parseArgs } from "node:util";
import { t } from "@samsyn/domain";

export const benchTargets = ["postgres", "pglite"] as const;
export type BenchTarget = (typeof benchTargets)[number];

export interface BenchOptions {
  readonly sizes: readonly number[];
  readonly targets: readonly BenchTarget[];
  /** Timed runs per endpoint (and per baseline query), after the warm-up. */
  readonly runs: number;
  /**
   * Timed runs of each baseline query, after the run whose answer the API's is compared with:
   * at 10 M cases one baseline query takes a minute or more, so fewer than `runs` may be asked.
   */
  readonly baselineRuns: number;
  readonly warmup: number;
  readonly seed: number;
  /** Reload every database even when it already holds the data. */
  readonly fresh: boolean;
  /** PGlite only at sizes up to this: the PGlite target is for 100 000 cases. */
  readonly pgliteMaxCases: number;
  /** Write the tables into docs/performance.md. */
  readonly writeDoc: boolean;
}

export const defaultBenchOptions: BenchOptions = {
  sizes: [100_000, 1_000_000],
  targets: benchTargets,
  runs: 20,
  baselineRuns: 20,
  warmup: 3,
  seed: 1,
  fresh: false,
  pgliteMaxCases: 100_000,
  writeDoc: true,
};

/** A mistake in the command line: printed as one line with the usage. */
export class BenchUsageError extends Error {}

/** `pnpm bench [--sizes 100000,1000000] [--targets postgres,pglite] [--runs 20] …` */
export function parseBenchArgs(args: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      sizes: { type: "string" },
      targets: { type: "string" },
      runs: { type: "string" },
      "baseline-runs": { type: "string" },
      warmup: { type: "string" },
      seed: { type: "string" },
      "pglite-max": { type: "string" },
      fresh: { type: "boolean" },
      "no-doc": { type: "boolean" },
    },
  });
  const d = defaultBenchOptions;
  const runs = whole(values.runs, "runs", 1) ?? d.runs;
  return {
    sizes: values.sizes === undefined ? d.sizes : list(values.sizes, "sizes").map(sizeOf),
    targets: values.targets === undefined ? d.targets : list(values.targets, "targets").map(target),
    runs,
    // As many as the API's unless told: the two columns are then measured alike.
    baselineRuns: whole(values["baseline-runs"], "baseline-runs", 1) ?? runs,
    warmup: whole(values.warmup, "warmup", 0) ?? d.warmup,
    seed: whole(values.seed, "seed", 0) ?? d.seed,
    pgliteMaxCases: whole(values["pglite-max"], "pglite-max", 0) ?? d.pgliteMaxCases,
    fresh: values.fresh ?? d.fresh,
    writeDoc: !(values["no-doc"] ?? false),
  };
}

function list(text: string, option: string): string[] {
  const items = text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  if (items.length === 0) throw new BenchUsageError(t("bench.bad_list", { option }));
  return [...new Set(items)];
}

/** Underscores allowed, as in `1_000_000`: sizes are easier to type and read that way. */
function sizeOf(text: string): number {
  const size = whole(text.replaceAll("_", ""), "sizes", 1);
  if (size === undefined) throw new BenchUsageError(t("bench.bad_list", { option: "sizes" }));
  return size;
}

function target(text: string): BenchTarget {
  const found = benchTargets.find((known) => known === text);
  if (found === undefined) throw new BenchUsageError(t("bench.unknown_target", { target: text }));
  return found;
}

function whole(text: string | undefined, option: string, min: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min) {
    throw new BenchUsageError(t("bench.not_a_number", { option, min }));
  }
  return Number(text);
}

/**
 * The (target, size) pairs to measure, in the order they run: PostgreSQL first, because PGlite's
 * WebAssembly memory stays in this process's RSS once used, and would blur the peak RSS of a
 * PostgreSQL import after it.
 */
export function benchPlan(
  options: BenchOptions,
): { readonly target: BenchTarget; readonly cases: number }[] {
  return benchTargets
    .filter((target) => options.targets.includes(target))
    .flatMap((target) =>
      options.sizes
        .filter((cases) => target !== "pglite" || cases <= options.pgliteMaxCases)
        .map((cases) => ({ target, cases })),
    );
}
