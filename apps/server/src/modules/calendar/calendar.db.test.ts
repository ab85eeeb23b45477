import type { TCalendarEntry, TCalendarItem, TCalendarPage, TProblem, TRegulationDetail } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';

let t: TestApp;
let hanoi: Session;
let danang: Session;
let badinh: Session;
let viewer: Session;
let p01: string;
let p48: string;
let d001: string;
let hanoiStaffId: string;
let badinhId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'hanoi.officer', roles: ['province_officer'], unitCode: 'P01' });
  hanoiStaffId = await t.createUser({ username: 'hanoi.staff', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'danang.officer', roles: ['province_officer'], unitCode: 'P48' });
  badinhId = await t.createUser({ username: 'badinh.officer', roles: ['district_officer'], unitCode: 'D001' });
  await t.createUser({ username: 'hanoi.viewer', roles: ['viewer'], unitCode: 'P01' });
  [hanoi, danang, badinh, viewer] = await Promise.all([
    t.login('hanoi.officer'),
    t.login('danang.officer'),
    t.login('badinh.officer'),
    t.login('hanoi.viewer'),
  ]);
  [p01, p48, d001] = await Promise.all([t.unitId('P01'), t.unitId('P48'), t.unitId('D001')]);
});
afterAll(async () => t?.close());

const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
const itemCount = async () =>
  (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM calendar_items')).rows[0]!.n;
const inbox = async (username: string) =>
  (
    await t.db.pool.query<{ kind: string; title_vi: string; link: string | null }>(
      `SELECT n.kind, n.title_vi, n.link FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE u.username = $1 ORDER BY n.created_at DESC, n.id`,
      [username],
    )
  ).rows;

const create = async (session: Session, body: Record<string, unknown>) => {
  const response = await session.post('/api/calendar', { title: 'Bài viết về BHXH tự nguyện', ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TCalendarItem>();
};
const list = async (session: Session, query: string) => {
  const response = await session.get(`/api/calendar?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TCalendarPage>();
};
const titles = (entries: TCalendarEntry[]) => entries.map((e) => e.title);

describe('calendar routes', () => {
  describe('POST /api/calendar', () => {
    it("puts an item in the caller's unit, in the guidance year in force, audited in the same transaction", async () => {
      const seq = await t.lastAuditSeq();
      const item = await create(hanoi, {
        title: 'Tọa đàm về chính sách BHXH tự nguyện',
        startsOn: '2026-03-10',
        endsOn: '2026-03-12',
        themeCodes: ['II.1.a'],
        audienceCodes: ['I.2'],
        channelCode: 'tv',
        formCode: 'III.1',
        assigneeId: hanoiStaffId,
      });
      expect(item).toMatchObject({
        kind: 'item',
        ownerUnit: { id: p01, code: 'P01' },
        status: 'planned',
        guidanceYear: 2020,
        startsOn: '2026-03-10',
        endsOn: '2026-03-12',
        assignee: { id: hanoiStaffId },
        series: null,
        canEdit: true,
        version: 1,
      });
      const row = (
        await t.db.pool.query<{ xmin: string }>('SELECT xmin::text FROM calendar_items WHERE id = $1', [item.id])
      ).rows[0]!;
      const events = await t.auditSince(seq);
      expect(events.map((e) => [e.action, e.entity_type, e.entity_id, e.org_unit_id])).toEqual([
        ['create', 'calendar_item', item.id, p01],
      ]);
      expect(events[0]!.xmin).toBe(row.xmin);
      const notices = await inbox('hanoi.staff');
      expect(notices[0]).toMatchObject({ kind: 'assignment', link: `/calendar?id=${item.id}` });
      expect(notices[0]!.title_vi).toContain('Tọa đàm về chính sách BHXH tự nguyện');
    });

    it('refuses dates out of order, field by field, in Vietnamese and English', async () => {
      const body = { title: 'Sai ngày', startsOn: '2026-05-10', endsOn: '2026-05-01' };
      const vi = await hanoi.post('/api/calendar', body);
      expect(vi.statusCode).toBe(400);
      expect(vi.headers['content-type']).toContain('application/problem+json');
      expect(vi.json<TProblem>().errors).toEqual([
        { field: 'endsOn', code: 'validation.date_order', message: 'Ngày kết thúc phải sau ngày bắt đầu' },
      ]);
      const en = await hanoi.post('/api/calendar', body, { 'accept-language': 'en' });
      expect(en.json<TProblem>().errors![0]!.message).toBe('The end date must follow the start date');
    });

    it("refuses a unit outside the caller's scope and writes nothing", async () => {
      const before = await itemCount();
      const seq = await t.lastAuditSeq();
      const response = await danang.post('/api/calendar', {
        title: 'Lấn sang Hà Nội',
        startsOn: '2026-05-10',
        ownerUnitId: p01,
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['ownerUnitId:validation.unit_out_of_scope']);
      expect(await itemCount()).toBe(before);
      expect(await t.auditSince(seq)).toEqual([]);
    });

    it('reports every unknown code and a wrong assignee at once', async () => {
      const response = await hanoi.post('/api/calendar', {
        title: 'Nhiều lỗi',
        startsOn: '2026-05-10',
        themeCodes: ['II.1.a', 'XX.9'],
        channelCode: 'pigeon',
        assigneeId: await t.createUser({ username: 'dn.staff', roles: ['province_officer'], unitCode: 'P48' }),
        recurrence: 'FREQ=DAILY',
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json()).sort()).toEqual([
        'assigneeId:validation.assignee_not_in_unit',
        'channelCode:validation.unknown_guidance_code',
        'recurrence:validation.invalid_recurrence',
        'themeCodes.1:validation.unknown_guidance_code',
      ]);
    });

    it('is refused to a viewer', async () => {
      const response = await viewer.post('/api/calendar', { title: 'Không được', startsOn: '2026-05-10' });
      expect(response.statusCode).toBe(403);
    });
  });

  describe('GET /api/calendar', () => {
    it("shows each province only its own subtree's items, and what is assigned to a user", async () => {
      const hanoiItem = await create(hanoi, { title: 'Phóng sự Hà Nội tháng 4', startsOn: '2026-04-03' });
      const badinhItem = await create(badinh, { title: 'Loa phường Ba Đình', startsOn: '2026-04-04' });
      const danangItem = await create(danang, { title: 'Phóng sự Đà Nẵng tháng 4', startsOn: '2026-04-05' });
      const assigned = await create(hanoi, { title: 'Giao cho Ba Đình', startsOn: '2026-04-06', assigneeId: badinhId });
      const window = 'from=2026-04-01&to=2026-04-30&kind=item';
      expect(titles((await list(hanoi, window)).items)).toEqual([hanoiItem.title, badinhItem.title, assigned.title]);
      expect(titles((await list(danang, window)).items)).toEqual([danangItem.title]);
      expect(titles((await list(hanoi, `${window}&assigneeId=${badinhId}`)).items)).toEqual([assigned.title]);
      const seenByBadinh = (await list(badinh, window)).items;
      expect(titles(seenByBadinh)).toEqual([badinhItem.title, assigned.title]);
      expect(seenByBadinh.find((e) => e.id === assigned.id)).toMatchObject({ canEdit: false });
      expect((await danang.get(`/api/calendar/${hanoiItem.id}`)).statusCode).toBe(404);
      const missing = await danang.get(`/api/calendar/${hanoiItem.id}`);
      expect(missing.json<TProblem>().title).toBe('Không tìm thấy mục lịch biên tập');
    });

    it('includes periods that overlap the window and leaves the rest out', async () => {
      const across = await create(hanoi, {
        title: 'Chiến dịch cuối tháng 5',
        startsOn: '2026-05-25',
        endsOn: '2026-06-05',
      });
      await create(hanoi, { title: 'Tháng 7', startsOn: '2026-07-01' });
      const june = await list(hanoi, 'from=2026-06-01&to=2026-06-30&kind=item');
      expect(titles(june.items)).toEqual([across.title]);
      expect(june.total).toBe(1);
    });

    it('filters by theme, audience, channel, status, unit subtree and words without accents', async () => {
      const window = 'from=2026-08-01&to=2026-08-31&kind=item';
      const a = await create(hanoi, {
        title: 'Tuyên truyền BHYT học sinh',
        startsOn: '2026-08-10',
        themeCodes: ['II.2.a'],
        audienceCodes: ['I.3'],
        channelCode: 'facebook',
      });
      const b = await create(badinh, {
        title: 'Đối thoại chính sách',
        startsOn: '2026-08-12',
        status: 'in_production',
      });
      expect(titles((await list(hanoi, `${window}&theme=II.2.a`)).items)).toEqual([a.title]);
      expect(titles((await list(hanoi, `${window}&audience=I.3`)).items)).toEqual([a.title]);
      expect(titles((await list(hanoi, `${window}&channel=facebook`)).items)).toEqual([a.title]);
      expect(titles((await list(hanoi, `${window}&status=in_production`)).items)).toEqual([b.title]);
      expect(titles((await list(hanoi, `${window}&unitId=${d001}`)).items)).toEqual([b.title]);
      expect(titles((await list(hanoi, `${window}&q=doi thoai`)).items)).toEqual([b.title]);
      const outside = await hanoi.get(`/api/calendar?${window}&unitId=${p48}`);
      expect(outside.statusCode).toBe(400);
      expect(fieldsOf(outside.json())).toEqual(['unitId:validation.unit_out_of_scope']);
    });

    it('refuses a reversed or too long window', async () => {
      const reversed = await hanoi.get('/api/calendar?from=2026-05-01&to=2026-04-01');
      expect(fieldsOf(reversed.json())).toEqual(['to:validation.date_order']);
      const long = await hanoi.get('/api/calendar?from=2026-01-01&to=2027-12-31');
      expect(fieldsOf(long.json())).toEqual(['to:validation.calendar_window']);
    });

    it('shows the "before, during, after" tasks of regulations as read-only entries beside items', async () => {
      const response = await hanoi.post('/api/regulations', {
        number: '88/BHXH-HN',
        kind: 'cong_van',
        issuer: 'BHXH thành phố Hà Nội',
        issuedOn: '2026-09-01',
        effectiveOn: '2026-10-01',
        summary: 'V/v tuyên truyền BHXH tự nguyện trên địa bàn',
        draftingUnitId: d001,
        needsCommunication: true,
      });
      expect(response.statusCode, response.body).toBe(201);
      const regulation = response.json<TRegulationDetail>();
      const item = await create(hanoi, {
        title: 'Bài về văn bản 88',
        startsOn: '2026-10-01',
        regulationId: regulation.id,
      });
      const window = 'from=2026-09-01&to=2026-11-30';
      const all = await list(hanoi, window);
      const tasks = all.items.filter((e) => e.kind === 'task');
      expect(tasks.length).toBe(6);
      expect(tasks[0]).toMatchObject({
        kind: 'task',
        regulation: { id: regulation.id, number: '88/BHXH-HN' },
        status: 'todo',
      });
      expect(all.items.find((e) => e.id === item.id)).toMatchObject({ regulation: { number: '88/BHXH-HN' } });
      expect(all.total).toBe(tasks.length + 1);
      // In date order, items before tasks on the same day.
      const days = all.items.map((e) => e.startsOn);
      expect(days).toEqual([...days].sort());
      expect(all.items.findIndex((e) => e.id === item.id)).toBeLessThan(
        all.items.findIndex((e) => e.kind === 'task' && e.startsOn === '2026-10-01'),
      );
      // Items-only filters leave tasks out; the status filter maps planned to "to do".
      expect((await list(hanoi, `${window}&theme=II.1.a`)).items.every((e) => e.kind === 'item')).toBe(true);
      expect((await list(hanoi, `${window}&kind=task`)).total).toBe(6);
      expect((await list(hanoi, `${window}&kind=task&status=published`)).total).toBe(0);
      expect((await list(hanoi, `${window}&kind=task&status=planned`)).total).toBe(6);
      // Ba Đình sees only the tasks its own unit owns; Đà Nẵng none.
      const badinhTasks = (await list(badinh, `${window}&kind=task`)).items;
      expect(badinhTasks.length).toBeGreaterThan(0);
      expect(badinhTasks.every((e) => e.ownerUnit.code === 'D001')).toBe(true);
      expect((await list(danang, `${window}&kind=task`)).total).toBe(0);
    });

    it('pages items and tasks as one list, in either order', async () => {
      const window = 'from=2026-09-01&to=2026-11-30';
      const everything = (await list(hanoi, `${window}&pageSize=100`)).items.map((e) => e.id);
      const pages: string[] = [];
      for (let page = 1; page <= Math.ceil(everything.length / 3); page++)
        pages.push(...(await list(hanoi, `${window}&pageSize=3&page=${page}`)).items.map((e) => e.id));
      expect(pages).toEqual(everything);
      const reversed = (await list(hanoi, `${window}&pageSize=100&sort=-startsOn`)).items.map((e) => e.startsOn);
      expect(reversed).toEqual([...reversed].sort().reverse());
      const bad = await hanoi.get(`/api/calendar?${window}&sort=ownerUnit`);
      expect(fieldsOf(bad.json())).toEqual(['sort:validation.invalid_sort']);
    });
  });

  describe('PATCH /api/calendar/:id', () => {
    it('moves an item (drag) and refuses a stale version', async () => {
      const item = await create(hanoi, { title: 'Kéo thả', startsOn: '2026-05-04', endsOn: '2026-05-05' });
      const seq = await t.lastAuditSeq();
      const moved = await hanoi.patch(`/api/calendar/${item.id}`, {
        startsOn: '2026-05-11',
        endsOn: '2026-05-12',
        version: item.version,
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json<TCalendarItem>()).toMatchObject({ startsOn: '2026-05-11', endsOn: '2026-05-12', version: 2 });
      const events = await t.auditSince(seq);
      expect(events.map((e) => [e.action, e.entity_type])).toEqual([['update', 'calendar_item']]);
      expect(events[0]!.before).toMatchObject({ startsOn: '2026-05-04' });
      expect(events[0]!.after).toMatchObject({ startsOn: '2026-05-11' });
      const stale = await hanoi.patch(`/api/calendar/${item.id}`, { title: 'Cũ', version: item.version });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'conflict.version' });
    });

    it('checks the dates against the stored ones', async () => {
      const item = await create(hanoi, { title: 'Ngày lệch', startsOn: '2026-05-04', endsOn: '2026-05-08' });
      const response = await hanoi.patch(`/api/calendar/${item.id}`, { startsOn: '2026-05-09', version: 1 });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['endsOn:validation.date_order']);
    });

    it('lets an assignee outside the scope move the status along, nothing else, and tells the owner unit', async () => {
      const item = await create(hanoi, { title: 'Việc giao Ba Đình', startsOn: '2026-05-20', assigneeId: badinhId });
      const retitle = await badinh.patch(`/api/calendar/${item.id}`, { title: 'Đổi tên', version: 1 });
      expect(retitle.statusCode).toBe(403);
      const started = await badinh.patch(`/api/calendar/${item.id}`, { status: 'in_production', version: 1 });
      expect(started.statusCode, started.body).toBe(200);
      expect(started.json<TCalendarItem>().status).toBe('in_production');
      const notices = await inbox('hanoi.officer');
      expect(notices[0]).toMatchObject({ kind: 'status_change', link: `/calendar?id=${item.id}` });
      expect(notices[0]!.title_vi).toContain('đang sản xuất');
    });

    it('hides another province’s item: 404, nothing changed', async () => {
      const item = await create(hanoi, { title: 'Của Hà Nội', startsOn: '2026-05-21' });
      const response = await danang.patch(`/api/calendar/${item.id}`, { title: 'Của Đà Nẵng', version: 1 });
      expect(response.statusCode).toBe(404);
      expect((await hanoi.get(`/api/calendar/${item.id}`)).json<TCalendarItem>().title).toBe('Của Hà Nội');
    });
  });

  describe('DELETE /api/calendar/:id', () => {
    it('needs the current version, then deletes and audits', async () => {
      const item = await create(hanoi, { title: 'Sẽ xóa', startsOn: '2026-05-22' });
      expect((await hanoi.delete(`/api/calendar/${item.id}?version=7`)).statusCode).toBe(409);
      expect((await danang.delete(`/api/calendar/${item.id}?version=1`)).statusCode).toBe(404);
      const seq = await t.lastAuditSeq();
      expect((await hanoi.delete(`/api/calendar/${item.id}?version=1`)).statusCode).toBe(204);
      expect((await hanoi.get(`/api/calendar/${item.id}`)).statusCode).toBe(404);
      const events = await t.auditSince(seq);
      expect(events.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([['delete', 'calendar_item', item.id]]);
    });
  });

  describe('internal.createFromProposal', () => {
    it("puts an approved proposal on the calendar as planned, in the caller's transaction", async () => {
      // A bare proposal row (the proposals module's own rules are not under test here).
      const proposalId = (
        await t.db.pool.query<{ id: string }>(
          `INSERT INTO proposals (kind, title, description, guidance_year, theme_codes, period_from, period_to, owner_unit_id)
           VALUES ('thematic', 'Đề xuất', 'Nội dung', 2020, '{II.1.a}', '2026-12-01', '2026-12-31', $1) RETURNING id`,
          [p01],
        )
      ).rows[0]!.id;
      const seq = await t.lastAuditSeq();
      const { id } = await t.services.runInTransaction((tx) =>
        t.services.calendar.internal.createFromProposal(tx, SYSTEM_ACTOR, {
          proposalId,
          title: 'Chuyên mục từ đề xuất',
          description: null,
          ownerUnitId: p01,
          startsOn: '2026-12-01',
          endsOn: null,
          guidanceYear: 2020,
          themeCodes: ['II.1.a'],
          audienceCodes: [],
          channelCode: null,
          formCode: null,
          regulationId: null,
        }),
      );
      const page = await list(hanoi, `from=2026-12-01&to=2026-12-31&proposalId=${proposalId}`);
      expect(page.items).toEqual([expect.objectContaining({ id, status: 'planned', proposalId })]);
      const events = await t.auditSince(seq);
      expect(events.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([['create', 'calendar_item', id]]);
      expect(events[0]!.after).toMatchObject({ proposalId, status: 'planned' });

      // The Communication Center that accepted it sees the province's item, but cannot change it.
      await t.createUser({ username: 'tt.calendar', roles: ['comms_center'], unitCode: 'TT' });
      const center = await t.login('tt.calendar');
      const seen = await list(center, `from=2026-12-01&to=2026-12-31&proposalId=${proposalId}`);
      expect(seen.items).toEqual([expect.objectContaining({ id, canEdit: false })]);
      expect((await center.get(`/api/calendar/${id}`)).statusCode).toBe(200);
      const moved = await center.patch(`/api/calendar/${id}`, { startsOn: '2026-12-02', version: 1 });
      expect(moved.statusCode).toBe(403);
      // Another central unit does not see it.
      await t.createUser({ username: 'thu.calendar', roles: ['unit_officer'], unitCode: 'THU' });
      const other = await t.login('thu.calendar');
      expect((await list(other, `from=2026-12-01&to=2026-12-31&proposalId=${proposalId}`)).items).toEqual([]);
    });

    it('refuses dates out of order', async () => {
      const before = await itemCount();
      const attempt = t.services.runInTransaction((tx) =>
        t.services.calendar.internal.createFromProposal(tx, SYSTEM_ACTOR, {
          proposalId: '00000000-0000-4000-8000-000000000001',
          title: 'Sai ngày',
          description: null,
          ownerUnitId: p01,
          startsOn: '2026-12-10',
          endsOn: '2026-12-01',
          guidanceYear: 2020,
          themeCodes: [],
          audienceCodes: [],
          channelCode: null,
          formCode: null,
          regulationId: null,
        }),
      );
      await expect(attempt).rejects.toMatchObject({ fields: [{ field: 'endsOn', code: 'validation.date_order' }] });
      expect(await itemCount()).toBe(before);
    });
  });

  describe('deadlines', () => {
    it('reminds the assignee of an item in production whose day is near', async () => {
      const item = await create(hanoi, {
        title: 'Phóng sự sắp lên sóng',
        startsOn: '2026-06-20',
        assigneeId: hanoiStaffId,
      });
      await hanoi.patch(`/api/calendar/${item.id}`, { status: 'in_production', version: 1 });
      await t.services.notifications.notifyDueDeadlines(new Date('2026-06-18T01:00:00Z'));
      const notices = (await inbox('hanoi.staff')).filter((n) => n.kind === 'deadline_approaching');
      expect(notices.map((n) => n.title_vi)).toEqual(['Sắp đến hạn 20/06/2026: Lịch biên tập: Phóng sự sắp lên sóng']);
    });
  });
});
