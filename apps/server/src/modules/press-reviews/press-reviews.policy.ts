import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** What decides who may work on an edition: the unit that compiles it. */
export interface EditionUnit {
  id: string;
  path: string;
}

/** Which drafts a caller sees in lists: those of units under `scopePath`, and those of the unit `unitId`. */
export interface DraftVisibility {
  scopePath: string | null;
  unitId: string | null;
}

/**
 * Editions (decision 0037). Editors — administrators and the Communication Center for units in their scope, province
 * officers and press offices for their own unit's edition — compile, edit and approve; leaders approve editions
 * in their scope. A draft is seen by those who may approve it; an approved edition by everyone signed in.
 */
export const pressReviewsPolicy = {
  /** Roles that may compile an edition at all. */
  assertCanCompile(actor: Actor): void {
    if (!hasRole(actor, 'admin', 'comms_center', 'province_officer', 'press_office')) throw forbidden();
  },

  canEdit(actor: Actor, unit: EditionUnit): boolean {
    if (hasRole(actor, 'admin', 'comms_center') && inScope(actor, unit.path)) return true;
    return hasRole(actor, 'province_officer', 'press_office') && actor.orgUnitId === unit.id;
  },

  canApprove(actor: Actor, unit: EditionUnit): boolean {
    return pressReviewsPolicy.canEdit(actor, unit) || (hasRole(actor, 'leader') && inScope(actor, unit.path));
  },

  /** Drafts only to those who may approve them; approved editions to every signed-in user. */
  canRead(actor: Actor, edition: EditionUnit & { status: string }): boolean {
    return edition.status === 'approved' || pressReviewsPolicy.canApprove(actor, edition);
  },

  /** The same rule as `canRead`, for a list filtered in SQL. */
  draftVisibility(actor: Actor): DraftVisibility {
    return {
      scopePath: hasRole(actor, 'admin', 'comms_center', 'leader') ? actor.scopePath : null,
      unitId: hasRole(actor, 'province_officer', 'press_office') ? actor.orgUnitId : null,
    };
  },

  /** For an edition the actor may read: one they may not change is forbidden, not hidden. */
  assertCanEdit(actor: Actor, unit: EditionUnit): void {
    if (!pressReviewsPolicy.canEdit(actor, unit)) throw forbidden();
  },

  assertCanApprove(actor: Actor, unit: EditionUnit): void {
    if (!pressReviewsPolicy.canApprove(actor, unit)) throw forbidden();
  },
};
