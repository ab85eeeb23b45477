import { WORKING_ROLES } from '@loa/contracts';
import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** What decides who sees and changes a course: its organiser unit. */
export interface CourseTarget {
  orgUnitPath: string;
}

/**
 * A unit organises its courses (1191/BHXH-TT §V.2): officers see the courses organised in their subtree; the
 * working roles organise them, keep attendance and scores and issue certificates; leaders and viewers read.
 */
export const trainingPolicy = {
  canRead(actor: Actor, target: CourseTarget): boolean {
    return inScope(actor, target.orgUnitPath);
  },

  assertCanWrite(actor: Actor): void {
    if (!hasRole(actor, ...WORKING_ROLES)) throw forbidden();
  },

  canEdit(actor: Actor, target: CourseTarget): boolean {
    return hasRole(actor, ...WORKING_ROLES) && inScope(actor, target.orgUnitPath);
  },

  /** For a course the actor reads: one they may not change is forbidden. */
  assertCanEdit(actor: Actor, target: CourseTarget): void {
    if (!trainingPolicy.canEdit(actor, target)) throw forbidden();
  },
};
