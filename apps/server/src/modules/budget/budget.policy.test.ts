import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { budgetPolicy } from './budget.policy.js';

const actor = (roles: Actor['roles'], scopePath: string, userId = 'u1'): Actor => ({
  userId,
  username: 'x',
  fullName: 'X',
  roles,
  orgUnitId: 'unit',
  scopePath,
});
const ROOT = { path: '/r/', isRoot: true };
const HANOI = { path: '/r/p01/', isRoot: false };
const DANANG = { path: '/r/p48/', isRoot: false };

describe('budgetPolicy', () => {
  it('lets spending roles spend within their scope only; viewers read', () => {
    expect(budgetPolicy.canSpendFor(actor(['province_officer'], '/r/p01/'), HANOI)).toBe(true);
    expect(budgetPolicy.canSpendFor(actor(['province_officer'], '/r/p01/'), DANANG)).toBe(false);
    expect(budgetPolicy.canSpendFor(actor(['viewer'], '/r/p01/'), HANOI)).toBe(false);
    expect(budgetPolicy.canRead(actor(['viewer'], '/r/p01/'), '/r/p01/d1/')).toBe(true);
    expect(() => budgetPolicy.assertMaySpend(actor(['press_office'], '/r/'))).toThrow('access.forbidden');
  });

  it('keeps the appropriation to the administrator and the root’s leaders', () => {
    expect(budgetPolicy.canAppropriate(actor(['admin'], '/r/'), ROOT)).toBe(true);
    expect(budgetPolicy.canAppropriate(actor(['leader'], '/r/'), ROOT)).toBe(true);
    expect(budgetPolicy.canAppropriate(actor(['comms_center'], '/r/'), ROOT)).toBe(false);
    expect(budgetPolicy.canAppropriate(actor(['admin'], '/r/p01/'), ROOT)).toBe(false);
    expect(budgetPolicy.canAppropriate(actor(['admin'], '/r/'), HANOI)).toBe(false);
  });

  it('lets a leader with the unit in scope decide an exception, never the requester', () => {
    expect(budgetPolicy.canDecideException(actor(['leader'], '/r/p01/'), '/r/p01/d1/', 'u2')).toBe(true);
    expect(budgetPolicy.canDecideException(actor(['leader'], '/r/p01/'), '/r/p01/d1/', 'u1')).toBe(false);
    expect(budgetPolicy.canDecideException(actor(['leader'], '/r/p48/'), '/r/p01/d1/', 'u2')).toBe(false);
    expect(budgetPolicy.canDecideException(actor(['province_officer'], '/r/p01/'), '/r/p01/d1/', 'u2')).toBe(false);
  });
});
