import { forbidden } from '../../platform/errors.js';
import { hasRole, type Actor } from '../../platform/actor.js';

/** Every signed-in user has an inbox and preferences of their own; administrators watch the outbox of their scope. */
export const notificationsPolicy = {
  /** The inbox owner: the acting user (the system actor has no inbox). */
  inboxOwner(actor: Actor): string {
    if (!actor.userId) throw forbidden();
    return actor.userId;
  },
  assertCanManageOutbox(actor: Actor): void {
    if (!hasRole(actor, 'admin')) throw forbidden();
  },
};
