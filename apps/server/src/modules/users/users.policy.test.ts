import { ROLES, type TRole } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { usersPolicy } from './users.policy.js';

const SELF = 'a1000000-0000-4000-8000-000000000001';
const OTHER = 'a1000000-0000-4000-8000-000000000002';

const actorWith = (...roles: TRole[]): Actor => ({
  userId: SELF,
  username: 'qt.hanoi',
  fullName: 'Quản trị Hà Nội',
  roles,
  orgUnitId: 'p01',
  scopePath: '/root/p01/',
});

const errorCodeOf = (check: () => void): string | null => {
  try {
    check();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
};

describe('usersPolicy', () => {
  describe('assertCanRead', () => {
    it('lets administrators and leaders read users and nobody else', () => {
      const allowed = ROLES.filter((role) => errorCodeOf(() => usersPolicy.assertCanRead(actorWith(role))) === null);
      expect(allowed).toEqual(['admin', 'leader']);
    });

    it('refuses the others with access.forbidden', () => {
      expect(errorCodeOf(() => usersPolicy.assertCanRead(actorWith('province_officer')))).toBe('access.forbidden');
    });
  });

  describe('assertCanManage', () => {
    it('lets only administrators manage users', () => {
      const allowed = ROLES.filter((role) => errorCodeOf(() => usersPolicy.assertCanManage(actorWith(role))) === null);
      expect(allowed).toEqual(['admin']);
      expect(errorCodeOf(() => usersPolicy.assertCanManage(actorWith('leader')))).toBe('access.forbidden');
    });
  });

  describe('assertSelfChangeAllowed', () => {
    const admin = actorWith('admin');

    it('refuses an administrator disabling themselves', () => {
      expect(errorCodeOf(() => usersPolicy.assertSelfChangeAllowed(admin, SELF, { disabled: true }))).toBe(
        'user.cannot_change_self',
      );
    });

    it('refuses an administrator dropping their own admin role', () => {
      expect(errorCodeOf(() => usersPolicy.assertSelfChangeAllowed(admin, SELF, { roles: ['leader'] }))).toBe(
        'user.cannot_change_self',
      );
    });

    it('lets an administrator keep admin while adding roles, or re-enable themselves', () => {
      expect(errorCodeOf(() => usersPolicy.assertSelfChangeAllowed(admin, SELF, { roles: ['leader', 'admin'] }))).toBe(
        null,
      );
      expect(errorCodeOf(() => usersPolicy.assertSelfChangeAllowed(admin, SELF, { disabled: false }))).toBe(null);
      expect(errorCodeOf(() => usersPolicy.assertSelfChangeAllowed(admin, SELF, {}))).toBe(null);
    });

    it('lets an administrator disable another user or take their admin role', () => {
      expect(
        errorCodeOf(() => usersPolicy.assertSelfChangeAllowed(admin, OTHER, { disabled: true, roles: ['viewer'] })),
      ).toBe(null);
    });
  });
});
