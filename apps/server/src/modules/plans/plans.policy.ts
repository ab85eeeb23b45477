import { WORKING_ROLES, type TRole } from '@loa/contracts';
import { AppError, forbidden } from '../../platform/errors.js';
import { hasRole, type Actor } from '../../platform/actor.js';

/** What decides who may act on a plan: its unit, whether that unit is the root, and who submitted it. */
export interface PlanTarget {
  orgUnitId: string;
  orgUnitPath: string;
  /** The plan of BHXH Việt Nam itself (the root of the tree). */
  isRoot: boolean;
  submittedBy: string | null;
}

/** Roles that prepare plans and their targets; leaders and viewers read them. */
const WRITERS: readonly TRole[] = WORKING_ROLES;

/**
 * Plans follow the org tree. Everyone reads the plans of their subtree; the Communication Center, which
 * coordinates the sector's plan (§V.1.b), reads and prepares every unit's. A unit's own people submit its plan
 * (the Communication Center submits the root's). A leader of a unit above approves or returns it, or the
 * Communication Center for any unit but itself; the root's plan is approved by a leader of the root (the
 * agency's leadership). Nobody reviews a plan they submitted themselves.
 */
export const plansPolicy = {
  /** The top of the tree the actor plans in: the whole tree for the Communication Center. */
  scopePath(actor: Actor): string {
    return hasRole(actor, 'comms_center') ? '/' : actor.scopePath;
  },

  canRead(actor: Actor, unitPath: string): boolean {
    return unitPath.startsWith(plansPolicy.scopePath(actor));
  },

  /** Roles that prepare plans at all (their scope is checked per plan). */
  assertCanPrepare(actor: Actor): void {
    if (!hasRole(actor, ...WRITERS)) throw forbidden();
  },

  /** Creating, changing and deleting a unit's plan (the status decides the rest). */
  canWrite(actor: Actor, unitPath: string): boolean {
    return hasRole(actor, ...WRITERS) && plansPolicy.canRead(actor, unitPath);
  },

  assertCanWrite(actor: Actor, unitPath: string): void {
    if (!plansPolicy.canWrite(actor, unitPath)) throw forbidden();
  },

  canSubmit(actor: Actor, plan: PlanTarget): boolean {
    if (!plansPolicy.canRead(actor, plan.orgUnitPath)) return false;
    if (hasRole(actor, 'admin')) return true;
    if (plan.isRoot && hasRole(actor, 'comms_center')) return true;
    return actor.orgUnitId === plan.orgUnitId && hasRole(actor, ...WRITERS, 'leader');
  },

  assertCanSubmit(actor: Actor, plan: PlanTarget): void {
    if (!plansPolicy.canSubmit(actor, plan)) throw forbidden();
  },

  /** Holding the right role and place to approve or return the plan (whoever submitted it). */
  isReviewer(actor: Actor, plan: PlanTarget): boolean {
    const ownUnit = actor.orgUnitId === plan.orgUnitId;
    if (plan.isRoot) return hasRole(actor, 'leader') && ownUnit;
    if (ownUnit) return false;
    if (hasRole(actor, 'comms_center')) return true;
    return hasRole(actor, 'leader') && plan.orgUnitPath.startsWith(actor.scopePath);
  },

  canReview(actor: Actor, plan: PlanTarget): boolean {
    return plansPolicy.isReviewer(actor, plan) && (actor.userId === null || actor.userId !== plan.submittedBy);
  },

  /** A reviewer who submitted the plan themselves is told so; anyone else is simply not allowed. */
  assertCanReview(actor: Actor, plan: PlanTarget): void {
    if (!plansPolicy.isReviewer(actor, plan)) throw forbidden();
    if (!plansPolicy.canReview(actor, plan)) throw new AppError('plan.self_review');
  },
};
