import type { TReportStatus } from '@loa/contracts';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';
import { forbidden } from '../../platform/errors.js';

/** What decides who may act on a report: its unit's place in the tree, its state and who started it. */
export interface ReportTarget {
  unitPath: string;
  status: TReportStatus;
  createdBy: string;
}

/**
 * Everyone signed in reads the reports of their scope (a report outside it is "not found"). Working roles and leaders
 * draft and edit reports of their unit's subtree; the unit's leader (role `leader` in the unit or above it) approves;
 * leaders archive; the creator or a leader deletes a draft. Administrators and the Communication Center keep the
 * templates; everyone reads them.
 */
export const reportsPolicy = {
  canSee(actor: Actor, unitPath: string): boolean {
    return inScope(actor, unitPath);
  },

  canDraft(actor: Actor, unitPath: string): boolean {
    return (
      hasRole(actor, 'admin', 'leader', 'comms_center', 'unit_officer', 'province_officer', 'district_officer') &&
      inScope(actor, unitPath)
    );
  },

  assertCanDraft(actor: Actor, unitPath: string): void {
    if (!reportsPolicy.canDraft(actor, unitPath)) throw forbidden();
  },

  canApprove(actor: Actor, unitPath: string): boolean {
    return hasRole(actor, 'leader') && inScope(actor, unitPath);
  },

  canArchive(actor: Actor, unitPath: string): boolean {
    return hasRole(actor, 'leader') && inScope(actor, unitPath);
  },

  canDelete(actor: Actor, target: ReportTarget): boolean {
    return (
      target.status === 'draft' &&
      inScope(actor, target.unitPath) &&
      (target.createdBy === actor.userId || hasRole(actor, 'leader'))
    );
  },

  canEditTemplates(actor: Actor): boolean {
    return hasRole(actor, 'admin', 'comms_center');
  },

  assertCanEditTemplates(actor: Actor): void {
    if (!reportsPolicy.canEditTemplates(actor)) throw forbidden();
  },
};
