import { WORKING_ROLES } from '@loa/contracts';
import { forbidden } from '../../platform/errors.js';
import { hasRole, type Actor } from '../../platform/actor.js';

/**
 * Monitoring reads the whole press: everyone signed in searches and reads articles and keeps their own saved views.
 * Correcting a classification is triage work: the working roles do it (issue 12 §6), leaders and viewers read.
 */
export const monitoringArticlesPolicy = {
  assertCanRead(_actor: Actor): void {},

  canCorrect(actor: Actor): boolean {
    return hasRole(actor, ...WORKING_ROLES);
  },

  assertCanCorrect(actor: Actor): void {
    if (!monitoringArticlesPolicy.canCorrect(actor)) throw forbidden();
  },

  /** A saved view belongs to a person; the system itself keeps none. */
  assertCanKeepViews(actor: Actor): void {
    if (!actor.userId) throw forbidden();
  },
};
