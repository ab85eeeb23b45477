import type { TCheckQueryResponse, TMonitoringQuery, TPage, TProblem } from '@loa/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { SEED_QUERIES } from './seed-queries.data.js';

let t: TestApp;
let thu: Session;
let hanoi: Session;
let badinh: Session;
let viewer: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'thu.officer', roles: ['unit_officer'], unitCode: 'THU' });
  await t.createUser({ username: 'hanoi.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'badinh.officer', roles: ['district_officer'], unitCode: 'D001' });
  await t.createUser({ username: 'viewer', roles: ['viewer'], unitCode: 'P01' });
  [thu, hanoi, badinh, viewer] = await Promise.all([
    t.login('thu.officer'),
    t.login('hanoi.officer'),
    t.login('badinh.officer'),
    t.login('viewer'),
  ]);
});
afterAll(async () => t?.close());

let articleNo = 0;
/** Stores an article as the ingest engine would, matched by the given queries. */
async function storeArticle(a: {
  title: string;
  body?: string;
  queries?: string[];
  relevance?: 'core' | 'peripheral' | 'unrelated';
  sortAt?: string;
  createdAt?: string;
}): Promise<string> {
  articleNo++;
  const { rows } = await t.db.pool.query<{ id: string }>(
    `INSERT INTO monitoring_articles (source_name, url, url_key, title, body, sort_at, cluster_id, relevance_level,
       relevance_score, sentiment, unit, predicted, matched_query_ids, created_at)
     VALUES ('Báo Lao Động', $1, $1, $2, $3, $4, gen_random_uuid(), $5, 0.9, 'neutral', 'thu', '{}', $6::uuid[], $7)
     RETURNING id`,
    [
      `https://laodong.vn/a-${articleNo}`,
      a.title,
      a.body ?? '',
      a.sortAt ?? new Date().toISOString(),
      a.relevance ?? 'core',
      a.queries ?? [],
      a.createdAt ?? new Date().toISOString(),
    ],
  );
  return rows[0]!.id;
}

const create = (session: Session, body: Record<string, unknown>) =>
  session.post('/api/monitoring/queries', { name: 'Nợ đóng BHXH Hà Nội', text: '"nợ đóng" AND BHXH', ...body });

describe('saved queries', () => {
  let created: TMonitoringQuery;

  it('saves a query owned by the caller’s unit, audited', async () => {
    const since = await t.lastAuditSeq();
    const response = await create(hanoi, { alert: 'daily', description: 'Theo dõi nợ đóng' });
    expect(response.statusCode).toBe(201);
    created = response.json<TMonitoringQuery>();
    expect(created).toMatchObject({
      name: 'Nợ đóng BHXH Hà Nội',
      orgUnit: { code: 'P01' },
      alert: 'daily',
      alertMinRelevance: 'peripheral',
      enabled: true,
      seeded: false,
      canEdit: true,
      version: 1,
      matches30d: 0,
      lastMatchAt: null,
    });
    const audit = await t.auditSince(since);
    expect(audit.map((a) => [a.action, a.entity_type, a.entity_id])).toEqual([
      ['create', 'monitoring_query', created.id],
    ]);
  });

  it('refuses a syntax error with a 422 naming the column on `text`, in the caller’s language', async () => {
    const response = await hanoi.post('/api/monitoring/queries', { name: 'Sai', text: '(sổ BHXH OR "thẻ BHYT"' });
    expect(response.statusCode).toBe(422);
    const problem = response.json<TProblem>();
    expect(problem.code).toBe('monitoring.query_syntax');
    expect(problem.errors).toEqual([
      { field: 'text', code: 'query.unbalanced_parenthesis', message: 'Dấu ngoặc không khớp tại ký tự thứ 1' },
    ]);
    const english = await hanoi.post(
      '/api/monitoring/queries',
      { name: 'Sai', text: 'lương NEAR/0 hưu' },
      { 'accept-language': 'en' },
    );
    expect(english.json<TProblem>().errors?.[0]).toMatchObject({
      field: 'text',
      code: 'query.near_distance',
      message: 'NEAR needs a distance from 1 to 100, e.g. NEAR/5 (character 7)',
    });
  });

  it('keeps queries within the caller’s subtree', async () => {
    const outside = await create(hanoi, { orgUnitId: await t.unitId('P48') });
    expect(outside.statusCode).toBe(400);
    expect(outside.json<TProblem>().errors?.[0]).toMatchObject({
      field: 'orgUnitId',
      code: 'validation.unit_out_of_scope',
    });
    // The district reads the province's query but may not change it; the viewer may not write at all.
    const read = await badinh.get(`/api/monitoring/queries/${created.id}`);
    expect(read.json<TMonitoringQuery>().canEdit).toBe(false);
    expect(
      (await badinh.patch(`/api/monitoring/queries/${created.id}`, { version: 1, enabled: false })).statusCode,
    ).toBe(403);
    expect((await viewer.post('/api/monitoring/queries', { name: 'x', text: 'BHXH' })).statusCode).toBe(403);
    expect((await badinh.delete(`/api/monitoring/queries/${created.id}`)).statusCode).toBe(403);
    // The province may hand a query to one of its districts.
    const district = await create(hanoi, { name: 'Ba Đình', orgUnitId: await t.unitId('D001') });
    expect(district.json<TMonitoringQuery>()).toMatchObject({ orgUnit: { code: 'D001' }, canEdit: true });
  });

  it('changes a query on its version and refuses a stale one', async () => {
    const since = await t.lastAuditSeq();
    const changed = await hanoi.patch(`/api/monitoring/queries/${created.id}`, {
      version: 1,
      text: '"nợ đóng" NEAR/5 BHXH',
      alertMinRelevance: 'core',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<TMonitoringQuery>()).toMatchObject({
      version: 2,
      text: '"nợ đóng" NEAR/5 BHXH',
      alertMinRelevance: 'core',
    });
    const stale = await hanoi.patch(`/api/monitoring/queries/${created.id}`, { version: 1, enabled: false });
    expect(stale.statusCode).toBe(409);
    const bad = await hanoi.patch(`/api/monitoring/queries/${created.id}`, { version: 2, text: 'title:' });
    expect(bad.statusCode).toBe(422);
    const audit = await t.auditSince(since);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'update',
      before: { text: '"nợ đóng" AND BHXH' },
      after: { text: '"nợ đóng" NEAR/5 BHXH' },
    });
  });

  it('counts the articles each query matched in the last 30 days, and lists, filters and sorts', async () => {
    await storeArticle({ title: 'Nợ đóng BHXH ở Hà Nội', queries: [created.id] });
    await storeArticle({ title: 'Nợ đóng BHXH ở Hà Nội (2)', queries: [created.id] });
    await storeArticle({
      title: 'Cũ',
      queries: [created.id],
      sortAt: new Date(Date.now() - 40 * 86_400_000).toISOString(),
    });
    const one = (await hanoi.get(`/api/monitoring/queries/${created.id}`)).json<TMonitoringQuery>();
    expect(one.matches30d).toBe(2);
    expect(one.lastMatchAt).not.toBeNull();

    const searched = (await viewer.get('/api/monitoring/queries?q=no dong ha noi')).json<TPage<TMonitoringQuery>>();
    expect(searched.items.map((q) => q.id)).toEqual([created.id]);
    const mine = (await viewer.get(`/api/monitoring/queries?orgUnitId=${await t.unitId('P01')}&sort=name`)).json<
      TPage<TMonitoringQuery>
    >();
    expect(mine.items.map((q) => q.orgUnit.code).sort()).toEqual(['D001', 'P01']);
    const byMatchesResponse = await viewer.get('/api/monitoring/queries?sort=-matches&pageSize=1');
    expect(byMatchesResponse.statusCode, byMatchesResponse.body).toBe(200);
    const byMatches = byMatchesResponse.json<TPage<TMonitoringQuery>>();
    expect(byMatches.items[0]!.id).toBe(created.id);
    const immediate = (await viewer.get('/api/monitoring/queries?alert=immediate')).json<TPage<TMonitoringQuery>>();
    expect(immediate.items.map((q) => q.name).sort()).toEqual(
      SEED_QUERIES.filter((q) => q.alert === 'immediate')
        .map((q) => q.name)
        .sort(),
    );
    expect((await viewer.get('/api/monitoring/queries?sort=bogus')).statusCode).toBe(400);
  });

  it('exports the filtered queries to Excel', async () => {
    const response = await viewer.get('/api/monitoring/queries/export.xlsx?alert=immediate');
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Tên truy vấn');
    expect(sheet.rowCount).toBe(1 + SEED_QUERIES.filter((q) => q.alert === 'immediate').length);
  });

  it('checks a query: the syntax error with its position, else the recent matches with a sample', async () => {
    await storeArticle({ title: 'Cảnh báo thu mua sổ bảo hiểm xã hội', body: 'Dịch vụ cầm sổ BHXH lãi cao.' });
    const bad = (await viewer.post('/api/monitoring/queries/check', { text: 'sổ AND' })).json<TCheckQueryResponse>();
    expect(bad).toMatchObject({ ok: false, error: { reason: 'dangling_operator', position: 3 }, recentMatches: 0 });
    expect(bad.error!.message).toBe('Toán tử thiếu vế tại ký tự thứ 4');
    const good = (
      await viewer.post('/api/monitoring/queries/check', { text: '"mua sổ bao hiem" OR "cam so BHXH"' })
    ).json<TCheckQueryResponse>();
    expect(good).toMatchObject({ ok: true, error: null, recentMatches: 1, scanned: 3, recentArticles: 3 });
    expect(good.sample).toEqual([
      expect.objectContaining({ title: 'Cảnh báo thu mua sổ bảo hiểm xã hội', sourceName: 'Báo Lao Động' }),
    ]);
    const none = (
      await viewer.post('/api/monitoring/queries/check', { text: 'title:"thẻ BHYT"' })
    ).json<TCheckQueryResponse>();
    expect(none).toMatchObject({ ok: true, recentMatches: 0, sample: [] });
  });

  it('deletes a query, audited', async () => {
    const since = await t.lastAuditSeq();
    expect((await hanoi.delete(`/api/monitoring/queries/${created.id}`)).statusCode).toBe(204);
    expect((await hanoi.get(`/api/monitoring/queries/${created.id}`)).statusCode).toBe(404);
    expect((await t.auditSince(since)).map((a) => a.action)).toEqual(['delete']);
  });
});

describe('seeded queries', () => {
  const seeded = async () =>
    (
      await t.db.pool.query<{ seed_key: string; version: number; text: string; code: string }>(
        `SELECT q.seed_key, q.version, q.text, o.code FROM monitoring_queries q JOIN org_units o ON o.id = q.org_unit_id
         WHERE seed_key IS NOT NULL ORDER BY seed_key`,
      )
    ).rows;

  it('are in place after the first start, each owned by its unit', async () => {
    const rows = await seeded();
    expect(rows.map((r) => r.seed_key)).toEqual(SEED_QUERIES.map((q) => q.key).sort());
    expect(rows.find((r) => r.seed_key === 'st.book-trading')?.code).toBe('ST');
  });

  it('are idempotent, keep an officer’s edit and do not bring back a deleted one', async () => {
    const since = await t.lastAuditSeq();
    expect(await t.services.monitoringQueries.seedQueries(SYSTEM_ACTOR)).toEqual({ added: 0, refreshed: 0 });
    expect(await t.auditSince(since)).toEqual([]);

    const list = (await thu.get('/api/monitoring/queries?pageSize=100')).json<TPage<TMonitoringQuery>>();
    const evasion = list.items.find((q) => q.name === SEED_QUERIES.find((s) => s.key === 'thu.evasion-debt')!.name)!;
    const contributions = list.items.find((q) => q.name.startsWith('Mức đóng'))!;
    expect(evasion).toMatchObject({ seeded: true, canEdit: true });
    await thu.patch(`/api/monitoring/queries/${evasion.id}`, { version: evasion.version, text: '"nợ đóng BHXH"' });
    expect((await thu.delete(`/api/monitoring/queries/${contributions.id}`)).statusCode).toBe(204);
    // An untouched one drifted from the seed (an older release's text) is brought up to date.
    await t.db.pool.query(`UPDATE monitoring_queries SET text = 'BHTN' WHERE seed_key = 'csxh.pensions'`);

    expect(await t.services.monitoringQueries.seedQueries(SYSTEM_ACTOR)).toEqual({ added: 0, refreshed: 1 });
    const rows = await seeded();
    expect(rows.find((r) => r.seed_key === 'thu.evasion-debt')).toMatchObject({ version: 2, text: '"nợ đóng BHXH"' });
    expect(rows.find((r) => r.seed_key === 'thu.contributions-enrolment')).toBeUndefined();
    expect(rows.find((r) => r.seed_key === 'csxh.pensions')?.text).toBe(
      SEED_QUERIES.find((q) => q.key === 'csxh.pensions')!.text,
    );
  });
});

describe('daily digest', () => {
  it('tells each daily query’s unit yesterday’s count at its relevance, once, and nothing when zero', async () => {
    await t.createUser({ username: 'st.officer', roles: ['unit_officer'], unitCode: 'ST' });
    const st = await t.login('st.officer');
    const made = await st.post('/api/monitoring/queries', {
      name: 'Thẻ BHYT điện tử',
      text: '"thẻ BHYT"',
      alert: 'daily',
      alertMinRelevance: 'core',
    });
    const query = made.json<TMonitoringQuery>();
    // A daily query without matches yesterday sends nothing.
    await st.post('/api/monitoring/queries', { name: 'Im lặng', text: 'VssID', alert: 'daily' });
    const now = new Date('2030-05-10T01:00:00Z'); // 08:00 in Vietnam; "yesterday" is 2030-05-09 (+07:00)
    await storeArticle({ title: 'a', queries: [query.id], relevance: 'peripheral', createdAt: '2030-05-09T03:00:00Z' });
    await storeArticle({ title: 'b', queries: [query.id], relevance: 'core', createdAt: '2030-05-09T03:00:00Z' });
    await storeArticle({ title: 'c', queries: [query.id], relevance: 'core', createdAt: '2030-05-08T16:30:00Z' }); // 23:30 on 8 May
    await storeArticle({ title: 'd', queries: [query.id], relevance: 'core', createdAt: '2030-05-09T17:10:00Z' }); // 00:10 on 10 May

    const sent = await t.services.monitoringDigest.sendDailyDigest(now);
    const inbox = (
      await t.db.pool.query<{ title_vi: string; link: string; entity_id: string }>(
        `SELECT title_vi, link, entity_id FROM notifications n JOIN users u ON u.id = n.user_id
         WHERE u.username = 'st.officer' AND n.dedupe_key LIKE 'monitoring-digest:%'`,
      )
    ).rows;
    expect(inbox).toEqual([
      {
        title_vi: 'Truy vấn “Thẻ BHYT điện tử”: 1 tin bài mới ngày 09/05/2030',
        link: `/monitoring?query=${query.id}&from=2030-05-09&to=2030-05-09`,
        entity_id: query.id,
      },
    ]);
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(await t.services.monitoringDigest.sendDailyDigest(now)).toBe(0);
  });
});
