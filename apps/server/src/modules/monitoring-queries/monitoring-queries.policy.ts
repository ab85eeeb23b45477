import { WORKING_ROLES } from '@loa/contracts';
import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** What decides who changes a saved query: the unit that owns it (and receives its alerts). */
export interface QueryTarget {
  orgUnitPath: string;
}

/**
 * Every signed-in user reads the saved queries (they are the agency's watch list); the working roles change those
 * owned in their subtree. The classifier's lexicon and training belong to administrators and the Communication
 * Center, who answer for the whole agency's monitoring.
 */
export const monitoringQueriesPolicy = {
  assertCanWrite(actor: Actor): void {
    if (!hasRole(actor, ...WORKING_ROLES)) throw forbidden();
  },

  canEdit(actor: Actor, target: QueryTarget): boolean {
    return hasRole(actor, ...WORKING_ROLES) && inScope(actor, target.orgUnitPath);
  },

  assertCanEdit(actor: Actor, target: QueryTarget): void {
    if (!monitoringQueriesPolicy.canEdit(actor, target)) throw forbidden();
  },

  canManageClassifier(actor: Actor): boolean {
    return hasRole(actor, 'admin', 'comms_center');
  },

  assertCanManageClassifier(actor: Actor): void {
    if (!monitoringQueriesPolicy.canManageClassifier(actor)) throw forbidden();
  },
};
