import { forbidden } from '../../platform/errors.js';
import { hasRole, type Actor } from '../../platform/actor.js';

/** Everyone reads the guidance; administrators and the Communication Center edit it and open new years. */
export const guidancePolicy = {
  assertCanRead(_actor: Actor): void {},
  assertCanEdit(actor: Actor): void {
    if (!hasRole(actor, 'admin', 'comms_center')) throw forbidden();
  },
};
