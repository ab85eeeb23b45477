import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/**
 * Restrictions follow the epidemic rule (1191/BHXH-TT §III "Lưu ý"): leaders and administrators declare them for
 * their scope, the Communication Center for any unit. Everyone reads the restrictions of their scope and those of
 * the units above them, which bind them too.
 */
export const restrictionsPolicy = {
  /** The subtree whose areas the actor may restrict and lift: the whole tree for the Communication Center. */
  writeScope(actor: Actor): string | null {
    if (hasRole(actor, 'comms_center')) return '/';
    if (hasRole(actor, 'admin', 'leader')) return actor.scopePath;
    return null;
  },

  assertCanWrite(actor: Actor): void {
    if (restrictionsPolicy.writeScope(actor) === null) throw forbidden();
  },

  canWrite(actor: Actor, areaPath: string): boolean {
    const scope = restrictionsPolicy.writeScope(actor);
    return scope !== null && areaPath.startsWith(scope);
  },

  /** A restriction of the actor's subtree, or of a unit above the actor (which binds them). */
  canRead(actor: Actor, areaPath: string): boolean {
    return hasRole(actor, 'comms_center') || inScope(actor, areaPath) || actor.scopePath.startsWith(areaPath);
  },
};
