import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { calendarPolicy } from './calendar.policy.js';

const actor = (roles: Actor['roles'], scopePath: string, userId = 'u1'): Actor => ({
  userId,
  username: 'x',
  fullName: 'X',
  roles,
  orgUnitId: 'unit',
  scopePath,
});
const hanoiItem = { ownerUnitPath: '/root/p01/', assigneeId: null };

describe('calendarPolicy', () => {
  it('lets planning roles edit items of their subtree only', () => {
    expect(calendarPolicy.canEdit(actor(['province_officer'], '/root/p01/'), hanoiItem)).toBe(true);
    expect(calendarPolicy.canEdit(actor(['province_officer'], '/root/p48/'), hanoiItem)).toBe(false);
    expect(calendarPolicy.canEdit(actor(['district_officer'], '/root/p01/d001/'), hanoiItem)).toBe(false);
    expect(calendarPolicy.canEdit(actor(['admin'], '/root/'), hanoiItem)).toBe(true);
  });

  it('lets leaders and viewers read but not plan', () => {
    expect(calendarPolicy.canSee(actor(['viewer'], '/root/p01/'), hanoiItem)).toBe(true);
    expect(calendarPolicy.canEdit(actor(['leader'], '/root/p01/'), hanoiItem)).toBe(false);
    expect(() => calendarPolicy.assertCanPlan(actor(['viewer'], '/root/p01/'))).toThrow();
    expect(() => calendarPolicy.assertCanPlan(actor(['press_office'], '/root/bao/'))).not.toThrow();
  });

  it('shows an item to its assignee outside the scope, who may change only its status', () => {
    const assigned = { ownerUnitPath: '/root/p01/', assigneeId: 'u9' };
    const assignee = actor(['district_officer'], '/root/p01/d001/', 'u9');
    expect(calendarPolicy.canSee(assignee, assigned)).toBe(true);
    expect(calendarPolicy.canEdit(assignee, assigned)).toBe(false);
    expect(calendarPolicy.canChangeStatus(assignee, assigned)).toBe(true);
    expect(calendarPolicy.canSee(actor(['province_officer'], '/root/p48/', 'u2'), assigned)).toBe(false);
  });

  it('lets the Communication Center read the whole country but change only its own subtree', () => {
    const center = actor(['comms_center'], '/root/tt/');
    expect(calendarPolicy.canSee(center, hanoiItem)).toBe(true);
    expect(calendarPolicy.canEdit(center, hanoiItem)).toBe(false);
    expect(calendarPolicy.canSee(actor(['unit_officer'], '/root/thu/'), hanoiItem)).toBe(false);
  });

  it('gives feeds to users, not to the system', () => {
    expect(() => calendarPolicy.assertCanHaveFeed({ ...actor(['admin'], '/'), userId: null })).toThrow();
  });
});
