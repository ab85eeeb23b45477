import { forbidden } from '../../platform/errors.js';
import { hasRole, type Actor } from '../../platform/actor.js';

/** Administrators and leaders read the audit log of their scope. */
export const auditPolicy = {
  assertCanRead(actor: Actor): void {
    if (!hasRole(actor, 'admin', 'leader')) throw forbidden();
  },
  /** Events tied to no unit (system events) are for those whose scope is the whole tree. */
  seesUnscoped(actor: Actor): boolean {
    return actor.scopePath.split('/').filter(Boolean).length <= 1;
  },
};
