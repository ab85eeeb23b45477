import { WORKING_ROLES } from '@loa/contracts';
import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** What decides who sees and handles a case: the owning unit and the supporting units. */
export interface IncidentTarget {
  owningUnitPath: string;
  supportingUnitPaths: readonly string[];
}

/**
 * A case is seen by the users in scope of its owning unit or of a supporting unit (so also by the leaders above
 * them), and by the Communication Center, which handles media incidents for the whole agency (PRODUCT.md). The
 * working roles in scope of the owning unit (and the Center) change it; those of a supporting unit also record
 * actions on it. Deadline settings belong to administrators.
 */
export const incidentsPolicy = {
  /** Where the actor reads cases: their subtree, or every unit for the Communication Center. */
  readScopePath(actor: Actor): string {
    return hasRole(actor, 'comms_center') ? '/' : actor.scopePath;
  },

  canSee(actor: Actor, target: IncidentTarget): boolean {
    const scope = incidentsPolicy.readScopePath(actor);
    return [target.owningUnitPath, ...target.supportingUnitPaths].some((path) => path.startsWith(scope));
  },

  mayWrite(actor: Actor): boolean {
    return hasRole(actor, ...WORKING_ROLES);
  },

  assertCanWrite(actor: Actor): void {
    if (!incidentsPolicy.mayWrite(actor)) throw forbidden();
  },

  /** Whether the actor may own a case in this unit (open one there, or hand a case to it). */
  canOwnIn(actor: Actor, unitPath: string): boolean {
    return incidentsPolicy.mayWrite(actor) && (hasRole(actor, 'comms_center') || inScope(actor, unitPath));
  },

  canEdit(actor: Actor, target: IncidentTarget): boolean {
    return incidentsPolicy.canOwnIn(actor, target.owningUnitPath);
  },

  assertCanEdit(actor: Actor, target: IncidentTarget): void {
    if (!incidentsPolicy.canEdit(actor, target)) throw forbidden();
  },

  canAddActions(actor: Actor, target: IncidentTarget): boolean {
    return (
      incidentsPolicy.canEdit(actor, target) ||
      (incidentsPolicy.mayWrite(actor) && target.supportingUnitPaths.some((path) => inScope(actor, path)))
    );
  },

  assertCanAddActions(actor: Actor, target: IncidentTarget): void {
    if (!incidentsPolicy.canAddActions(actor, target)) throw forbidden();
  },

  assertCanManageSettings(actor: Actor): void {
    if (!hasRole(actor, 'admin')) throw forbidden();
  },
};
