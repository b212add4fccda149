/** One benchmark: a name and a function that prints its results. */
export interface Bench {
  name: string;
  run: () => Promise<void> | void;
}

/** Median and 95th percentile of a list of timings, in milliseconds. */
export function summarize(timings: number[]): { median: number; p95: number } {
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95) };
}
