import { WORKING_ROLES } from '@loa/contracts';
import { hasRole, type Actor } from '../../platform/actor.js';
import { AppError, forbidden } from '../../platform/errors.js';

/**
 * Who appraises: an officer (a working role) of the asked unit itself — not of a unit above or below it, as the
 * opinion is the unit's own. The owner's side (request, withdraw, mark ready) follows the product's edit rights.
 */
export const appraisalsPolicy = {
  isOfficerOf(actor: Actor, unitId: string): boolean {
    return actor.orgUnitId === unitId && hasRole(actor, ...WORKING_ROLES);
  },

  assertCanSign(actor: Actor, unitId: string): void {
    if (!hasRole(actor, ...WORKING_ROLES)) throw forbidden();
    if (actor.orgUnitId !== unitId) throw new AppError('appraisal.not_requested_unit');
  },
};
