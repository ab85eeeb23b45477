import { WORKING_ROLES } from '@loa/contracts';
import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';
import { readsCampaign, takesPart } from './campaign-rules.js';

/** What decides who sees and changes a campaign: its owner unit and the units taking part (paths). */
export interface CampaignTarget {
  ownerUnitPath: string;
  unitPaths: readonly string[];
  status: string;
}

/**
 * A campaign belongs to its owner unit: the working roles of a scope holding it change it. Everyone above or
 * inside the owner or a participating unit reads it, and the Communication Center reads every campaign. Officers
 * of a participating unit link their own unit's products, publications and calendar items to an open campaign.
 */
export const campaignsPolicy = {
  readScopePath(actor: Actor): string {
    return hasRole(actor, 'comms_center') ? '/' : actor.scopePath;
  },

  canSee(actor: Actor, target: CampaignTarget): boolean {
    return readsCampaign(campaignsPolicy.readScopePath(actor), target.unitPaths);
  },

  mayWrite(actor: Actor): boolean {
    return hasRole(actor, ...WORKING_ROLES);
  },

  assertCanWrite(actor: Actor): void {
    if (!campaignsPolicy.mayWrite(actor)) throw forbidden();
  },

  canEdit(actor: Actor, target: CampaignTarget): boolean {
    return campaignsPolicy.mayWrite(actor) && inScope(actor, target.ownerUnitPath);
  },

  assertCanEdit(actor: Actor, target: CampaignTarget): void {
    if (!campaignsPolicy.canEdit(actor, target)) throw forbidden();
  },

  /** Editors link anything of the campaign's units; a participating unit's officers, what their scope holds. */
  canLink(actor: Actor, target: CampaignTarget): boolean {
    if (!campaignsPolicy.mayWrite(actor) || target.status === 'closed') return false;
    return (
      campaignsPolicy.canEdit(actor, target) ||
      target.unitPaths.some((path) => actor.scopePath.startsWith(path) || inScope(actor, path))
    );
  },

  /** May the actor link (or unlink) an item of the unit at `itemUnitPath`? */
  canLinkItem(actor: Actor, target: CampaignTarget, itemUnitPath: string): boolean {
    if (!campaignsPolicy.canLink(actor, target) || !takesPart(itemUnitPath, target.unitPaths)) return false;
    return campaignsPolicy.canEdit(actor, target) || inScope(actor, itemUnitPath);
  },

  /** Editors remove any link of an open campaign; others, the links of their own scope's items. */
  canUnlinkItem(actor: Actor, target: CampaignTarget, itemUnitPath: string): boolean {
    if (!campaignsPolicy.mayWrite(actor) || target.status === 'closed') return false;
    return campaignsPolicy.canEdit(actor, target) || inScope(actor, itemUnitPath);
  },
};
