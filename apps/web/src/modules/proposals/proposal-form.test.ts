import type { TProposalDetail } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import {
  changedFields,
  formPeriod,
  inputOf,
  monthPeriod,
  periodFieldOf,
  periodProblem,
  toCreateRequest,
  type ProposalFormInput,
} from './proposal-form';

const input: ProposalFormInput = {
  kind: 'monthly',
  title: '  Tuyên truyền BHYT học sinh ',
  description: 'Nội dung',
  guidanceYear: 2020,
  themeCodes: ['II.1.a'],
  audienceCodes: [],
  formCodes: [],
  channelCodes: ['facebook'],
  month: '2027-02',
  periodFrom: null,
  periodTo: null,
  regulationId: null,
  ownerUnitId: null,
};

const proposal: TProposalDetail = {
  id: '6b1c1c8e-4d5e-4f3a-9a57-2c1d8e2f0a11',
  kind: 'monthly',
  title: 'Tuyên truyền BHYT học sinh',
  description: 'Nội dung',
  guidanceYear: 2020,
  themeCodes: ['II.1.a'],
  audienceCodes: [],
  formCodes: [],
  channelCodes: ['facebook'],
  periodFrom: '2027-02-10',
  periodTo: '2027-02-20',
  regulation: null,
  ownerUnit: { id: 'a4d9f7a6-6d2b-4c55-8e36-7a6a3b1f4c22', code: 'P01', name: 'BHXH thành phố Hà Nội' },
  proposer: null,
  status: 'submitted',
  decisionNote: null,
  decidedBy: null,
  decidedAt: null,
  mergedInto: null,
  calendarItemId: null,
  actions: ['edit', 'withdraw'],
  version: 3,
  createdAt: '2026-11-25T03:00:00.000Z',
  updatedAt: '2026-11-25T03:00:00.000Z',
  mergedProposals: [],
};

describe('proposal form', () => {
  it('turns a month into its first and last day, leap years included', () => {
    expect(monthPeriod('2028-02')).toEqual({ periodFrom: '2028-02-01', periodTo: '2028-02-29' });
    expect(monthPeriod('2026-12')).toEqual({ periodFrom: '2026-12-01', periodTo: '2026-12-31' });
  });

  it('reads the period from the month for monthly content and from the two dates otherwise', () => {
    expect(formPeriod(input)).toEqual({ periodFrom: '2027-02-01', periodTo: '2027-02-28' });
    expect(formPeriod({ ...input, kind: 'emerging', periodFrom: '2026-12-01', periodTo: null })).toBeNull();
    expect(formPeriod({ ...input, kind: 'thematic', periodFrom: '2027-01-05', periodTo: '2027-03-05' })).toEqual({
      periodFrom: '2027-01-05',
      periodTo: '2027-03-05',
    });
  });

  it('shows period problems of monthly content on the month field', () => {
    expect(periodFieldOf('periodFrom', 'monthly')).toBe('month');
    expect(periodFieldOf('periodTo', 'thematic')).toBe('periodTo');
    expect(periodFieldOf('title', 'monthly')).toBe('title');
  });

  it('checks the closing day as the server does once the rules are known', () => {
    const rules = { closingDay: 20, today: '2026-12-21', firstOpenMonth: '2027-02' };
    expect(periodProblem({ ...input, month: '2027-01' }, rules)?.code).toBe('validation.proposal_month_closed');
    expect(periodProblem(input, rules)).toBeNull();
    expect(periodProblem({ ...input, month: '2027-01' }, undefined)).toBeNull();
  });

  it('builds a trimmed request that leaves the owner unit to the server when none is picked', () => {
    const request = toCreateRequest(input);
    expect(request).toMatchObject({ title: 'Tuyên truyền BHYT học sinh', periodTo: '2027-02-28' });
    expect('ownerUnitId' in request).toBe(false);
  });

  it('sends only what changed, and keeps the dates of a monthly proposal left in its month', () => {
    const start = inputOf(proposal);
    expect(changedFields(proposal, start)).toEqual({ version: 3 });
    expect(changedFields(proposal, { ...start, title: 'Mới', channelCodes: ['zalo'] })).toEqual({
      version: 3,
      title: 'Mới',
      channelCodes: ['zalo'],
    });
    expect(changedFields(proposal, { ...start, month: '2027-03' })).toEqual({
      version: 3,
      periodFrom: '2027-03-01',
      periodTo: '2027-03-31',
    });
  });
});
