import { performance } from "node:perf_hooks";
import { percentileCont } from "@samsyn/domain";

export interface Timing {
  readonly samples: readonly number[];
  readonly p50: number;
  readonly p95: number;
}

/** p50 and p95 of durations in milliseconds, interpolated as PostgreSQL's percentile_cont. */
export function summarise(samples: readonly number[]): Timing {
  return {
    samples,
    p50: percentileCont(samples, 0.5) ?? Number.NaN,
    p95: percentileCont(samples, 0.95) ?? Number.NaN,
  };
}

/**
 * Runs `work` `warmup` times untimed (caches, plans, JIT), then `runs` times timed, one after
 * the other: the figures are latencies of a single caller, not throughput.
 */
export async function timeRuns(
  work: () => Promise<unknown>,
  settings: { readonly warmup: number; readonly runs: number },
): Promise<Timing> {
  for (let i = 0; i < settings.warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < settings.runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}
