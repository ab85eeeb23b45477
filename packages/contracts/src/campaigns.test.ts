import { describe, expect, it } from 'vitest';
import {
  campaignDays,
  campaignPercent,
  campaignPeriodProblem,
  MAX_CAMPAIGN_DAYS,
  ZCreateCampaignRequest,
  ZUpdateCampaignRequest,
} from './campaigns.js';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.message}`);

describe('campaign period', () => {
  it('counts both ends and crosses month and leap-year boundaries', () => {
    expect(campaignDays('2024-02-28', '2024-03-01')).toBe(3);
    expect(campaignDays('2023-02-28', '2023-03-01')).toBe(2);
    expect(campaignDays('2025-05-01', '2025-05-01')).toBe(1);
    expect(campaignDays('2025-05-02', '2025-05-01')).toBe(0);
  });

  it('refuses an end before the start and a period longer than three years, on endsOn', () => {
    expect(campaignPeriodProblem('2025-05-01', '2025-05-01')).toBeNull();
    expect(campaignPeriodProblem('2025-05-02', '2025-05-01')).toEqual({
      field: 'endsOn',
      code: 'validation.campaign_ends_before_start',
    });
    expect(campaignDays('2025-01-01', '2027-12-31')).toBe(MAX_CAMPAIGN_DAYS - 1);
    expect(campaignPeriodProblem('2025-01-01', '2027-12-31')).toBeNull();
    expect(campaignPeriodProblem('2025-01-01', '2028-01-01')).toBeNull();
    expect(campaignPeriodProblem('2025-01-01', '2028-01-02')?.code).toBe('validation.campaign_too_long');
  });
});

describe('campaignPercent', () => {
  it('gives one decimal, exceeds 100 when the target is passed, and nothing without a value', () => {
    expect(campaignPercent(1, 3)).toBe(33.3);
    expect(campaignPercent(2, 3)).toBe(66.7);
    expect(campaignPercent(250, 200)).toBe(125);
    expect(campaignPercent(0, 10)).toBe(0);
    expect(campaignPercent(null, 10)).toBeNull();
  });
});

describe('campaign requests', () => {
  const base = { name: ' Truyền thông Xúc cảm ', startsOn: '2025-06-01', endsOn: '2025-08-31' };

  it('trims and defaults the lists', () => {
    const parsed = ZCreateCampaignRequest.parse(base);
    expect(parsed).toMatchObject({ name: 'Truyền thông Xúc cảm', description: '', goals: [], channelCodes: [] });
  });

  it('reports each bad field: period order, repeated metric, target below one', () => {
    const result = ZCreateCampaignRequest.safeParse({
      ...base,
      endsOn: '2025-05-31',
      goals: [
        { metric: 'products', target: 10 },
        { metric: 'products', target: 0 },
      ],
    });
    expect(issues(result).sort()).toEqual([
      'endsOn:validation.campaign_ends_before_start',
      'goals.1.metric:validation.duplicate',
      'goals.1.target:validation.too_small',
    ]);
  });

  it('checks the period of an update only when both ends are given', () => {
    expect(ZUpdateCampaignRequest.safeParse({ endsOn: '2020-01-01', version: 1 }).success).toBe(true);
    expect(
      issues(ZUpdateCampaignRequest.safeParse({ startsOn: '2025-02-01', endsOn: '2025-01-01', version: 1 })),
    ).toEqual(['endsOn:validation.campaign_ends_before_start']);
  });
});
