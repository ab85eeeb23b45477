import { describe, expect, it } from 'vitest';
import type { TRole } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import { feedbackPolicy } from './feedback.policy.js';
import { feedbackNotice } from './feedback-notices.js';
import { recipientsOf } from './feedback-view.js';

const actor = (scopePath: string, ...roles: TRole[]): Actor => ({
  userId: 'u',
  username: 'u',
  fullName: 'U',
  roles,
  orgUnitId: 'x',
  scopePath,
});
const place = { reporterUnitPath: '/r/p01/d001/', routedUnitPath: '/r/thu/' };

describe('feedbackPolicy', () => {
  it('lets the reporting line, the routed unit and the Communication Center read, nobody else', () => {
    expect(feedbackPolicy.canRead(actor('/r/p01/', 'province_officer'), place)).toBe(true);
    expect(feedbackPolicy.canRead(actor('/r/p01/d001/', 'district_officer'), place)).toBe(true);
    expect(feedbackPolicy.canRead(actor('/r/thu/', 'unit_officer'), place)).toBe(true);
    expect(feedbackPolicy.canRead(actor('/r/tt/', 'comms_center'), place)).toBe(true);
    expect(feedbackPolicy.canRead(actor('/r/', 'leader'), place)).toBe(true);
    expect(feedbackPolicy.canRead(actor('/r/p48/', 'province_officer'), place)).toBe(false);
    expect(feedbackPolicy.canRead(actor('/r/csxh/', 'unit_officer'), place)).toBe(false);
  });

  it('lets only officers of the routed unit answer', () => {
    expect(feedbackPolicy.isRoutedUnit(actor('/r/thu/', 'unit_officer'), place)).toBe(true);
    expect(feedbackPolicy.isRoutedUnit(actor('/r/csxh/', 'unit_officer'), place)).toBe(false);
    expect(feedbackPolicy.isRoutedUnit(actor('/r/', 'admin'), place)).toBe(false);
    expect(feedbackPolicy.isRoutedUnit(actor('/r/thu/', 'viewer'), place)).toBe(false);
    expect(feedbackPolicy.isRoutedUnit(actor('/r/thu/', 'unit_officer'), { ...place, routedUnitPath: null })).toBe(
      false,
    );
  });

  it('treats the reporting district and its province as the reporter, not the agency root', () => {
    expect(feedbackPolicy.isReporterSide(actor('/r/p01/d001/', 'district_officer'), place)).toBe(true);
    expect(feedbackPolicy.isReporterSide(actor('/r/p01/', 'province_officer'), place)).toBe(true);
    expect(feedbackPolicy.isReporterSide(actor('/r/', 'admin'), place)).toBe(false);
    expect(feedbackPolicy.isReporterSide(actor('/r/thu/', 'unit_officer'), place)).toBe(false);
    expect(feedbackPolicy.isReporterSide(actor('/r/p01/', 'viewer'), place)).toBe(false);
  });

  it('lets the Communication Center and the owning unit edit Q&A', () => {
    expect(feedbackPolicy.canEditFaq(actor('/r/tt/', 'comms_center'), '/r/thu/')).toBe(true);
    expect(feedbackPolicy.canEditFaq(actor('/r/thu/', 'unit_officer'), '/r/thu/')).toBe(true);
    expect(feedbackPolicy.canEditFaq(actor('/r/csxh/', 'unit_officer'), '/r/thu/')).toBe(false);
    expect(feedbackPolicy.canEditFaq(actor('/r/p01/', 'province_officer'), '/r/thu/')).toBe(false);
  });
});

describe('feedbackNotice', () => {
  const facts = {
    title: 'Mức đóng BHXH tự nguyện',
    category: 'collection',
    reporterUnitName: 'BHXH Hà Nội',
    routedUnitName: 'Ban Thu',
    dueOn: '2026-03-10',
  };

  it('names the unit, the due day and the category in both languages', () => {
    expect(feedbackNotice('route', facts, '').title).toEqual({
      vi: 'Vướng mắc chuyển Ban Thu trả lời trước 10/03/2026: Mức đóng BHXH tự nguyện',
      en: 'Feedback routed to Ban Thu, answer by 10/03/2026: Mức đóng BHXH tự nguyện',
    });
    expect(feedbackNotice('report', facts, 'Nội dung').title.vi).toContain('Thu, đóng BHXH, BHYT');
    expect(feedbackNotice('report', facts, 'Nội dung').body).toEqual({ vi: 'Nội dung', en: 'Nội dung' });
    expect(feedbackNotice('close', facts, '').body).toBeUndefined();
    expect(feedbackNotice('answer', facts, 'x').kind).toBe('status_change');
  });
});

describe('recipientsOf', () => {
  const row = {
    routedUnitId: 'thu',
    reporterUnitId: 'p01',
    reportedBy: 'reporter',
  } as Parameters<typeof recipientsOf>[1];

  it('tells the centre of a report, the routed unit and reporter of a routing, the reporter of an answer', () => {
    expect(recipientsOf('report', row, 'tt')).toEqual({ orgUnitIds: ['tt'], roles: ['comms_center', 'admin'] });
    expect(recipientsOf('route', row, 'tt')).toEqual({ orgUnitIds: ['thu', 'p01'] });
    expect(recipientsOf('answer', row, 'tt')).toEqual({ userIds: ['reporter'], orgUnitIds: ['p01', 'tt'] });
    expect(recipientsOf('reopen', row, null)).toEqual({ orgUnitIds: ['thu'] });
    expect(recipientsOf('close', row, 'tt')).toEqual({ orgUnitIds: ['thu', 'tt'] });
  });
});
