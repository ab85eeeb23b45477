import { hasRole, inScope, type Actor } from '../../platform/actor.js';
import { forbidden } from '../../platform/errors.js';

/** What decides who sees an edition and its deliveries: its status and the unit that compiles it. */
export interface EditionTarget {
  status: 'draft' | 'approved';
  unitId: string;
  unitPath: string;
}

/** What decides who may change a subscription: whose it is and whose editions it receives. */
export interface SubscriptionTarget {
  userId: string;
  /** The subscriber's unit path. */
  userPath: string;
  sourceUnit: { id: string; path: string; kind: string };
  /** The source is the Communication Center (the agency-wide edition). */
  sourceIsCentre: boolean;
}

/** Who sees all subscriptions of a subtree: the Communication Center everywhere, others their own scope. */
function managedPath(actor: Actor): string | null {
  if (hasRole(actor, 'comms_center')) return '/';
  if (hasRole(actor, 'admin', 'province_officer')) return actor.scopePath;
  return null;
}

/**
 * Editions are the press-reviews module's: its editors (administrators and the Communication Center in scope of the
 * edition's unit, a province's officers and press office for their own unit's edition) and approvers (the same, and
 * leaders in scope) see drafts; every signed-in user reads approved editions. Delivery mirrors those rules.
 * Subscriptions: managers (administrators in their scope, the Communication Center everywhere) manage anyone's; a
 * province officer those of the province's users to the province's own edition; everyone their own.
 */
export const reviewDeliveryPolicy = {
  canEditEdition(actor: Actor, edition: EditionTarget): boolean {
    if (hasRole(actor, 'admin', 'comms_center') && inScope(actor, edition.unitPath)) return true;
    return hasRole(actor, 'province_officer', 'press_office') && actor.orgUnitId === edition.unitId;
  },

  canApproveEdition(actor: Actor, edition: EditionTarget): boolean {
    return (
      reviewDeliveryPolicy.canEditEdition(actor, edition) ||
      (hasRole(actor, 'leader') && inScope(actor, edition.unitPath))
    );
  },

  /** Approved editions are everyone's; a draft only its editors' and approvers'. */
  canSeeEdition(actor: Actor, edition: EditionTarget): boolean {
    return edition.status === 'approved' || reviewDeliveryPolicy.canApproveEdition(actor, edition);
  },

  /** Every recipient's delivery status: the edition's editors and approvers; others see only their own. */
  canSeeAllDeliveries(actor: Actor, edition: EditionTarget): boolean {
    return reviewDeliveryPolicy.canApproveEdition(actor, edition);
  },

  /** Retrying a failed or held delivery: the edition's editors. */
  assertCanRetry(actor: Actor, edition: EditionTarget): void {
    if (!reviewDeliveryPolicy.canEditEdition(actor, edition)) throw forbidden();
  },

  /** Whose subscriptions the actor may write, to pick from: a subtree's users, or (null) only themselves. */
  peopleScope(actor: Actor): string | null {
    return managedPath(actor);
  },

  /** Which subscriptions the actor may list: those of a subtree's users, and their own. */
  listScope(actor: Actor): { unitPath: string | null; userId: string | null } {
    return { unitPath: managedPath(actor), userId: actor.userId };
  },

  canSeeSubscription(actor: Actor, target: Pick<SubscriptionTarget, 'userId' | 'userPath'>): boolean {
    const path = managedPath(actor);
    return target.userId === actor.userId || (path !== null && target.userPath.startsWith(path));
  },

  /** The field that puts a subscription out of the actor's reach, or null when they may write it. */
  writeProblem(actor: Actor, target: SubscriptionTarget): 'userId' | 'sourceUnitId' | null {
    if (hasRole(actor, 'comms_center')) return null;
    if (hasRole(actor, 'admin') && inScope(actor, target.userPath)) return null;
    const own = target.userId === actor.userId;
    // Anyone may receive the agency-wide edition, or their own province's.
    if (own && (target.sourceIsCentre || target.userPath.startsWith(target.sourceUnit.path))) return null;
    if (hasRole(actor, 'province_officer') && inScope(actor, target.userPath)) {
      return target.sourceUnit.id === actor.orgUnitId ? null : 'sourceUnitId';
    }
    return own ? 'sourceUnitId' : 'userId';
  },

  /** For an existing subscription: one the actor sees but may not change is forbidden, not hidden. */
  assertCanWrite(actor: Actor, target: SubscriptionTarget): void {
    if (reviewDeliveryPolicy.writeProblem(actor, target) !== null) throw forbidden();
  },

  /** Provinces the actor may name in a subscription lie under this path. */
  provinceScope(actor: Actor): string {
    return hasRole(actor, 'comms_center') ? '/' : actor.scopePath;
  },
};
