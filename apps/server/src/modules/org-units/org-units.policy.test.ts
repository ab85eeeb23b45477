import { ROLES, type TRole } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { orgUnitsPolicy } from './org-units.policy.js';

const actorWith = (...roles: TRole[]): Actor => ({
  userId: 'a1000000-0000-4000-8000-000000000001',
  username: 'someone',
  fullName: 'Người dùng',
  roles,
  orgUnitId: 'p01',
  scopePath: '/root/p01/',
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

describe('orgUnitsPolicy', () => {
  describe('assertCanRead', () => {
    it('lets every role read the org tree of its scope', () => {
      expect(ROLES.filter((role) => allows(() => orgUnitsPolicy.assertCanRead(actorWith(role))))).toEqual([...ROLES]);
    });
  });

  describe('assertCanManage', () => {
    it('lets only administrators change the tree', () => {
      expect(ROLES.filter((role) => allows(() => orgUnitsPolicy.assertCanManage(actorWith(role))))).toEqual(['admin']);
    });

    it('lets a user holding admin among other roles change the tree', () => {
      expect(allows(() => orgUnitsPolicy.assertCanManage(actorWith('viewer', 'admin')))).toBe(true);
    });
  });
});
