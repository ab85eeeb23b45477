import { randomUUID } from 'node:crypto';
import type { TIncident, TProblem } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let officer: Session; // province officer of Đà Nẵng (P48)
let hanoi: Session; // province officer of Hà Nội (P01)

const HOUR = 3_600_000;
const SEVERE_GUIDE = { reach: 'viral', falsity: 'false', officialsNamed: true, legalRisk: true };

/** Stores a monitored article as the ingest engine would; `copyOf` puts it in that article's story. */
async function storeArticle(title: string, options: { copyOf?: string; queries?: string[] } = {}): Promise<string> {
  const id = randomUUID();
  await t.db.pool.query(
    `INSERT INTO monitoring_articles (id, source_name, url, url_key, title, sort_at, cluster_id, relevance_level,
       relevance_score, sentiment, flags, unit, predicted, matched_query_ids)
     VALUES ($1, 'Báo Đà Nẵng', $2, $2, $3, now(), $4, 'core', 0.9, 'negative', '{scam_impersonation}', 'sothe', '{}',
             $5::uuid[])`,
    [id, `https://baodanang.vn/${id}.htm`, title, options.copyOf ?? id, options.queries ?? []],
  );
  return id;
}

/** A rule alert of `unitCode` about the story of `articleIds[0]`, as the alerts module raises it. */
async function storeAlert(unitCode: string, articleIds: string[]): Promise<string> {
  const { rows } = await t.db.pool.query<{ id: string }>(
    `INSERT INTO monitoring_alerts (kind, title, org_unit_id, cluster_id, article_ids, flags, first_seen_at, last_seen_at)
     VALUES ('rule', 'Mạo danh BHXH Đà Nẵng hỗ trợ rút BHXH một lần', $1, $2, $3::uuid[], '{scam_impersonation}',
             now(), now()) RETURNING id`,
    [await t.unitId(unitCode), articleIds[0], articleIds],
  );
  return rows[0]!.id;
}

const open = async (session: Session, body: Record<string, unknown>) => {
  const response = await session.post('/api/incidents', {
    title: 'Mạo danh BHXH Đà Nẵng',
    guide: SEVERE_GUIDE,
    ...body,
  });
  return response;
};
const get = async (id: string) => (await officer.get(`/api/incidents/${id}`)).json<TIncident>();

async function notified(incidentId: string, dedupe: string): Promise<string[]> {
  const { rows } = await t.db.pool.query<{ username: string }>(
    `SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id
      WHERE n.entity_id = $1 AND n.dedupe_key = $2 ORDER BY u.username`,
    [incidentId, dedupe],
  );
  return rows.map((r) => r.username);
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'dn.officer', roles: ['province_officer'], unitCode: 'P48' });
  await t.createUser({ username: 'dn.officer2', roles: ['province_officer'], unitCode: 'P48' });
  await t.createUser({ username: 'dn.leader', roles: ['leader'], unitCode: 'P48' });
  await t.createUser({ username: 'dn.viewer', roles: ['viewer'], unitCode: 'P48' });
  await t.createUser({ username: 'top.leader', roles: ['leader'], unitCode: 'BHXHVN' });
  await t.createUser({ username: 'top.officer', roles: ['comms_center'], unitCode: 'BHXHVN' });
  await t.createUser({ username: 'hn.officer', roles: ['province_officer'], unitCode: 'P01' });
  [officer, hanoi] = await Promise.all([t.login('dn.officer'), t.login('hn.officer')]);
}, 120_000);
afterAll(async () => t?.close());

describe('an alert becomes an incident', () => {
  let alertId: string;
  let articles: string[];
  beforeAll(async () => {
    const first = await storeArticle('Trang mạo danh BHXH Đà Nẵng');
    articles = [first, await storeArticle('Trang mạo danh BHXH Đà Nẵng (đăng lại)', { copyOf: first })];
    alertId = await storeAlert('P48', articles);
  });

  it('is not opened by a unit that does not see the alert', async () => {
    const response = await open(hanoi, { alertId });
    expect(response.statusCode).toBe(400);
    expect((response.json() as TProblem).errors?.[0]).toMatchObject({ field: 'alertId' });
  });

  it('takes over the alert’s unit and articles; the alert is marked, once', async () => {
    const response = await open(officer, { alertId });
    expect(response.statusCode, response.body).toBe(201);
    const incident = response.json<TIncident>();
    expect(incident.owningUnit.code).toBe('P48');
    expect(incident.alertIds).toEqual([alertId]);
    expect(incident.items.map((i) => i.articleId).sort()).toEqual([...articles].sort());
    expect(incident.timeline[0]).toMatchObject({ kind: 'opened', detail: { alertId, items: 2, severity: 'severe' } });
    const { rows } = await t.db.pool.query('SELECT status, incident_id FROM monitoring_alerts WHERE id = $1', [
      alertId,
    ]);
    expect(rows[0]).toEqual({ status: 'incident', incident_id: incident.id });
    const again = await open(officer, { alertId });
    expect(again.statusCode).toBe(409);
    expect((again.json() as TProblem).code).toBe('incident.alert_taken');
    expect((again.json() as TProblem).title).toContain(incident.code);
  });
});

describe('escalation', () => {
  let incident: TIncident;
  beforeAll(async () => {
    incident = (await open(officer, { title: 'Tin giả về BHXH Đà Nẵng chậm chi trả' })).json<TIncident>();
  });

  it('waits until a deadline has passed', async () => {
    expect(await t.services.incidents.escalateOverdue(new Date(Date.now() + 0.5 * HOUR))).toBe(0);
  });

  it('tells the leaders of the owning unit and of its parent, and its officers, once per deadline', async () => {
    const later = new Date(Date.now() + 1.5 * HOUR);
    const since = await t.lastAuditSeq();
    const [a, b] = await Promise.all([
      t.services.incidents.escalateOverdue(later),
      t.services.incidents.escalateOverdue(later),
    ]);
    // Two severe cases are open (this one and the one opened from the alert): each escalated once between both runs.
    expect(a + b).toBe(2);
    const escalated = await get(incident.id);
    expect(escalated.timeline.filter((e) => e.kind === 'escalated').map((e) => e.detail?.deadline)).toEqual(['assess']);
    expect(escalated.deadlines[0]!.escalatedAt).not.toBeNull();
    expect(escalated.deadlines[1]!.escalatedAt).toBeNull();
    expect(await notified(incident.id, `incident:${incident.id}:escalated:assess`)).toEqual([
      'dn.leader',
      'dn.officer',
      'dn.officer2',
      'top.leader',
    ]);
    const audit = (await t.auditSince(since)).filter((e) => e.entity_id === incident.id);
    expect(audit.map((e) => e.action)).toEqual(['escalate']);
    expect(await t.services.incidents.escalateOverdue(later)).toBe(0);
  });

  it('escalates the response deadline when its due time is set in the past, and never a met one', async () => {
    const assessed = (await open(officer, { title: 'Tin sai về mức đóng BHYT học sinh' })).json<TIncident>();
    await officer.post(`/api/incidents/${assessed.id}/actions`, {
      kind: 'assessment',
      text: 'Tin sai, cần cải chính.',
    });
    await t.db.pool.query(
      `UPDATE incidents SET assess_due_at = now() - interval '2 minutes', respond_due_at = now() - interval '1 minute'
        WHERE id = ANY($1)`,
      [[assessed.id, incident.id]],
    );
    await t.services.incidents.escalateOverdue();
    const events = (await get(assessed.id)).timeline.filter((e) => e.kind === 'escalated');
    expect(events.map((e) => e.detail?.deadline)).toEqual(['respond']);
    // The first escalation was stamped with the moved clock, so only the set matters here.
    const first = (await get(incident.id)).timeline.filter((e) => e.kind === 'escalated');
    expect(first.map((e) => e.detail?.deadline).sort()).toEqual(['assess', 'respond']);
    expect((await get(incident.id)).deadlines.map((d) => d.overdue)).toEqual([true, true]);
  });
});

describe('arrivals from matching', () => {
  let incident: TIncident;
  let story: string;
  let queryId: string;
  beforeAll(async () => {
    const { rows } = await t.db.pool.query<{ id: string }>(
      `INSERT INTO monitoring_queries (name, text, org_unit_id) VALUES ('Mạo danh BHXH', 'mạo danh', $1) RETURNING id`,
      [await t.unitId('P48')],
    );
    queryId = rows[0]!.id;
    story = await storeArticle('Cảnh báo cuộc gọi mạo danh cán bộ BHXH', { queries: [queryId] });
    // Matched the query before the case was opened: not an arrival.
    await storeArticle('Bài cũ về mạo danh', { queries: [queryId] });
    // The reader has caught up before the case is opened.
    await t.services.incidents.linkArrivals();
    incident = (
      await open(officer, { title: 'Cuộc gọi mạo danh cán bộ BHXH', articleIds: [story], queryId })
    ).json<TIncident>();
  });

  it('links a later copy of the story and new matches of the case’s query, once', async () => {
    const copy = await storeArticle('Cảnh báo cuộc gọi mạo danh cán bộ BHXH (đăng lại)', { copyOf: story });
    const match = await storeArticle('Lại xuất hiện cuộc gọi mạo danh', { queries: [queryId] });
    const unrelated = await storeArticle('Tăng lương hưu từ tháng 7');
    expect(await t.services.incidents.linkArrivals()).toBe(2);
    const after = await get(incident.id);
    expect(
      after.items
        .filter((i) => i.addedBy === 'matching')
        .map((i) => i.articleId)
        .sort(),
    ).toEqual([copy, match].sort());
    expect(after.items.map((i) => i.articleId)).not.toContain(unrelated);
    expect(
      after.timeline
        .filter((e) => e.kind === 'item_linked')
        .map((e) => e.detail?.articleId)
        .sort(),
    ).toEqual([copy, match].sort());
    expect(await t.services.incidents.linkArrivals()).toBe(0);
  });

  it('leaves a closed case alone', async () => {
    const low = (
      await open(officer, {
        title: 'Phản ánh chậm cấp sổ',
        guide: { reach: 'local', falsity: 'accurate', officialsNamed: false, legalRisk: false },
        articleIds: [await storeArticle('Phản ánh chậm cấp sổ BHXH')],
      })
    ).json<TIncident>();
    await officer.post(`/api/incidents/${low.id}/actions`, { kind: 'assessment', text: 'Không phải sự cố.' });
    const closed = await officer.post(`/api/incidents/${low.id}/transition`, {
      version: low.version,
      status: 'closed',
      lessons: 'Phản ánh đúng, đã chuyển bộ phận một cửa.',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    await storeArticle('Phản ánh chậm cấp sổ BHXH (đăng lại)', { copyOf: low.items[0]!.articleId });
    await t.services.incidents.linkArrivals();
    expect((await get(low.id)).items).toHaveLength(1);
  });
});
