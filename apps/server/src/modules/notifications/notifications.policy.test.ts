import { ROLES, type TRole } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { notificationsPolicy } from './notifications.policy.js';

const USER = 'a1000000-0000-4000-8000-000000000001';
const actorWith = (...roles: TRole[]): Actor => ({
  userId: USER,
  username: 'nv.hanoi',
  fullName: 'Nhân viên Hà Nội',
  roles,
  orgUnitId: 'p01',
  scopePath: '/root/p01/',
});

const errorCodeOf = (check: () => unknown): string | null => {
  try {
    check();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
};

describe('notificationsPolicy', () => {
  describe('inboxOwner', () => {
    it('gives every signed-in user, whatever their role, their own inbox', () => {
      for (const role of ROLES) expect(notificationsPolicy.inboxOwner(actorWith(role))).toBe(USER);
    });

    it('refuses the system actor, which has no inbox', () => {
      expect(errorCodeOf(() => notificationsPolicy.inboxOwner(SYSTEM_ACTOR))).toBe('access.forbidden');
    });
  });

  describe('assertCanManageOutbox', () => {
    it('lets only administrators see and retry outgoing e-mails', () => {
      const allowed = ROLES.filter(
        (role) => errorCodeOf(() => notificationsPolicy.assertCanManageOutbox(actorWith(role))) === null,
      );
      expect(allowed).toEqual(['admin']);
    });
  });
});
