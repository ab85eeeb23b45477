import { WORKING_ROLES } from '@loa/contracts';
import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** What decides who sees and changes a proposal: the proposing unit and the person who proposed it. */
export interface ProposalTarget {
  ownerUnitPath: string;
  proposerId: string | null;
}

/**
 * Units propose, the Communication Center decides (§V.1.a–b). Officers of any unit propose for a unit of
 * their scope and edit or withdraw what their side proposed; the Communication Center's officers (role
 * comms_center in unit TT, `commsCenterPath`) see and decide every proposal; administrators decide within
 * their scope; leaders and viewers read their subtree.
 */
export const proposalsPolicy = {
  assertCanPropose(actor: Actor): void {
    if (!proposalsPolicy.mayPropose(actor)) throw forbidden();
  },

  mayPropose(actor: Actor): boolean {
    return hasRole(actor, ...WORKING_ROLES);
  },

  /** An officer of the Communication Center itself: the national inbox. */
  isCommsCenter(actor: Actor, commsCenterPath: string | null): boolean {
    return commsCenterPath !== null && hasRole(actor, 'comms_center') && actor.scopePath.startsWith(commsCenterPath);
  },

  canSee(actor: Actor, target: ProposalTarget, commsCenterPath: string | null): boolean {
    return (
      proposalsPolicy.isCommsCenter(actor, commsCenterPath) ||
      inScope(actor, target.ownerUnitPath) ||
      (actor.userId !== null && target.proposerId === actor.userId)
    );
  },

  /** The proposing side: the proposer, or an officer whose scope holds the proposing unit. */
  canEdit(actor: Actor, target: ProposalTarget): boolean {
    if (actor.userId !== null && target.proposerId === actor.userId) return true;
    return proposalsPolicy.mayPropose(actor) && inScope(actor, target.ownerUnitPath);
  },

  canDecide(actor: Actor, target: ProposalTarget, commsCenterPath: string | null): boolean {
    return (
      proposalsPolicy.isCommsCenter(actor, commsCenterPath) ||
      (hasRole(actor, 'admin') && inScope(actor, target.ownerUnitPath))
    );
  },

  assertCanEdit(actor: Actor, target: ProposalTarget): void {
    if (!proposalsPolicy.canEdit(actor, target)) throw forbidden();
  },

  assertCanDecide(actor: Actor, target: ProposalTarget, commsCenterPath: string | null): void {
    if (!proposalsPolicy.canDecide(actor, target, commsCenterPath)) throw forbidden();
  },
};
