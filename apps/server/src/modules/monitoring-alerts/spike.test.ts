import { describe, expect, it } from 'vitest';
import { hourlySeries, spikeVerdict } from './spike.js';

/** 24 baseline hours then the last hour. */
const series = (baseline: number[], last: number) => [...baseline, last];
const flat = (n: number) => new Array<number>(24).fill(n);

describe('spikeVerdict', () => {
  it('flags a flat subject only once the hour triples its usual count', () => {
    // μ = 2, σ = 0: max(5, 2, 6) = 6.
    expect(spikeVerdict(series(flat(2), 5))).toMatchObject({ spike: false, mean: 2, stddev: 0, threshold: 6 });
    expect(spikeVerdict(series(flat(2), 6)).spike).toBe(true);
  });

  it('lets a noisy subject swing within three standard deviations', () => {
    // Alternating 0 and 10: μ = 5, σ = 5, max(5, 20, 15) = 20.
    const noisy = Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? 0 : 10));
    const verdict = spikeVerdict(series(noisy, 15));
    expect(verdict).toMatchObject({ spike: false, mean: 5, stddev: 5, threshold: 20 });
    expect(spikeVerdict(series(noisy, 20)).spike).toBe(true);
  });

  it('raises a real burst far above a quiet day', () => {
    const quiet = [0, 1, 0, 2, 1, 0, 1, 1, 0, 0, 2, 1, 1, 0, 1, 0, 0, 1, 2, 1, 0, 1, 0, 1];
    const verdict = spikeVerdict(series(quiet, 30));
    expect(verdict.spike).toBe(true);
    expect(verdict.count).toBe(30);
    expect(verdict.threshold).toBeLessThan(5.01);
  });

  it('does not take a slow rise through the day for a spike', () => {
    // From 1 to about 8 an hour over the day, then 9: the baseline rose with it.
    const rising = Array.from({ length: 24 }, (_, i) => 1 + Math.round((i * 7) / 23));
    const verdict = spikeVerdict(series(rising, 9));
    expect(verdict.spike).toBe(false);
    expect(verdict.threshold).toBeGreaterThan(9);
  });

  it('needs the minimum count when the baseline is empty', () => {
    expect(spikeVerdict(series(flat(0), 4))).toMatchObject({ spike: false, threshold: 5 });
    expect(spikeVerdict(series(flat(0), 5))).toMatchObject({ spike: true, threshold: 5 });
    expect(spikeVerdict(series(flat(0), 0)).spike).toBe(false);
  });

  it('takes another minimum count and refuses a series of the wrong length', () => {
    expect(spikeVerdict(series(flat(0), 2), 2).spike).toBe(true);
    expect(() => spikeVerdict(flat(1))).toThrow(RangeError);
  });
});

describe('hourlySeries', () => {
  it('puts bucket 0 (the last hour) last and fills missing hours with zero', () => {
    const built = hourlySeries([
      { hoursAgo: 0, count: 7 },
      { hoursAgo: 24, count: 2 },
      { hoursAgo: 3, count: 1 },
      { hoursAgo: 3, count: 1 },
      { hoursAgo: 25, count: 99 },
    ]);
    expect(built).toHaveLength(25);
    expect(built[24]).toBe(7);
    expect(built[0]).toBe(2);
    expect(built[21]).toBe(2);
    expect(built.reduce((a, b) => a + b, 0)).toBe(11);
  });
});
