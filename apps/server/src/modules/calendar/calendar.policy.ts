import { WORKING_ROLES } from '@loa/contracts';
import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** What decides who sees and changes an item: its owner unit, and whom it is assigned to. */
export interface ItemTarget {
  ownerUnitPath: string;
  assigneeId: string | null;
}

/**
 * The editorial calendar is planned by the communication roles within their own subtree; leaders and viewers
 * read it. A user sees items owned in their scope and items assigned to them; someone who sees an item only
 * because it is assigned to them may move its status along, nothing else.
 */
export const calendarPolicy = {
  assertCanRead(_actor: Actor): void {},

  /** Roles that put items on the calendar (and import them). */
  assertCanPlan(actor: Actor): void {
    if (!calendarPolicy.plans(actor)) throw forbidden();
  },

  plans(actor: Actor): boolean {
    return hasRole(actor, ...WORKING_ROLES);
  },

  /**
   * Where the actor reads the calendar: their subtree, or — for the Communication Center, which coordinates the
   * country's communication and puts accepted proposals of every unit on it — the whole tree (read only).
   */
  readScopePath(actor: Actor): string {
    return hasRole(actor, 'comms_center') ? '/' : actor.scopePath;
  },

  canSee(actor: Actor, item: ItemTarget): boolean {
    return (
      item.ownerUnitPath.startsWith(calendarPolicy.readScopePath(actor)) ||
      (actor.userId !== null && item.assigneeId === actor.userId)
    );
  },

  /** Change anything of the item, delete it. */
  canEdit(actor: Actor, item: ItemTarget): boolean {
    return calendarPolicy.plans(actor) && inScope(actor, item.ownerUnitPath);
  },

  /** Change only its status: the assignee, who may work outside the owner's scope. */
  canChangeStatus(actor: Actor, item: ItemTarget): boolean {
    return calendarPolicy.canEdit(actor, item) || (actor.userId !== null && item.assigneeId === actor.userId);
  },

  /** A personal iCalendar feed: anyone signed in as a user (not the system). */
  assertCanHaveFeed(actor: Actor): void {
    if (actor.userId === null) throw forbidden();
  },
};
