import { describe, expect, it } from 'vitest';
import { POLL_MAX_SECONDS, POLL_MIN_SECONDS } from '@loa/contracts';
import { backoffDelay, isRetryableStatus, nextPollSeconds, parseRetryAfter, retryPollSeconds } from './fetch-rules.js';
import { parseFeedDate } from './feed-dates.js';

describe('fetch rules', () => {
  it('retries timeouts, throttling and server errors, not client errors', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 301].some(isRetryableStatus)).toBe(false);
  });

  it('reads Retry-After as seconds or as an HTTP date, and ignores nonsense', () => {
    const now = new Date('2026-01-15T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 15 Jan 2026 10:02:30 GMT', now)).toBe(150_000);
    expect(parseRetryAfter('Thu, 15 Jan 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('backs off exponentially with jitter in the upper half, capped', () => {
    expect(backoffDelay(1, 1000, 60_000, 0)).toBe(500);
    expect(backoffDelay(1, 1000, 60_000, 0.999)).toBeLessThanOrEqual(1000);
    expect(backoffDelay(3, 1000, 60_000, 0)).toBe(2000);
    expect(backoffDelay(3, 1000, 60_000, 0.5)).toBe(3000);
    expect(backoffDelay(20, 1000, 60_000, 0.999)).toBeLessThanOrEqual(60_000);
    expect(backoffDelay(20, 1000, 60_000, 0)).toBe(30_000);
  });

  it('polls twice as often when most items are new, half as often when none is, within 10 min..24 h', () => {
    expect(nextPollSeconds(3600, 20, 15)).toBe(1800);
    expect(nextPollSeconds(3600, 20, 0)).toBe(7200);
    expect(nextPollSeconds(3600, 20, 5)).toBe(3600);
    expect(nextPollSeconds(3600, 20, 10)).toBe(3600);
    expect(nextPollSeconds(POLL_MIN_SECONDS, 10, 10)).toBe(POLL_MIN_SECONDS);
    expect(nextPollSeconds(POLL_MAX_SECONDS, 10, 0)).toBe(POLL_MAX_SECONDS);
    expect(nextPollSeconds(700, 10, 9)).toBe(POLL_MIN_SECONDS);
  });

  it('retries a failing source sooner at first, never later than its interval', () => {
    expect(retryPollSeconds(3600, 1)).toBe(60);
    expect(retryPollSeconds(3600, 3)).toBe(240);
    expect(retryPollSeconds(3600, 10)).toBe(3600);
  });
});

describe('parseFeedDate', () => {
  it('reads RFC 822 dates with and without a zone (Vietnam time when none)', () => {
    expect(parseFeedDate('Thu, 15 Jan 2026 10:00:00 +0700')?.toISOString()).toBe('2026-01-15T03:00:00.000Z');
    expect(parseFeedDate('Thu, 15 Jan 2026 10:00:00 GMT+7')?.toISOString()).toBe('2026-01-15T03:00:00.000Z');
    expect(parseFeedDate('Thu, 15 Jan 2026 10:00:00 GMT')?.toISOString()).toBe('2026-01-15T10:00:00.000Z');
    expect(parseFeedDate('Thu, 15 Jan 2026 10:00:00')?.toISOString()).toBe('2026-01-15T03:00:00.000Z');
  });

  it('reads ISO 8601 and Vietnamese day/month/year, zone-less as Vietnam time', () => {
    expect(parseFeedDate('2026-01-15T10:00:00+07:00')?.toISOString()).toBe('2026-01-15T03:00:00.000Z');
    expect(parseFeedDate('2026-01-15T10:00:00Z')?.toISOString()).toBe('2026-01-15T10:00:00.000Z');
    expect(parseFeedDate('2026-01-15 10:00')?.toISOString()).toBe('2026-01-15T03:00:00.000Z');
    expect(parseFeedDate('15/01/2026 10:05')?.toISOString()).toBe('2026-01-15T03:05:00.000Z');
    expect(parseFeedDate('hôm qua')).toBeNull();
    expect(parseFeedDate('')).toBeNull();
  });
});
