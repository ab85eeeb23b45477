import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** What decides who may write a document: the unit it belongs to and its drafting unit. */
export interface RegulationTarget {
  orgUnitPath: string;
  draftingUnitId: string | null;
}

/** What decides who sees a task: its owner unit, and whom it is assigned to. */
export interface TaskTarget {
  ownerUnitPath: string;
  assigneeUserId: string | null;
}

const segments = (path: string) => path.split('/').filter(Boolean);
/** National documents belong to the root of the tree (BHXH Việt Nam). */
const isNational = (orgUnitPath: string) => segments(orgUnitPath).length === 1;

/**
 * Regulations are national guidance: everyone signed in reads them. Administrators write those of their
 * scope; the Communication Center writes national ones; a central unit officer writes national ones their
 * own unit drafts; a province officer writes the province's own local documents. Tasks are scoped by
 * owner unit: a user sees those owned in their subtree or assigned to them.
 */
export const regulationsPolicy = {
  assertCanRead(_actor: Actor): void {},

  /** Roles that may register documents at all. */
  assertCanRegister(actor: Actor): void {
    if (!hasRole(actor, 'admin', 'comms_center', 'unit_officer', 'province_officer')) throw forbidden();
  },

  /** The field that puts a document out of the actor's reach (to report as a 400), or null when they may write it. */
  writeProblem(actor: Actor, target: RegulationTarget): 'orgUnitId' | 'draftingUnitId' | null {
    const national = isNational(target.orgUnitPath);
    if (hasRole(actor, 'admin', 'province_officer') && inScope(actor, target.orgUnitPath)) return null;
    if (hasRole(actor, 'comms_center') && (national || inScope(actor, target.orgUnitPath))) return null;
    if (hasRole(actor, 'unit_officer') && national) {
      return target.draftingUnitId !== null && target.draftingUnitId === actor.orgUnitId ? null : 'draftingUnitId';
    }
    return 'orgUnitId';
  },

  canEdit(actor: Actor, target: RegulationTarget): boolean {
    return regulationsPolicy.writeProblem(actor, target) === null;
  },

  /** For an existing document: one the actor may read but not change is forbidden, not hidden. */
  assertCanEdit(actor: Actor, target: RegulationTarget): void {
    if (!regulationsPolicy.canEdit(actor, target)) throw forbidden();
  },

  /** Where a new document belongs when the request does not say: the root for central roles, else the actor's unit. */
  defaultOwningUnitId(actor: Actor): string | null {
    const path = segments(actor.scopePath);
    if (path.length === 1 || hasRole(actor, 'comms_center', 'unit_officer')) return path[0] ?? null;
    return actor.orgUnitId;
  },

  /** A central unit officer registers documents their own unit drafts. */
  defaultDraftingUnitId(actor: Actor): string | null {
    return hasRole(actor, 'unit_officer') ? actor.orgUnitId : null;
  },

  /** Roles that plan communication tasks (generate, add). */
  assertCanPlanTasks(actor: Actor): void {
    if (!hasRole(actor, 'admin', 'comms_center', 'unit_officer', 'province_officer')) throw forbidden();
  },

  /** Roles that work on tasks (status, owner, assignee, due date); leaders and viewers only read. */
  assertCanWorkOnTasks(actor: Actor): void {
    if (
      !hasRole(actor, 'admin', 'comms_center', 'unit_officer', 'press_office', 'province_officer', 'district_officer')
    )
      throw forbidden();
  },

  canSeeTask(actor: Actor, task: TaskTarget): boolean {
    return inScope(actor, task.ownerUnitPath) || (actor.userId !== null && task.assigneeUserId === actor.userId);
  },

  /** The "before, during, after" template is the agency's: administrators and the Communication Center edit it. */
  assertCanEditTemplate(actor: Actor): void {
    if (!hasRole(actor, 'admin', 'comms_center')) throw forbidden();
  },
};
