// The work loop end to end against a local news site: sources → queued pages → extracted, ingested articles; the
// recorded outcomes of misbehaving feeds; and the proof that killing the loop between steps loses and duplicates
// nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMonitoringSource } from '@loa/contracts';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { rssFeed, serveCorpusArticles, startFeedServer, type FeedServer } from '../../../test/feed-server.js';
import { fetchQueueRepository } from './fetch-queue.repository.js';
import { DEFAULT_LOOP_SETTINGS, type IngestArticles } from './fetch-types.js';
import { createItemFetchService } from './item-fetch.service.js';
import { fetchSettingsFrom } from './fetch-settings.js';
import { monitoringHostsRepository } from './monitoring-hosts.repository.js';
import { monitoringSourcesRepository } from './monitoring-sources.repository.js';
import { createPoliteFetcher } from './polite-fetcher.service.js';

let t: TestApp;
let admin: Session;
let site: FeedServer;
const loop = { ...DEFAULT_LOOP_SETTINGS, runBudgetMs: 30_000, itemBatch: 10 };
const FETCH = { hostIntervalSeconds: 0.05, connectTimeoutSeconds: 2, timeoutSeconds: 5, retries: 1 };

beforeAll(async () => {
  t = await createTestApp({
    monitoringFetch: FETCH,
    monitoringLoop: loop,
  });
  admin = await t.loginAdmin();
  site = await startFeedServer();
});

afterAll(async () => {
  await site.close();
  await t.close();
});

const q = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await t.db.pool.query<T>(text, params)).rows;

async function addSource(name: string, path: string, extra: Record<string, unknown> = {}): Promise<TMonitoringSource> {
  const response = await admin.post('/api/monitoring/sources', {
    name,
    kind: 'feed',
    url: `${site.url}${path}`,
    tier: 'national',
    enabled: true,
    ...extra,
  });
  expect(response.statusCode).toBe(201);
  return response.json<TMonitoringSource>();
}

const due = (id: string) => q(`UPDATE monitoring_sources SET next_poll_at = now() WHERE id = $1`, [id]);
const lastLog = async (id: string) =>
  (
    await q<{
      outcome: string;
      error_code: string | null;
      items_seen: number;
      items_new: number;
      message: string | null;
    }>(
      `SELECT outcome, error_code, items_seen, items_new, message FROM monitoring_fetch_log
      WHERE source_id = $1 AND url LIKE '%.rss' OR source_id = $1 AND url LIKE '%.xml' ORDER BY id DESC LIMIT 1`,
      [id],
    )
  )[0];

describe('the fetch loop', () => {
  it('fetches a feed, queues its items once, then fetches, extracts and ingests each page', async () => {
    const served = await serveCorpusArticles(site, 5);
    site.route('/tin-moi.rss', { etag: '"a1"', body: rssFeed(served.map((s) => s.entry)) });
    const source = await addSource('Báo thử — Tin mới', '/tin-moi.rss');
    expect(await t.services.monitoringSourceFetch.fetchDueSources()).toBe(1);
    expect(await lastLog(source.id)).toMatchObject({ outcome: 'ok', items_seen: 5, items_new: 5 });
    const poll = async () =>
      (await q<{ p: number }>(`SELECT poll_seconds AS p FROM monitoring_sources WHERE id = $1`, [source.id]))[0]!.p;
    expect(await poll()).toBe(1800); // every item new: twice as often as the default hour
    expect(await t.services.monitoringItemFetch.processItems()).toBe(5);
    const articles = await q<{ url: string; title: string; body: string; published_at: Date; source_name: string }>(
      `SELECT url, title, body, published_at, source_name FROM monitoring_articles WHERE source_id = $1 ORDER BY url`,
      [source.id],
    );
    expect(articles).toHaveLength(5);
    for (const { article, entry } of served) {
      const stored = articles.find((a) => a.url === entry.url)!;
      expect(stored.title).toBe(article.title);
      const squeeze = (text: string) => text.replace(/\s+/g, ' ');
      expect(squeeze(stored.body)).toContain(squeeze(article.body.split('\n')[0]!).slice(0, 80));
      expect(stored.published_at.toUTCString()).toBe(entry.date);
      expect(stored.source_name).toBe('Báo thử — Tin mới');
    }
    const queue = await q<{ state: string; article_id: string | null }>(
      `SELECT state, article_id FROM monitoring_fetch_queue WHERE source_id = $1`,
      [source.id],
    );
    expect(queue.every((r) => r.state === 'done' && r.article_id !== null)).toBe(true);
    expect(site.requestsFor('/tin-moi.rss')).toHaveLength(1);

    // Fetched again with a new ETag but the same items: "unchanged", nothing queued, polled half as often again.
    site.route('/tin-moi.rss', { etag: '"a2"', body: rssFeed(served.map((s) => s.entry)) });
    await due(source.id);
    await t.services.monitoringSourceFetch.fetchDueSources();
    expect(await lastLog(source.id)).toMatchObject({ outcome: 'unchanged', items_new: 0 });
    expect(site.requestsFor('/tin-moi.rss').at(-1)!.headers['if-none-match']).toBe('"a1"');
    const [row] = await q<{ poll_seconds: number; etag: string }>(
      `SELECT poll_seconds, etag FROM monitoring_sources WHERE id = $1`,
      [source.id],
    );
    expect(row).toEqual({ poll_seconds: 3600, etag: '"a2"' });

    // The server honours the validator now: "not modified".
    await due(source.id);
    await t.services.monitoringSourceFetch.fetchDueSources();
    expect(await lastLog(source.id)).toMatchObject({ outcome: 'not_modified' });
  });

  it('loses and duplicates nothing when the item worker is killed between ingest and marking done', async () => {
    const served = await serveCorpusArticles(site, 4, 10);
    site.route('/kill.rss', { body: rssFeed(served.map((s) => s.entry)) });
    const source = await addSource('Báo thử — Ngắt giữa chừng', '/kill.rss');
    await t.services.monitoringSourceFetch.fetchDueSources();
    const real = t.services.monitoringIngest.ingest as IngestArticles;
    const killer = new AbortController();
    const killedAfterIngest = createItemFetchService({
      db: t.db.db,
      runInTransaction: t.services.runInTransaction,
      queue: fetchQueueRepository,
      sources: monitoringSourcesRepository,
      fetcher: createPoliteFetcher({
        db: t.db.db,
        hosts: monitoringHostsRepository,
        settings: fetchSettingsFrom(FETCH, undefined),
      }),
      ingest: async (...args) => {
        const response = await real(...args);
        killer.abort();
        return response;
      },
      settings: loop,
    });
    await killedAfterIngest.processItems({ signal: killer.signal });
    const count = async () =>
      (
        await q<{ n: number }>(`SELECT count(*)::int AS n FROM monitoring_articles WHERE source_id = $1`, [source.id])
      )[0]!.n;
    expect(await count()).toBe(4);
    const pending = await q<{ state: string }>(`SELECT state FROM monitoring_fetch_queue WHERE source_id = $1`, [
      source.id,
    ]);
    expect(pending.map((r) => r.state)).toEqual(['pending', 'pending', 'pending', 'pending']);
    // Nothing is taken again until the dead worker's claim lapses; then a fresh worker finishes the job.
    expect(await t.services.monitoringItemFetch.processItems()).toBe(0);
    await q(`UPDATE monitoring_fetch_queue SET next_attempt_at = now() WHERE source_id = $1`, [source.id]);
    expect(await t.services.monitoringItemFetch.processItems()).toBe(4);
    expect(await count()).toBe(4);
    const done = await q<{ state: string; article_id: string; id: string }>(
      `SELECT q.state, q.article_id, a.id FROM monitoring_fetch_queue q JOIN monitoring_articles a ON a.url_key = q.url_key
        WHERE q.source_id = $1`,
      [source.id],
    );
    expect(done).toHaveLength(4);
    expect(done.every((r) => r.state === 'done' && r.article_id === r.id)).toBe(true);

    // Killed right after fetching the feed, before its transaction: fetched again later, queued once.
    await due(source.id);
    await t.services.monitoringSourceFetch.fetchDueSources();
    const queued = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM monitoring_fetch_queue WHERE source_id = $1`,
      [source.id],
    );
    expect(queued[0]!.n).toBe(4);
  });

  it('records malformed XML, HTML served as a feed and bad encodings against the source', async () => {
    site.route('/hong.rss', { body: '<?xml version="1.0"?><rss><channel><item><title>Tin</title></channel></rss>' });
    site.route('/html.rss', {
      headers: { 'content-type': 'text/html' },
      body: '<!doctype html><html><body>Trang chủ</body></html>',
    });
    site.route('/ma-loi.rss', {
      headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
      body: Buffer.concat([
        Buffer.from('<rss><channel><item><title>B'),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('</title></item></channel></rss>'),
      ]),
    });
    const cases = [
      ['/hong.rss', 'malformed_xml'],
      ['/html.rss', 'not_a_feed'],
      ['/ma-loi.rss', 'bad_encoding'],
    ] as const;
    for (const [path, code] of cases) {
      const source = await addSource(`Báo hỏng ${path}`, path);
      await t.services.monitoringSourceFetch.fetchDueSources();
      expect(await lastLog(source.id)).toMatchObject({ outcome: 'error', error_code: code });
      const health = (await admin.get(`/api/monitoring/sources/${source.id}`)).json<TMonitoringSource>().health;
      expect(health).toMatchObject({ lastErrorCode: code, consecutiveFailures: 1, lastSuccessAt: null });
    }
  });

  it('reads a windows-1258 feed, keeps future- and undated items, and skips a guid seen before under a new address', async () => {
    const title = Buffer.from([0x42, 0x61, 0xd2, 0x6f, 0x20, 0x68, 0x69, 0xea, 0xd2, 0x6d]); // "Bảo hiểm"
    const item = (path: string, guid: string, date: string) =>
      Buffer.concat([
        Buffer.from(`<item><title>`),
        title,
        Buffer.from(` ${guid}</title><link>${site.url}${path}</link><guid>${guid}</guid>${date}</item>`),
      ]);
    const feed = (items: Buffer[]) =>
      Buffer.concat([
        Buffer.from('<?xml version="1.0" encoding="windows-1258"?><rss version="2.0"><channel>'),
        ...items,
        Buffer.from('</channel></rss>'),
      ]);
    site.route('/cp1258.rss', {
      headers: { 'content-type': 'application/rss+xml' },
      sequence: [
        {
          body: feed([
            item('/v/1.html', 'g-1', '<pubDate>Mon, 01 Jan 2100 00:00:00 +0700</pubDate>'),
            item('/v/2.html', 'g-2', ''),
          ]),
        },
        { body: feed([item('/v/1-moi.html', 'g-1', ''), item('/v/3.html', 'g-3', '')]) },
      ],
    });
    const source = await addSource('Báo mã cũ', '/cp1258.rss');
    await t.services.monitoringSourceFetch.fetchDueSources();
    const log = await lastLog(source.id);
    expect(log).toMatchObject({ outcome: 'ok', items_new: 2 });
    expect(log!.message).toMatch(/1 future dates dropped/);
    expect(log!.message).toMatch(/1 items without a date/);
    await due(source.id);
    await t.services.monitoringSourceFetch.fetchDueSources();
    expect(await lastLog(source.id)).toMatchObject({ outcome: 'ok', items_seen: 2, items_new: 1 });
    const rows = await q<{ url: string; title: string }>(
      `SELECT url, feed_item->>'title' AS title FROM monitoring_fetch_queue WHERE source_id = $1 ORDER BY id`,
      [source.id],
    );
    expect(rows.map((r) => [r.url.replace(site.url, ''), r.title])).toEqual([
      ['/v/1.html', 'Bảo hiểm g-1'],
      ['/v/2.html', 'Bảo hiểm g-2'],
      ['/v/3.html', 'Bảo hiểm g-3'],
    ]);
  });

  it('disables a source after repeated failures, with the reason, audited, and tells its unit', async () => {
    site.route('/chet.rss', { status: 404 });
    const source = await addSource('Báo đã đóng cửa', '/chet.rss');
    await q(`UPDATE monitoring_sources SET consecutive_failures = 9 WHERE id = $1`, [source.id]);
    const seq = await t.lastAuditSeq();
    await t.services.monitoringSourceFetch.fetchDueSources();
    const after = (await admin.get(`/api/monitoring/sources/${source.id}`)).json<TMonitoringSource>();
    expect(after).toMatchObject({ enabled: false, health: { consecutiveFailures: 10, lastErrorCode: 'http_status' } });
    expect(after.disabledReason).toMatch(/10 lần lấy tin lỗi liên tiếp/);
    const audit = await t.auditSince(seq);
    expect(audit.filter((a) => a.entity_id === source.id).map((a) => a.action)).toEqual(['disable']);
    const notes = await q<{ title_vi: string }>(`SELECT title_vi FROM notifications WHERE entity_id = $1`, [source.id]);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes[0]!.title_vi).toMatch(/Báo đã đóng cửa/);
    await due(source.id);
    expect(await t.services.monitoringSourceFetch.fetchDueSources({ sourceId: source.id })).toBe(0);
  });

  it('reschedules a source whose site asks to come back much later', async () => {
    const other = await startFeedServer();
    try {
      other.route('/cham.rss', { status: 429, headers: { 'retry-after': '7200' } });
      const response = await admin.post('/api/monitoring/sources', {
        name: 'Báo quá tải',
        kind: 'feed',
        url: `${other.url}/cham.rss`,
        tier: 'national',
        enabled: true,
      });
      const source = response.json<TMonitoringSource>();
      await t.services.monitoringSourceFetch.fetchDueSources();
      expect(other.requestsFor('/cham.rss')).toHaveLength(1);
      const [row] = await q<{ later: boolean }>(
        `SELECT next_poll_at > now() + interval '1 hour' AS later FROM monitoring_sources WHERE id = $1`,
        [source.id],
      );
      expect(row!.later).toBe(true);
    } finally {
      await other.close();
    }
  });
});
