/** RSS at the start and the highest RSS seen while the sampler ran. */
export interface RssPeak {
  readonly startBytes: number;
  readonly peakBytes: number;
}

/**
 * Samples the process's RSS on an interval until stopped. PGlite runs in this process, so its
 * memory shows up here too; a long synchronous stretch delays a sample, which is why the last
 * reading is taken again on stop.
 */
export function sampleRss(intervalMs = 100): { stop(): RssPeak } {
  const startBytes = process.memoryUsage.rss();
  let peakBytes = startBytes;
  const timer = setInterval(() => {
    peakBytes = Math.max(peakBytes, process.memoryUsage.rss());
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peakBytes = Math.max(peakBytes, process.memoryUsage.rss());
      return { startBytes, peakBytes };
    },
  };
}
