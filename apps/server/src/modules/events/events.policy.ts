import { WORKING_ROLES } from '@loa/contracts';
import { forbidden } from '../../platform/errors.js';
import { hasRole, type Actor } from '../../platform/actor.js';

/**
 * Events belong to their organising unit: officers plan and report those of their subtree, leaders too (and only
 * they may go ahead despite a restriction); the Communication Center reads every unit's events.
 */
export const eventsPolicy = {
  readScope(actor: Actor): string {
    return hasRole(actor, 'comms_center') ? '/' : actor.scopePath;
  },

  canRead(actor: Actor, orgUnitPath: string): boolean {
    return orgUnitPath.startsWith(eventsPolicy.readScope(actor));
  },

  assertCanWrite(actor: Actor): void {
    if (!hasRole(actor, ...WORKING_ROLES, 'leader')) throw forbidden();
  },

  canEdit(actor: Actor, orgUnitPath: string): boolean {
    return hasRole(actor, ...WORKING_ROLES, 'leader') && orgUnitPath.startsWith(actor.scopePath);
  },

  /** Leaders (and administrators) decide to hold a direct event despite an active restriction. */
  mayOverride(actor: Actor): boolean {
    return hasRole(actor, 'leader', 'admin');
  },
};
