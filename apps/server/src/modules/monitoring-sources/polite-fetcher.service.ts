// The polite HTTP client of the fetcher (issue 12 §2, decision 0034): a clear User-Agent, robots.txt, per-host pacing
// and concurrency shared through the database, manual redirects with a limit and loop detection, connect and total
// timeouts, a body-size limit enforced while streaming, retries with exponential backoff and jitter on 408/429/5xx
// and network errors, Retry-After honoured (a long one reschedules instead of blocking), conditional GET.
import type { TFetchErrorCode } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { backoffDelay, hostKey, isRetryableStatus, parseRetryAfter } from './fetch-rules.js';
import type { FetchSettings } from './fetch-settings.js';
import type { MonitoringHostsRepository } from './monitoring-hosts.repository.js';
import { robotsAllows, robotsForStatus, robotsPolicy, type RobotsPolicy } from './robots.js';

export interface FetchConditions {
  etag?: string | null;
  lastModified?: string | null;
}

interface FetchedContent {
  status: number;
  /** The address finally answered, after redirects. */
  url: string;
  contentType: string | null;
  body: Uint8Array;
  etag: string | null;
  lastModified: string | null;
}

/** A body (2xx), or "not modified" (304) with an empty one. */
export type FetchedBody = (FetchedContent & { kind: 'ok' }) | (FetchedContent & { kind: 'not_modified' });

/** `blocked`: robots.txt forbids it; `deferred`: the host is busy, try at `retryAt` (nothing was fetched). */
type FailureKind = 'error' | 'blocked' | 'deferred';
export type FetchFailure = { [K in FailureKind]: FailureFields & { kind: K } }[FailureKind];

interface FailureFields {
  code: TFetchErrorCode | null;
  status: number | null;
  message: string;
  url: string;
  bytes: number;
  /** When to try again (Retry-After, a busy host), or null for the usual schedule. */
  retryAt: Date | null;
}

export type { FetchSettings };

export type FetchOutcome = FetchedBody | FetchFailure;

export interface PoliteFetcherDeps {
  db: Executor;
  hosts: MonitoringHostsRepository;
  settings: FetchSettings;
  /** Waits; tests may shorten nothing — the settings are what tests make small. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class Failure extends Error {
  constructor(readonly failure: FetchFailure) {
    super(failure.message);
  }
}

const fail = (url: string, code: TFetchErrorCode, message: string, extra: Partial<FetchFailure> = {}) =>
  new Failure({ kind: 'error', code, status: null, message, url, bytes: 0, retryAt: null, ...extra });

export type PoliteFetcher = ReturnType<typeof createPoliteFetcher>;

export function createPoliteFetcher(deps: PoliteFetcherDeps) {
  const { db, hosts, settings } = deps;
  const sleep = deps.sleep ?? realSleep;
  const random = deps.random ?? Math.random;
  const crawlDelays = new Map<string, number>();

  /** Holds a slot of the host for the duration of `work`, waiting for it when the host's interval is not over. */
  async function paced<T>(url: URL, work: () => Promise<T>): Promise<T> {
    const host = hostKey(url);
    const interval = Math.max(settings.hostIntervalMs, (crawlDelays.get(host) ?? 0) * 1000) / 1000;
    const lease = Math.ceil((settings.totalTimeoutMs + settings.maxPacingWaitMs) / 1000) + 5;
    const horizon = settings.maxPacingWaitMs / 1000;
    const giveUpAt = Date.now() + settings.maxPacingWaitMs;
    for (;;) {
      const slot = await hosts.reserve(db, host, interval, settings.hostConcurrency, lease, horizon);
      if (slot) {
        try {
          const wait = slot.startAt.getTime() - slot.now.getTime();
          if (wait > 0) await sleep(wait);
          return await work();
        } finally {
          await hosts.release(db, host, slot.lease);
        }
      }
      const busyFor = await hosts.busySeconds(db, host);
      if (Date.now() >= giveUpAt || busyFor * 1000 > settings.maxPacingWaitMs)
        throw new Failure({
          kind: 'deferred',
          code: null,
          status: null,
          message: `${host} is busy`,
          url: url.toString(),
          bytes: 0,
          retryAt: new Date(Date.now() + Math.max(busyFor * 1000, settings.hostIntervalMs)),
        });
      await sleep(Math.min(1000, Math.max(50, settings.hostIntervalMs / 4)));
    }
  }

  /** One HTTP exchange (no redirects followed), paced, with the timeouts and the size limit. */
  async function exchange(url: URL, headers: Record<string, string>, maxBytes: number) {
    return paced(url, async () => {
      const controller = new AbortController();
      let reason: 'connect' | 'total' | null = null;
      const total = setTimeout(() => ((reason = 'total'), controller.abort()), settings.totalTimeoutMs);
      const connect = setTimeout(() => ((reason = 'connect'), controller.abort()), settings.connectTimeoutMs);
      try {
        const response = await fetch(url, { redirect: 'manual', headers, signal: controller.signal });
        clearTimeout(connect);
        const declared = Number(response.headers.get('content-length') ?? NaN);
        if (Number.isFinite(declared) && declared > maxBytes) {
          controller.abort();
          throw fail(url.toString(), 'too_large', `the body announces ${declared} bytes (limit ${maxBytes})`, {
            status: response.status,
          });
        }
        const chunks: Uint8Array[] = [];
        let size = 0;
        if (response.body && response.status !== 304 && !(response.status >= 300 && response.status < 400)) {
          const reader = response.body.getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            size += value.byteLength;
            if (size > maxBytes) {
              await reader.cancel().catch(() => undefined);
              controller.abort();
              throw fail(url.toString(), 'too_large', `the body exceeds ${maxBytes} bytes`, {
                status: response.status,
                bytes: size,
              });
            }
            chunks.push(value);
          }
        } else {
          await response.body?.cancel().catch(() => undefined);
        }
        const body = new Uint8Array(size);
        let offset = 0;
        for (const chunk of chunks) {
          body.set(chunk, offset);
          offset += chunk.byteLength;
        }
        return { response, body };
      } catch (error) {
        if (error instanceof Failure) throw error;
        if (reason)
          throw fail(
            url.toString(),
            'timeout',
            reason === 'connect'
              ? `no answer within ${settings.connectTimeoutMs} ms`
              : `not complete within ${settings.totalTimeoutMs} ms`,
          );
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw fail(url.toString(), 'network', cause?.code ?? cause?.message ?? (error as Error).message);
      } finally {
        clearTimeout(connect);
        clearTimeout(total);
      }
    });
  }

  /** The robots.txt policy of the URL's origin; concurrent asks for one host share one read. */
  const robotsReads = new Map<string, Promise<RobotsPolicy>>();
  function robotsOf(url: URL): Promise<RobotsPolicy> {
    const host = hostKey(url);
    let read = robotsReads.get(host);
    if (!read) {
      read = readRobots(url).finally(() => robotsReads.delete(host));
      robotsReads.set(host, read);
    }
    return read;
  }

  /** The robots.txt policy of the URL's origin, from the cache or fetched (politely) and cached. */
  async function readRobots(url: URL): Promise<RobotsPolicy> {
    const host = hostKey(url);
    const cached = await hosts.findRobots(db, host, settings.robotsTtlSeconds);
    let text: string | null = cached?.robotsTxt ?? null;
    let status: number | null = cached?.robotsStatus ?? null;
    if (!cached?.fresh) {
      text = null;
      status = null;
      try {
        let target = new URL('/robots.txt', url);
        for (let hop = 0; hop <= settings.maxRedirects; hop++) {
          const { response, body } = await exchange(target, { 'user-agent': settings.userAgent }, 512 * 1024);
          const location = response.headers.get('location');
          if (response.status >= 300 && response.status < 400 && location) {
            target = new URL(location, target);
            continue;
          }
          status = response.status;
          if (response.ok) text = new TextDecoder().decode(body);
          break;
        }
      } catch (error) {
        if (error instanceof Failure && error.failure.kind === 'deferred') throw error;
        // Unreachable robots.txt: allowed, as if there were none.
      }
      await hosts.saveRobots(db, host, text, status);
    }
    const policy =
      text !== null && status !== null && status < 300
        ? robotsPolicy(text, settings.robotsToken)
        : robotsForStatus(status);
    if (policy.crawlDelaySeconds !== null) crawlDelays.set(host, Math.min(60, policy.crawlDelaySeconds));
    return policy;
  }

  /** One attempt: robots, then the request and its redirects, each hop paced and checked against robots. */
  async function attempt(start: string, conditions: FetchConditions, accept: string): Promise<FetchedBody> {
    const visited = new Set<string>();
    let current = new URL(start);
    for (let hop = 0; ; hop++) {
      const key = current.toString();
      if (visited.has(key)) throw fail(start, 'redirect_loop', `the redirects return to ${key}`);
      if (hop > settings.maxRedirects)
        throw fail(start, 'too_many_redirects', `more than ${settings.maxRedirects} redirects`);
      visited.add(key);
      if (current.protocol !== 'http:' && current.protocol !== 'https:')
        throw fail(start, 'network', `unsupported address ${current.protocol}`);
      const policy = await robotsOf(current);
      if (!robotsAllows(policy, current.pathname + current.search))
        throw new Failure({
          kind: 'blocked',
          code: 'robots_disallowed',
          status: null,
          message: `robots.txt of ${current.host} disallows ${current.pathname}`,
          url: key,
          bytes: 0,
          retryAt: null,
        });
      const headers: Record<string, string> = { 'user-agent': settings.userAgent, accept };
      if (conditions.etag) headers['if-none-match'] = conditions.etag;
      if (conditions.lastModified) headers['if-modified-since'] = conditions.lastModified;
      const { response, body } = await exchange(current, headers, settings.maxBytes);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
        current = new URL(location, current);
        continue;
      }
      const common = {
        status: response.status,
        url: key,
        contentType: response.headers.get('content-type'),
        body,
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
      };
      if (response.status === 304) return { kind: 'not_modified', ...common };
      if (response.status >= 200 && response.status < 300) return { kind: 'ok', ...common };
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), new Date());
      throw fail(key, 'http_status', `HTTP ${response.status}`, {
        status: response.status,
        bytes: body.byteLength,
        retryAt: retryAfter !== null ? new Date(Date.now() + retryAfter) : null,
      });
    }
  }

  return {
    /**
     * Fetches `url` politely, retrying what is worth retrying. Never throws for the site's behaviour: every
     * failure is an outcome with a code, to be recorded against the source.
     */
    async fetch(url: string, conditions: FetchConditions = {}, accept = '*/*'): Promise<FetchOutcome> {
      for (let attemptNo = 1; ; attemptNo++) {
        try {
          return await attempt(url, conditions, accept);
        } catch (error) {
          if (!(error instanceof Failure)) throw error;
          const failure = error.failure;
          const retryable =
            failure.kind === 'error' &&
            (failure.code === 'network' ||
              failure.code === 'timeout' ||
              (failure.code === 'http_status' && failure.status !== null && isRetryableStatus(failure.status)));
          if (!retryable) return failure;
          const wait =
            failure.retryAt !== null
              ? Math.max(0, failure.retryAt.getTime() - Date.now())
              : backoffDelay(attemptNo, settings.backoffBaseMs, settings.maxRetryWaitMs, random());
          if (failure.retryAt !== null) await hosts.defer(db, hostKey(new URL(failure.url)), wait / 1000);
          if (attemptNo > settings.retries || wait > settings.maxRetryWaitMs) return failure;
          await sleep(wait);
        }
      }
    },
  };
}
