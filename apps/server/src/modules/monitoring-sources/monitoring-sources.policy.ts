import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** What decides who may manage a source: the unit that keeps it. */
export interface SourceTarget {
  orgUnitPath: string;
}

/**
 * Everyone signed in reads the sources and their logs. Administrators, the Communication Center, press offices
 * and province officers manage the sources kept in their subtree; importing files and submitting addresses are
 * theirs too. Nobody else writes.
 */
export const monitoringSourcesPolicy = {
  assertCanRead(_actor: Actor): void {},

  assertCanManage(actor: Actor): void {
    if (!hasRole(actor, 'admin', 'comms_center', 'press_office', 'province_officer')) throw forbidden();
  },

  canEdit(actor: Actor, target: SourceTarget): boolean {
    return (
      hasRole(actor, 'admin', 'comms_center', 'press_office', 'province_officer') && inScope(actor, target.orgUnitPath)
    );
  },

  /** For an existing source: one the actor may read but not manage is forbidden, not hidden. */
  assertCanEdit(actor: Actor, target: SourceTarget): void {
    if (!monitoringSourcesPolicy.canEdit(actor, target)) throw forbidden();
  },

  /** Where a new source is kept when the request does not say: the actor's own unit (the root for the system). */
  defaultUnitId(actor: Actor): string | null {
    return actor.orgUnitId ?? actor.scopePath.split('/').filter(Boolean)[0] ?? null;
  },
};
