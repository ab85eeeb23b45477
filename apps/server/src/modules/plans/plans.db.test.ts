import ExcelJS from 'exceljs';
import type { TPlan, TPlanDetail } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let comms: Session;
let rootLeader: Session;
let deputyLeader: Session;
let hanoi: Session;
let hanoiLeader: Session;
let danang: Session;
let badinh: Session;
let viewer: Session;
let p01: string;
let p48: string;
let d001: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'tt.officer', roles: ['comms_center'], unitCode: 'TT' });
  await t.createUser({ username: 'tgd', roles: ['leader'], unitCode: 'BHXHVN' });
  await t.createUser({ username: 'ptgd', roles: ['leader'], unitCode: 'BHXHVN' });
  await t.createUser({ username: 'hn.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'hn.leader', roles: ['leader'], unitCode: 'P01' });
  await t.createUser({ username: 'hn.viewer', roles: ['viewer'], unitCode: 'P01' });
  await t.createUser({ username: 'dn.officer', roles: ['province_officer'], unitCode: 'P48' });
  await t.createUser({ username: 'bd.officer', roles: ['district_officer'], unitCode: 'D001' });
  await t.createUser({ username: 'hcm.viewer', roles: ['viewer'], unitCode: 'P79' });
  [comms, rootLeader, deputyLeader, hanoi, hanoiLeader, danang, badinh, viewer] = await Promise.all([
    t.login('tt.officer'),
    t.login('tgd'),
    t.login('ptgd'),
    t.login('hn.officer'),
    t.login('hn.leader'),
    t.login('dn.officer'),
    t.login('bd.officer'),
    t.login('hcm.viewer'),
  ]);
  [p01, p48, d001] = await Promise.all([t.unitId('P01'), t.unitId('P48'), t.unitId('D001')]);
});
afterAll(async () => t?.close());

type Page<T> = { items: T[]; total: number };
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
const create = async (session: Session, body: Record<string, unknown>) => {
  const response = await session.post('/api/plans', { title: 'Kế hoạch truyền thông năm 2026', ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TPlanDetail>();
};
const ok = async <T = TPlanDetail>(request: Promise<{ statusCode: number; body: string; json: <U>() => U }>) => {
  const response = await request;
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};
const setTargets = (session: Session, plan: TPlanDetail, targets: Record<string, unknown>[]) =>
  ok(session.put(`/api/plans/${plan.id}/targets`, { version: plan.version, targets }));
const inbox = async (username: string) =>
  (
    await t.db.pool.query<{ kind: string; title_vi: string; body_vi: string | null; link: string }>(
      `SELECT n.kind, n.title_vi, n.body_vi, n.link FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE u.username = $1 AND n.entity_type = 'plan' ORDER BY n.created_at, n.id`,
      [username],
    )
  ).rows;
const planXmin = async (id: string) =>
  (await t.db.pool.query<{ xmin: string }>('SELECT xmin::text FROM plans WHERE id = $1', [id])).rows[0]?.xmin;

describe('plans routes', () => {
  describe('POST /api/plans', () => {
    it('starts a draft for the caller’s own unit on the latest guidance not after the year, audited', async () => {
      const seq = await t.lastAuditSeq();
      const plan = await create(hanoi, { year: 2026, notes: '  Theo hướng dẫn 1191/BHXH-TT  ' });
      expect(plan).toMatchObject({
        orgUnit: { id: p01, code: 'P01', kind: 'province' },
        year: 2026,
        guidanceYear: 2020,
        status: 'draft',
        notes: 'Theo hướng dẫn 1191/BHXH-TT',
        targets: [],
        parentPlan: null,
        can: { edit: true, submit: true, review: false, delete: true },
      });
      const events = await t.auditSince(seq);
      expect(events.map((e) => [e.action, e.entity_type, e.entity_id, e.org_unit_id])).toEqual([
        ['create', 'plan', plan.id, p01],
      ]);
      expect(events[0]!.xmin).toBe(await planXmin(plan.id));
    });

    it('refuses a second plan of the same unit and year, on year', async () => {
      const response = await hanoi.post('/api/plans', { year: 2026, title: 'Bản thứ hai' });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'plan.exists', title: 'Đơn vị đã có kế hoạch năm 2026' });
      expect(fieldsOf(response.json())).toEqual(['year:validation.duplicate']);
    });

    it('reports bad input field by field, in Vietnamese or English, and writes nothing', async () => {
      const seq = await t.lastAuditSeq();
      const response = await hanoi.post('/api/plans', { year: 1999, title: '  ', guidanceYear: 2019 });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(response.json()).sort()).toEqual(['title:validation.required', 'year:validation.too_small']);
      const english = await danang.post(
        '/api/plans',
        { year: 2027, title: 'Plan', guidanceYear: 2019 },
        {
          'accept-language': 'en',
        },
      );
      expect(english.statusCode).toBe(400);
      expect(english.json()).toMatchObject({
        title: 'The request is not valid',
        errors: [{ field: 'guidanceYear', message: 'There is no communication guidance for this year' }],
      });
      expect(await t.auditSince(seq)).toEqual([]);
    });

    it('lets a province start its districts’ plans but not another province’s; leaders and viewers only read', async () => {
      const district = await create(hanoi, { orgUnitId: d001, year: 2026, title: 'Kế hoạch Ba Đình 2026' });
      expect(district.orgUnit.code).toBe('D001');
      const foreign = await danang.post('/api/plans', { orgUnitId: p01, year: 2027, title: 'Không được' });
      expect(foreign.statusCode).toBe(400);
      expect(fieldsOf(foreign.json())).toEqual(['orgUnitId:validation.unit_out_of_scope']);
      for (const session of [hanoiLeader, viewer]) {
        expect((await session.post('/api/plans', { year: 2030, title: 'Không được' })).statusCode).toBe(403);
      }
    });
  });

  describe('GET /api/plans', () => {
    it('keeps provinces apart and shows the Communication Center every plan', async () => {
      await create(danang, { year: 2026, title: 'Kế hoạch truyền thông Đà Nẵng' });
      const codes = async (session: Session, query = 'year=2026') =>
        (await ok<Page<TPlan>>(session.get(`/api/plans?${query}&sort=unit`))).items.map((p) => p.orgUnit.code);
      expect(await codes(hanoi)).toEqual(['D001', 'P01']);
      expect(await codes(danang)).toEqual(['P48']);
      expect(await codes(badinh)).toEqual(['D001']);
      expect(await codes(viewer)).toEqual([]);
      expect(await codes(comms)).toEqual(['D001', 'P01', 'P48']);
      expect(await codes(comms, `year=2026&orgUnitId=${p01}`)).toEqual(['D001', 'P01']);
      expect(await codes(comms, 'q=da nang')).toEqual(['P48']);
      expect(await codes(comms, 'year=2026&status=approved')).toEqual([]);
    });

    it('refuses an unknown sort or status field by field', async () => {
      const response = await comms.get('/api/plans?sort=colour&status=done');
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['status:validation.invalid_value']);
      expect(fieldsOf((await comms.get('/api/plans?sort=colour')).json())).toEqual(['sort:validation.invalid_sort']);
    });

    it('exports the plans in scope with their yearly targets as Excel', async () => {
      const plan = (await ok<Page<TPlan>>(hanoi.get('/api/plans?year=2026&orgUnitId=' + p01))).items.find(
        (p) => p.orgUnit.code === 'P01',
      )!;
      const detail = await ok(hanoi.get(`/api/plans/${plan.id}`));
      await setTargets(hanoi, detail, [
        { metric: 'budget_vnd', period: 'year', value: 1_250_000_000 },
        { metric: 'products', period: 'Q1', value: 12 },
        { metric: 'products', period: 'Q2', value: 8 },
      ]);
      const response = await hanoi.get('/api/plans/export.xlsx?year=2026');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toContain('ke-hoach.xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header.slice(0, 5)).toEqual(['Năm', 'Mã đơn vị', 'Đơn vị', 'Tên kế hoạch', 'Trạng thái']);
      const rows = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
      expect(rows.map((r) => r[1])).toEqual(['P01', 'D001']);
      const p01Row = rows[0]!;
      expect(p01Row[header.indexOf('Tin, bài và sản phẩm truyền thông')]).toBe(20);
      expect(p01Row[header.indexOf('Kinh phí (đồng)')]).toBe(1_250_000_000);
      expect(p01Row[header.indexOf('Trạng thái')]).toBe('Đang soạn thảo');
      expect(sheet.rowCount).toBe(3);
    });
  });

  describe('GET /api/plans/:id', () => {
    it('hides another province’s plan as not found, in the caller’s language', async () => {
      const plan = (await ok<Page<TPlan>>(danang.get('/api/plans?year=2026'))).items[0]!;
      const response = await hanoi.get(`/api/plans/${plan.id}`, { 'accept-language': 'en' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'resource.not_found', title: 'Plan not found' });
      expect((await hanoi.get(`/api/plans/${plan.id}`)).json()).toMatchObject({ title: 'Không tìm thấy kế hoạch' });
      expect((await comms.get(`/api/plans/${plan.id}`)).statusCode).toBe(200);
    });
  });

  describe('PATCH /api/plans/:id', () => {
    it('changes title and notes with the version seen, and refuses a stale one', async () => {
      const plan = await create(danang, { year: 2028, title: 'Dự thảo' });
      const seq = await t.lastAuditSeq();
      const changed = await ok(
        danang.patch(`/api/plans/${plan.id}`, { title: 'Kế hoạch 2028', notes: '', version: plan.version }),
      );
      expect(changed).toMatchObject({ title: 'Kế hoạch 2028', notes: null, version: plan.version + 1 });
      const [event] = await t.auditSince(seq);
      expect(event).toMatchObject({
        action: 'update',
        before: { title: 'Dự thảo' },
        after: { title: 'Kế hoạch 2028' },
      });
      const stale = await danang.patch(`/api/plans/${plan.id}`, { title: 'Ghi đè', version: plan.version });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'conflict.version' });
      const unknown = await danang.patch(`/api/plans/${plan.id}`, { guidanceYear: 2019, version: changed.version });
      expect(fieldsOf(unknown.json())).toEqual(['guidanceYear:validation.unknown_guidance_year']);
      expect((await hanoi.patch(`/api/plans/${plan.id}`, { title: 'x', version: changed.version })).statusCode).toBe(
        404,
      );
    });
  });

  describe('workflow: submit, approve, return, delete', () => {
    it('takes a province plan through submit → approve → return → resubmit, audited and notified', async () => {
      const plan = await create(hanoi, { year: 2027, title: 'Kế hoạch Hà Nội 2027' });
      const empty = await hanoi.post(`/api/plans/${plan.id}/submit`, { version: plan.version });
      expect(empty.statusCode).toBe(409);
      expect(empty.json()).toMatchObject({ code: 'plan.no_targets' });
      const withTargets = await setTargets(hanoi, plan, [{ metric: 'events', period: 'year', value: 24 }]);

      const seq = await t.lastAuditSeq();
      const submitted = await ok(hanoi.post(`/api/plans/${plan.id}/submit`, { version: withTargets.version }));
      expect(submitted).toMatchObject({ status: 'submitted', submittedBy: { fullName: 'Người dùng hn.officer' } });
      expect(submitted.can).toEqual({ edit: false, submit: false, review: false, delete: false });
      expect((await t.auditSince(seq)).map((e) => e.action)).toEqual(['submit']);
      expect(await inbox('tgd')).toEqual([
        {
          kind: 'status_change',
          title_vi: `Kế hoạch năm 2027 của ${plan.orgUnit.name} chờ duyệt`,
          body_vi: null,
          link: `/plans?year=2027&id=${plan.id}`,
        },
      ]);
      expect(await inbox('tt.officer')).toHaveLength(1);
      expect(await inbox('hn.leader')).toHaveLength(0);

      const locked = await hanoi.patch(`/api/plans/${plan.id}`, { title: 'Sửa', version: submitted.version });
      expect(locked.json()).toMatchObject({ code: 'plan.not_editable' });
      expect((await hanoiLeader.post(`/api/plans/${plan.id}/approve`, { version: submitted.version })).statusCode).toBe(
        403,
      );
      // An officer never approves: the route's role gate refuses before the plan is even looked up.
      const officer = await danang.post(`/api/plans/${plan.id}/approve`, { version: submitted.version });
      expect(officer.statusCode).toBe(403);
      expect(officer.json()).toMatchObject({ code: 'access.role_forbidden' });

      const approved = await ok(rootLeader.post(`/api/plans/${plan.id}/approve`, { version: submitted.version }));
      expect(approved).toMatchObject({ status: 'approved', approvedBy: { fullName: 'Người dùng tgd' } });
      expect((await inbox('hn.officer')).at(-1)!.title_vi).toContain('đã được duyệt');
      expect((await inbox('hn.leader')).at(-1)!.title_vi).toContain('đã được duyệt');
      expect(await inbox('hn.viewer')).toHaveLength(0);

      const noReason = await comms.post(`/api/plans/${plan.id}/return`, { version: approved.version, reason: ' ' });
      expect(fieldsOf(noReason.json())).toEqual(['reason:validation.required']);
      const returned = await ok(
        comms.post(`/api/plans/${plan.id}/return`, { version: approved.version, reason: 'Bổ sung chỉ tiêu theo quý' }),
      );
      expect(returned).toMatchObject({
        status: 'returned',
        returnedReason: 'Bổ sung chỉ tiêu theo quý',
        approvedAt: null,
      });
      expect((await inbox('hn.officer')).at(-1)).toMatchObject({ body_vi: 'Lý do: Bổ sung chỉ tiêu theo quý' });
      expect((await hanoi.delete(`/api/plans/${plan.id}`)).json()).toMatchObject({ code: 'plan.not_deletable' });

      const edited = await setTargets(hanoi, returned, [
        { metric: 'events', period: 'year', value: 24 },
        { metric: 'events', period: 'Q1', value: 6 },
      ]);
      const again = await ok(hanoi.post(`/api/plans/${plan.id}/submit`, { version: edited.version }));
      expect(again).toMatchObject({ status: 'submitted', returnedReason: 'Bổ sung chỉ tiêu theo quý' });
      const actions = (await t.auditSince(seq)).map((e) => e.action);
      expect(actions).toEqual(['submit', 'approve', 'return', 'set_targets', 'submit']);
    });

    it('lets a province leader approve a district plan, and nobody approve a draft', async () => {
      const plans = (await ok<Page<TPlan>>(badinh.get('/api/plans?year=2026'))).items;
      const plan = await ok(badinh.get(`/api/plans/${plans[0]!.id}`));
      const draft = await hanoiLeader.post(`/api/plans/${plan.id}/approve`, { version: plan.version });
      expect(draft.json()).toMatchObject({ code: 'plan.not_under_review' });
      const targeted = await setTargets(badinh, plan, [{ metric: 'people_reached', period: 'year', value: 5000 }]);
      const submitted = await ok(badinh.post(`/api/plans/${plan.id}/submit`, { version: targeted.version }));
      expect((await inbox('hn.leader')).at(-1)!.title_vi).toContain('chờ duyệt');
      const approved = await ok(hanoiLeader.post(`/api/plans/${plan.id}/approve`, { version: submitted.version }));
      expect(approved.status).toBe('approved');
      expect((await inbox('bd.officer')).at(-1)!.title_vi).toContain('đã được duyệt');
    });

    it("keeps the root's plan for the agency's leaders, never the one who submitted it", async () => {
      const root = await create(comms, {
        orgUnitId: await t.unitId('BHXHVN'),
        year: 2026,
        title: 'Kế hoạch toàn Ngành',
      });
      const targeted = await setTargets(comms, root, [{ metric: 'products', period: 'year', value: 1000 }]);
      expect(targeted.can).toMatchObject({ submit: true, review: false });
      const submitted = await ok(rootLeader.post(`/api/plans/${root.id}/submit`, { version: targeted.version }));
      expect((await inbox('ptgd')).at(-1)!.title_vi).toContain('chờ duyệt');
      const self = await rootLeader.post(`/api/plans/${root.id}/approve`, { version: submitted.version });
      expect(self.statusCode).toBe(403);
      expect(self.json()).toMatchObject({ code: 'plan.self_review' });
      expect((await comms.post(`/api/plans/${root.id}/approve`, { version: submitted.version })).statusCode).toBe(403);
      expect(
        (await ok(deputyLeader.post(`/api/plans/${root.id}/approve`, { version: submitted.version }))).status,
      ).toBe('approved');
    });

    it('deletes a draft with its targets, audited, and refuses a plan out of reach', async () => {
      const plan = await create(danang, { year: 2029, title: 'Sẽ xóa' });
      await setTargets(danang, plan, [{ metric: 'products', period: 'year', value: 3 }]);
      expect((await hanoi.delete(`/api/plans/${plan.id}`)).statusCode).toBe(404);
      const seq = await t.lastAuditSeq();
      expect((await danang.delete(`/api/plans/${plan.id}`)).statusCode).toBe(204);
      const [event] = await t.auditSince(seq);
      expect(event).toMatchObject({ action: 'delete', entity_id: plan.id, org_unit_id: p48, after: null });
      expect(event!.before).toMatchObject({ title: 'Sẽ xóa', targets: [{ metric: 'products', value: 3 }] });
      const left = await t.db.pool.query('SELECT 1 FROM plan_targets WHERE plan_id = $1', [plan.id]);
      expect(left.rowCount).toBe(0);
      expect((await danang.get(`/api/plans/${plan.id}`)).statusCode).toBe(404);
    });
  });
});
