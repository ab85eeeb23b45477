// Spike detection (issue 8 §4, decision 0039): the last hour's count of a saved query or a flag against the previous
// day's hourly baseline. Pure.
//
// Given the hourly counts of the last 25 hours (oldest first; the last one is the hour just ended), the baseline is
// the mean μ and population standard deviation σ of the first 24. The last hour is a spike when
//
//     count ≥ max(minCount, μ + 3σ, 3μ)        (minCount = 5)
//
// minCount keeps a quiet subject from "spiking" on a handful of articles (an empty baseline needs 5); μ + 3σ asks the
// hour to stand out of the day's own noise; 3μ asks a steady subject (σ ≈ 0) to triple. A slow rise through the day
// lifts μ and σ with it and stays under the line.

export const SPIKE_MIN_COUNT = 5;
export const SPIKE_SIGMAS = 3;
export const SPIKE_RATIO = 3;
export const BASELINE_HOURS = 24;

export interface SpikeVerdict {
  spike: boolean;
  /** The last hour's count. */
  count: number;
  /** The baseline's hourly mean and standard deviation. */
  mean: number;
  stddev: number;
  /** The count the last hour had to reach. */
  threshold: number;
}

/** Judges the last of 25 hourly counts (oldest first) against the 24 before it. */
export function spikeVerdict(hourly: readonly number[], minCount = SPIKE_MIN_COUNT): SpikeVerdict {
  if (hourly.length !== BASELINE_HOURS + 1) {
    throw new RangeError(`spikeVerdict needs ${BASELINE_HOURS + 1} hourly counts, got ${hourly.length}`);
  }
  const baseline = hourly.slice(0, BASELINE_HOURS);
  const count = hourly[BASELINE_HOURS]!;
  const mean = baseline.reduce((sum, n) => sum + n, 0) / BASELINE_HOURS;
  const variance = baseline.reduce((sum, n) => sum + (n - mean) ** 2, 0) / BASELINE_HOURS;
  const stddev = Math.sqrt(variance);
  const threshold = Math.max(minCount, mean + SPIKE_SIGMAS * stddev, SPIKE_RATIO * mean);
  return { spike: count >= threshold, count, mean, stddev, threshold };
}

/**
 * The 25 hourly counts, oldest first, from sparse buckets numbered by hours before now: bucket 0 is the last hour,
 * bucket 24 the oldest; missing buckets count 0 and buckets beyond 24 are ignored.
 */
export function hourlySeries(buckets: readonly { hoursAgo: number; count: number }[]): number[] {
  const series = new Array<number>(BASELINE_HOURS + 1).fill(0);
  for (const { hoursAgo, count } of buckets) {
    const index = BASELINE_HOURS - hoursAgo;
    if (hoursAgo >= 0 && hoursAgo <= BASELINE_HOURS) series[index] = (series[index] ?? 0) + count;
  }
  return series;
}
