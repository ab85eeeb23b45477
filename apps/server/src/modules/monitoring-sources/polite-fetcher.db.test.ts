// The polite fetcher against a local site that misbehaves on purpose. Times are read from the server's own record
// of arrivals and checked as orderings and minimum gaps with generous margins, never as wall-clock bounds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { rssFeed, startFeedServer, type FeedServer } from '../../../test/feed-server.js';
import { fetchSettingsFrom } from './fetch-settings.js';
import { monitoringHostsRepository } from './monitoring-hosts.repository.js';
import { createPoliteFetcher, type FetchSettings } from './polite-fetcher.service.js';

let db: TestDatabase;
let site: FeedServer;
const INTERVAL_MS = 300;

function fetcher(overrides: Partial<FetchSettings> = {}) {
  const settings = {
    ...fetchSettingsFrom(
      { hostIntervalSeconds: INTERVAL_MS / 1000, connectTimeoutSeconds: 1, timeoutSeconds: 3, retries: 2 },
      'https://loa.example.vn',
    ),
    backoffBaseMs: 100,
    ...overrides,
  };
  return createPoliteFetcher({ db: db.db, hosts: monitoringHostsRepository, settings });
}

const feed = rssFeed([{ url: 'https://x.vn/a.html', title: 'A', lead: 'a' }]);

beforeAll(async () => {
  db = await createTestDatabase();
  site = await startFeedServer();
  site.route('/robots.txt', { body: 'User-agent: *\nDisallow: /private/\n\nUser-agent: loa\nDisallow: /cam-loa/\n' });
});

afterAll(async () => {
  await site.close();
  await db.drop();
});

describe('createPoliteFetcher', () => {
  it('reads robots.txt once, names itself, and spaces requests to one host by the interval even when asked at once', async () => {
    for (let i = 0; i < 4; i++) site.route(`/pace/${i}.rss`, { body: feed });
    const start = site.requests.length;
    const f = fetcher();
    const outcomes = await Promise.all([0, 1, 2, 3].map((i) => f.fetch(`${site.url}/pace/${i}.rss`)));
    expect(outcomes.map((o) => o.kind)).toEqual(['ok', 'ok', 'ok', 'ok']);
    const seen = site.requests.slice(start);
    expect(seen.filter((r) => r.path === '/robots.txt')).toHaveLength(1);
    expect(seen[0]!.path).toBe('/robots.txt');
    expect(
      seen.every((r) =>
        /^Loa\/1\.0 \(\+https:\/\/loa\.example\.vn\) BHXH Viet Nam media monitoring$/.test(
          String(r.headers['user-agent']),
        ),
      ),
    ).toBe(true);
    const gaps = seen.slice(1).map((r, i) => r.at - seen[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(INTERVAL_MS * 0.8);
  });

  it('keeps the pacing across two fetchers sharing the database (two instances)', async () => {
    for (let i = 0; i < 4; i++) site.route(`/two/${i}.rss`, { body: feed });
    const start = site.requests.length;
    const [a, b] = [fetcher(), fetcher()];
    await Promise.all([
      a.fetch(`${site.url}/two/0.rss`),
      b.fetch(`${site.url}/two/1.rss`),
      a.fetch(`${site.url}/two/2.rss`),
      b.fetch(`${site.url}/two/3.rss`),
    ]);
    const seen = site.requests.slice(start).filter((r) => r.path.startsWith('/two/'));
    expect(seen).toHaveLength(4);
    const gaps = seen.slice(1).map((r, i) => r.at - seen[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(INTERVAL_MS * 0.8);
  });

  it('honours robots.txt: its own group, which replaces the * group', async () => {
    site.route('/cam-loa/x.rss', { body: feed });
    site.route('/private/x.rss', { body: feed });
    const f = fetcher();
    expect(await f.fetch(`${site.url}/cam-loa/x.rss`)).toMatchObject({ kind: 'blocked', code: 'robots_disallowed' });
    // Our own group replaces the * group entirely (RFC 9309): /private/ is only closed to others.
    expect(await f.fetch(`${site.url}/private/x.rss`)).toMatchObject({ kind: 'ok' });
    expect(site.requestsFor('/cam-loa/x.rss')).toHaveLength(0);
  });

  it('waits as Retry-After (seconds) says, then succeeds', async () => {
    site.route('/busy.rss', { sequence: [{ status: 429, headers: { 'retry-after': '1' } }, { body: feed }] });
    const outcome = await fetcher().fetch(`${site.url}/busy.rss`);
    expect(outcome.kind).toBe('ok');
    const [first, second] = site.requestsFor('/busy.rss');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(900);
  });

  it('reschedules instead of blocking on a long Retry-After (HTTP date), and holds the whole host back', async () => {
    const other = await startFeedServer();
    try {
      const later = new Date(Date.now() + 3_600_000).toUTCString();
      other.route('/later.rss', { status: 503, headers: { 'retry-after': later } });
      other.route('/next.rss', { body: feed });
      const outcome = await fetcher().fetch(`${other.url}/later.rss`);
      expect(outcome).toMatchObject({ kind: 'error', code: 'http_status', status: 503 });
      if (outcome.kind !== 'error') return;
      expect(outcome.retryAt!.getTime()).toBeGreaterThan(Date.now() + 3_000_000);
      expect(other.requestsFor('/later.rss')).toHaveLength(1);
      const next = await fetcher().fetch(`${other.url}/next.rss`);
      expect(next).toMatchObject({ kind: 'deferred' });
      expect(next.kind === 'deferred' && next.retryAt!.getTime()).toBeGreaterThan(Date.now() + 3_000_000);
      expect(other.requestsFor('/next.rss')).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('retries a 500 with backoff and then succeeds; gives a 404 up at once', async () => {
    site.route('/flaky.rss', { sequence: [{ status: 500 }, { status: 502 }, { body: feed }] });
    expect(await fetcher().fetch(`${site.url}/flaky.rss`)).toMatchObject({ kind: 'ok', status: 200 });
    expect(site.requestsFor('/flaky.rss')).toHaveLength(3);
    expect(await fetcher().fetch(`${site.url}/missing.rss`)).toMatchObject({
      kind: 'error',
      code: 'http_status',
      status: 404,
    });
    expect(site.requestsFor('/missing.rss')).toHaveLength(1);
  });

  it('times out a slow server', async () => {
    site.route('/slow.rss', { delayMs: 2500, body: feed });
    const outcome = await fetcher({ retries: 0, connectTimeoutMs: 300 }).fetch(`${site.url}/slow.rss`);
    expect(outcome).toMatchObject({ kind: 'error', code: 'timeout' });
  });

  it('cuts a huge body off while streaming, without buffering it', async () => {
    site.route('/huge.rss', { streamBytes: 2 * 1024 * 1024 * 1024 });
    const outcome = await fetcher({ maxBytes: 1024 * 1024 }).fetch(`${site.url}/huge.rss`);
    expect(outcome).toMatchObject({ kind: 'error', code: 'too_large' });
    if (outcome.kind === 'error') expect(outcome.bytes).toBeLessThan(2 * 1024 * 1024);
    site.route('/announced.rss', { headers: { 'content-length': String(50 * 1024 * 1024) }, body: 'x' });
    expect(await fetcher({ maxBytes: 1024 * 1024 }).fetch(`${site.url}/announced.rss`)).toMatchObject({
      code: 'too_large',
    });
  });

  it('detects redirect loops and too many redirects, and follows ordinary redirects', async () => {
    site.route('/loop-a', { status: 302, headers: { location: '/loop-b' } });
    site.route('/loop-b', { status: 301, headers: { location: `${site.url}/loop-a` } });
    expect(await fetcher().fetch(`${site.url}/loop-a`)).toMatchObject({ kind: 'error', code: 'redirect_loop' });
    for (let i = 0; i < 8; i++) site.route(`/hop/${i}`, { status: 307, headers: { location: `/hop/${i + 1}` } });
    expect(await fetcher().fetch(`${site.url}/hop/0`)).toMatchObject({ kind: 'error', code: 'too_many_redirects' });
    site.route('/moved.rss', { status: 301, headers: { location: '/pace/0.rss' } });
    expect(await fetcher().fetch(`${site.url}/moved.rss`)).toMatchObject({ kind: 'ok', url: `${site.url}/pace/0.rss` });
  });

  it('sends the validators it has and reports "not modified"', async () => {
    site.route('/etag.rss', { etag: '"v1"', body: feed });
    const first = await fetcher().fetch(`${site.url}/etag.rss`);
    expect(first).toMatchObject({ kind: 'ok', etag: '"v1"' });
    const second = await fetcher().fetch(`${site.url}/etag.rss`, { etag: '"v1"' });
    expect(second).toMatchObject({ kind: 'not_modified', status: 304 });
    expect(site.requestsFor('/etag.rss').at(-1)!.headers['if-none-match']).toBe('"v1"');
  });

  it('treats a robots.txt answered 403 as forbidding everything, and an erroring one as allowing', async () => {
    const forbidden = await startFeedServer();
    const broken = await startFeedServer();
    try {
      forbidden.route('/robots.txt', { status: 403 });
      forbidden.route('/feed.rss', { body: feed });
      broken.route('/robots.txt', { status: 500 });
      broken.route('/feed.rss', { body: feed });
      const f = fetcher({ retries: 0 });
      expect(await f.fetch(`${forbidden.url}/feed.rss`)).toMatchObject({ kind: 'blocked' });
      expect(await f.fetch(`${broken.url}/feed.rss`)).toMatchObject({ kind: 'ok' });
    } finally {
      await forbidden.close();
      await broken.close();
    }
  });
});
