import { AppError, forbidden } from '../../platform/errors.js';
import { hasRole, type Actor } from '../../platform/actor.js';
import type { TRole } from '@loa/contracts';

/** Administrators manage the users of their subtree; leaders read them. */
export const usersPolicy = {
  assertCanRead(actor: Actor): void {
    if (!hasRole(actor, 'admin', 'leader')) throw forbidden();
  },
  assertCanManage(actor: Actor): void {
    if (!hasRole(actor, 'admin')) throw forbidden();
  },
  /** An administrator may not lock themselves out: no self-disable, no dropping their own admin role. */
  assertSelfChangeAllowed(actor: Actor, userId: string, change: { disabled?: boolean; roles?: TRole[] }): void {
    if (actor.userId !== userId) return;
    if (change.disabled === true || (change.roles && !change.roles.includes('admin'))) {
      throw new AppError('user.cannot_change_self');
    }
  },
};
