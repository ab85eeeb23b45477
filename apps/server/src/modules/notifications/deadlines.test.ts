import { describe, expect, it } from 'vitest';
import { deadlineNotice, type DueItem } from './deadlines.js';

const item: DueItem = {
  id: 'task-1',
  state: 'approaching',
  dueOn: '2026-12-01',
  subject: { vi: 'Thông cáo báo chí', en: 'Press release' },
  recipients: { userIds: ['u-1'] },
};

describe('deadlineNotice', () => {
  it('announces an approaching deadline with its Vietnamese-style date', () => {
    expect(deadlineNotice('regulation_tasks', item)).toEqual({
      kind: 'deadline_approaching',
      title: { vi: 'Sắp đến hạn 01/12/2026: Thông cáo báo chí', en: 'Due on 01/12/2026: Press release' },
      dedupeKey: 'deadline:regulation_tasks:task-1:approaching',
    });
  });

  it('announces a missed deadline under its own kind and key', () => {
    expect(deadlineNotice('regulation_tasks', { ...item, state: 'missed' })).toEqual({
      kind: 'deadline_missed',
      title: { vi: 'Quá hạn (hạn 01/12/2026): Thông cáo báo chí', en: 'Overdue (due 01/12/2026): Press release' },
      dedupeKey: 'deadline:regulation_tasks:task-1:missed',
    });
  });

  it('refuses a due date that is not a calendar day', () => {
    expect(() => deadlineNotice('regulation_tasks', { ...item, dueOn: '01/12/2026' })).toThrow(/yyyy-mm-dd/);
  });
});
