import { describe, expect, it } from 'vitest';
import { decisionNotice, reminderNotice, submittedNotice } from './proposal-notices.js';

const proposal = {
  id: 'p-1',
  title: 'Tuyên truyền BHYT học sinh',
  ownerUnitId: 'unit-p01',
  ownerUnitName: 'BHXH thành phố Hà Nội',
  proposerId: 'user-1',
};

describe('proposal notices', () => {
  it('sends a new proposal to the comms_center officers of the Communication Center, linked to the inbox', () => {
    const notice = submittedNotice(proposal, 'unit-tt');
    expect(notice.recipients).toEqual({ orgUnitIds: ['unit-tt'], roles: ['comms_center'] });
    expect(notice.link).toBe('/proposals?id=p-1');
    expect(notice.title.vi).toContain('BHXH thành phố Hà Nội');
  });

  it('tells the proposer and the officers of the proposing unit of a decision, linked to their own screen', () => {
    const notice = decisionNotice(proposal, { kind: 'accepted', startsOn: '2027-01-05', note: null });
    expect(notice.recipients.userIds).toEqual(['user-1']);
    expect(notice.recipients.orgUnitIds).toEqual(['unit-p01']);
    expect(notice.recipients.roles).toContain('province_officer');
    expect(notice.kind).toBe('proposal_decision');
    expect(notice.link).toBe('/proposals/mine?id=p-1');
    expect(notice.title.vi).toContain('05/01/2027');
    expect(notice.body).toBeUndefined();
  });

  it('puts the reason of a decline in the body, in both languages', () => {
    const notice = decisionNotice({ ...proposal, proposerId: null }, { kind: 'declined', reason: 'Trùng nội dung' });
    expect(notice.recipients.userIds).toBeUndefined();
    expect(notice.body).toEqual({ vi: 'Lý do: Trùng nội dung', en: 'Reason: Trùng nội dung' });
  });

  it('names the month and the deadline of a reminder and keys it for once per reminder day', () => {
    const notice = reminderNotice({ month: '2027-01', deadline: '2026-12-20', daysBefore: 5 }, ['a', 'b']);
    expect(notice.title.vi).toContain('01/2027');
    expect(notice.title.vi).toContain('20/12/2026');
    expect(notice.recipients.orgUnitIds).toEqual(['a', 'b']);
    expect(notice.dedupeKey).toBe('proposal-reminder:2027-01:5');
  });
});
