import { describe, expect, it } from 'vitest';
import { assignmentNotice, itemRecipients, statusNotice } from './calendar-notices.js';

const item = { id: 'i1', title: 'Phóng sự BHYT', startsOn: '2026-07-01', ownerUnitId: 'u1', assigneeId: 'p1' };

describe('calendar notices', () => {
  it('tells the assignee about an assignment, with the day in Vietnamese form', () => {
    expect(assignmentNotice(item)).toEqual({
      recipients: { userIds: ['p1'] },
      kind: 'assignment',
      title: {
        vi: 'Lịch biên tập — bạn được giao: Phóng sự BHYT (01/07/2026)',
        en: 'Editorial calendar — assigned to you: Phóng sự BHYT (01/07/2026)',
      },
      link: '/calendar?id=i1',
      entityType: 'calendar_item',
      entityId: 'i1',
    });
  });

  it('counts the occurrences of an assigned series', () => {
    expect(assignmentNotice(item, 12).title.vi).toBe(
      'Lịch biên tập — bạn được giao: Phóng sự BHYT (12 lần, từ 01/07/2026)',
    );
  });

  it('tells the owner unit about a status change', () => {
    const notice = statusNotice(item, 'published');
    expect(notice.recipients).toEqual({ orgUnitIds: ['u1'] });
    expect(notice.title).toEqual({
      vi: 'Lịch biên tập: "Phóng sự BHYT" (01/07/2026) chuyển sang đã đăng tải',
      en: 'Editorial calendar: "Phóng sự BHYT" (01/07/2026) is now published',
    });
  });

  it('sends deadline reminders to the assignee, or the owner unit when there is none', () => {
    expect(itemRecipients(item)).toEqual({ userIds: ['p1'] });
    expect(itemRecipients({ ...item, assigneeId: null })).toEqual({ orgUnitIds: ['u1'] });
  });
});
