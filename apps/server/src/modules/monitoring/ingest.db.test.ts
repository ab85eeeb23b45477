import type { TIngestItemError, TIngestResponse, TIngestResult } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { train } from './classifier-model.js';
import { createMonitoringEngine } from './engine.service.js';
import {
  SCAM_STORY,
  SYNDICATED_COPY,
  SYNDICATED_STORY,
  TRAINING_FIXTURES,
  UNRELATED_STORY,
} from './ingest.fixtures.js';
import { createIngestService } from './ingest.service.js';
import { monitoringRepository } from './monitoring.repository.js';

let t: TestApp;
let tt: Session;
let officer: Session;
let ttUnit: string;
const ok = (r: TIngestResponse['results'][number]) => r as TIngestResult;
const count = async (sql: string, params: unknown[] = []) =>
  (await t.db.pool.query<{ n: number }>(sql, params)).rows[0]!.n;

/** A second Loa instance on the same database: its own engine state, the same tables. */
function secondInstance() {
  const engine = createMonitoringEngine({
    repo: monitoringRepository,
    loadShippedModel: async () => null,
    warn: () => undefined,
  });
  return createIngestService({
    db: t.services.db,
    runInTransaction: t.services.runInTransaction,
    recordAudit,
    repo: monitoringRepository,
    engine,
  });
}

const ingest = (session: Session, articles: unknown[], lang = 'vi') =>
  session.post('/api/monitoring/ingest', { articles }, { 'accept-language': lang });

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'tt.monitor', roles: ['comms_center'], unitCode: 'TT' });
  await t.createUser({ username: 'p01.monitor', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'tt.reader', roles: ['viewer'], unitCode: 'TT' });
  [tt, officer] = await Promise.all([t.login('tt.monitor'), t.login('p01.monitor')]);
  ttUnit = await t.unitId('TT');
  const model = train(TRAINING_FIXTURES);
  await t.db.pool.query(`INSERT INTO monitoring_models (model, examples, corrections) VALUES ($1, $2, 0)`, [
    JSON.stringify(model),
    TRAINING_FIXTURES.length,
  ]);
});
afterAll(async () => t?.close());

describe('POST /api/monitoring/ingest', () => {
  let first: TIngestResponse;
  const batch = [
    { url: 'https://hanoimoi.example.vn/no-dong-bhxh-1.html?utm_source=fb', source: 'Hà Nội Mới', ...SYNDICATED_STORY },
    {
      url: 'https://tintuc.example.vn/ha-noi-no-bhxh',
      source: 'Tin tức',
      publishedAt: '2025-03-02',
      ...SYNDICATED_COPY,
    },
    { url: 'https://dulich.example.vn/hoa-ban', ...UNRELATED_STORY },
    { url: 'https://x.example.vn/khong-tieu-de', lead: 'Thiếu tiêu đề' },
    { url: 'ftp://x.example.vn/file', title: 'Không phải địa chỉ web' },
  ];

  it('stores each article with its classification, reports broken items in place and keeps the rest', async () => {
    const since = await t.lastAuditSeq();
    const response = await ingest(tt, batch, 'en');
    expect(response.statusCode).toBe(200);
    first = response.json<TIngestResponse>();
    expect(first).toMatchObject({ accepted: 3, known: 0, rejected: 2 });
    const [story, copy, other, noTitle, badUrl] = first.results;
    expect(ok(story!).duplicateOf).toBeNull();
    // The syndicated copy points at the story's first article.
    expect(ok(copy!).duplicateOf).toBe(ok(story!).id);
    expect(ok(other!).duplicateOf).toBeNull();
    expect(ok(other!).relevance.level).toBe('unrelated');
    expect(noTitle).toEqual({
      index: 3,
      error: {
        code: 'validation.failed',
        message: 'The request is not valid',
        errors: [{ field: 'title', code: 'validation.required', message: 'Required' }],
      },
    });
    expect((badUrl as TIngestItemError).error.errors).toEqual([
      { field: 'url', code: 'validation.invalid_url', message: 'The link must be an http:// or https:// address' },
    ]);

    const { rows } = await t.db.pool.query(
      `SELECT id, url_key, source_name, cluster_id, published_at, sort_at, fetched_at, search_tokens
         FROM monitoring_articles ORDER BY seq`,
    );
    expect(rows.map((r) => r.id)).toEqual([ok(story!).id, ok(copy!).id, ok(other!).id]);
    expect(rows[0].url_key).toBe('https://hanoimoi.example.vn/no-dong-bhxh-1.html');
    expect(rows[0].source_name).toBe('Hà Nội Mới');
    expect(rows[2].source_name).toBe('dulich.example.vn');
    expect(rows[1].cluster_id).toBe(ok(story!).id);
    // A date without a time or offset is midnight in Hà Nội.
    expect((rows[1].published_at as Date).toISOString()).toBe('2025-03-01T17:00:00.000Z');
    expect(rows[0].published_at).toBeNull();
    expect(rows[0].sort_at).toEqual(rows[0].fetched_at);
    expect(rows[0].search_tokens).toContain('ha noi hon 2 000 doanh nghiep no dong bao hiem xa hoi');
    const clusters = await t.db.pool.query(`SELECT id, article_count FROM monitoring_clusters ORDER BY article_count`);
    expect(clusters.rows).toEqual([
      { id: ok(other!).id, article_count: 1 },
      { id: ok(story!).id, article_count: 2 },
    ]);
    const audit = await t.auditSince(since);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'ingest', entity_type: 'monitoring_ingest' });
    expect(audit[0]!.after).toMatchObject({ accepted: 3, known: 0, rejected: 2, newClusters: 2 });
  });

  it('is idempotent: the same batch again returns the stored results and writes nothing', async () => {
    const since = await t.lastAuditSeq();
    const again = (await ingest(tt, batch, 'en')).json<TIngestResponse>();
    expect(again).toMatchObject({ accepted: 0, known: 3, rejected: 2 });
    expect(again.results).toEqual(first.results);
    expect(await count('SELECT count(*)::int AS n FROM monitoring_articles')).toBe(3);
    expect(await t.auditSince(since)).toEqual([]);
    // The same page under another address (AMP, tracking parameters) is the same article.
    const amp = (
      await ingest(tt, [{ ...batch[0], url: 'https://m.hanoimoi.example.vn/amp/no-dong-bhxh-1.html?fbclid=x' }])
    ).json<TIngestResponse>();
    expect(amp).toMatchObject({ accepted: 0, known: 1 });
    expect(ok(amp.results[0]!).id).toBe(ok(first.results[0]!).id);
  });

  it('counts a URL repeated inside one batch once', async () => {
    const article = { url: 'https://lap.example.vn/bai-1', title: 'Bài lặp', body: 'Nội dung bài lặp lại hai lần.' };
    const response = (
      await ingest(tt, [article, { ...article, url: 'http://www.lap.example.vn/bai-1#top' }])
    ).json<TIngestResponse>();
    expect(response).toMatchObject({ accepted: 1, known: 1, rejected: 0 });
    expect(ok(response.results[1]!).id).toBe(ok(response.results[0]!).id);
  });

  it('serialises overlapping batches of two instances: no duplicate, one cluster per story', async () => {
    const story = (n: number, text = SYNDICATED_STORY) => ({
      url: `https://song-song.example.vn/bai-${n}`,
      source: `Báo ${n}`,
      ...text,
      title: `${text.title} (${n})`,
    });
    const a = { ...story(1), body: `${SYNDICATED_STORY.body}\nCập nhật lúc 10 giờ.` };
    const [one, two] = await Promise.all([
      t.services.monitoringIngest.ingest(SYSTEM_ACTOR, { articles: [a, story(2), story(3, SYNDICATED_COPY)] }, 'vi'),
      secondInstance().ingest(SYSTEM_ACTOR, { articles: [story(3, SYNDICATED_COPY), story(2), story(4)] }, 'vi'),
    ]);
    expect(one.accepted + two.accepted).toBe(4);
    expect(one.known + two.known).toBe(2);
    expect(ok(one.results[1]!).id).toBe(ok(two.results[1]!).id);
    expect(ok(one.results[2]!).id).toBe(ok(two.results[0]!).id);
    const { rows } = await t.db.pool.query<{ cluster_id: string; n: number }>(
      `SELECT cluster_id, count(*)::int AS n FROM monitoring_articles WHERE url_key LIKE 'https://song-song.%'
        GROUP BY cluster_id`,
    );
    // Every copy joins the story the first batch of all began (the first call's story, or the earlier stored one).
    expect(rows).toHaveLength(1);
    expect(rows[0]!.n).toBe(4);
    expect(rows[0]!.cluster_id).toBe(ok(first.results[0]!).id);
    expect(await count('SELECT article_count AS n FROM monitoring_clusters WHERE id = $1', [rows[0]!.cluster_id])).toBe(
      6,
    );
  });

  it('matches saved queries and stores them with the article, notifying nobody itself', async () => {
    const { rows } = await t.db.pool.query<{ id: string }>(
      `INSERT INTO monitoring_queries (name, text, org_unit_id, alert, alert_min_relevance)
       VALUES ('Thử: hoa ban', 'hoa NEAR/3 ban AND source:"Tây Bắc"', $1, 'immediate', 'unrelated'),
              ('Thử: lỗi cú pháp', '("mở ngoặc', $1, 'immediate', 'unrelated'),
              ('Thử: tắt', 'hoa', $1, 'immediate', 'unrelated')
       RETURNING id`,
      [ttUnit],
    );
    await t.db.pool.query(`UPDATE monitoring_queries SET enabled = false WHERE id = $1`, [rows[2]!.id]);
    const article = (n: number) => ({
      url: `https://taybac.example.vn/hoa-ban-${n}`,
      source: 'Báo Tây Bắc',
      ...UNRELATED_STORY,
    });
    const response = (await ingest(tt, [article(1), article(2)])).json<TIngestResponse>();
    const [a, b] = response.results.map(ok);
    expect(a!.matchedQueries).toContainEqual({ id: rows[0]!.id, name: 'Thử: hoa ban' });
    expect(a!.matchedQueries.map((q) => q.id)).not.toContain(rows[2]!.id);
    // Both copy the flower story ingested first: one story, one alert.
    expect(a!.duplicateOf).toBe(ok(first.results[2]!).id);
    expect(b!.duplicateOf).toBe(a!.duplicateOf);
    const stored = await t.db.pool.query(`SELECT matched_query_ids FROM monitoring_articles WHERE id = $1`, [a!.id]);
    expect(stored.rows[0].matched_query_ids).toContain(rows[0]!.id);
    // Immediate queries alert through the alerts module (decision 0039), after the commit: ingest tells no one.
    const notes = await t.db.pool.query(
      `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'tt.reader'`,
    );
    expect(notes.rows[0].n).toBe(0);
  });

  it('tells its listeners after the commit how many articles a batch stored, and survives a failing one', async () => {
    const heard: { stored: number; committed: number }[] = [];
    const warnings: string[] = [];
    const engine = createMonitoringEngine({
      repo: monitoringRepository,
      loadShippedModel: async () => null,
      warn: () => undefined,
    });
    const service = createIngestService({
      db: t.services.db,
      runInTransaction: t.services.runInTransaction,
      recordAudit,
      repo: monitoringRepository,
      engine,
      warn: (message) => warnings.push(message),
    });
    service.onIngested(() => {
      throw new Error('hàng đợi không phản hồi');
    });
    service.onIngested(async (stored) => {
      // Another connection sees the batch: the listener runs after the commit.
      const committed = await count(`SELECT count(*)::int AS n FROM monitoring_articles WHERE url_key LIKE '%nghe.%'`);
      heard.push({ stored, committed });
    });
    const article = (n: number) => ({
      url: `https://nghe.example.vn/bai-${n}`,
      title: `Bài nghe ${n}`,
      body: 'Nội dung.',
    });
    const first = await service.ingest(SYSTEM_ACTOR, { articles: [article(1), article(2)] }, 'vi');
    expect(first.accepted).toBe(2);
    expect(heard).toEqual([{ stored: 2, committed: 2 }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('hàng đợi không phản hồi');
    // A batch that stores nothing tells no one.
    await service.ingest(SYSTEM_ACTOR, { articles: [article(1)] }, 'vi');
    expect(heard).toHaveLength(1);
  });

  it('raises scam_impersonation with the evidence of a look-alike domain and a false hotline', async () => {
    const response = (
      await ingest(tt, [{ url: 'https://canhbao.example.vn/gia-mao', ...SCAM_STORY }])
    ).json<TIngestResponse>();
    const result = ok(response.results[0]!);
    expect(result.flags).toContain('scam_impersonation');
    expect(result).toMatchObject({ relevance: { level: 'core' }, sentiment: 'negative', unit: 'truyenthong' });
    const { rows } = await t.db.pool.query(`SELECT evidence FROM monitoring_articles WHERE id = $1`, [result.id]);
    const evidence = rows[0].evidence as { kind: string; value: string; verdict: string; imitates: string }[];
    expect(evidence).toContainEqual(
      expect.objectContaining({ flag: 'scam_impersonation', value: 'baohiemxahoi-gov.vn', verdict: 'lookalike' }),
    );
    expect(evidence.find((e) => e.kind === 'phone')).toMatchObject({ value: '0912345678', verdict: 'lookalike' });
  });

  it('refuses other roles, anonymous callers and a body that is not a list', async () => {
    expect((await ingest(officer, [{ url: 'https://a.example.vn/x', title: 'x' }])).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/monitoring/ingest', payload: { articles: [] } });
    expect(anonymous.statusCode).toBe(401);
    const notList = await tt.post('/api/monitoring/ingest', { articles: 'bài' });
    expect(notList.statusCode).toBe(400);
    expect(notList.json().errors[0].field).toBe('articles');
    const unknownSource = await tt.post('/api/monitoring/ingest', {
      articles: [{ url: 'https://a.example.vn/y', title: 'y' }],
      sourceId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownSource.statusCode).toBe(400);
    expect(unknownSource.json().errors[0]).toMatchObject({ field: 'sourceId' });
  });
});
