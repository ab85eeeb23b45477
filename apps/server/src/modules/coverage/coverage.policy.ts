import { inScope, type Actor } from '../../platform/actor.js';

/**
 * Guidance coverage is read like the dashboard: every signed-in role, for its own unit's subtree only. A unit outside
 * that subtree is "not found", so its existence does not leak.
 */
export const coveragePolicy = {
  canSeeUnit(actor: Actor, unitPath: string): boolean {
    return inScope(actor, unitPath);
  },
};
