import { WORKING_ROLES } from '@loa/contracts';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';
import { forbidden } from '../../platform/errors.js';

/** What decides who sees and handles an alert, and who changes a rule: the unit it belongs to. */
export interface UnitTarget {
  orgUnitPath: string;
}

/**
 * Alerts are a unit's work: a user sees those of units in their subtree, and the working roles handle them
 * (acknowledge, dismiss, reopen); leaders and viewers read. Rules are the agency's watch list: every signed-in user
 * reads them; administrators and the Communication Center, who answer for the agency's monitoring, manage every rule
 * and alone may route alerts to the articles' owning units (central units outside a province's reach); the other
 * working roles manage the rules of units in their subtree.
 */
export const monitoringAlertsPolicy = {
  canSee(actor: Actor, alert: UnitTarget): boolean {
    return inScope(actor, alert.orgUnitPath);
  },

  canHandle(actor: Actor, alert: UnitTarget): boolean {
    return hasRole(actor, ...WORKING_ROLES) && inScope(actor, alert.orgUnitPath);
  },

  /** For an alert the actor sees: one they may not handle is forbidden, not hidden. */
  assertCanHandle(actor: Actor, alert: UnitTarget): void {
    if (!monitoringAlertsPolicy.canHandle(actor, alert)) throw forbidden();
  },

  /** Administrators and the Communication Center: every rule, any unit, routing to owning units. */
  managesAllRules(actor: Actor): boolean {
    return hasRole(actor, 'admin', 'comms_center');
  },

  assertCanWriteRules(actor: Actor): void {
    if (!hasRole(actor, ...WORKING_ROLES)) throw forbidden();
  },

  canEditRule(actor: Actor, rule: UnitTarget): boolean {
    if (monitoringAlertsPolicy.managesAllRules(actor)) return true;
    return hasRole(actor, ...WORKING_ROLES) && inScope(actor, rule.orgUnitPath);
  },

  assertCanEditRule(actor: Actor, rule: UnitTarget): void {
    if (!monitoringAlertsPolicy.canEditRule(actor, rule)) throw forbidden();
  },
};
