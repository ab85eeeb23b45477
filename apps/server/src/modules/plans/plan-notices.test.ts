import { describe, expect, it } from 'vitest';
import { approvedNotice, planLink, returnedNotice, submittedNotices, type PlanFacts } from './plan-notices.js';

const district: PlanFacts = {
  planId: 'plan-1',
  year: 2026,
  unitId: 'd001',
  unitName: 'BHXH quận Ba Đình',
  parentUnitId: 'p01',
  submittedBy: 'user-7',
};

describe('plan notices', () => {
  it('asks the leaders of the unit above and the Communication Center to review a submitted plan', () => {
    const notices = submittedNotices(district, 'tt');
    expect(notices.map((n) => n.recipients)).toEqual([
      { orgUnitIds: ['p01'], roles: ['leader'] },
      { orgUnitIds: ['tt'], roles: ['comms_center'] },
    ]);
    expect(notices[0]).toMatchObject({
      kind: 'status_change',
      title: { vi: 'Kế hoạch năm 2026 của BHXH quận Ba Đình chờ duyệt' },
      link: '/plans?year=2026&id=plan-1',
      entityType: 'plan',
      entityId: 'plan-1',
    });
  });

  it("asks the root's own leaders about the root's plan, and not the Center about its own", () => {
    const root = { ...district, unitId: 'root', unitName: 'BHXH Việt Nam', parentUnitId: null };
    expect(submittedNotices(root, 'tt').map((n) => n.recipients)).toEqual([
      { orgUnitIds: ['root'], roles: ['leader'] },
    ]);
    const center = { ...district, unitId: 'tt', parentUnitId: 'root' };
    expect(submittedNotices(center, 'tt').map((n) => n.recipients)).toEqual([
      { orgUnitIds: ['root'], roles: ['leader'] },
    ]);
  });

  it('tells the submitter and the unit how the plan was decided, with the reason of a return', () => {
    const approved = approvedNotice(district);
    expect(approved.recipients.userIds).toEqual(['user-7']);
    expect(approved.recipients.orgUnitIds).toEqual(['d001']);
    expect(approved.recipients.roles).not.toContain('viewer');
    expect(approved.title.en).toBe('The 2026 plan of BHXH quận Ba Đình was approved');
    const returned = returnedNotice(district, 'Chưa có chỉ tiêu quý');
    expect(returned.title.vi).toBe('Kế hoạch năm 2026 của BHXH quận Ba Đình bị trả lại');
    expect(returned.body).toEqual({ vi: 'Lý do: Chưa có chỉ tiêu quý', en: 'Reason: Chưa có chỉ tiêu quý' });
    expect(planLink(district)).toBe(returned.link);
  });
});
