import type {
  TGenerateTasksResponse,
  TRegulationDetail,
  TRegulationTask,
  TTaskTemplateItem,
  TUpdateTaskTemplateRequest,
} from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { findTasksDue } from './index.js';

let t: TestApp;
let admin: Session;
let comms: Session;
let hanoi: Session;
let danang: Session;
let badinh: Session;
let viewer: Session;
let ttUnit: string;
let thu: string;
let p01: string;
let d001: string;
let badinhUser: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'tt.officer', roles: ['comms_center'], unitCode: 'TT' });
  await t.createUser({ username: 'hanoi.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'danang.officer', roles: ['province_officer'], unitCode: 'P48' });
  badinhUser = await t.createUser({ username: 'badinh.officer', roles: ['district_officer'], unitCode: 'D001' });
  await t.createUser({ username: 'chi.xem', roles: ['viewer'], unitCode: 'P01' });
  [admin, comms, hanoi, danang, badinh, viewer] = await Promise.all([
    t.loginAdmin(),
    t.login('tt.officer'),
    t.login('hanoi.officer'),
    t.login('danang.officer'),
    t.login('badinh.officer'),
    t.login('chi.xem'),
  ]);
  [ttUnit, thu, p01, d001] = await Promise.all([t.unitId('TT'), t.unitId('THU'), t.unitId('P01'), t.unitId('D001')]);
});
afterAll(async () => t?.close());

type Page<T> = { items: T[]; total: number };
const lastSeq = () => t.lastAuditSeq();
const auditSince = (seq: number) => t.auditSince(seq);
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
const taskCount = async (regulationId: string) =>
  (
    await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM regulation_tasks WHERE regulation_id = $1', [
      regulationId,
    ])
  ).rows[0]!.n;

let serial = 5000;
const draft = (overrides: Record<string, unknown> = {}) => ({
  number: `${(serial += 1)}/BHXH-BT`,
  kind: 'cong_van',
  issuer: 'BHXH Việt Nam',
  issuedOn: '2026-06-01',
  effectiveOn: '2026-07-01',
  summary: 'V/v điều chỉnh mức đóng BHXH tự nguyện',
  draftingUnitId: thu,
  needsCommunication: true,
  ...overrides,
});
const create = async (session: Session, body: Record<string, unknown>) => {
  const response = await session.post('/api/regulations', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TRegulationDetail>();
};
const tasksOf = async (session: Session, regulationId: string) => {
  const response = await session.get(`/api/regulations/${regulationId}/tasks?pageSize=100`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page<TRegulationTask>>().items;
};
const timeline = (tasks: TRegulationTask[]) => tasks.map((task) => [task.phase, task.dueOn, task.ownerUnit.code]);
const put = (session: Session, url: string, payload: unknown) =>
  t.app.inject({
    method: 'PUT',
    url,
    payload: payload as Record<string, unknown>,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
  });
const addTask = (session: Session, regulationId: string, body: Record<string, unknown>) =>
  session.post(`/api/regulations/${regulationId}/tasks`, body);

describe('regulation tasks routes', () => {
  describe('POST /api/regulations with needsCommunication', () => {
    it("plans the template's tasks before, during and after the effective date, with their owners", async () => {
      const seq = await lastSeq();
      const regulation = await create(admin, draft());
      const tasks = await tasksOf(admin, regulation.id);
      expect(timeline(tasks)).toEqual([
        ['before', '2026-06-21', 'TT'],
        ['before', '2026-06-24', 'THU'],
        ['before', '2026-06-28', 'TT'],
        ['during', '2026-07-01', 'TT'],
        ['during', '2026-07-04', 'TT'],
        ['after', '2026-07-31', 'THU'],
      ]);
      expect(tasks[0]).toMatchObject({
        title: 'Chuẩn bị tài liệu cung cấp thông tin cho báo chí',
        status: 'todo',
        offsetDays: -10,
        regulationNumber: regulation.number,
        assignee: null,
        completedAt: null,
      });
      const row = (
        await t.db.pool.query<{ xmin: string }>('SELECT xmin::text FROM regulations WHERE id = $1', [regulation.id])
      ).rows[0]!;
      const events = await auditSince(seq);
      expect(events.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([
        ['create', 'regulation', regulation.id],
        ['generate_tasks', 'regulation', regulation.id],
      ]);
      expect(events.every((e) => e.xmin === row.xmin)).toBe(true);
      expect((events[1]!.after as { tasks: unknown[] }).tasks).toHaveLength(6);
    });

    it("keeps the tasks of a province's local document inside the province", async () => {
      const local = await create(hanoi, draft({ issuer: 'BHXH thành phố Hà Nội', draftingUnitId: d001 }));
      const tasks = await tasksOf(hanoi, local.id);
      expect(tasks.map((task) => task.ownerUnit.code)).toEqual(['P01', 'D001', 'P01', 'P01', 'P01', 'D001']);
    });

    it('writes nothing when the document is refused', async () => {
      const before = (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM regulation_tasks')).rows[0]!
        .n;
      const seq = await lastSeq();
      const response = await admin.post('/api/regulations', draft({ number: '1007/BHXH-TT' }));
      expect(response.statusCode).toBe(409);
      const after = (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM regulation_tasks')).rows[0]!
        .n;
      expect(after).toBe(before);
      expect(await auditSince(seq)).toEqual([]);
    });
  });

  describe('POST /api/regulations/:id/tasks/generate', () => {
    it('does not duplicate tasks when run again', async () => {
      const regulation = await create(comms, draft());
      const seq = await lastSeq();
      const response = await comms.post(`/api/regulations/${regulation.id}/tasks/generate`);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<TGenerateTasksResponse>();
      expect(body.created).toBe(0);
      expect(await taskCount(regulation.id)).toBe(6);
      expect(await auditSince(seq)).toEqual([]);
      // The Communication Center's scope holds its own tasks only; Ban Thu's are Ban Thu's.
      expect(body.items.map((task) => task.ownerUnit.code)).toEqual(['TT', 'TT', 'TT', 'TT']);
    });

    it('plans the tasks of a document registered without them', async () => {
      const quiet = await create(comms, draft({ needsCommunication: false }));
      expect(await taskCount(quiet.id)).toBe(0);
      const response = await comms.post(`/api/regulations/${quiet.id}/tasks/generate`);
      expect(response.json<TGenerateTasksResponse>().created).toBe(6);
      expect(await taskCount(quiet.id)).toBe(6);
    });

    it('needs an effective date', async () => {
      const undated = await create(comms, draft({ needsCommunication: false, effectiveOn: null }));
      const response = await comms.post(`/api/regulations/${undated.id}/tasks/generate`);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'regulation.no_effective_date' });
      expect(await taskCount(undated.id)).toBe(0);
    });

    it('is refused to a province officer on a national document', async () => {
      const regulation = await create(comms, draft({ needsCommunication: false }));
      expect((await hanoi.post(`/api/regulations/${regulation.id}/tasks/generate`)).statusCode).toBe(403);
      expect(await taskCount(regulation.id)).toBe(0);
    });
  });

  describe('scope of tasks', () => {
    it("keeps Hà Nội's tasks from Đà Nẵng: hidden, 404 to change, 400 to assign", async () => {
      const regulation = await create(admin, draft());
      const added = await addTask(hanoi, regulation.id, {
        phase: 'during',
        title: 'Phát thanh trên hệ thống truyền thanh cơ sở Hà Nội',
        ownerUnitId: p01,
        dueOn: '2026-07-02',
      });
      expect(added.statusCode, added.body).toBe(201);
      const hanoiTask = added.json<TRegulationTask>();
      expect(hanoiTask).toMatchObject({ ownerUnit: { code: 'P01' }, offsetDays: null, templateId: null });

      expect((await tasksOf(hanoi, regulation.id)).map((task) => task.id)).toEqual([hanoiTask.id]);
      expect(await tasksOf(danang, regulation.id)).toEqual([]);
      expect((await tasksOf(admin, regulation.id)).map((task) => task.id)).toContain(hanoiTask.id);

      const seq = await lastSeq();
      const read = await danang.get(`/api/regulation-tasks/${hanoiTask.id}`);
      expect(read.statusCode).toBe(404);
      const change = await danang.patch(`/api/regulation-tasks/${hanoiTask.id}`, {
        status: 'done',
        version: hanoiTask.version,
      });
      expect(change.statusCode).toBe(404);
      expect(change.json()).toMatchObject({
        code: 'resource.not_found',
        title: 'Không tìm thấy nhiệm vụ truyền thông',
      });
      const assign = await addTask(danang, regulation.id, {
        phase: 'before',
        title: 'Giao cho Hà Nội',
        ownerUnitId: p01,
        dueOn: '2026-06-20',
      });
      expect(assign.statusCode).toBe(400);
      expect(fieldsOf(assign.json())).toEqual(['ownerUnitId:validation.unit_out_of_scope']);
      const own = (await tasksOf(admin, regulation.id)).find((task) => task.ownerUnit.code === 'TT')!;
      const moved = await hanoi.patch(`/api/regulation-tasks/${hanoiTask.id}`, { ownerUnitId: ttUnit, version: 1 });
      expect(moved.statusCode).toBe(400);
      expect(fieldsOf(moved.json())).toEqual(['ownerUnitId:validation.unit_out_of_scope']);
      expect((await danang.patch(`/api/regulation-tasks/${own.id}`, { status: 'done', version: 1 })).statusCode).toBe(
        404,
      );
      expect(await auditSince(seq)).toEqual([]);
      const stored = await t.db.pool.query('SELECT status FROM regulation_tasks WHERE id = $1', [hanoiTask.id]);
      expect(stored.rows[0]).toEqual({ status: 'todo' });
    });
  });

  describe('PATCH /api/regulation-tasks/:id', () => {
    it('moves a task through its statuses, stamping its completion, audited', async () => {
      const regulation = await create(comms, draft());
      const [task] = await tasksOf(comms, regulation.id);
      const seq = await lastSeq();
      const started = await comms.patch(`/api/regulation-tasks/${task!.id}`, {
        status: 'in_progress',
        version: task!.version,
      });
      expect(started.statusCode, started.body).toBe(200);
      const done = await comms.patch(`/api/regulation-tasks/${task!.id}`, { status: 'done', version: 2 });
      expect(done.json<TRegulationTask>()).toMatchObject({ status: 'done', version: 3 });
      expect(done.json<TRegulationTask>().completedAt).not.toBeNull();
      const reopened = await comms.patch(`/api/regulation-tasks/${task!.id}`, { status: 'todo', version: 3 });
      expect(reopened.json<TRegulationTask>()).toMatchObject({ status: 'todo', completedAt: null });
      const events = await auditSince(seq);
      expect(events.map((e) => [e.action, e.entity_type, e.org_unit_id])).toEqual([
        ['update', 'regulation_task', ttUnit],
        ['update', 'regulation_task', ttUnit],
        ['update', 'regulation_task', ttUnit],
      ]);
      expect(events[1]!.before).toMatchObject({ status: 'in_progress' });
      expect(events[1]!.after).toMatchObject({ status: 'done' });
      const stale = await comms.patch(`/api/regulation-tasks/${task!.id}`, { status: 'done', version: 1 });
      expect(stale.statusCode).toBe(409);
    });

    it('lets a due date set by hand stop following the effective date', async () => {
      const regulation = await create(comms, draft());
      const [first, second] = await tasksOf(comms, regulation.id);
      const patched = await comms.patch(`/api/regulation-tasks/${first!.id}`, {
        dueOn: '2026-06-15',
        title: 'Họp báo giới thiệu văn bản',
        version: first!.version,
      });
      expect(patched.json<TRegulationTask>()).toMatchObject({ dueOn: '2026-06-15', offsetDays: null });
      await comms.patch(`/api/regulation-tasks/${second!.id}`, { status: 'done', version: second!.version });
      const moved = await admin.patch(`/api/regulations/${regulation.id}`, {
        effectiveOn: '2026-08-01',
        version: regulation.version,
      });
      expect(moved.statusCode, moved.body).toBe(200);
      const after = await tasksOf(admin, regulation.id);
      expect(after.find((task) => task.id === first!.id)!.dueOn).toBe('2026-06-15');
      // The press release was done: its date stays; the open steps move with the new effective date.
      expect(timeline(after.filter((task) => task.id !== first!.id))).toEqual([
        ['before', '2026-06-28', 'TT'],
        ['before', '2026-07-25', 'THU'],
        ['during', '2026-08-01', 'TT'],
        ['during', '2026-08-04', 'TT'],
        ['after', '2026-08-31', 'THU'],
      ]);
    });

    it("lets an assignee outside the owner's scope change the status only", async () => {
      const regulation = await create(admin, draft());
      const created = await addTask(hanoi, regulation.id, {
        phase: 'after',
        title: 'Báo cáo kết quả truyền thông tại Ba Đình',
        ownerUnitId: p01,
        dueOn: '2026-08-15',
        assigneeUserId: badinhUser,
      });
      expect(created.statusCode, created.body).toBe(201);
      const task = created.json<TRegulationTask>();
      expect(task.assignee).toEqual({ id: badinhUser, fullName: 'Người dùng badinh.officer' });
      const retitle = await badinh.patch(`/api/regulation-tasks/${task.id}`, { title: 'Khác', version: task.version });
      expect(retitle.statusCode).toBe(403);
      const status = await badinh.patch(`/api/regulation-tasks/${task.id}`, {
        status: 'in_progress',
        version: task.version,
      });
      expect(status.statusCode, status.body).toBe(200);
    });

    it('refuses an assignee who does not work in the owner unit', async () => {
      const regulation = await create(admin, draft());
      const foreign = await t.createUser({ username: 'nguoi.danang', roles: ['viewer'], unitCode: 'P48' });
      const response = await addTask(hanoi, regulation.id, {
        phase: 'before',
        title: 'Giao sai người',
        ownerUnitId: d001,
        dueOn: '2026-06-20',
        assigneeUserId: foreign,
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['assigneeUserId:validation.assignee_not_in_unit']);
    });

    it('forbids viewers to work on tasks', async () => {
      const regulation = await create(hanoi, draft({ draftingUnitId: null }));
      const [task] = await tasksOf(viewer, regulation.id);
      const response = await viewer.patch(`/api/regulation-tasks/${task!.id}`, { status: 'done', version: 1 });
      expect(response.statusCode).toBe(403);
    });
  });

  describe('GET /api/tasks/mine', () => {
    it('lists the tasks of my own unit and those assigned to me, overdue ones flagged', async () => {
      const regulation = await create(admin, draft());
      const late = await addTask(hanoi, regulation.id, {
        phase: 'before',
        title: 'Việc quá hạn của Hà Nội',
        ownerUnitId: p01,
        dueOn: '2020-01-02',
      });
      const district = await addTask(hanoi, regulation.id, {
        phase: 'during',
        title: 'Việc của Ba Đình',
        ownerUnitId: d001,
        dueOn: '2099-01-01',
      });
      expect(district.statusCode).toBe(201);
      const mine = await hanoi.get('/api/tasks/mine?q=viec&pageSize=100');
      expect(mine.statusCode, mine.body).toBe(200);
      const items = mine.json<Page<TRegulationTask>>().items;
      // Ba Đình's task lies in Hà Nội's scope but is Ba Đình's to do.
      expect(items.map((task) => task.title)).toEqual(['Việc quá hạn của Hà Nội']);
      expect(items[0]).toMatchObject({ id: late.json<TRegulationTask>().id, overdue: true });
      const badinhMine = (await badinh.get('/api/tasks/mine?pageSize=100')).json<Page<TRegulationTask>>().items;
      expect(badinhMine.find((task) => task.title === 'Việc của Ba Đình')).toMatchObject({
        ownerUnit: { code: 'D001' },
        overdue: false,
      });
      // Assigned to the Ba Đình officer though owned by Hà Nội.
      expect(badinhMine.map((task) => task.title)).toContain('Báo cáo kết quả truyền thông tại Ba Đình');
    });

    it('filters by status, phase and due date', async () => {
      const all = (await comms.get('/api/tasks/mine?pageSize=1000')).json<Page<TRegulationTask>>();
      expect(all.total).toBeGreaterThan(0);
      expect(all.items.every((task) => task.ownerUnit.id === ttUnit)).toBe(true);
      const during = (await comms.get('/api/tasks/mine?phase=during&pageSize=1000')).json<Page<TRegulationTask>>();
      expect(during.total).toBeGreaterThan(0);
      expect(during.items.every((task) => task.phase === 'during')).toBe(true);
      const open = (await comms.get('/api/tasks/mine?status=open&pageSize=1000')).json<Page<TRegulationTask>>();
      expect(open.items.every((task) => task.status === 'todo' || task.status === 'in_progress')).toBe(true);
      const early = (await comms.get('/api/tasks/mine?dueBefore=2026-06-21&pageSize=1000')).json<
        Page<TRegulationTask>
      >();
      expect(early.items.every((task) => task.dueOn <= '2026-06-21')).toBe(true);
      const dueOns = all.items.map((task) => task.dueOn);
      expect(dueOns).toEqual([...dueOns].sort());
    });
  });

  describe('GET /api/regulation-tasks', () => {
    it('lists the tasks of my scope in a period, for the calendar', async () => {
      const page = (await hanoi.get('/api/regulation-tasks?dueFrom=2026-06-01&dueTo=2026-08-31&pageSize=1000')).json<
        Page<TRegulationTask>
      >();
      expect(page.total).toBeGreaterThan(0);
      expect(page.items.every((task) => ['P01', 'D001'].includes(task.ownerUnit.code))).toBe(true);
      expect(page.items.every((task) => task.dueOn >= '2026-06-01' && task.dueOn <= '2026-08-31')).toBe(true);
    });
  });

  describe('DELETE /api/regulations/:id', () => {
    it('refuses a document one of whose tasks is done, and keeps everything', async () => {
      const regulation = await create(comms, draft());
      const [task] = await tasksOf(comms, regulation.id);
      await comms.patch(`/api/regulation-tasks/${task!.id}`, { status: 'done', version: task!.version });
      const seq = await lastSeq();
      const response = await comms.delete(`/api/regulations/${regulation.id}`);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'regulation.has_done_tasks' });
      expect(await taskCount(regulation.id)).toBe(6);
      expect(await auditSince(seq)).toEqual([]);
    });

    it('deletes a document whose tasks are still open, tasks included', async () => {
      const regulation = await create(comms, draft());
      expect((await comms.delete(`/api/regulations/${regulation.id}`)).statusCode).toBe(204);
      expect(await taskCount(regulation.id)).toBe(0);
    });
  });

  describe('findTasksDue', () => {
    it('returns the open tasks due in the window, with owner and regulation number', async () => {
      const regulation = await create(admin, draft({ effectiveOn: '2031-03-10' }));
      const due = await findTasksDue(t.db.db, '2031-03-01', 7);
      expect(due.map((task) => [task.regulationNumber, task.dueOn, task.ownerUnitCode, task.phase])).toEqual([
        [regulation.number, '2031-03-03', 'THU', 'before'],
        [regulation.number, '2031-03-07', 'TT', 'before'],
      ]);
      // The window includes its last day: the effective date itself, three days on.
      expect((await findTasksDue(t.db.db, '2031-03-07', 3)).map((task) => task.dueOn)).toEqual([
        '2031-03-07',
        '2031-03-10',
      ]);
      expect(due[0]).toMatchObject({ title: 'Biên soạn bộ hỏi – đáp cho tổng đài tư vấn, hỗ trợ', status: 'todo' });
    });
  });

  describe('task templates', () => {
    it('is read by everyone and edited by the Communication Center, for later generations only', async () => {
      const template = (await viewer.get('/api/task-templates')).json<Page<TTaskTemplateItem>>();
      expect(template.items.map((step) => [step.name, step.phase, step.offsetDays, step.owner])).toEqual([
        ['press_material', 'before', -10, 'comms_center'],
        ['hotline_qa', 'before', -7, 'drafting_unit'],
        ['press_release', 'before', -3, 'comms_center'],
        ['articles_infographics', 'during', 0, 'comms_center'],
        ['loudspeaker_script', 'during', 3, 'comms_center'],
        ['results_review', 'after', 30, 'drafting_unit'],
      ]);
      const earlier = await create(comms, draft());

      const steps = template.items.filter((step) => step.name !== 'loudspeaker_script');
      const request: TUpdateTaskTemplateRequest = {
        items: [
          ...steps.map(({ id, version, name, phase, offsetDays, owner, titleVi, titleEn, active }) => ({
            id,
            version,
            name,
            phase,
            offsetDays: name === 'press_material' ? -14 : offsetDays,
            owner,
            titleVi,
            titleEn,
            active,
          })),
          {
            name: 'hanoi_briefing',
            phase: 'during',
            offsetDays: 1,
            owner: 'unit',
            ownerUnitId: p01,
            titleVi: 'Họp báo tại Hà Nội',
            titleEn: 'Press briefing in Hà Nội',
            active: true,
          },
        ],
      };
      expect((await put(viewer, '/api/task-templates', request)).statusCode).toBe(403);
      const seq = await lastSeq();
      const saved = await put(comms, '/api/task-templates', request);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json<Page<TTaskTemplateItem>>().items.map((step) => step.name)).toEqual([
        'press_material',
        'hotline_qa',
        'press_release',
        'articles_infographics',
        'results_review',
        'hanoi_briefing',
      ]);
      expect((await auditSince(seq)).map((e) => [e.action, e.entity_type])).toEqual([['update', 'task_template']]);

      // The document planned before keeps its tasks; generating again adds only the new step.
      expect(timeline(await tasksOf(admin, earlier.id))).toEqual([
        ['before', '2026-06-21', 'TT'],
        ['before', '2026-06-24', 'THU'],
        ['before', '2026-06-28', 'TT'],
        ['during', '2026-07-01', 'TT'],
        ['during', '2026-07-04', 'TT'],
        ['after', '2026-07-31', 'THU'],
      ]);
      const again = await admin.post(`/api/regulations/${earlier.id}/tasks/generate`);
      expect(again.json<TGenerateTasksResponse>().created).toBe(1);
      expect(await taskCount(earlier.id)).toBe(7);

      const later = await create(comms, draft());
      expect(timeline(await tasksOf(admin, later.id))).toEqual([
        ['before', '2026-06-17', 'TT'],
        ['before', '2026-06-24', 'THU'],
        ['before', '2026-06-28', 'TT'],
        ['during', '2026-07-01', 'TT'],
        ['during', '2026-07-02', 'P01'],
        ['after', '2026-07-31', 'THU'],
      ]);

      const stale = await put(comms, '/api/task-templates', request);
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'conflict.version' });
    });

    it('refuses a template whose steps contradict their phase, naming the field', async () => {
      const template = (await comms.get('/api/task-templates')).json<Page<TTaskTemplateItem>>();
      const [first] = template.items;
      const response = await put(comms, '/api/task-templates', {
        items: [
          {
            id: first!.id,
            version: first!.version,
            name: first!.name,
            phase: 'after',
            offsetDays: -5,
            owner: first!.owner,
            titleVi: first!.titleVi,
            titleEn: first!.titleEn,
            active: true,
          },
        ],
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['items.0.offsetDays:validation.phase_offset']);
      expect((await comms.get('/api/task-templates')).json<Page<TTaskTemplateItem>>().total).toBe(template.total);
    });
  });
});
