import { describe, expect, it } from 'vitest';
import type { TCampaignLinkedItem, TCampaignMetric } from '@loa/contracts';
import {
  progressOf,
  readsCampaign,
  sumByUnit,
  takesPart,
  timelineOf,
  transitionProblem,
  type Measured,
} from './campaign-rules.js';

const TT = '/r/tt/';
const P01 = '/r/p01/';
const D001 = '/r/p01/d001/';
const P48 = '/r/p48/';

describe('transitionProblem', () => {
  it('launches a draft only with a goal, closes an active campaign and reopens a closed one', () => {
    expect(transitionProblem('draft', 'active', 1)).toBeNull();
    expect(transitionProblem('draft', 'active', 0)).toBe('campaign.no_goals');
    expect(transitionProblem('active', 'closed', 0)).toBeNull();
    expect(transitionProblem('closed', 'active', 2)).toBeNull();
    expect(transitionProblem('draft', 'closed', 2)).toBe('campaign.invalid_transition');
    expect(transitionProblem('active', 'draft', 2)).toBe('campaign.invalid_transition');
    expect(transitionProblem('active', 'active', 2)).toBe('campaign.invalid_transition');
  });
});

describe('who takes part and who reads', () => {
  it('counts a unit in the subtree of a campaign unit', () => {
    expect(takesPart(D001, [TT, P01])).toBe(true);
    expect(takesPart(P48, [TT, P01])).toBe(false);
  });

  it('lets units above and inside the campaign units read, not a province outside', () => {
    expect(readsCampaign('/r/', [TT, P01])).toBe(true);
    expect(readsCampaign(D001, [TT, P01])).toBe(true);
    expect(readsCampaign(P01, [TT, P01])).toBe(true);
    expect(readsCampaign(P48, [TT, P01])).toBe(false);
    expect(readsCampaign('/', [TT])).toBe(true);
  });
});

describe('sumByUnit', () => {
  const units = [
    { id: 'tt', path: TT },
    { id: 'p01', path: P01 },
    { id: 'd001', path: D001 },
  ];

  it('sums each unit subtree and counts nested records once in the total, ignoring outsiders', () => {
    const measured = sumByUnit(
      [
        { path: TT, value: 100 },
        { path: P01, value: 20 },
        { path: D001, value: 3 },
        { path: P48, value: 1000 },
      ],
      units,
    );
    expect(measured.value).toBe(123);
    expect(Object.fromEntries(measured.byUnit!)).toEqual({ tt: 100, p01: 23, d001: 3 });
  });
});

describe('progressOf', () => {
  const unitRefs = [
    { id: 'tt', code: 'TT', name: 'Trung tâm Truyền thông' },
    { id: 'p01', code: 'P01', name: 'BHXH Hà Nội' },
  ];

  it('gives value, percentage and units for measured metrics and "no data" for the others', () => {
    const measured = new Map<TCampaignMetric, Measured>([
      ['products', { value: 3, byUnit: new Map([['p01', 2]]) }],
      ['people_reached', { value: 0, byUnit: null }],
    ]);
    const progress = progressOf(
      [
        { metric: 'products', target: 4 },
        { metric: 'people_reached', target: 10_000 },
        { metric: 'new_voluntary_bhxh', target: 50 },
      ],
      measured,
      unitRefs,
    );
    expect(progress).toEqual([
      {
        metric: 'products',
        target: 4,
        value: 3,
        percent: 75,
        byUnit: [
          { unit: unitRefs[0], value: 0 },
          { unit: unitRefs[1], value: 2 },
        ],
      },
      { metric: 'people_reached', target: 10_000, value: 0, percent: 0, byUnit: null },
      { metric: 'new_voluntary_bhxh', target: 50, value: null, percent: null, byUnit: null },
    ]);
  });
});

describe('timelineOf', () => {
  const item = (type: TCampaignLinkedItem['type'], title: string, date: string | null): TCampaignLinkedItem => ({
    type,
    id: '00000000-0000-4000-8000-000000000000',
    title,
    date,
    status: null,
    unit: { id: 'u', code: 'TT', name: 'TT' },
    canUnlink: false,
    linkedAt: '2025-01-01T00:00:00.000Z',
  });

  it('orders dated items by day, then calendar, event, product, publication, and leaves undated out', () => {
    const timeline = timelineOf([
      item('publication', 'Bài trên VnExpress', '2025-06-03'),
      item('product', 'Phóng sự chưa đăng', null),
      item('event', 'Đối thoại tại xã Tân Hòa', '2025-06-10'),
      item('product', 'Video Xúc cảm', '2025-06-03'),
      item('event', 'Hội nghị phát động', '2025-06-03'),
      item('calendar_item', 'Lễ phát động', '2025-06-03'),
      item('calendar_item', 'Họp chuẩn bị', '2025-05-20'),
    ]);
    expect(timeline.map((i) => i.title)).toEqual([
      'Họp chuẩn bị',
      'Lễ phát động',
      'Hội nghị phát động',
      'Video Xúc cảm',
      'Bài trên VnExpress',
      'Đối thoại tại xã Tân Hòa',
    ]);
  });
});
