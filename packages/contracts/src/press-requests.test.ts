import { describe, expect, it } from 'vitest';
import {
  isPressRequestOverdue,
  mayApprovePressAnswer,
  pressContactEntry,
  pressRequestTransition,
  ZCoverage,
  ZCreatePressRequest,
  ZInvitee,
} from './press-requests.js';

describe('press request status machine', () => {
  it('runs received → routed → drafted → approved → answered', () => {
    expect(pressRequestTransition('received', 'route')).toBe('routed');
    expect(pressRequestTransition('routed', 'draft')).toBe('drafted');
    expect(pressRequestTransition('drafted', 'approve')).toBe('approved');
    expect(pressRequestTransition('approved', 'answer')).toBe('answered');
  });

  it('returns drafted or approved answers to routed, and declines anything still open', () => {
    expect(pressRequestTransition('drafted', 'return')).toBe('routed');
    expect(pressRequestTransition('approved', 'return')).toBe('routed');
    expect(pressRequestTransition('routed', 'return')).toBeNull();
    for (const status of ['received', 'routed', 'drafted', 'approved'] as const)
      expect(pressRequestTransition(status, 'decline')).toBe('declined');
  });

  it('refuses skipping approval and acting on closed requests', () => {
    expect(pressRequestTransition('drafted', 'answer')).toBeNull();
    expect(pressRequestTransition('routed', 'approve')).toBeNull();
    expect(pressRequestTransition('answered', 'decline')).toBeNull();
    expect(pressRequestTransition('declined', 'route')).toBeNull();
    expect(pressRequestTransition('answered', 'draft')).toBeNull();
  });
});

describe('who may approve a press answer', () => {
  const base = { spokespersonId: 'sp', draftedBy: 'dr' };
  it('lets the spokesperson or a leader approve', () => {
    expect(mayApprovePressAnswer({ ...base, actorId: 'sp', isLeader: false })).toBe(true);
    expect(mayApprovePressAnswer({ ...base, actorId: 'boss', isLeader: true })).toBe(true);
  });
  it('never lets the drafter approve, even as spokesperson or leader', () => {
    expect(mayApprovePressAnswer({ spokespersonId: 'dr', draftedBy: 'dr', actorId: 'dr', isLeader: true })).toBe(false);
  });
  it('refuses anyone else and the system', () => {
    expect(mayApprovePressAnswer({ ...base, actorId: 'other', isLeader: false })).toBe(false);
    expect(mayApprovePressAnswer({ ...base, actorId: null, isLeader: true })).toBe(false);
  });
});

describe('overdue and input', () => {
  const now = new Date('2026-03-10T08:00:00Z');
  it('is overdue only while open past the deadline', () => {
    expect(isPressRequestOverdue({ status: 'routed', deadline: '2026-03-10T07:59:00Z' }, now)).toBe(true);
    expect(isPressRequestOverdue({ status: 'routed', deadline: '2026-03-10T08:01:00Z' }, now)).toBe(false);
    expect(isPressRequestOverdue({ status: 'answered', deadline: '2026-03-01T00:00:00Z' }, now)).toBe(false);
    expect(isPressRequestOverdue({ status: 'declined', deadline: '2026-03-01T00:00:00Z' }, now)).toBe(false);
  });

  it('reports a deadline before reception and a bad e-mail field by field', () => {
    const result = ZCreatePressRequest.safeParse({
      outletName: 'Báo Lao Động',
      journalistName: 'Nguyễn Văn A',
      journalistEmail: 'khong-phai-email',
      topic: 'Chậm chi trả lương hưu',
      questions: 'Vì sao?',
      receivedAt: '2026-03-10T08:00:00+07:00',
      deadline: '2026-03-09T08:00:00+07:00',
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(issues).toContain('journalistEmail:validation.invalid_email');
  });

  it('refuses a deadline before the time received', () => {
    const result = ZCreatePressRequest.safeParse({
      outletName: 'Báo Lao Động',
      journalistName: 'Nguyễn Văn A',
      topic: 'Chậm chi trả lương hưu',
      questions: 'Vì sao?',
      receivedAt: '2026-03-10T08:00:00+07:00',
      deadline: '2026-03-10T07:00:00+07:00',
    });
    expect(result.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`)).toEqual([
      'deadline:press.deadline_before_received',
    ]);
  });

  it('accepts only http(s) coverage links', () => {
    const row = { outletName: 'VnExpress', publishedOn: '2026-03-11' };
    expect(ZCoverage.safeParse({ ...row, url: 'https://vnexpress.net/a' }).success).toBe(true);
    expect(ZCoverage.safeParse({ ...row, url: 'javascript:alert(1)' }).success).toBe(false);
  });
});

describe('links to the media database', () => {
  const outletId = '7b0e2a44-8a38-4c3f-9a51-2f1f0f5d6a01';
  const contactId = '7b0e2a44-8a38-4c3f-9a51-2f1f0f5d6a02';
  const request = {
    outletName: 'Báo Lao Động',
    journalistName: 'Trần Thị Phóng Viên',
    topic: 'Chậm đóng BHXH',
    questions: 'Biện pháp xử lý?',
    receivedAt: '2026-03-02T01:00:00Z',
    deadline: '2026-03-04T01:00:00Z',
  };

  it('keeps free text possible and takes an outlet with or without its contact', () => {
    expect(ZCreatePressRequest.parse(request)).toMatchObject({ outletId: null, contactId: null });
    expect(ZCreatePressRequest.parse({ ...request, outletId, contactId })).toMatchObject({ outletId, contactId });
    expect(ZCreatePressRequest.safeParse({ ...request, outletId }).success).toBe(true);
  });

  it('refuses a contact without its outlet, on contactId', () => {
    const result = ZCreatePressRequest.safeParse({ ...request, contactId });
    expect(result.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`)).toEqual([
      'contactId:press.contact_outlet',
    ]);
    expect(ZInvitee.safeParse({ outletName: 'VTV', contactId }).error?.issues[0]?.path).toEqual(['contactId']);
    expect(ZInvitee.parse({ outletName: 'VTV' })).toEqual({
      outletName: 'VTV',
      personName: '',
      outletId: null,
      contactId: null,
    });
  });

  it('logs an answer by its channel and a refusal as e-mail', () => {
    const topic = { topic: ' Chậm đóng BHXH ' };
    const channels = (['email', 'phone', 'interview', 'press_conference', 'written'] as const).map(
      (channel) => pressContactEntry(topic, { action: 'answer', channel }).channel,
    );
    expect(channels).toEqual(['email', 'call', 'meeting', 'meeting', 'email']);
    expect(pressContactEntry(topic, { action: 'answer', channel: 'phone' }).summary).toBe(
      'Trả lời yêu cầu: Chậm đóng BHXH',
    );
    expect(pressContactEntry(topic, { action: 'decline' })).toEqual({
      channel: 'email',
      summary: 'Từ chối yêu cầu: Chậm đóng BHXH',
    });
  });
});
