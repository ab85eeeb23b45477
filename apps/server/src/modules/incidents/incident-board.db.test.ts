import { randomUUID } from 'node:crypto';
import {
  DEFAULT_INCIDENT_DEADLINES,
  type TIncident,
  type TIncidentDeadlineSettings,
  type TIncidentSummary,
  type TPage,
  type TProblem,
} from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let officer: Session; // province officer of Hà Nội (P01)
let district: Session; // district officer of Ba Đình (D001, under P01)
let admin: Session;
const cases: Record<string, TIncident> = {};

const guide = (reach: string, falsity: string) => ({ reach, falsity, officialsNamed: false, legalRisk: false });

async function storeArticle(title: string): Promise<string> {
  const id = randomUUID();
  await t.db.pool.query(
    `INSERT INTO monitoring_articles (id, source_name, url, url_key, title, sort_at, cluster_id, relevance_level,
       relevance_score, sentiment, unit, predicted)
     VALUES ($1, 'Báo Hà Nội Mới', $2, $2, $3, now(), $1, 'core', 0.8, 'negative', 'thu', '{}')`,
    [id, `https://hanoimoi.vn/${id}.htm`, title],
  );
  return id;
}

const list = async (query: string, session = officer) => {
  const response = await session.get(`/api/incidents?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TPage<TIncidentSummary>>();
};
const titles = (page: TPage<TIncidentSummary>) => page.items.map((i) => i.title);

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'hn.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'bd.officer', roles: ['district_officer'], unitCode: 'D001' });
  [officer, district, admin] = await Promise.all([t.login('hn.officer'), t.login('bd.officer'), t.loginAdmin()]);
  const open = async (key: string, title: string, body: Record<string, unknown>, session = officer) => {
    const response = await session.post('/api/incidents', { title, ...body });
    expect(response.statusCode, response.body).toBe(201);
    cases[key] = response.json<TIncident>();
  };
  await open('severe', 'Giả mạo văn bản của BHXH Hà Nội', { guide: guide('viral', 'false'), severity: 'severe' });
  await open('medium', 'Phản ánh chậm chi trả trợ cấp ốm đau', { guide: guide('provincial', 'misleading') });
  await open('low', 'Bình luận tiêu cực về thủ tục cấp sổ', { guide: guide('local', 'accurate') }, district);
  // The low case was assessed and closed as "not an incident".
  const low = cases.low!;
  await district.post(`/api/incidents/${low.id}/actions`, { kind: 'assessment', text: 'Không phải sự cố.' });
  const closed = await district.post(`/api/incidents/${low.id}/transition`, {
    version: low.version,
    status: 'closed',
    lessons: 'Trả lời bình luận trong ngày.',
  });
  expect(closed.statusCode, closed.body).toBe(200);
}, 120_000);
afterAll(async () => t?.close());

describe('GET /api/incidents', () => {
  it('puts the nearest deadline first and closed cases last by default', async () => {
    expect(titles(await list(''))).toEqual([
      'Giả mạo văn bản của BHXH Hà Nội',
      'Phản ánh chậm chi trả trợ cấp ốm đau',
      'Bình luận tiêu cực về thủ tục cấp sổ',
    ]);
  });

  it('sorts by severity and by opening time', async () => {
    expect(titles(await list('sort=-severity'))[0]).toBe('Giả mạo văn bản của BHXH Hà Nội');
    expect(titles(await list('sort=severity'))[0]).toBe('Bình luận tiêu cực về thủ tục cấp sổ');
    expect(titles(await list('sort=-openedAt'))[0]).toBe('Bình luận tiêu cực về thủ tục cấp sổ');
  });

  it('filters by status, severity, overdue, unit and words without accents', async () => {
    expect(titles(await list('status=closed'))).toEqual(['Bình luận tiêu cực về thủ tục cấp sổ']);
    expect((await list('status=open,assessing&severity=severe,medium')).total).toBe(2);
    expect((await list('overdue=true')).total).toBe(0);
    expect((await list('overdue=false')).total).toBe(3);
    expect((await list(`owningUnitId=${await t.unitId('D001')}`)).total).toBe(1);
    expect(titles(await list('q=gia%20mao%20van%20ban'))).toEqual(['Giả mạo văn bản của BHXH Hà Nội']);
    expect(titles(await list(`q=${cases.medium!.code}`))).toEqual(['Phản ánh chậm chi trả trợ cấp ốm đau']);
  });

  it('reports an unknown status or sort as a bad field', async () => {
    const response = await officer.get('/api/incidents?status=open,finished');
    expect(response.statusCode).toBe(400);
    expect((response.json() as TProblem).errors?.[0]?.field).toBe('status');
    expect((await officer.get('/api/incidents?sort=colour')).statusCode).toBe(400);
  });

  it('shows a district only the cases of its own subtree', async () => {
    expect(titles(await list('', district))).toEqual(['Bình luận tiêu cực về thủ tục cấp sổ']);
  });

  it('exports the same selection as Excel', async () => {
    const response = await officer.get('/api/incidents/export.xlsx?status=closed');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toContain('su-co-truyen-thong.xlsx');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('items of a case', () => {
  it('links articles by hand (once each) and takes one off again', async () => {
    const id = cases.medium!.id;
    const [a, b] = [await storeArticle('Chậm chi trả ốm đau'), await storeArticle('Người lao động chờ trợ cấp')];
    const since = await t.lastAuditSeq();
    const linked = await officer.post(`/api/incidents/${id}/items`, { articleIds: [a, b, a] });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json<TIncident>().items.map((i) => i.articleId)).toEqual([a, b]);
    const again = (await officer.post(`/api/incidents/${id}/items`, { articleIds: [a] })).json<TIncident>();
    expect(again.timeline.filter((e) => e.kind === 'item_linked')).toHaveLength(2);
    expect((await officer.delete(`/api/incidents/${id}/items/${a}`)).statusCode).toBe(204);
    expect((await officer.delete(`/api/incidents/${id}/items/${a}`)).statusCode).toBe(404);
    const after = (await officer.get(`/api/incidents/${id}`)).json<TIncident>();
    expect(after.items.map((i) => i.articleId)).toEqual([b]);
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'item_unlinked', detail: { articleId: a } });
    expect((await t.auditSince(since)).map((e) => e.action)).toEqual(['link_item', 'unlink_item']);
    expect((await officer.post(`/api/incidents/${id}/items`, { articleIds: [randomUUID()] })).statusCode).toBe(400);
  });

  it('changes nothing on a closed case', async () => {
    const response = await district.post(`/api/incidents/${cases.low!.id}/items`, {
      articleIds: [await storeArticle('Bình luận mới')],
    });
    expect(response.statusCode).toBe(409);
    expect((response.json() as TProblem).code).toBe('incident.closed');
  });
});

describe('deadline settings', () => {
  const changed: TIncidentDeadlineSettings = {
    assessMinutes: { ...DEFAULT_INCIDENT_DEADLINES.assessMinutes, severe: 30 },
    respondMinutes: { ...DEFAULT_INCIDENT_DEADLINES.respondMinutes, severe: 720 },
  };

  it('shows the defaults to everyone signed in, and lets only administrators change them, audited', async () => {
    expect((await officer.get('/api/incidents/settings')).json()).toEqual(DEFAULT_INCIDENT_DEADLINES);
    expect((await officer.put('/api/incidents/settings', changed)).statusCode).toBe(403);
    const since = await t.lastAuditSeq();
    const response = await admin.put('/api/incidents/settings', changed);
    expect(response.statusCode, response.body).toBe(200);
    expect((await officer.get('/api/incidents/settings')).json()).toEqual(changed);
    const audit = await t.auditSince(since);
    expect(audit.map((e) => [e.action, e.entity_type])).toEqual([['update', 'incident_settings']]);
    expect(audit[0]!.after).toEqual(changed);
  });

  it('refuses a deadline shorter than five minutes', async () => {
    const bad = { ...changed, assessMinutes: { ...changed.assessMinutes, high: 1 } };
    expect((await admin.put('/api/incidents/settings', bad)).statusCode).toBe(400);
  });

  it('gives cases opened from now on the new deadlines; open cases keep theirs', async () => {
    const response = await officer.post('/api/incidents', {
      title: 'Tin giả mới',
      guide: guide('viral', 'false'),
      severity: 'severe',
    });
    const incident = response.json<TIncident>();
    expect(Date.parse(incident.deadlines[0]!.dueAt) - Date.parse(incident.openedAt)).toBe(30 * 60_000);
    const old = (await officer.get(`/api/incidents/${cases.severe!.id}`)).json<TIncident>();
    expect(Date.parse(old.deadlines[0]!.dueAt) - Date.parse(old.openedAt)).toBe(60 * 60_000);
  });
});
