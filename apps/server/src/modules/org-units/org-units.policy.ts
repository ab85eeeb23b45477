import { forbidden } from '../../platform/errors.js';
import { hasRole, type Actor } from '../../platform/actor.js';

/** Anyone signed in reads the org tree of their scope; only administrators change it. */
export const orgUnitsPolicy = {
  assertCanRead(_actor: Actor): void {},
  assertCanManage(actor: Actor): void {
    if (!hasRole(actor, 'admin')) throw forbidden();
  },
};
