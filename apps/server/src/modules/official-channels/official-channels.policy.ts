import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** What decides who changes an entry: the unit whose channel it is. */
export interface ChannelTarget {
  orgUnitPath: string;
}

/**
 * The Communication Center keeps the agency's list of official channels and of the fakes it warned about
 * (1191/BHXH-TT: it runs the agency's portals and pages), so its officers change every entry; administrators change
 * the entries of their subtree (a province's own page, say). Every signed-in user reads the whole registry: it is
 * what citizens are told anyway.
 */
export const officialChannelsPolicy = {
  canEdit(actor: Actor, target: ChannelTarget): boolean {
    return hasRole(actor, 'comms_center') || (hasRole(actor, 'admin') && inScope(actor, target.orgUnitPath));
  },

  assertCanWrite(actor: Actor): void {
    if (!hasRole(actor, 'admin', 'comms_center')) throw forbidden();
  },

  assertCanEdit(actor: Actor, target: ChannelTarget): void {
    if (!officialChannelsPolicy.canEdit(actor, target)) throw forbidden();
  },
};
