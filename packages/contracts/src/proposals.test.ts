import { describe, expect, it } from 'vitest';
import {
  firstOpenProposalMonth,
  nextProposalMonth,
  proposalDeadline,
  proposalMonthLabel,
  proposalPeriodProblem,
  ZAcceptProposalRequest,
  ZCreateProposalRequest,
  ZProposalListQuery,
  ZUpdateProposalRequest,
} from './proposals.js';

const valid = {
  kind: 'monthly',
  title: 'Tuyên truyền BHXH tự nguyện tháng 3',
  description: 'Loạt bài về lợi ích của BHXH tự nguyện cho lao động tự do.',
  guidanceYear: 2020,
  themeCodes: ['II.1.a'],
  periodFrom: '2027-03-01',
  periodTo: '2027-03-31',
};
const fieldCodes = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}:${issue.message}`);

describe('proposal months', () => {
  it('steps over the turn of the year both ways', () => {
    expect(nextProposalMonth('2026-12')).toBe('2027-01');
    expect(nextProposalMonth('2026-01')).toBe('2026-02');
    expect(proposalDeadline('2027-01', 20)).toBe('2026-12-20');
    expect(proposalDeadline('2026-03', 5)).toBe('2026-02-05');
  });

  it('keeps next month open up to and including the closing day, then only the month after', () => {
    expect(firstOpenProposalMonth('2026-11-20', 20)).toBe('2026-12');
    expect(firstOpenProposalMonth('2026-11-21', 20)).toBe('2027-01');
    expect(firstOpenProposalMonth('2026-12-31', 20)).toBe('2027-02');
    expect(firstOpenProposalMonth('2026-12-01', 1)).toBe('2027-01');
  });

  it('writes a month the Vietnamese way', () => {
    expect(proposalMonthLabel('2027-03')).toBe('03/2027');
  });
});

describe('proposalPeriodProblem', () => {
  const today = '2026-11-25';
  const check = (kind: 'monthly' | 'thematic' | 'emerging', periodFrom: string, periodTo: string, day = 20) =>
    proposalPeriodProblem({ kind, periodFrom, periodTo }, today, day);

  it('accepts monthly content for the first open month', () => {
    expect(check('monthly', '2027-01-01', '2027-01-31')).toBeNull();
  });

  it('rejects monthly content for a month whose deadline has passed, naming month and deadline', () => {
    expect(check('monthly', '2026-12-01', '2026-12-31')).toEqual({
      field: 'periodFrom',
      code: 'validation.proposal_month_closed',
      params: { month: '12/2026', deadline: '20/11/2026' },
    });
  });

  it('moves the deadline with the configured day', () => {
    expect(check('monthly', '2026-12-01', '2026-12-31', 25)).toBeNull();
    expect(check('monthly', '2026-12-01', '2026-12-31', 24)?.code).toBe('validation.proposal_month_closed');
  });

  it('applies the deadline to thematic content by the month it starts', () => {
    expect(check('thematic', '2026-12-15', '2027-02-28')?.field).toBe('periodFrom');
    expect(check('thematic', '2027-01-15', '2027-06-30')).toBeNull();
  });

  it('lets emerging content through for the current period but not for one already over', () => {
    expect(check('emerging', '2026-11-20', '2026-11-30')).toBeNull();
    expect(check('emerging', '2026-11-01', '2026-11-24')).toEqual({
      field: 'periodTo',
      code: 'validation.proposal_period_ended',
    });
  });

  it('keeps monthly content within one month', () => {
    expect(check('monthly', '2027-01-20', '2027-02-10')).toEqual({
      field: 'periodTo',
      code: 'validation.proposal_one_month',
    });
  });

  it('reports dates out of order first', () => {
    expect(check('monthly', '2027-01-31', '2027-01-01')).toEqual({ field: 'periodTo', code: 'validation.date_order' });
  });
});

describe('proposal requests', () => {
  it('fills the optional code lists and accepts a complete proposal', () => {
    const parsed = ZCreateProposalRequest.parse(valid);
    expect(parsed).toMatchObject({ audienceCodes: [], formCodes: [], channelCodes: [] });
  });

  it('reports dates out of order on periodTo, and a missing theme', () => {
    const result = ZCreateProposalRequest.safeParse({ ...valid, periodTo: '2027-02-01', periodFrom: '2027-03-01' });
    expect(fieldCodes(result)).toEqual(['periodTo:validation.date_order']);
    expect(fieldCodes(ZCreateProposalRequest.safeParse({ ...valid, themeCodes: [] }))).toEqual([
      'themeCodes:validation.too_few_items',
    ]);
  });

  it('rejects unknown fields and a blank title', () => {
    const result = ZCreateProposalRequest.safeParse({ ...valid, title: '   ', status: 'accepted' });
    expect(result.success).toBe(false);
    expect(fieldCodes(result)).toContain('title:validation.required');
  });

  it('needs the version on every change and checks the order of dates sent together', () => {
    expect(ZUpdateProposalRequest.safeParse({ title: 'Mới' }).success).toBe(false);
    expect(
      fieldCodes(ZUpdateProposalRequest.safeParse({ version: 1, periodFrom: '2027-03-02', periodTo: '2027-03-01' })),
    ).toEqual(['periodTo:validation.date_order']);
  });

  it('checks the order of the dates an acceptance sets', () => {
    expect(
      fieldCodes(ZAcceptProposalRequest.safeParse({ version: 1, startsOn: '2027-03-05', endsOn: '2027-03-04' })),
    ).toEqual(['endsOn:validation.date_order']);
    expect(ZAcceptProposalRequest.safeParse({ version: 1, startsOn: '2027-03-05', endsOn: null }).success).toBe(true);
  });

  it('takes a month filter as yyyy-mm only', () => {
    expect(ZProposalListQuery.safeParse({ month: '2027-03' }).success).toBe(true);
    expect(ZProposalListQuery.safeParse({ month: '2027-13' }).success).toBe(false);
    expect(ZProposalListQuery.safeParse({ month: '03/2027' }).success).toBe(false);
  });
});
