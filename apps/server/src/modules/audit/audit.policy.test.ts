import { ROLES, type TRole } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { auditPolicy } from './audit.policy.js';

const ROOT = '/a0000000-0000-4000-8000-000000000000/';
const HA_NOI = `${ROOT}b0000000-0000-4000-8000-000000000001/`;

const actorAt = (scopePath: string, ...roles: TRole[]): Actor => ({
  userId: 'a1000000-0000-4000-8000-000000000001',
  username: 'someone',
  fullName: 'Người dùng',
  roles,
  orgUnitId: null,
  scopePath,
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

describe('auditPolicy', () => {
  describe('assertCanRead', () => {
    it('lets administrators and leaders read the audit log and nobody else', () => {
      expect(ROLES.filter((role) => allows(() => auditPolicy.assertCanRead(actorAt(ROOT, role))))).toEqual([
        'admin',
        'leader',
      ]);
    });
  });

  describe('seesUnscoped', () => {
    it('shows events tied to no unit to those whose scope is the whole tree', () => {
      expect(auditPolicy.seesUnscoped(actorAt(ROOT, 'admin'))).toBe(true);
      expect(auditPolicy.seesUnscoped(actorAt('/', 'admin'))).toBe(true);
    });

    it('hides them from those whose scope is a subtree', () => {
      expect(auditPolicy.seesUnscoped(actorAt(HA_NOI, 'admin'))).toBe(false);
    });
  });
});
