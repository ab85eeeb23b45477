import { WORKING_ROLES } from '@loa/contracts';
import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** What decides who sees and changes a product: the place of its owner unit in the org tree. */
export interface ProductTarget {
  ownerUnitPath: string;
  /** A published product is public: every officer may read it (to share it, §III.4); only its owners change it. */
  status?: string;
}

/**
 * Units make products within their own subtree: the working roles create and change the products of a unit
 * of their scope; leaders and viewers read their subtree. The Communication Center, which coordinates and
 * appraises the country's communication, reads every unit's products but changes only its own.
 */
export const productsPolicy = {
  /** Where the actor reads products: their subtree, or the whole tree for the Communication Center. */
  readScopePath(actor: Actor): string {
    return hasRole(actor, 'comms_center') ? '/' : actor.scopePath;
  },

  canSee(actor: Actor, target: ProductTarget): boolean {
    return target.status === 'published' || target.ownerUnitPath.startsWith(productsPolicy.readScopePath(actor));
  },

  mayWrite(actor: Actor): boolean {
    return hasRole(actor, ...WORKING_ROLES);
  },

  assertCanWrite(actor: Actor): void {
    if (!productsPolicy.mayWrite(actor)) throw forbidden();
  },

  canEdit(actor: Actor, target: ProductTarget): boolean {
    return productsPolicy.mayWrite(actor) && inScope(actor, target.ownerUnitPath);
  },

  assertCanEdit(actor: Actor, target: ProductTarget): void {
    if (!productsPolicy.canEdit(actor, target)) throw forbidden();
  },
};
