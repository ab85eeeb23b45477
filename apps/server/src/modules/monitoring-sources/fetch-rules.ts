// The arithmetic of polite fetching: which answers are worth a retry, how long to wait before it, what a server's
// Retry-After asks for, and how often a source is polled from the share of new items it had (issue 12 §2).
import { POLL_MAX_SECONDS, POLL_MIN_SECONDS } from '@loa/contracts';

/** 408 (timeout), 425 (too early), 429 (slow down) and server errors are worth another try; other 4xx are not. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * What `Retry-After` asks for, in milliseconds from `now`: delta-seconds ("120") or an HTTP date
 * ("Wed, 21 Oct 2026 07:28:00 GMT"); a date in the past is 0; anything else is null (ignored).
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

/**
 * Exponential backoff with "full jitter": a uniformly random wait in [base·2^(attempt-1) / 2, base·2^(attempt-1)],
 * capped at `maxMs`. `attempt` counts from 1 (the wait before the first retry); `random` is in [0, 1).
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/**
 * The next polling interval of a source from the last successful fetch: more than half the items new → twice as
 * often; none new (or the feed unchanged) → half as often; otherwise unchanged; always within 10 minutes..24 hours.
 */
export function nextPollSeconds(current: number, itemsSeen: number, itemsNew: number): number {
  let next = current;
  if (itemsNew === 0) next = current * 2;
  else if (itemsSeen > 0 && itemsNew / itemsSeen > 0.5) next = Math.floor(current / 2);
  return Math.min(POLL_MAX_SECONDS, Math.max(POLL_MIN_SECONDS, next));
}

/** The wait after a failed fetch of a source: the poll interval, shortened for the first failures (1, 2, 4 … min). */
export function retryPollSeconds(pollSeconds: number, consecutiveFailures: number): number {
  const backoff = 60 * 2 ** Math.max(0, consecutiveFailures - 1);
  return Math.min(pollSeconds, POLL_MAX_SECONDS, Math.max(60, backoff));
}

/** Host of a URL as pacing keys it: lower case, with a non-default port. */
export function hostKey(url: URL): string {
  return url.host.toLowerCase();
}
