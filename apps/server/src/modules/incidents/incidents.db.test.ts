import { randomUUID } from 'node:crypto';
import type { TIncident, TIncidentSummary, TPage, TProblem } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let officer: Session; // province officer of Hà Nội (P01)
let supporter: Session; // officer of Ban Sổ thẻ (ST), a supporting unit
let stranger: Session; // province officer of TP HCM (P79)
let topLeader: Session; // leader at the root
const article: Record<string, string> = {};

const MINUTE = 60_000;
const SEVERE_GUIDE = { reach: 'viral', falsity: 'false', officialsNamed: true, legalRisk: true };
const LOW_GUIDE = { reach: 'local', falsity: 'accurate', officialsNamed: false, legalRisk: false };

/** Stores a monitored article as the ingest engine would; `copyOf` puts it in that article's story. */
async function storeArticle(title: string, copyOf?: string): Promise<string> {
  const id = randomUUID();
  await t.db.pool.query(
    `INSERT INTO monitoring_articles (id, source_name, url, url_key, title, sort_at, cluster_id, relevance_level,
       relevance_score, sentiment, flags, unit, predicted)
     VALUES ($1, 'Báo Tuổi Trẻ', $2, $2, $3, now(), $4, 'core', 0.9, 'negative', '{scam_impersonation}', 'sothe', '{}')`,
    [id, `https://tuoitre.vn/${id}.htm`, title, copyOf ?? id],
  );
  return id;
}

/** A publication of a product owned by `unitCode` (published or still a draft). */
async function publication(unitCode: string, status: 'published' | 'draft'): Promise<string> {
  const { rows } = await t.db.pool.query<{ id: string }>(
    `WITH p AS (INSERT INTO products (guidance_year, type_code, title, owner_unit_id, status)
                VALUES (2020, 'article', 'Thông tin cải chính về việc rút BHXH một lần', $1, $2) RETURNING id)
     INSERT INTO publications (product_id, channel, outlet, url, published_at, org_unit_id)
     SELECT p.id, 'portal', 'Cổng thông tin BHXH', $3, now(), $1 FROM p RETURNING id`,
    [await t.unitId(unitCode), status, `https://baohiemxahoi.gov.vn/${randomUUID()}`],
  );
  return rows[0]!.id;
}

const open = (session: Session, body: Record<string, unknown>) =>
  session.post('/api/incidents', {
    title: 'Trang giả mạo BHXH Hà Nội lừa rút BHXH một lần',
    guide: SEVERE_GUIDE,
    ...body,
  });
const problem = (response: { json: () => unknown }) => response.json() as TProblem;
const kinds = (incident: TIncident) => incident.timeline.map((e) => e.kind);

async function notified(incidentId: string): Promise<string[]> {
  const { rows } = await t.db.pool.query<{ username: string }>(
    `SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id
      WHERE n.kind = 'incident' AND n.entity_id = $1 ORDER BY u.username`,
    [incidentId],
  );
  return rows.map((r) => r.username);
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'hn.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'hn.leader', roles: ['leader'], unitCode: 'P01' });
  await t.createUser({ username: 'st.officer', roles: ['unit_officer'], unitCode: 'ST' });
  await t.createUser({ username: 'hcm.officer', roles: ['province_officer'], unitCode: 'P79' });
  await t.createUser({ username: 'top.leader', roles: ['leader'], unitCode: 'BHXHVN' });
  [officer, supporter, stranger, topLeader] = await Promise.all([
    t.login('hn.officer'),
    t.login('st.officer'),
    t.login('hcm.officer'),
    t.login('top.leader'),
  ]);
  article.fake = await storeArticle('Cảnh báo trang mạo danh BHXH Hà Nội');
  article.other = await storeArticle('Nhiều người bị lừa hỗ trợ rút BHXH một lần');
  article.late = await storeArticle('Thêm nạn nhân của trang mạo danh');
}, 120_000);
afterAll(async () => t?.close());

describe('POST /api/incidents', () => {
  let created: TIncident;

  it('opens a case from items in the caller’s unit, with deadlines by severity, audited and notified', async () => {
    const since = await t.lastAuditSeq();
    const response = await open(officer, {
      articleIds: [article.fake, article.other],
      supportingUnitIds: [await t.unitId('ST')],
    });
    expect(response.statusCode, response.body).toBe(201);
    created = response.json<TIncident>();
    expect(created.code).toMatch(new RegExp(`^SC-${new Date().getFullYear()}-\\d{4}$`));
    expect(created).toMatchObject({ severity: 'severe', status: 'open', nextStatuses: ['assessing'], canEdit: true });
    expect(created.owningUnit.code).toBe('P01');
    expect(created.supportingUnits.map((u) => u.code)).toEqual(['ST']);
    expect(created.items.map((i) => [i.articleId, i.addedBy])).toEqual([
      [article.fake, 'user'],
      [article.other, 'user'],
    ]);
    const opened = Date.parse(created.openedAt);
    const [assess, respond] = created.deadlines;
    expect(Date.parse(assess!.dueAt) - opened).toBe(60 * MINUTE);
    expect(Date.parse(respond!.dueAt) - opened).toBe(1440 * MINUTE);
    expect(created.nextDueAt).toBe(assess!.dueAt);
    expect(created.missingActions).toEqual([
      ['assessment'],
      ['verified_facts'],
      ['correction_published', 'response_drafted'],
      ['appraised'],
    ]);
    expect(kinds(created)).toEqual(['opened']);
    const audit = await t.auditSince(since);
    expect(audit.map((a) => [a.action, a.entity_type, a.entity_id])).toEqual([['create', 'incident', created.id]]);
    expect(await notified(created.id)).toEqual(['hn.leader', 'st.officer']);
  });

  it('numbers cases in order', async () => {
    const next = (await open(officer, { guide: LOW_GUIDE })).json<TIncident>();
    const number = (code: string) => Number(code.slice(-4));
    expect(number(next.code)).toBe(number(created.code) + 1);
    expect(next.severity).toBe('low');
  });

  it('refuses a deadline in the past, field by field (422)', async () => {
    const past = new Date(Date.now() - MINUTE).toISOString();
    const response = await open(officer, {
      assessDueAt: past,
      respondDueAt: new Date(Date.now() + 60 * MINUTE).toISOString(),
    });
    expect(response.statusCode).toBe(422);
    expect(problem(response)).toMatchObject({ code: 'incident.invalid_deadline' });
    expect(problem(response).errors).toEqual([
      { field: 'assessDueAt', code: 'validation.in_past', message: 'Thời điểm phải sau hiện tại' },
    ]);
  });

  it('takes explicit future deadlines', async () => {
    const due = new Date(Date.now() + 30 * MINUTE);
    due.setMilliseconds(0);
    const response = await open(officer, { assessDueAt: due.toISOString() });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<TIncident>().deadlines[0]!.dueAt).toBe(due.toISOString());
  });

  it('refuses unknown articles and an owning unit outside the caller’s scope', async () => {
    const unknown = await open(officer, { articleIds: [randomUUID()] });
    expect(unknown.statusCode).toBe(400);
    expect(problem(unknown).errors?.[0]?.field).toBe('articleIds');
    const elsewhere = await open(officer, { owningUnitId: await t.unitId('P79') });
    expect(elsewhere.statusCode).toBe(400);
    expect(problem(elsewhere).errors?.[0]).toMatchObject({
      field: 'owningUnitId',
      code: 'validation.unit_out_of_scope',
    });
    expect((await open(topLeader, {})).statusCode).toBe(403);
  });
});

describe('scope', () => {
  let incident: TIncident;
  beforeAll(async () => {
    incident = (
      await open(officer, { title: 'Tin sai về tạm dừng cấp thẻ BHYT', supportingUnitIds: [await t.unitId('ST')] })
    ).json<TIncident>();
  });

  it('hides a case from another province (404, not in its list)', async () => {
    expect((await stranger.get(`/api/incidents/${incident.id}`)).statusCode).toBe(404);
    const list = (await stranger.get('/api/incidents')).json<TPage<TIncidentSummary>>();
    expect(list.items.map((i) => i.id)).not.toContain(incident.id);
    expect((await stranger.post(`/api/incidents/${incident.id}/actions`, { kind: 'note', text: 'x' })).statusCode).toBe(
      404,
    );
  });

  it('shows it to a supporting unit, which records actions but does not edit it', async () => {
    const seen = (await supporter.get(`/api/incidents/${incident.id}`)).json<TIncident>();
    expect(seen).toMatchObject({ canEdit: false, canAddActions: true, nextStatuses: [] });
    const action = await supporter.post(`/api/incidents/${incident.id}/actions`, {
      kind: 'verified_facts',
      text: 'Ban Sổ thẻ xác nhận không có chủ trương tạm dừng cấp thẻ.',
    });
    expect(action.statusCode, action.body).toBe(201);
    expect(
      (await supporter.patch(`/api/incidents/${incident.id}`, { version: seen.version, title: 'x' })).statusCode,
    ).toBe(403);
  });

  it('shows it to leaders above the owning unit', async () => {
    const list = (await topLeader.get('/api/incidents?pageSize=100')).json<TPage<TIncidentSummary>>();
    expect(list.items.map((i) => i.id)).toContain(incident.id);
  });
});

describe('the life of a case', () => {
  let incident: TIncident;
  const move = (status: string, extra: Record<string, unknown> = {}) =>
    officer.post(`/api/incidents/${incident.id}/transition`, { version: incident.version, status, ...extra });
  const act = (kind: string, extra: Record<string, unknown> = {}) =>
    officer.post(`/api/incidents/${incident.id}/actions`, { kind, text: `Ghi nhận: ${kind}`, ...extra });
  const keep = async (response: Awaited<ReturnType<typeof move>>, status = 200) => {
    expect(response.statusCode, response.body).toBe(status);
    incident = response.json<TIncident>();
  };

  beforeAll(async () => {
    incident = (
      await open(officer, { title: 'Clip cắt ghép phát ngôn lãnh đạo BHXH', articleIds: [article.fake] })
    ).json<TIncident>();
  });

  it('re-grades a case: the unmet deadlines follow the new severity, on the timeline; a stale version is refused', async () => {
    const since = await t.lastAuditSeq();
    await keep(await officer.patch(`/api/incidents/${incident.id}`, { version: incident.version, severity: 'high' }));
    expect(incident.severity).toBe('high');
    expect(Date.parse(incident.deadlines[0]!.dueAt) - Date.parse(incident.openedAt)).toBe(240 * MINUTE);
    expect(incident.timeline.find((e) => e.kind === 'severity_changed')?.detail).toEqual({
      from: 'severe',
      to: 'high',
    });
    expect(kinds(incident).filter((k) => k === 'deadline_changed')).toHaveLength(2);
    expect((await t.auditSince(since)).map((a) => a.action)).toEqual(['update']);
    const stale = await officer.patch(`/api/incidents/${incident.id}`, { version: incident.version - 1, title: 'Cũ' });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale).code).toBe('conflict.version');
  });

  it('follows the workflow: no jumping, and no response before the first assessment', async () => {
    const jump = await move('responding');
    expect(jump.statusCode).toBe(409);
    expect(problem(jump).code).toBe('incident.invalid_transition');
    await keep(await move('assessing'));
    const early = await move('responding');
    expect(early.statusCode).toBe(422);
    expect(problem(early).code).toBe('incident.missing_actions');
    expect(problem(early).errors).toEqual([
      { field: 'actions', code: 'incident.action_required', message: 'Cần ghi nhận trước: Đánh giá ban đầu' },
    ]);
    await keep(await act('assessment'), 201);
    expect(incident.deadlines[0]!.metAt).not.toBeNull();
    await keep(await move('responding', { note: 'Dự thảo thông cáo báo chí' }));
    expect(incident.timeline.at(-1)).toMatchObject({ kind: 'status_changed', text: 'Dự thảo thông cáo báo chí' });
  });

  it('needs a link for a published correction: a publication the caller sees, or an address', async () => {
    const bare = await act('correction_published');
    expect(bare.statusCode).toBe(422);
    expect(problem(bare)).toMatchObject({ code: 'incident.correction_link' });
    expect(problem(bare).errors?.map((e) => [e.field, e.code])).toEqual([
      ['publicationId', 'incident.correction_link_required'],
    ]);
    const hidden = await act('correction_published', { publicationId: await publication('P79', 'draft') });
    expect(hidden.statusCode).toBe(422);
    expect(problem(hidden).errors?.map((e) => e.code)).toEqual(['incident.publication_unknown']);
    expect((await act('correction_published', { publicationId: randomUUID() })).statusCode).toBe(422);
  });

  it('refuses to close without the required actions and lessons, then closes after a correction with its link', async () => {
    await keep(await move('monitoring'));
    expect(incident.deadlines[1]!.metAt).not.toBeNull();
    const refused = await move('closed');
    expect(refused.statusCode).toBe(422);
    expect(problem(refused).code).toBe('incident.missing_actions');
    expect(problem(refused).errors?.map((e) => e.field)).toEqual(['actions', 'actions', 'actions', 'lessons']);
    expect(problem(refused).errors?.[1]?.message).toBe(
      'Cần ghi nhận trước: Đăng tải thông tin cải chính, phản hồi hoặc Dự thảo nội dung phản hồi',
    );
    const english = await officer.post(
      `/api/incidents/${incident.id}/transition`,
      { version: incident.version, status: 'closed' },
      { 'accept-language': 'en' },
    );
    expect(problem(english).errors?.[0]?.message).toBe('Record first: Facts verified');

    const publicationId = await publication('P01', 'draft');
    await keep(await act('correction_published', { publicationId }), 201);
    const correction = incident.timeline.find((e) => e.kind === 'correction_published')!;
    expect(correction.publication).toEqual({
      id: publicationId,
      title: 'Thông tin cải chính về việc rút BHXH một lần — Cổng thông tin BHXH',
    });
    await keep(await act('verified_facts'), 201);
    await keep(await act('appraised', { url: 'https://baohiemxahoi.gov.vn/tham-dinh' }), 201);
    expect(incident.missingActions).toEqual([]);
    const noLessons = await move('closed', { lessons: '   ' });
    expect(problem(noLessons).errors?.map((e) => e.field)).toEqual(['lessons']);
    const since = await t.lastAuditSeq();
    await keep(await move('closed', { lessons: 'Cần phản hồi trên fanpage trong giờ đầu.' }));
    expect(incident).toMatchObject({
      status: 'closed',
      lessons: 'Cần phản hồi trên fanpage trong giờ đầu.',
      overdue: false,
    });
    expect(incident.closedAt).not.toBeNull();
    expect(incident.nextStatuses).toEqual([]);
    expect((await t.auditSince(since)).map((a) => a.action)).toEqual(['change_status']);
    const after = await officer.patch(`/api/incidents/${incident.id}`, { version: incident.version, title: 'Sửa' });
    expect(after.statusCode).toBe(409);
    expect(problem(after).code).toBe('incident.closed');
  });
});
