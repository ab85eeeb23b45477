import { describe, expect, it } from 'vitest';
import { canTransition, isLocked, placeInTerritory, restrictionDecision } from './event-rules.js';

describe('event status', () => {
  it('goes planned → held → reported, and may be cancelled before it is reported', () => {
    expect(canTransition('planned', 'held')).toBe(true);
    expect(canTransition('held', 'reported')).toBe(true);
    expect(canTransition('planned', 'cancelled')).toBe(true);
    expect(canTransition('held', 'cancelled')).toBe(true);
    expect(canTransition('planned', 'reported')).toBe(false);
    expect(canTransition('reported', 'cancelled')).toBe(false);
    expect(canTransition('cancelled', 'planned')).toBe(false);
    expect(isLocked('reported')).toBe(true);
    expect(isLocked('held')).toBe(false);
  });
});

describe('territory', () => {
  const hanoi = { kind: 'province', path: '/root/p01/' };
  it('keeps a province office within its own territory', () => {
    expect(placeInTerritory(hanoi, '/root/p01/d001/')).toBe(true);
    expect(placeInTerritory(hanoi, '/root/p48/')).toBe(false);
    expect(placeInTerritory(hanoi, null)).toBe(true);
  });
  it('lets central units organise anywhere', () => {
    expect(placeInTerritory({ kind: 'central_unit', path: '/root/tt/' }, '/root/p48/')).toBe(true);
  });
});

describe('restriction overrides', () => {
  it('proceeds when nothing blocks', () => {
    expect(restrictionDecision({ blocking: 0, isLeader: false, reason: undefined })).toBe('proceed');
  });
  it('refuses an officer even with a reason, and a leader without one', () => {
    expect(restrictionDecision({ blocking: 1, isLeader: false, reason: 'Cấp bách' })).toBe('refuse');
    expect(restrictionDecision({ blocking: 2, isLeader: true, reason: '   ' })).toBe('refuse');
    expect(restrictionDecision({ blocking: 1, isLeader: true, reason: undefined })).toBe('refuse');
  });
  it('lets a leader override with a written reason', () => {
    expect(restrictionDecision({ blocking: 1, isLeader: true, reason: 'UBND tỉnh cho phép tại văn bản 12/UBND' })).toBe(
      'override',
    );
  });
});
