import { inScope, type Actor } from '../../platform/actor.js';

/**
 * The dashboard is for looking: every signed-in role reads it (leaders above all), for its own unit's subtree only.
 * A unit outside that subtree is "not found", so its existence does not leak.
 */
export const dashboardPolicy = {
  assertCanRead(_actor: Actor): void {},

  canSeeUnit(actor: Actor, unitPath: string): boolean {
    return inScope(actor, unitPath);
  },
};
