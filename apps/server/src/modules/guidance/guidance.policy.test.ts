import { ROLES, type TRole } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { guidancePolicy } from './guidance.policy.js';

const actorWith = (...roles: TRole[]): Actor => ({
  userId: 'a1000000-0000-4000-8000-000000000001',
  username: 'someone',
  fullName: 'Người dùng',
  roles,
  orgUnitId: 'tt',
  scopePath: '/root/tt/',
});

const allows = (check: () => void): boolean => {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'access.forbidden') return false;
    throw error;
  }
};

describe('guidancePolicy', () => {
  describe('assertCanRead', () => {
    it('lets every role read the guidance', () => {
      expect(ROLES.filter((role) => allows(() => guidancePolicy.assertCanRead(actorWith(role))))).toEqual([...ROLES]);
    });
  });

  describe('assertCanEdit', () => {
    it('lets administrators and the Communication Center edit and open years, and nobody else', () => {
      expect(ROLES.filter((role) => allows(() => guidancePolicy.assertCanEdit(actorWith(role))))).toEqual([
        'admin',
        'comms_center',
      ]);
    });
  });
});
