import { describe, expect, it } from 'vitest';
import { rankOfficers, rankUnits, reachOf, sharedOnProblem, sharesPerOfficer, vietnamDay } from './share-rules.js';

describe('vietnamDay', () => {
  it('reads the calendar day at UTC+7, which runs ahead of UTC from 17:00', () => {
    expect(vietnamDay(new Date('2026-03-01T16:59:59Z'))).toBe('2026-03-01');
    expect(vietnamDay(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
  });
});

describe('sharedOnProblem', () => {
  const ready = new Date('2026-02-28T18:00:00Z'); // 1 March 2026, 01:00 in Vietnam

  it('accepts a day from the product’s ready day to today', () => {
    expect(sharedOnProblem('2026-03-01', '2026-03-10', ready)).toBeNull();
    expect(sharedOnProblem('2026-03-10', '2026-03-10', ready)).toBeNull();
  });

  it('refuses a day after today', () => {
    expect(sharedOnProblem('2026-03-11', '2026-03-10', ready)).toEqual({ code: 'validation.shared_in_future' });
  });

  it('refuses a day before the product was ready, naming that day as Vietnam writes it', () => {
    expect(sharedOnProblem('2026-02-28', '2026-03-10', ready)).toEqual({
      code: 'validation.shared_before_ready',
      params: { date: '01/03/2026' },
    });
  });

  it('has no lower bound when the ready time is unknown', () => {
    expect(sharedOnProblem('2001-01-01', '2026-03-10', null)).toBeNull();
  });
});

describe('reachOf', () => {
  it('adds up the known figures and counts unknown ones as zero', () => {
    expect(reachOf({ views: 100, reactions: 7, comments: null, shares: 3 })).toBe(110);
    expect(reachOf({ views: null, reactions: null, comments: null, shares: null })).toBe(0);
  });
});

describe('rankOfficers', () => {
  it('orders by shares, then reach, then name, and shares a rank only on equal shares and reach', () => {
    const ranked = rankOfficers([
      { name: 'Đỗ Hà', shareCount: 2, reach: 50 },
      { name: 'An Bình', shareCount: 5, reach: 0 },
      { name: 'Bùi Chi', shareCount: 2, reach: 50 },
      { name: 'Cao Dũng', shareCount: 2, reach: 900 },
      { name: 'Lê Em', shareCount: 1, reach: 10_000 },
    ]);
    expect(ranked.map((o) => [o.rank, o.name])).toEqual([
      [1, 'An Bình'],
      [2, 'Cao Dũng'],
      [3, 'Bùi Chi'],
      [3, 'Đỗ Hà'],
      [5, 'Lê Em'],
    ]);
  });
});

describe('rankUnits', () => {
  it('ranks by shares per officer so that a small active unit outranks a large quiet one', () => {
    const ranked = rankUnits([
      { name: 'BHXH tỉnh lớn', shareCount: 30, reach: 5000, officerCount: 300 },
      { name: 'BHXH huyện nhỏ', shareCount: 12, reach: 100, officerCount: 4 },
      { name: 'Đơn vị chưa có người', shareCount: 0, reach: 0, officerCount: 0 },
    ]);
    expect(ranked.map((u) => [u.rank, u.name, u.sharesPerOfficer])).toEqual([
      [1, 'BHXH huyện nhỏ', 3],
      [2, 'BHXH tỉnh lớn', 0.1],
      [3, 'Đơn vị chưa có người', 0],
    ]);
  });

  it('rounds shares per officer to two decimals', () => {
    expect(sharesPerOfficer(2, 3)).toBe(0.67);
    expect(sharesPerOfficer(5, 0)).toBe(0);
  });
});
