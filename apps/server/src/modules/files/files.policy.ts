import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/**
 * A file belongs to an org unit: users whose scope contains that unit read it directly. Records that attach
 * files (documents, …) grant their own readers access through their module, not through this policy.
 */
export const filesPolicy = {
  /** Every role that works on content uploads; viewers only read. */
  assertCanUpload(actor: Actor): void {
    if (
      !hasRole(
        actor,
        'admin',
        'leader',
        'comms_center',
        'unit_officer',
        'press_office',
        'province_officer',
        'district_officer',
      )
    )
      throw forbidden();
  },

  canRead(actor: Actor, file: { orgUnitPath: string }): boolean {
    return inScope(actor, file.orgUnitPath);
  },

  /** Files are placed in a unit of the uploader's scope. */
  canPlaceIn(actor: Actor, unitPath: string): boolean {
    return inScope(actor, unitPath);
  },
};
