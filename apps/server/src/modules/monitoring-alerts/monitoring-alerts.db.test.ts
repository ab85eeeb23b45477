import type { TAlert, TAlertCounts, TPage, TProblem } from '@loa/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { alertsForIncident, markAlertsIncident } from './index.js';

let t: TestApp;
let tt: Session;
let viewer: Session;
let hanoi: Session;
let leader: Session;
let seededRule: { id: string; name: string };
const ids = { story: '', spike: '', province: '' };
const storyArticles: string[] = [];

let articleNo = 0;
async function storeArticle(title: string): Promise<string> {
  articleNo++;
  const { rows } = await t.db.pool.query<{ id: string }>(
    `INSERT INTO monitoring_articles (source_name, url, url_key, title, sort_at, cluster_id, relevance_level,
       relevance_score, sentiment, unit, predicted, flags)
     VALUES ('Báo Dân trí', $1, $1, $2, now(), gen_random_uuid(), 'core', 0.9, 'negative', 'truyenthong', '{}',
             '{scam_impersonation}')
     RETURNING id`,
    [`https://dantri.example.vn/${articleNo}`, title],
  );
  return rows[0]!.id;
}

async function storeAlert(a: {
  unit: string;
  kind?: 'rule' | 'spike';
  title: string;
  articleIds: string[];
  ruleIds?: string[];
  flags?: string[];
  spikeFlag?: string;
}): Promise<string> {
  const spike = a.kind === 'spike';
  const { rows } = await t.db.pool.query<{ id: string }>(
    `INSERT INTO monitoring_alerts (kind, title, org_unit_id, rule_ids, cluster_id, article_ids, flags, spike_flag,
       spike_hour, spike_count, spike_baseline, relevance_level, sentiment, first_seen_at, last_seen_at)
     VALUES ($1, $2, $3, $4::uuid[], $5, $6::uuid[], $7::text[], $8, $9, $10, $11, $12, $13, now(), now())
     RETURNING id`,
    [
      a.kind ?? 'rule',
      a.title,
      await t.unitId(a.unit),
      a.ruleIds ?? [],
      spike ? null : a.articleIds[0],
      a.articleIds,
      a.flags ?? [],
      a.spikeFlag ?? null,
      spike ? '2026-03-02T03:00:00Z' : null,
      spike ? a.articleIds.length : null,
      spike ? 0.5 : null,
      spike ? null : 'core',
      spike ? null : 'negative',
    ],
  );
  return rows[0]!.id;
}

const page = (session: Session, query = '') => session.get(`/api/monitoring/alerts${query}`);

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'tt.monitor', roles: ['comms_center'], unitCode: 'TT', fullName: 'Trần Thị Thông' });
  await t.createUser({ username: 'tt.viewer', roles: ['viewer'], unitCode: 'TT' });
  await t.createUser({ username: 'hanoi.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'lanhdao', roles: ['leader'], unitCode: 'BHXHVN' });
  [tt, viewer, hanoi, leader] = await Promise.all([
    t.login('tt.monitor'),
    t.login('tt.viewer'),
    t.login('hanoi.officer'),
    t.login('lanhdao'),
  ]);
  const { rows } = await t.db.pool.query<{ id: string; name: string }>(
    `SELECT id, name FROM monitoring_alert_rules WHERE seed_key = 'scam-impersonation'`,
  );
  seededRule = rows[0]!;
  for (let i = 1; i <= 7; i++) storyArticles.push(await storeArticle(`Cảnh báo trang web giả mạo BHXH (${i})`));
  ids.story = await storeAlert({
    unit: 'TT',
    title: 'Cảnh báo trang web giả mạo BHXH',
    articleIds: storyArticles,
    ruleIds: [seededRule.id],
    flags: ['scam_impersonation'],
  });
  ids.spike = await storeAlert({
    unit: 'TT',
    kind: 'spike',
    title: 'Tăng đột biến “Thông tin sai lệch”: 2 tin trong một giờ',
    articleIds: storyArticles.slice(0, 2),
    spikeFlag: 'misinformation',
  });
  ids.province = await storeAlert({
    unit: 'P01',
    title: 'Tin tiêu cực về BHXH Hà Nội',
    articleIds: [storyArticles[0]!],
  });
});
afterAll(async () => t?.close());

describe('GET /api/monitoring/alerts', () => {
  it("lists the alerts of units in the caller's subtree with their rules and first articles", async () => {
    const response = await page(tt, '?sort=title');
    expect(response.statusCode).toBe(200);
    const body = response.json<TPage<TAlert>>();
    expect(body.total).toBe(2);
    const story = body.items.find((a) => a.id === ids.story)!;
    expect(story).toMatchObject({
      kind: 'rule',
      orgUnit: { code: 'TT' },
      rules: [seededRule],
      articleCount: 7,
      status: 'new',
      relevance: 'core',
      flags: ['scam_impersonation'],
      spike: null,
      version: 1,
    });
    expect(story.articles.map((a) => a.id)).toEqual(storyArticles.slice(0, 5));
    expect(story.articles[0]).toMatchObject({ sourceName: 'Báo Dân trí', relevance: 'core', sentiment: 'negative' });
    const spike = body.items.find((a) => a.id === ids.spike)!;
    expect(spike.spike).toEqual({
      query: null,
      flag: 'misinformation',
      hourStart: '2026-03-02T03:00:00.000Z',
      count: 2,
      baseline: 0.5,
    });
  });

  it("hides other units' alerts: a province officer does not see the Communication Center's", async () => {
    const mine = (await page(hanoi)).json<TPage<TAlert>>();
    expect(mine.items.map((a) => a.id)).toEqual([ids.province]);
    const other = await hanoi.get(`/api/monitoring/alerts/${ids.story}`, { 'accept-language': 'en' });
    expect(other.statusCode).toBe(404);
    expect(other.json<TProblem>()).toMatchObject({ code: 'resource.not_found', title: 'Press alert not found' });
    expect((await page(leader)).json<TPage<TAlert>>().total).toBe(3);
    expect((await hanoi.get('/api/monitoring/alerts/counts')).json<TAlertCounts>()).toEqual({
      new: 1,
      acknowledged: 0,
    });
  });

  it('filters by status list, kind, flag, rule, unit, words and dates', async () => {
    const only = async (query: string) =>
      (await page(leader, query))
        .json<TPage<TAlert>>()
        .items.map((a) => a.id)
        .sort();
    expect(await only('?kind=spike')).toEqual([ids.spike]);
    expect(await only('?flag=misinformation')).toEqual([ids.spike]);
    expect(await only(`?ruleId=${seededRule.id}`)).toEqual([ids.story]);
    expect(await only(`?orgUnitId=${await t.unitId('P01')}`)).toEqual([ids.province]);
    expect(await only('?q=gia%20mao')).toEqual([ids.story]);
    expect(await only('?status=dismissed,acknowledged')).toEqual([]);
    expect(await only('?status=new')).toHaveLength(3);
    expect(await only('?from=2000-01-01&to=2000-01-02')).toEqual([]);
    const bad = await page(leader, '?status=new,bogus');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<TProblem>().errors).toEqual([
      expect.objectContaining({ field: 'status', code: 'validation.invalid' }),
    ]);
  });
});

describe('GET /api/monitoring/alerts/:id', () => {
  it('shows every article of the alert', async () => {
    const alert = (await tt.get(`/api/monitoring/alerts/${ids.story}`)).json<TAlert>();
    expect(alert.articles.map((a) => a.id)).toEqual(storyArticles);
  });
});

describe('PATCH /api/monitoring/alerts/:id', () => {
  it('acknowledges an alert (audited with the note), and a stale version is a conflict', async () => {
    expect(
      (await viewer.patch(`/api/monitoring/alerts/${ids.story}`, { version: 1, status: 'dismissed' })).statusCode,
    ).toBe(403);
    const since = await t.lastAuditSeq();
    const response = await tt.patch(`/api/monitoring/alerts/${ids.story}`, {
      version: 1,
      status: 'acknowledged',
      note: 'Đã báo Phòng An ninh mạng',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<TAlert>()).toMatchObject({ status: 'acknowledged', handledBy: 'Trần Thị Thông', version: 2 });
    const audit = await t.auditSince(since);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'change_status',
      entity_type: 'monitoring_alert',
      entity_id: ids.story,
      before: { status: 'new' },
      after: { status: 'acknowledged', note: 'Đã báo Phòng An ninh mạng' },
    });
    expect((await tt.get('/api/monitoring/alerts/counts')).json<TAlertCounts>()).toEqual({ new: 1, acknowledged: 1 });

    const stale = await tt.patch(`/api/monitoring/alerts/${ids.story}`, { version: 1, status: 'dismissed' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<TProblem>().code).toBe('conflict.version');
    const reopened = await tt.patch(`/api/monitoring/alerts/${ids.story}`, { version: 2, status: 'new' });
    expect(reopened.json<TAlert>()).toMatchObject({ status: 'new', handledBy: null, handledAt: null, version: 3 });
  });

  it('leaves an alert an incident took over to the incident', async () => {
    const incidentId = '00000000-0000-4000-8000-0000000000aa';
    await t.services.runInTransaction(async (tx) => {
      expect(await alertsForIncident(tx, [ids.spike, '00000000-0000-4000-8000-0000000000ff'])).toEqual([
        {
          id: ids.spike,
          orgUnitId: await t.unitId('TT'),
          clusterId: null,
          articleIds: storyArticles.slice(0, 2),
          title: 'Tăng đột biến “Thông tin sai lệch”: 2 tin trong một giờ',
          status: 'new',
        },
      ]);
      await markAlertsIncident(tx, [ids.spike], incidentId, tt.user.id);
    });
    const alert = (await tt.get(`/api/monitoring/alerts/${ids.spike}`)).json<TAlert>();
    expect(alert).toMatchObject({ status: 'incident', incidentId, handledBy: 'Trần Thị Thông', version: 2 });
    const refused = await tt.patch(`/api/monitoring/alerts/${ids.spike}`, { version: 2, status: 'new' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<TProblem>().code).toBe('alert.incident_opened');
  });
});

describe('GET /api/monitoring/alerts/export.xlsx', () => {
  it("streams every alert of the caller's inbox matching the filters", async () => {
    const response = await tt.get('/api/monitoring/alerts/export.xlsx?status=new,incident');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(4).value).toBe('Nội dung');
    const titles = [2, 3].map((r) => sheet.getRow(r).getCell(4).value).sort();
    expect(titles).toEqual([
      'Cảnh báo trang web giả mạo BHXH',
      'Tăng đột biến “Thông tin sai lệch”: 2 tin trong một giờ',
    ]);
    expect(sheet.rowCount).toBe(3);
  });

  it('answers an unknown sort with a 400 problem before the file starts, not a cut-off download', async () => {
    const response = await tt.get('/api/monitoring/alerts/export.xlsx?sort=u');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'sort', code: 'validation.invalid_sort' }),
    ]);
  });
});
