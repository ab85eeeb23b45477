import { WORKING_ROLES } from '@loa/contracts';
import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** What decides who sees and changes a contract: its signing unit. */
export interface ContractTarget {
  orgUnitPath: string;
}

/**
 * A contract belongs to the unit that signed it (1191/BHXH-TT §V.1.b): everyone whose scope holds that unit reads it
 * (the signing unit, its parents up to the root, leaders and viewers included); the working roles in that scope
 * change it, record deliveries, acceptances and payments. A sibling unit — a province beside the Communication
 * Center — does not see it, even when the outlet is on the national list.
 */
export const pressContractsPolicy = {
  canRead(actor: Actor, target: ContractTarget): boolean {
    return inScope(actor, target.orgUnitPath);
  },

  assertCanWrite(actor: Actor): void {
    if (!hasRole(actor, ...WORKING_ROLES)) throw forbidden();
  },

  canEdit(actor: Actor, target: ContractTarget): boolean {
    return hasRole(actor, ...WORKING_ROLES) && inScope(actor, target.orgUnitPath);
  },

  assertCanEdit(actor: Actor, target: ContractTarget): void {
    if (!pressContractsPolicy.canEdit(actor, target)) throw forbidden();
  },
};
