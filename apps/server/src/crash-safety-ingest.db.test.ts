// Issue 10 §3, the third crash: a real worker process (src/worker.ts) is SIGKILLed in the middle of monitoring
// ingestion — after a first batch of a feed's pages was ingested, while the site holds the next page's request —
// and a new worker completes it: every item ingested exactly once, none lost, the fetch queue drained. The kill point
// is an observed state (the held request has arrived), never a sleep. See docs/decisions/0048.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TMonitoringSource } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lapseDeadItemClaims } from '../test/crash/ingest-claims.js';
import { serveStallingPages } from '../test/crash/ingest-stalling-site.js';
import { expireDeadWorkerLeases, jobStates } from '../test/crash/job-leases.js';
import { waitFor } from '../test/crash/race.js';
import { killAllWorkers, startWorker } from '../test/crash/worker-process.js';
import { rssFeed, startFeedServer, type FeedServer } from '../test/feed-server.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { DEFAULT_LOOP_SETTINGS, fetchItemsJob, fetchSourcesJob } from './modules/monitoring-sources/index.js';
import { startJobs, type Jobs } from './platform/jobs/jobs.js';

let t: TestApp;
let site: FeedServer;
let filesDir: string;
let queue: Jobs;
const quiet = { error: () => undefined, info: () => undefined };

beforeAll(async () => {
  site = await startFeedServer();
  t = await createTestApp();
  filesDir = await mkdtemp(path.join(os.tmpdir(), 'loa-crash-ingest-'));
  // Only queues jobs (no work, no schedules): the workers under test do the work.
  queue = await startJobs({ connectionString: t.db.url, schedule: false, log: quiet });
});
afterAll(async () => {
  await killAllWorkers();
  await queue?.stop();
  await t?.close();
  await site?.close();
  if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

// Fast pacing for the local site; timeouts longer than the hold, so the held page is never given up by the fetcher.
const worker = () =>
  startWorker({
    databaseUrl: t.db.url,
    filesDir,
    env: {
      LOA_FETCH_HOST_INTERVAL_SECONDS: '0.05',
      LOA_FETCH_CONNECT_TIMEOUT_SECONDS: '120',
      LOA_FETCH_TIMEOUT_SECONDS: '120',
    },
  });
const count = async (text: string, params: unknown[]) =>
  (await t.db.pool.query<{ n: number }>(text, params)).rows[0]!.n;

describe('a worker killed while ingesting monitored pages', () => {
  // More pages than one round claims: the first round is ingested, the second is killed while fetching.
  const BATCH = DEFAULT_LOOP_SETTINGS.itemBatch;
  const PAGES = BATCH + 5;

  it(
    'keeps the ingested batch, leaves the rest queued; the next worker ingests every item exactly once',
    { timeout: 150_000 },
    async () => {
      const pages = await serveStallingPages(site, {
        count: PAGES,
        offset: 30,
        answerFirst: BATCH + 1,
        holdMs: 90_000,
      });
      site.route('/crash.rss', { body: rssFeed(pages.entries) });
      const admin = await t.loginAdmin();
      const created = await admin.post('/api/monitoring/sources', {
        name: 'Báo thử — Ngắt tiến trình',
        kind: 'feed',
        url: `${site.url}/crash.rss`,
        tier: 'national',
        enabled: true,
      });
      expect(created.statusCode, created.body).toBe(201);
      const source = created.json<TMonitoringSource>();
      const articles = () =>
        count('SELECT count(*)::int AS n FROM monitoring_articles WHERE source_id = $1', [source.id]);

      const first = await worker();
      await queue.send(
        fetchSourcesJob(async () => 0),
        { sourceId: source.id },
      );
      // The worker fetched the feed, ingested the first round's pages and now waits for a page the site holds.
      const held = await waitFor(
        'the site to hold a page request after a first ingested batch',
        async () => (pages.stalledPath() && (await articles()) > 0 ? pages.stalledPath() : null),
        { timeoutMs: 60_000, detail: first.output },
      );
      await first.kill();

      const queueStates = async () =>
        (
          await t.db.pool.query<{ state: string; n: number }>(
            `SELECT state, count(*)::int AS n FROM monitoring_fetch_queue WHERE source_id = $1
              GROUP BY state ORDER BY state`,
            [source.id],
          )
        ).rows;
      // The first round is stored and settled; the second round's pages are still queued, none half-ingested.
      expect(await articles()).toBe(BATCH);
      expect(await queueStates()).toEqual([
        { state: 'done', n: BATCH },
        { state: 'pending', n: PAGES - BATCH },
      ]);
      expect(await expireDeadWorkerLeases(t.db.pool)).toBeGreaterThanOrEqual(1);
      expect(await lapseDeadItemClaims(t.db.pool)).toBe(PAGES - BATCH);

      const second = await worker();
      await waitFor(
        'every queued page to be settled',
        async () =>
          (await count(
            `SELECT count(*)::int AS n FROM monitoring_fetch_queue WHERE source_id = $1 AND state <> 'done'`,
            [source.id],
          )) === 0,
        { timeoutMs: 60_000, detail: second.output },
      );
      const itemsJob = fetchItemsJob(async () => 0).name;
      await waitFor('the item fetch jobs to complete', async () => {
        const states = await jobStates(t.db.pool, itemsJob);
        return !states.created && !states.retry && !states.active;
      });

      // Every feed item once: one article per address, the feed's addresses exactly, each queue row pointing at it.
      const stored = await t.db.pool.query<{ url: string; copies: number }>(
        `SELECT url, count(*)::int AS copies FROM monitoring_articles WHERE source_id = $1 GROUP BY url ORDER BY url`,
        [source.id],
      );
      expect(stored.rows.map((r) => r.url)).toEqual(pages.entries.map((e) => e.url).sort());
      expect(stored.rows.every((r) => r.copies === 1)).toBe(true);
      const linked = await count(
        `SELECT count(*)::int AS n FROM monitoring_fetch_queue q JOIN monitoring_articles a ON a.id = q.article_id
          WHERE q.source_id = $1 AND q.state = 'done' AND a.url_key = q.url_key`,
        [source.id],
      );
      expect(linked).toBe(PAGES);
      // The held page was asked for twice: by the killed worker, and answered to the one that took over.
      expect(site.requestsFor(held)).toHaveLength(2);
    },
  );
});
