import { WORKING_ROLES } from '@loa/contracts';
import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** What decides who sees and changes an agent: the unit that keeps it. */
export interface AgentTarget {
  orgUnitPath: string;
}

/**
 * The province (or district) office keeps the list of its agents current (1191/BHXH-TT §V.2): officers see the
 * agents kept in their subtree; the working roles change them, leaders and viewers read. Citizens see active
 * agents' public fields on the public page, which needs no policy.
 */
export const agentsPolicy = {
  canRead(actor: Actor, target: AgentTarget): boolean {
    return inScope(actor, target.orgUnitPath);
  },

  assertCanWrite(actor: Actor): void {
    if (!hasRole(actor, ...WORKING_ROLES)) throw forbidden();
  },

  canEdit(actor: Actor, target: AgentTarget): boolean {
    return hasRole(actor, ...WORKING_ROLES) && inScope(actor, target.orgUnitPath);
  },

  /** For an agent the actor reads: one they may not change is forbidden. */
  assertCanEdit(actor: Actor, target: AgentTarget): void {
    if (!agentsPolicy.canEdit(actor, target)) throw forbidden();
  },
};
