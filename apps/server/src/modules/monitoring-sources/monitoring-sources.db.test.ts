import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import type { TFetchLogEntry, TIngestResponse, TMonitoringSource, TPage } from '@loa/contracts';
import { USER_PASSWORD } from '../../../test/constants.js';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { serveCorpusArticles, startFeedServer, type FeedServer } from '../../../test/feed-server.js';
import { FETCH_LOG_DAYS } from './monitoring-sources.service.js';
import { OUTLET_FEEDS } from './outlet-feeds.seed.js';

let t: TestApp;
let admin: Session;
let comms: Session;
let province: Session;
let leader: Session;
let site: FeedServer;

beforeAll(async () => {
  t = await createTestApp({ monitoringFetch: { hostIntervalSeconds: 0.05, retries: 0 } });
  site = await startFeedServer();
  admin = await t.loginAdmin();
  await t.createUser({ username: 'tt_src', roles: ['comms_center'], unitCode: 'TT' });
  await t.createUser({ username: 'p01_src', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'lead_src', roles: ['leader'], unitCode: 'BHXHVN' });
  comms = await t.login('tt_src', USER_PASSWORD);
  province = await t.login('p01_src', USER_PASSWORD);
  leader = await t.login('lead_src', USER_PASSWORD);
});

afterAll(async () => {
  await site.close();
  await t.close();
});

const feed = (name: string, path: string, extra: Record<string, unknown> = {}) => ({
  name,
  kind: 'feed',
  url: `${site.url}${path}`,
  tier: 'national',
  ...extra,
});

describe('/api/monitoring/sources', () => {
  it('seeds the major outlets’ feeds once, disabled with the reason, kept by the Communication Center', async () => {
    const { items, total } = (await admin.get('/api/monitoring/sources?pageSize=100&kind=feed&enabled=false')).json<
      TPage<TMonitoringSource>
    >();
    const seeded = items.filter((s) => OUTLET_FEEDS.some((f) => f.url === s.url));
    expect(total).toBeGreaterThanOrEqual(OUTLET_FEEDS.length);
    expect(seeded).toHaveLength(OUTLET_FEEDS.length);
    expect(
      seeded.every((s) => !s.enabled && /chưa kiểm tra/.test(s.disabledReason ?? '') && s.orgUnit.code === 'TT'),
    ).toBe(true);
    const deleted = seeded[0]!;
    expect((await admin.delete(`/api/monitoring/sources/${deleted.id}`)).statusCode).toBe(204);
    expect(await t.services.monitoringSources.seedOutletFeeds(SYSTEM_ACTOR)).toBe(0);
    expect((await admin.get(`/api/monitoring/sources/${deleted.id}`)).statusCode).toBe(404);
  });

  it('creates, lists (accent-insensitive), changes and deletes a source, auditing each write', async () => {
    const seq = await t.lastAuditSeq();
    const created = await comms.post(
      '/api/monitoring/sources',
      feed('Báo Đà Nẵng — Xã hội', '/dn.rss', { outletId: null }),
    );
    expect(created.statusCode).toBe(201);
    const source = created.json<TMonitoringSource>();
    expect(source).toMatchObject({ enabled: false, orgUnit: { code: 'TT' }, canEdit: true, pollSeconds: 3600 });
    const found = (await leader.get('/api/monitoring/sources?q=bao da nang')).json<TPage<TMonitoringSource>>();
    expect(found.items.map((s) => s.id)).toEqual([source.id]);
    expect(found.items[0]!.canEdit).toBe(false);
    const changed = await comms.patch(`/api/monitoring/sources/${source.id}`, { name: 'Báo Đà Nẵng', version: 1 });
    expect(changed.json()).toMatchObject({ name: 'Báo Đà Nẵng', version: 2 });
    expect((await comms.patch(`/api/monitoring/sources/${source.id}`, { name: 'x', version: 1 })).statusCode).toBe(409);
    expect((await comms.delete(`/api/monitoring/sources/${source.id}`)).statusCode).toBe(204);
    const audit = (await t.auditSince(seq)).filter((a) => a.entity_type === 'monitoring_source');
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('rejects bad input field by field', async () => {
    const noUrl = await admin.post('/api/monitoring/sources', { name: 'X', kind: 'feed', tier: 'national' });
    expect(noUrl.statusCode).toBe(400);
    expect(noUrl.json().errors.map((e: { field: string }) => e.field)).toContain('url');
    const noSelector = await admin.post('/api/monitoring/sources', feed('Trang danh sách', '/list', { kind: 'html' }));
    expect(noSelector.json().errors).toEqual([
      expect.objectContaining({ field: 'linkSelector', code: 'validation.required' }),
    ]);
    await admin.post('/api/monitoring/sources', feed('Một', '/mot.rss'));
    const duplicate = await admin.post('/api/monitoring/sources', feed('Hai', '/MOT.rss'.toLowerCase()));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors).toEqual([expect.objectContaining({ field: 'url', code: 'validation.duplicate' })]);
    const area = await admin.post(
      '/api/monitoring/sources',
      feed('Vùng', '/vung.rss', { areaUnitId: await t.unitId('TT') }),
    );
    expect(area.json().errors).toEqual([expect.objectContaining({ field: 'areaUnitId' })]);
  });

  it('lets province officers manage only their subtree, and others only read', async () => {
    const own = await province.post(
      '/api/monitoring/sources',
      feed('Báo Hà Nội Mới', '/hnm.rss', { tier: 'provincial', areaUnitId: await t.unitId('P01') }),
    );
    expect(own.json()).toMatchObject({ orgUnit: { code: 'P01' }, area: { code: 'P01' } });
    const root = await province.post(
      '/api/monitoring/sources',
      feed('Báo TW', '/tw.rss', { orgUnitId: await t.unitId('BHXHVN') }),
    );
    expect(root.json().errors).toEqual([
      expect.objectContaining({ field: 'orgUnitId', code: 'validation.unit_out_of_scope' }),
    ]);
    const central = (
      await comms.post('/api/monitoring/sources', feed('Báo của TT', '/tt.rss'))
    ).json<TMonitoringSource>();
    expect((await province.patch(`/api/monitoring/sources/${central.id}`, { name: 'x', version: 1 })).statusCode).toBe(
      403,
    );
    expect((await leader.post('/api/monitoring/sources', feed('L', '/l.rss'))).statusCode).toBe(403);
    expect((await leader.get(`/api/monitoring/sources/${central.id}`)).statusCode).toBe(200);
  });

  it('enables (clearing failures), disables with a reason, and fetches now only an enabled polled source', async () => {
    const source = (
      await admin.post('/api/monitoring/sources', feed('Bật tắt', '/bat-tat.rss'))
    ).json<TMonitoringSource>();
    expect((await admin.post(`/api/monitoring/sources/${source.id}/fetch`)).statusCode).toBe(409);
    const noReason = await admin.post(`/api/monitoring/sources/${source.id}/enabled`, { enabled: false, version: 1 });
    expect(noReason.json().errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    await t.db.pool.query(`UPDATE monitoring_sources SET consecutive_failures = 4 WHERE id = $1`, [source.id]);
    const on = (
      await admin.post(`/api/monitoring/sources/${source.id}/enabled`, { enabled: true, version: 1 })
    ).json<TMonitoringSource>();
    expect(on).toMatchObject({ enabled: true, disabledReason: null, health: { consecutiveFailures: 0 } });
    const fetch = await admin.post(`/api/monitoring/sources/${source.id}/fetch`);
    expect(fetch.statusCode).toBe(202);
    expect(fetch.json()).toEqual({ queued: true });
    const off = await admin.post(`/api/monitoring/sources/${source.id}/enabled`, {
      enabled: false,
      reason: 'Báo đổi địa chỉ',
      version: on.version,
    });
    expect(off.json()).toMatchObject({ enabled: false, disabledReason: 'Báo đổi địa chỉ', nextPollAt: null });
    const actions = (await t.auditSince(0)).filter((a) => a.entity_id === source.id).map((a) => a.action);
    expect(actions).toEqual(['create', 'enable', 'fetch_now', 'disable']);
  });

  it('exports the filtered list as Excel', async () => {
    const response = await admin.get('/api/monitoring/sources/export.xlsx?q=vnexpress');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/spreadsheetml/);
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('imports a CSV into a source, reporting bad rows by line, and the articles keep the name when it is deleted', async () => {
    const source = (
      await admin.post('/api/monitoring/sources', { name: 'Công cụ nghe mạng xã hội', kind: 'import', tier: 'social' })
    ).json<TMonitoringSource>();
    const csv =
      'Đường dẫn,Tiêu đề,Sapo,Ngày đăng\n' +
      'https://mxh.example.vn/bai/1,"Người dân hỏi về sổ BHXH, thẻ BHYT",Bài đăng trên nhóm,2026-01-14 09:00\n' +
      'https://mxh.example.vn/bai/2,,Thiếu tiêu đề,\n' +
      'https://mxh.example.vn/bai/3,Lương hưu tăng từ 1/7,Tin vui,15/01/2026 08:00\n';
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/monitoring/sources/${source.id}/import`,
      payload: Buffer.from(csv),
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('xuất-dữ-liệu.csv'),
        cookie: admin.cookie,
        'x-csrf-token': admin.csrfToken,
      },
    });
    expect(response.statusCode).toBe(200);
    const report = response.json<TIngestResponse>();
    expect(report).toMatchObject({ accepted: 2, known: 0, rejected: 1 });
    expect(report.results[1]).toMatchObject({
      index: 3,
      error: { errors: [expect.objectContaining({ field: 'title' })] },
    });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/monitoring/sources/${source.id}/import?name=lai.csv`,
      payload: Buffer.from(csv),
      headers: { 'content-type': 'application/octet-stream', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    });
    expect(again.json()).toMatchObject({ accepted: 0, known: 2, rejected: 1 });
    expect((await admin.get(`/api/monitoring/sources/${source.id}`)).json().health.articlesTotal).toBe(2);
    expect((await admin.delete(`/api/monitoring/sources/${source.id}`)).statusCode).toBe(204);
    const { rows } = await t.db.pool.query(
      `SELECT source_id, source_name FROM monitoring_articles WHERE url LIKE 'https://mxh.example.vn/%'`,
    );
    expect(rows).toEqual([
      { source_id: null, source_name: 'Công cụ nghe mạng xã hội' },
      { source_id: null, source_name: 'Công cụ nghe mạng xã hội' },
    ]);
  });

  it('fetches, extracts and ingests a submitted address politely, and logs the fetch against its source', async () => {
    const [served] = await serveCorpusArticles(site, 1, 30);
    const source = (
      await province.post('/api/monitoring/sources', { name: 'Gửi tay P01', kind: 'manual', tier: 'provincial' })
    ).json<TMonitoringSource>();
    const response = await province.post('/api/monitoring/submit-url', { url: served!.entry.url, sourceId: source.id });
    expect(response.statusCode).toBe(200);
    const report = response.json<TIngestResponse>();
    expect(report.accepted).toBe(1);
    const { rows } = await t.db.pool.query(`SELECT title FROM monitoring_articles WHERE source_id = $1`, [source.id]);
    expect(rows).toEqual([{ title: served!.article.title }]);
    const log = (await province.get(`/api/monitoring/sources/${source.id}/log`)).json<TPage<TFetchLogEntry>>();
    expect(log.items[0]).toMatchObject({ outcome: 'ok', httpStatus: 200, url: served!.entry.url });
    const missing = await province.post('/api/monitoring/submit-url', { url: `${site.url}/khong-co.html` });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().title).toMatch(/Không lấy được bài/);
    expect((await leader.post('/api/monitoring/submit-url', { url: served!.entry.url })).statusCode).toBe(403);
  });
});

describe('fetch log retention', () => {
  it(`forgets fetches started more than ${FETCH_LOG_DAYS} days ago, and only those`, async () => {
    const now = new Date('2026-11-25T20:00:00Z');
    const created = await admin.post('/api/monitoring/sources', feed('Nhật ký cũ', '/log-retention.rss'));
    expect(created.statusCode, created.body).toBe(201);
    const sourceId = created.json<TMonitoringSource>().id;
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    for (const [url, at] of [
      ['old', daysAgo(FETCH_LOG_DAYS + 1)],
      ['edge', daysAgo(FETCH_LOG_DAYS - 1)],
      ['new', daysAgo(1)],
    ] as const) {
      await t.db.pool.query(
        `INSERT INTO monitoring_fetch_log (source_id, url, started_at, outcome) VALUES ($1, $2, $3, 'ok')`,
        [sourceId, url, at],
      );
    }
    expect(await t.services.monitoringSources.deleteOldFetchLog(now)).toBe(1);
    const { rows } = await t.db.pool.query<{ url: string }>(
      `SELECT url FROM monitoring_fetch_log WHERE source_id = $1 ORDER BY url`,
      [sourceId],
    );
    expect(rows.map((r) => r.url)).toEqual(['edge', 'new']);
    expect(await t.services.monitoringSources.deleteOldFetchLog(now)).toBe(0);
  });
});
