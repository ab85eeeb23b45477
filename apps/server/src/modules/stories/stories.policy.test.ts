import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { storiesPolicy } from './stories.policy.js';

const actor = (roles: Actor['roles'], scopePath: string): Actor => ({
  userId: 'u',
  username: 'u',
  fullName: 'U',
  roles,
  orgUnitId: 'x',
  scopePath,
});
const hanoi = actor(['province_officer'], '/root/p01/');
const leader = actor(['leader'], '/root/p01/');

describe('storiesPolicy', () => {
  it('shares usable stories with the whole agency and keeps drafts in the subtree', () => {
    expect(storiesPolicy.canRead(hanoi, { orgUnitPath: '/root/p48/', status: 'usable' })).toBe(true);
    expect(storiesPolicy.canRead(hanoi, { orgUnitPath: '/root/p48/', status: 'draft' })).toBe(false);
    expect(storiesPolicy.canRead(hanoi, { orgUnitPath: '/root/p48/', status: 'archived' })).toBe(false);
    expect(storiesPolicy.canRead(hanoi, { orgUnitPath: '/root/p01/d001/', status: 'draft' })).toBe(true);
  });

  it('lets working roles edit only the stories their subtree keeps', () => {
    expect(storiesPolicy.canEdit(hanoi, { orgUnitPath: '/root/p01/d001/', status: 'usable' })).toBe(true);
    expect(storiesPolicy.canEdit(hanoi, { orgUnitPath: '/root/p48/', status: 'usable' })).toBe(false);
    expect(storiesPolicy.canEdit(leader, { orgUnitPath: '/root/p01/', status: 'draft' })).toBe(false);
    expect(() => storiesPolicy.assertCanWrite(leader)).toThrow();
  });
});
