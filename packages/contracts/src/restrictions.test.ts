import { describe, expect, it } from 'vitest';
import { periodsOverlap, restrictionBlocks, vietnamDay, type RestrictionWindow } from './restrictions.js';

const hanoi: RestrictionWindow = {
  areaPath: '/root/p01/',
  startsOn: '2026-03-01',
  endsOn: '2026-03-31',
  liftedAt: null,
  kinds: ['conference', 'dialogue'],
};
const at = (iso: string) => new Date(iso);

describe('restrictionBlocks', () => {
  it('is inherited by every unit under the restricted one, not by others', () => {
    const target = { at: at('2026-03-10T02:00:00Z'), kind: 'dialogue' };
    expect(restrictionBlocks(hanoi, { ...target, unitPath: '/root/p01/' })).toBe(true);
    expect(restrictionBlocks(hanoi, { ...target, unitPath: '/root/p01/d001/' })).toBe(true);
    expect(restrictionBlocks(hanoi, { ...target, unitPath: '/root/p48/' })).toBe(false);
    expect(restrictionBlocks(hanoi, { ...target, unitPath: '/root/' })).toBe(false);
  });

  it('blocks only the named forms (any of them when no form is asked)', () => {
    const target = { unitPath: '/root/p01/', at: at('2026-03-10T02:00:00Z') };
    expect(restrictionBlocks(hanoi, { ...target, kind: 'launch_day' })).toBe(false);
    expect(restrictionBlocks(hanoi, { ...target, kind: null })).toBe(true);
  });

  it('counts days in Vietnam: 17:00 UTC on the last day is already the next day there', () => {
    const target = { unitPath: '/root/p01/', kind: 'dialogue' };
    expect(restrictionBlocks(hanoi, { ...target, at: at('2026-03-31T16:59:00Z') })).toBe(true);
    expect(restrictionBlocks(hanoi, { ...target, at: at('2026-03-31T17:00:00Z') })).toBe(false);
    expect(restrictionBlocks(hanoi, { ...target, at: at('2026-02-28T16:59:00Z') })).toBe(false);
    expect(vietnamDay(at('2026-02-28T17:00:00Z'))).toBe('2026-03-01');
  });

  it('stops blocking from the instant it is lifted; an open period runs until then', () => {
    const open = { ...hanoi, endsOn: null, liftedAt: '2026-04-15T03:00:00Z' };
    const target = { unitPath: '/root/p01/', kind: 'conference' };
    expect(restrictionBlocks(open, { ...target, at: at('2026-04-15T02:59:00Z') })).toBe(true);
    expect(restrictionBlocks(open, { ...target, at: at('2026-04-15T03:00:00Z') })).toBe(false);
    expect(restrictionBlocks({ ...open, liftedAt: null }, { ...target, at: at('2027-01-01T00:00:00Z') })).toBe(true);
  });
});

describe('periodsOverlap', () => {
  it('finds a shared day, open ends included', () => {
    const march = { startsOn: '2026-03-01', endsOn: '2026-03-31' };
    expect(periodsOverlap(march, { startsOn: '2026-03-31', endsOn: '2026-04-10' })).toBe(true);
    expect(periodsOverlap(march, { startsOn: '2026-04-01', endsOn: null })).toBe(false);
    expect(periodsOverlap({ startsOn: '2026-01-01', endsOn: null }, march)).toBe(true);
    expect(periodsOverlap(march, { startsOn: '2026-02-01', endsOn: '2026-02-28' })).toBe(false);
  });
});
