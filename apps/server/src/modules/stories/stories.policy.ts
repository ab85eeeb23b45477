import { WORKING_ROLES } from '@loa/contracts';
import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** What decides who sees and changes a story: the unit that keeps it and its status. */
export interface StoryTarget {
  orgUnitPath: string;
  status: string;
}

/**
 * Usable stories are shared examples: everyone signed in reads them, across the agency. Drafts and archived
 * stories are seen only within the keeping unit's subtree. The working roles write the stories their
 * subtree keeps; leaders and viewers read.
 */
export const storiesPolicy = {
  canRead(actor: Actor, target: StoryTarget): boolean {
    return target.status === 'usable' || inScope(actor, target.orgUnitPath);
  },

  assertCanWrite(actor: Actor): void {
    if (!hasRole(actor, ...WORKING_ROLES)) throw forbidden();
  },

  canEdit(actor: Actor, target: StoryTarget): boolean {
    return hasRole(actor, ...WORKING_ROLES) && inScope(actor, target.orgUnitPath);
  },

  /** For a story the actor reads: one they may not change is forbidden, not hidden. */
  assertCanEdit(actor: Actor, target: StoryTarget): void {
    if (!storiesPolicy.canEdit(actor, target)) throw forbidden();
  },
};
