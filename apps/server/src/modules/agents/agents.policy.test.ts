import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { agentsPolicy } from './agents.policy.js';

const actor = (roles: Actor['roles'], scopePath: string): Actor => ({
  userId: 'u',
  username: 'u',
  fullName: 'U',
  roles,
  orgUnitId: 'x',
  scopePath,
});
const hanoi = { orgUnitPath: '/root/p01/' };
const badinh = { orgUnitPath: '/root/p01/d001/' };

describe('agentsPolicy', () => {
  it('lets a province officer change the agents of the province and its districts', () => {
    const officer = actor(['province_officer'], '/root/p01/');
    expect(agentsPolicy.canEdit(officer, hanoi)).toBe(true);
    expect(agentsPolicy.canEdit(officer, badinh)).toBe(true);
  });

  it('keeps another province and the province level out of a district officer’s reach', () => {
    expect(agentsPolicy.canRead(actor(['province_officer'], '/root/p48/'), hanoi)).toBe(false);
    expect(agentsPolicy.canEdit(actor(['district_officer'], '/root/p01/d001/'), hanoi)).toBe(false);
    expect(agentsPolicy.canEdit(actor(['district_officer'], '/root/p01/d001/'), badinh)).toBe(true);
  });

  it('lets leaders and viewers read but not change', () => {
    const leader = actor(['leader'], '/root/');
    expect(agentsPolicy.canRead(leader, hanoi)).toBe(true);
    expect(agentsPolicy.canEdit(leader, hanoi)).toBe(false);
    expect(() => agentsPolicy.assertCanWrite(actor(['viewer'], '/root/'))).toThrow();
  });
});
