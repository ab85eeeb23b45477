import type { TRegulationDetail, TRegulationTask } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let comms: Session;
let thuOfficer: Session;
let hanoiAdmin: Session;
let thu: string;
let p01: string;
let hanoiOfficerId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'tt.lead', roles: ['comms_center'], unitCode: 'TT' });
  await t.createUser({ username: 'tt.staff', roles: ['comms_center'], unitCode: 'TT' });
  await t.createUser({ username: 'thu.staff', roles: ['unit_officer'], unitCode: 'THU' });
  await t.createUser({ username: 'qt.hanoi', roles: ['admin'], unitCode: 'P01' });
  hanoiOfficerId = await t.createUser({ username: 'hanoi.staff', roles: ['province_officer'], unitCode: 'P01' });
  [comms, thuOfficer, hanoiAdmin] = await Promise.all([t.login('tt.lead'), t.login('thu.staff'), t.login('qt.hanoi')]);
  [thu, p01] = await Promise.all([t.unitId('THU'), t.unitId('P01')]);
});
afterAll(async () => t?.close());

/** A user's notifications, newest first, as (kind, Vietnamese title) pairs. */
const inbox = async (username: string) =>
  (
    await t.db.pool.query<{ kind: string; title_vi: string; link: string | null }>(
      `SELECT n.kind, n.title_vi, n.link FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE u.username = $1 ORDER BY n.created_at DESC, n.id`,
      [username],
    )
  ).rows;

let serial = 7000;
const createRegulation = async (overrides: Record<string, unknown> = {}, session = comms) => {
  const response = await session.post('/api/regulations', {
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
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TRegulationDetail>();
};

describe('notifications of regulation tasks', () => {
  it('tells each owner unit once about the tasks generated for a new document, not the one who registered it', async () => {
    const regulation = await createRegulation();
    const thuInbox = await inbox('thu.staff');
    expect(thuInbox).toHaveLength(1);
    expect(thuInbox[0]).toMatchObject({ kind: 'assignment', link: `/regulations?id=${regulation.id}` });
    expect(thuInbox[0]!.title_vi).toMatch(new RegExp(`^${regulation.number}: \\d+ nhiệm vụ truyền thông`));
    expect(await inbox('tt.staff')).toHaveLength(1);
    expect(await inbox('tt.lead')).toHaveLength(0);
    expect(await inbox('hanoi.staff')).toHaveLength(0);
  });

  it('tells the new assignee, then the owner about a status change made by someone else', async () => {
    const regulation = await createRegulation(
      { orgUnitId: p01, draftingUnitId: null, number: `${(serial += 1)}/BHXH-HN` },
      hanoiAdmin,
    );
    const tasks = (await hanoiAdmin.get(`/api/regulations/${regulation.id}/tasks?pageSize=100`)).json<{
      items: TRegulationTask[];
    }>().items;
    const task = tasks[0]!;
    const before = (await inbox('hanoi.staff')).length;
    const assigned = await hanoiAdmin.patch(`/api/regulation-tasks/${task.id}`, {
      assigneeUserId: hanoiOfficerId,
      version: task.version,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const afterAssign = await inbox('hanoi.staff');
    expect(afterAssign).toHaveLength(before + 1);
    expect(afterAssign[0]!.title_vi).toContain(`Nhiệm vụ mới (${regulation.number}): ${task.title}`);

    const officer = await t.login('hanoi.staff');
    const started = await officer.patch(`/api/regulation-tasks/${task.id}`, {
      status: 'in_progress',
      version: assigned.json<TRegulationTask>().version,
    });
    expect(started.statusCode, started.body).toBe(200);
    // The assignee changed the status: nobody else holds the task, and the actor is never told of their own act.
    expect(await inbox('hanoi.staff')).toHaveLength(before + 1);
    const done = await hanoiAdmin.patch(`/api/regulation-tasks/${task.id}`, {
      status: 'done',
      version: started.json<TRegulationTask>().version,
    });
    expect(done.statusCode).toBe(200);
    const latest = await inbox('hanoi.staff');
    expect(latest).toHaveLength(before + 2);
    expect(latest[0]).toMatchObject({ kind: 'status_change' });
    expect(latest[0]!.title_vi).toContain('chuyển sang hoàn thành');
  });

  it('warns of approaching deadlines and reports missed ones once each in the daily run', async () => {
    const regulation = await createRegulation({ issuedOn: '2026-01-05', effectiveOn: '2026-01-20' });
    const tasks = (await thuOfficer.get(`/api/regulations/${regulation.id}/tasks?pageSize=100`)).json<{
      items: TRegulationTask[];
    }>().items;
    const thuTasks = tasks.filter((task) => task.ownerUnit.code === 'THU');
    expect(thuTasks.length).toBeGreaterThan(0);
    const earliest = [...thuTasks].sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0]!;
    const run = (isoDay: string) => t.services.notifications.notifyDueDeadlines(new Date(`${isoDay}T01:00:00Z`));
    const dayBefore = new Date(Date.parse(`${earliest.dueOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const dayAfter = new Date(Date.parse(`${earliest.dueOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

    await run(dayBefore);
    const approaching = (await inbox('thu.staff')).filter((n) => n.kind === 'deadline_approaching');
    expect(approaching.some((n) => n.title_vi.includes(earliest.title))).toBe(true);
    const countAfterFirst = approaching.length;
    await run(dayBefore);
    expect((await inbox('thu.staff')).filter((n) => n.kind === 'deadline_approaching')).toHaveLength(countAfterFirst);

    await run(dayAfter);
    const missed = (await inbox('thu.staff')).filter((n) => n.kind === 'deadline_missed');
    expect(missed.some((n) => n.title_vi.includes(earliest.title))).toBe(true);
  });
});
