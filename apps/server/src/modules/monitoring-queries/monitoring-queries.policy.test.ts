import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { monitoringQueriesPolicy as policy } from './monitoring-queries.policy.js';

const actor = (roles: Actor['roles'], scopePath: string): Actor => ({
  userId: 'u',
  username: 'u',
  fullName: 'U',
  roles,
  orgUnitId: 'x',
  scopePath,
});

describe('monitoring queries policy', () => {
  it('lets the working roles edit queries owned in their subtree only', () => {
    expect(policy.canEdit(actor(['province_officer'], '/root/p01/'), { orgUnitPath: '/root/p01/d001/' })).toBe(true);
    expect(policy.canEdit(actor(['province_officer'], '/root/p01/'), { orgUnitPath: '/root/p48/' })).toBe(false);
    expect(policy.canEdit(actor(['viewer'], '/root/p01/'), { orgUnitPath: '/root/p01/' })).toBe(false);
    expect(policy.canEdit(actor(['leader'], '/root/'), { orgUnitPath: '/root/p01/' })).toBe(false);
    expect(() => policy.assertCanWrite(actor(['viewer'], '/root/'))).toThrow();
  });

  it('keeps the lexicon and training to administrators and the Communication Center', () => {
    expect(policy.canManageClassifier(actor(['comms_center'], '/root/tt/'))).toBe(true);
    expect(policy.canManageClassifier(actor(['admin'], '/root/'))).toBe(true);
    expect(policy.canManageClassifier(actor(['unit_officer'], '/root/thu/'))).toBe(false);
    expect(() => policy.assertCanManageClassifier(actor(['province_officer'], '/root/p01/'))).toThrow();
  });
});
