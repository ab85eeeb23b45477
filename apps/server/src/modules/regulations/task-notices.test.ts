import { describe, expect, it } from 'vitest';
import { assignmentNotice, generatedNotices, statusNotice, type TaskFacts } from './task-notices.js';

const task = (overrides: Partial<TaskFacts> = {}): TaskFacts => ({
  taskId: 't1',
  regulationId: 'r1',
  regulationNumber: '1007/BHXH-TT',
  title: 'Bộ hỏi đáp cho tổng đài',
  ownerUnitId: 'unit-thu',
  assigneeUserId: null,
  dueOn: '2026-12-05',
  ...overrides,
});

describe('task notices', () => {
  it('sends an assignment to the assignee when there is one, else to the owner unit', () => {
    expect(assignmentNotice(task()).recipients).toEqual({ orgUnitIds: ['unit-thu'] });
    const notice = assignmentNotice(task({ assigneeUserId: 'u7' }));
    expect(notice.recipients).toEqual({ userIds: ['u7'] });
    expect(notice.title.vi).toBe('Nhiệm vụ mới (1007/BHXH-TT): Bộ hỏi đáp cho tổng đài — hạn 05/12/2026');
    expect(notice.link).toBe('/regulations?id=r1');
  });

  it('groups generated tasks into one notice per owner unit with the earliest deadline', () => {
    const notices = generatedNotices([
      task({ taskId: 'a', dueOn: '2026-12-10' }),
      task({ taskId: 'b', ownerUnitId: 'unit-tt', dueOn: '2026-12-01' }),
      task({ taskId: 'c', dueOn: '2026-11-30' }),
    ]);
    expect(notices.map((n) => n.recipients)).toEqual([{ orgUnitIds: ['unit-thu'] }, { orgUnitIds: ['unit-tt'] }]);
    expect(notices[0]!.title.vi).toBe(
      '1007/BHXH-TT: 2 nhiệm vụ truyền thông trước, trong, sau khi ban hành — hạn sớm nhất 30/11/2026',
    );
  });

  it('names the new status in both languages', () => {
    const notice = statusNotice(task(), 'cancelled');
    expect(notice.kind).toBe('status_change');
    expect(notice.title).toEqual({
      vi: '1007/BHXH-TT: "Bộ hỏi đáp cho tổng đài" chuyển sang đã hủy',
      en: '1007/BHXH-TT: "Bộ hỏi đáp cho tổng đài" is now cancelled',
    });
  });
});
