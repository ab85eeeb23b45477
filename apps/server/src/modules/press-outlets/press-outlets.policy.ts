import { WORKING_ROLES } from '@loa/contracts';
import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** What decides who sees and changes an outlet and its contacts: the unit that keeps the outlet. */
export interface OutletTarget {
  orgUnitPath: string;
}

/**
 * The Communication Center keeps the national media list, each province office its own (1191/BHXH-TT §V.1.a/b):
 * officers see the outlets kept in their subtree; the working roles change them, leaders and viewers read.
 */
export const pressOutletsPolicy = {
  canRead(actor: Actor, target: OutletTarget): boolean {
    return inScope(actor, target.orgUnitPath);
  },

  assertCanWrite(actor: Actor): void {
    if (!hasRole(actor, ...WORKING_ROLES)) throw forbidden();
  },

  canEdit(actor: Actor, target: OutletTarget): boolean {
    return hasRole(actor, ...WORKING_ROLES) && inScope(actor, target.orgUnitPath);
  },

  assertCanEdit(actor: Actor, target: OutletTarget): void {
    if (!pressOutletsPolicy.canEdit(actor, target)) throw forbidden();
  },
};
