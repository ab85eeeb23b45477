import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** What decides who may change or remove a share: who recorded it and the unit they were in. */
export interface ShareTarget {
  userId: string;
  unitPath: string;
}

/**
 * Every officer may share the agency's published products from their personal accounts (§III.4); read-only
 * accounts (viewers) are not staff doing the work and record none. A share is its officer's own statement: only
 * they change it; they, or a leader or administrator of the unit they were in, may delete a wrong one.
 * Leaderboards are read within the actor's subtree; the Communication Center, which drives the campaigns
 * nationwide, reads every unit's.
 */
export const sharingPolicy = {
  mayShare(actor: Actor): boolean {
    return (
      actor.userId !== null &&
      hasRole(
        actor,
        'admin',
        'leader',
        'comms_center',
        'unit_officer',
        'press_office',
        'province_officer',
        'district_officer',
      )
    );
  },

  assertCanShare(actor: Actor): void {
    if (!sharingPolicy.mayShare(actor)) throw forbidden();
  },

  canEdit(actor: Actor, share: ShareTarget): boolean {
    return actor.userId !== null && share.userId === actor.userId;
  },

  canDelete(actor: Actor, share: ShareTarget): boolean {
    return sharingPolicy.canEdit(actor, share) || (hasRole(actor, 'admin', 'leader') && inScope(actor, share.unitPath));
  },

  /** Where the actor reads leaderboards: their subtree, or the whole tree for the Communication Center. */
  leaderboardScopePath(actor: Actor): string {
    return hasRole(actor, 'comms_center') ? '/' : actor.scopePath;
  },

  canReadLeaderboard(actor: Actor, unitPath: string): boolean {
    return unitPath.startsWith(sharingPolicy.leaderboardScopePath(actor));
  },
};
