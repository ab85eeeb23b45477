import { inScope, type Actor } from '../../platform/actor.js';

/**
 * Plan versus actual is for looking, like the dashboard: every signed-in role reads it for its own unit's subtree.
 * A unit outside that subtree is "not found", so its existence does not leak.
 */
export const planActualPolicy = {
  canSeeUnit(actor: Actor, unitPath: string): boolean {
    return inScope(actor, unitPath);
  },
};
