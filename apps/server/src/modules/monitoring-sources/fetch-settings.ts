// The fetcher's settings from the configuration (LOA_FETCH_*), with the User-Agent that names Loa and where to
// find out about it.

export interface FetchSettings {
  /** The whole User-Agent header. */
  userAgent: string;
  /** The product token robots.txt groups are matched against ("loa"). */
  robotsToken: string;
  /** Least time between two requests to one host. */
  hostIntervalMs: number;
  /** Most requests to one host at once. */
  hostConcurrency: number;
  /** Until the response headers arrive (connect, TLS, server think time). */
  connectTimeoutMs: number;
  /** The whole request, body included. */
  totalTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Retries after the first attempt. */
  retries: number;
  backoffBaseMs: number;
  /** A wait (Retry-After or backoff) longer than this is not slept through: the fetch is rescheduled. */
  maxRetryWaitMs: number;
  /** How long to queue for a busy host before giving the slot up and rescheduling. */
  maxPacingWaitMs: number;
  robotsTtlSeconds: number;
}

/** What the configuration decides of polite fetching (platform/config.ts, LOA_FETCH_*). */
export interface FetchOptions {
  hostIntervalSeconds: number;
  hostConcurrency: number;
  connectTimeoutSeconds: number;
  timeoutSeconds: number;
  maxBytes: number;
  retries: number;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  hostIntervalSeconds: 5,
  hostConcurrency: 2,
  connectTimeoutSeconds: 10,
  timeoutSeconds: 30,
  maxBytes: 10 * 1024 * 1024,
  retries: 3,
};

/** The full settings of the polite fetcher; `publicUrl` goes into the User-Agent so a site's operator can find us. */
export function fetchSettingsFrom(options: Partial<FetchOptions>, publicUrl: string | undefined): FetchSettings {
  const o = { ...DEFAULT_FETCH_OPTIONS, ...options };
  const intervalMs = o.hostIntervalSeconds * 1000;
  return {
    userAgent: `Loa/1.0 (+${publicUrl ?? 'https://baohiemxahoi.gov.vn'}) BHXH Viet Nam media monitoring`,
    robotsToken: 'loa',
    hostIntervalMs: intervalMs,
    hostConcurrency: o.hostConcurrency,
    connectTimeoutMs: o.connectTimeoutSeconds * 1000,
    totalTimeoutMs: o.timeoutSeconds * 1000,
    maxBytes: o.maxBytes,
    maxRedirects: 5,
    retries: o.retries,
    backoffBaseMs: Math.max(200, intervalMs),
    maxRetryWaitMs: Math.max(30_000, intervalMs * 6),
    maxPacingWaitMs: Math.max(30_000, intervalMs * 6),
    robotsTtlSeconds: 24 * 3600,
  };
}
