import ExcelJS from 'exceljs';
import {
  firstOpenProposalMonth,
  nextProposalMonth,
  proposalMonth,
  type TPage,
  type TProposal,
  type TProposalDetail,
} from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { addDays, vnToday } from './proposal-reminders.js';

let t: TestApp;
let comms: Session;
let hanoi: Session;
let badinh: Session;
let danang: Session;
let banThu: Session;
let leader: Session;
let hanoiViewer: Session;
let danangAdmin: Session;
const users: Record<string, string> = {};
const units: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const people = [
    ['tt.officer', 'comms_center', 'TT'],
    ['hanoi.officer', 'province_officer', 'P01'],
    ['hanoi.colleague', 'province_officer', 'P01'],
    ['badinh.officer', 'district_officer', 'D001'],
    ['danang.officer', 'province_officer', 'P48'],
    ['thu.officer', 'unit_officer', 'THU'],
    ['lanh.dao', 'leader', 'BHXHVN'],
    ['hanoi.viewer', 'viewer', 'P01'],
    ['danang.admin', 'admin', 'P48'],
  ] as const;
  for (const [username, role, unitCode] of people) {
    users[username] = await t.createUser({ username, roles: [role], unitCode, email: `${username}@bhxh.gov.vn` });
  }
  const login = (username: string) => t.login(username);
  [comms, hanoi, badinh, danang, banThu, leader, hanoiViewer, danangAdmin] = await Promise.all([
    login('tt.officer'),
    login('hanoi.officer'),
    login('badinh.officer'),
    login('danang.officer'),
    login('thu.officer'),
    login('lanh.dao'),
    login('hanoi.viewer'),
    login('danang.admin'),
  ]);
  for (const code of ['TT', 'P01', 'P48', 'D001', 'THU']) units[code] = await t.unitId(code);
});
afterAll(async () => t?.close());

// Dates follow the real calendar: the first month still open, and the current one (always closed).
const today = vnToday(new Date());
const open = firstOpenProposalMonth(today, 20);
const lastDayOf = (month: string) => addDays(`${nextProposalMonth(month)}-01`, -1);
const current = proposalMonth(today);

const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
const countProposals = async () =>
  (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM proposals')).rows[0]!.n;
const notificationsOf = async (username: string, entityId: string) =>
  (
    await t.db.pool.query<{ kind: string; title_vi: string; body_vi: string | null; link: string }>(
      'SELECT kind, title_vi, body_vi, link FROM notifications WHERE user_id = $1 AND entity_id = $2 ORDER BY created_at',
      [users[username], entityId],
    )
  ).rows;

let serial = 0;
/** A valid monthly proposal for the first open month; each call gets its own title. */
const draft = (overrides: Record<string, unknown> = {}) => ({
  kind: 'monthly',
  title: `Truyền thông BHXH tự nguyện số ${(serial += 1)}`,
  description: 'Loạt tin bài và video ngắn về lợi ích của BHXH tự nguyện cho lao động tự do.',
  guidanceYear: 2020,
  themeCodes: ['II.1.a'],
  audienceCodes: ['I.3'],
  formCodes: ['III.3'],
  channelCodes: ['facebook', 'press'],
  periodFrom: `${open}-01`,
  periodTo: lastDayOf(open),
  ...overrides,
});
const propose = async (session: Session, overrides: Record<string, unknown> = {}) => {
  const response = await session.post('/api/proposals', draft(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TProposalDetail>();
};
const list = async (session: Session, query = '') => {
  const response = await session.get(`/api/proposals?pageSize=200&${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TPage<TProposal>>();
};
const titles = (page: TPage<TProposal>) => page.items.map((p) => p.title);

describe('proposals routes', () => {
  describe('POST /api/proposals', () => {
    it('submits a proposal of the caller’s unit, audits it and tells the Communication Center', async () => {
      const seq = await t.lastAuditSeq();
      const created = await propose(hanoi);
      expect(created).toMatchObject({
        status: 'submitted',
        ownerUnit: { code: 'P01' },
        proposer: { id: users['hanoi.officer'] },
        themeCodes: ['II.1.a'],
        channelCodes: ['facebook', 'press'],
        actions: ['edit', 'withdraw'],
        version: 1,
        mergedProposals: [],
      });
      const audit = await t.auditSince(seq);
      expect(audit.map((a) => `${a.entity_type}:${a.action}`)).toEqual(['proposal:create']);
      expect(audit[0]).toMatchObject({ entity_id: created.id, org_unit_id: units.P01 });
      const [notice] = await notificationsOf('tt.officer', created.id);
      expect(notice).toMatchObject({ kind: 'assignment', link: `/proposals?id=${created.id}` });
      expect(notice!.title_vi).toContain(created.title);
      const held = await t.db.pool.query('SELECT status FROM email_outbox WHERE user_id = $1', [users['tt.officer']]);
      expect(held.rows.map((r) => r.status)).toContain('held');
    });

    it('lets a district and a central unit propose, and drops repeated codes', async () => {
      const fromDistrict = await propose(badinh, { themeCodes: ['II.1.a', 'II.1.a', 'II.1.đ'] });
      expect(fromDistrict.ownerUnit.code).toBe('D001');
      expect(fromDistrict.themeCodes).toEqual(['II.1.a', 'II.1.đ']);
      expect((await propose(banThu, { kind: 'thematic' })).ownerUnit.code).toBe('THU');
    });

    it('takes emerging content for the current period at any time', async () => {
      const created = await propose(hanoi, { kind: 'emerging', periodFrom: today, periodTo: addDays(today, 3) });
      expect(created.kind).toBe('emerging');
    });

    it('refuses planned content for a closed month and a period that has ended, field by field, writing nothing', async () => {
      const before = await countProposals();
      const closed = await hanoi.post(
        '/api/proposals',
        draft({ periodFrom: `${current}-01`, periodTo: lastDayOf(current) }),
      );
      expect(closed.statusCode).toBe(400);
      expect(closed.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(closed.json())).toEqual(['periodFrom:validation.proposal_month_closed']);
      expect(closed.json().errors[0].message).toContain(`${current.slice(5)}/${current.slice(0, 4)}`);
      const ended = await hanoi.post(
        '/api/proposals',
        draft({ kind: 'emerging', periodFrom: addDays(today, -5), periodTo: addDays(today, -1) }),
      );
      expect(fieldsOf(ended.json())).toEqual(['periodTo:validation.proposal_period_ended']);
      const twoMonths = await hanoi.post('/api/proposals', draft({ periodTo: `${nextProposalMonth(open)}-05` }));
      expect(fieldsOf(twoMonths.json())).toEqual(['periodTo:validation.proposal_one_month']);
      expect(await countProposals()).toBe(before);
    });

    it('reports dates out of order, unknown codes and an unknown year, in the caller’s language', async () => {
      const order = await hanoi.post('/api/proposals', draft({ periodFrom: `${open}-20`, periodTo: `${open}-02` }));
      expect(fieldsOf(order.json())).toEqual(['periodTo:validation.date_order']);
      const codes = await hanoi.post(
        '/api/proposals',
        draft({ themeCodes: ['II.1.a', 'II.9'], channelCodes: ['myspace'] }),
        { 'accept-language': 'en' },
      );
      expect(codes.statusCode).toBe(400);
      expect(fieldsOf(codes.json())).toEqual([
        'themeCodes.1:validation.unknown_guidance_code',
        'channelCodes.0:validation.unknown_guidance_code',
      ]);
      expect(codes.json().errors[0].message).toBe('Code "II.9" is not in the guidance of the chosen year');
      const year = await hanoi.post('/api/proposals', draft({ guidanceYear: 2031 }));
      expect(fieldsOf(year.json())).toEqual(['guidanceYear:validation.unknown_guidance_year']);
      const noTheme = await hanoi.post('/api/proposals', draft({ themeCodes: [] }));
      expect(fieldsOf(noTheme.json())).toEqual(['themeCodes:validation.too_few_items']);
    });

    it('keeps the proposing unit in the caller’s scope and the regulation real', async () => {
      const foreign = await hanoi.post('/api/proposals', draft({ ownerUnitId: units.P48 }));
      expect(fieldsOf(foreign.json())).toEqual(['ownerUnitId:validation.unit_out_of_scope']);
      const forDistrict = await propose(hanoi, { ownerUnitId: units.D001 });
      expect(forDistrict.ownerUnit.code).toBe('D001');
      const missing = await hanoi.post(
        '/api/proposals',
        draft({ regulationId: '00000000-0000-4000-8000-000000000000' }),
      );
      expect(fieldsOf(missing.json())).toEqual(['regulationId:validation.invalid_value']);
      const { rows } = await t.db.pool.query<{ id: string }>(
        "SELECT id FROM regulations WHERE number = '1191/BHXH-TT'",
      );
      const linked = await propose(hanoi, { regulationId: rows[0]!.id });
      expect(linked.regulation).toMatchObject({ number: '1191/BHXH-TT' });
    });

    it('lets leaders and viewers read but not propose', async () => {
      expect((await leader.post('/api/proposals', draft())).statusCode).toBe(403);
      expect((await hanoiViewer.post('/api/proposals', draft())).statusCode).toBe(403);
    });
  });

  describe('GET /api/proposals', () => {
    it('isolates provinces: Đà Nẵng sees none of Hà Nội’s, Hà Nội sees its districts’ too', async () => {
      const fromHanoi = await propose(hanoi);
      const fromBadinh = await propose(badinh);
      const fromDanang = await propose(danang);
      const seenByDanang = titles(await list(danang));
      expect(seenByDanang).toContain(fromDanang.title);
      expect(seenByDanang).not.toContain(fromHanoi.title);
      expect(seenByDanang).not.toContain(fromBadinh.title);
      const seenByHanoi = titles(await list(hanoi));
      expect(seenByHanoi).toEqual(expect.arrayContaining([fromHanoi.title, fromBadinh.title]));
      expect(seenByHanoi).not.toContain(fromDanang.title);
      expect(titles(await list(badinh))).not.toContain(fromHanoi.title);
      expect(titles(await list(danangAdmin))).not.toContain(fromHanoi.title);
      expect((await danang.get(`/api/proposals/${fromHanoi.id}`)).statusCode).toBe(404);
      expect((await danang.patch(`/api/proposals/${fromHanoi.id}`, { version: 1, title: 'x' })).statusCode).toBe(404);
    });

    it('shows the Communication Center and the national leader every proposal; mine narrows to one’s own', async () => {
      const fromDanang = await propose(danang);
      expect(titles(await list(comms))).toContain(fromDanang.title);
      expect(titles(await list(leader))).toContain(fromDanang.title);
      expect(titles(await list(comms, 'mine=true'))).not.toContain(fromDanang.title);
      const inbox = await list(comms, `q=${encodeURIComponent(fromDanang.title)}`);
      expect(inbox.items[0]!.actions).toEqual(['accept', 'merge', 'decline']);
    });

    it('filters by status, kind, unit, theme, month and accent-free text, and sorts by title', async () => {
      const special = await propose(danang, {
        kind: 'thematic',
        title: 'Chuyên đề BHYT học sinh, sinh viên Đà Nẵng',
        themeCodes: ['II.1.b'],
      });
      const found = (query: string) => list(comms, query).then(titles);
      expect(await found('q=bhyt hoc sinh da nang')).toEqual([special.title]);
      expect(await found(`kind=thematic&unitId=${units.P48}`)).toEqual([special.title]);
      expect(await found(`themeCode=II.1.b&unitId=${units.P48}`)).toEqual([special.title]);
      expect(await found(`month=${open}&unitId=${units.P48}&kind=thematic`)).toEqual([special.title]);
      expect(await found(`month=${nextProposalMonth(open)}&unitId=${units.P48}`)).toEqual([]);
      expect((await list(comms, 'status=submitted')).items.every((p) => p.status === 'submitted')).toBe(true);
      const sorted = titles(await list(comms, `unitId=${units.P01}&sort=title`));
      expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b, 'vi')));
      const bad = await comms.get('/api/proposals?sort=secret');
      expect(fieldsOf(bad.json())).toEqual(['sort:validation.invalid_sort']);
    });

    it('exports the filtered list as Excel with Vietnamese headers', async () => {
      const created = await propose(danang, { title: 'Đề xuất để xuất Excel' });
      const response = await comms.get(`/api/proposals/export.xlsx?q=${encodeURIComponent(created.title)}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toContain('de-xuat-noi-dung.xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      expect(sheet.getRow(1).getCell(2).value).toBe('Tiêu đề');
      expect(sheet.rowCount).toBe(2);
      expect(sheet.getRow(2).getCell(2).value).toBe(created.title);
      expect(sheet.getRow(2).getCell(14).value).toBe('Chờ xử lý');
    });

    it('offers as unit filter the proposing units the caller may see', async () => {
      await propose(danang);
      await propose(badinh);
      const codes = async (session: Session) =>
        ((await session.get('/api/proposals/units')).json() as TPage<{ code: string }>).items.map((u) => u.code);
      expect(await codes(danang)).toEqual(['P48']);
      expect(await codes(hanoi)).toEqual(expect.arrayContaining(['P01', 'D001']));
      expect(await codes(hanoi)).not.toContain('P48');
      expect(await codes(comms)).toEqual(expect.arrayContaining(['P01', 'D001', 'P48', 'THU']));
    });

    it('tells forms the period rules of today', async () => {
      const rules = await hanoi.get('/api/proposals/rules');
      expect(rules.json()).toEqual({ closingDay: 20, today, firstOpenMonth: open });
    });
  });

  describe('PATCH /api/proposals/{id}', () => {
    it('changes a proposal awaiting a decision, with optimistic concurrency and an audit of before and after', async () => {
      const created = await propose(hanoi);
      const seq = await t.lastAuditSeq();
      const response = await hanoi.patch(`/api/proposals/${created.id}`, {
        version: 1,
        title: 'Tiêu đề đã sửa',
        channelCodes: ['zalo'],
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ title: 'Tiêu đề đã sửa', channelCodes: ['zalo'], version: 2 });
      const [audit] = await t.auditSince(seq);
      expect(audit).toMatchObject({ action: 'update', entity_id: created.id });
      expect(audit!.before).toMatchObject({ title: created.title });
      expect(audit!.after).toMatchObject({ title: 'Tiêu đề đã sửa' });
      const stale = await hanoi.patch(`/api/proposals/${created.id}`, { version: 1, title: 'Cũ' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('conflict.version');
    });

    it('applies the period and code rules to what changes, and leaves the rest alone', async () => {
      const created = await propose(hanoi);
      const closed = await hanoi.patch(`/api/proposals/${created.id}`, {
        version: 1,
        periodFrom: `${current}-01`,
        periodTo: lastDayOf(current),
      });
      expect(fieldsOf(closed.json())).toEqual(['periodFrom:validation.proposal_month_closed']);
      const codes = await hanoi.patch(`/api/proposals/${created.id}`, { version: 1, formCodes: ['III.99'] });
      expect(fieldsOf(codes.json())).toEqual(['formCodes.0:validation.unknown_guidance_code']);
      const { rows } = await t.db.pool.query('SELECT version, form_codes FROM proposals WHERE id = $1', [created.id]);
      expect(rows[0]).toEqual({ version: 1, form_codes: ['III.3'] });
    });

    it('lets a colleague of the proposing unit edit, but not a viewer there', async () => {
      const created = await propose(badinh);
      expect(
        (await hanoi.patch(`/api/proposals/${created.id}`, { version: 1, title: 'Sửa bởi tỉnh' })).statusCode,
      ).toBe(200);
      const viewer = await hanoiViewer.patch(`/api/proposals/${created.id}`, { version: 2, title: 'Không được' });
      expect(viewer.statusCode).toBe(403);
    });
  });

  describe('POST /api/proposals/{id}/withdraw', () => {
    it('withdraws a proposal, after which nothing changes it', async () => {
      const created = await propose(hanoi);
      const withdrawn = await hanoi.post(`/api/proposals/${created.id}/withdraw`, { version: 1 });
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', actions: [] });
      const edit = await hanoi.patch(`/api/proposals/${created.id}`, { version: 2, title: 'Muộn' });
      expect(edit.statusCode).toBe(409);
      expect(edit.json().code).toBe('proposal.not_pending');
      const decline = await comms.post(`/api/proposals/${created.id}/decline`, { version: 2, reason: 'x' });
      expect(decline.json().code).toBe('proposal.not_pending');
      expect((await comms.post(`/api/proposals/${created.id}/withdraw`, { version: 2 })).statusCode).toBe(403);
    });
  });
});
