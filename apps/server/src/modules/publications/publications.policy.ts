import { WORKING_ROLES } from '@loa/contracts';
import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** What decides who records a publication: the place of its product's owner unit in the org tree. */
export interface PublicationTarget {
  ownerUnitPath: string;
}

/**
 * Publications follow their product: whoever sees the product reads its publications (the products module
 * decides that); the officers who may edit the product — working roles whose scope holds its owner unit — record,
 * change and delete its publications, proofs and figures.
 */
export const publicationsPolicy = {
  /** Where the actor reads publications besides published products: their subtree, or all for the Center. */
  readScopePath(actor: Actor): string {
    return hasRole(actor, 'comms_center') ? '/' : actor.scopePath;
  },

  /** As products: their owners' subtree (every unit for the Center), and every published product. */
  canSee(actor: Actor, target: PublicationTarget & { productStatus: string }): boolean {
    return (
      target.productStatus === 'published' || target.ownerUnitPath.startsWith(publicationsPolicy.readScopePath(actor))
    );
  },

  mayWrite(actor: Actor): boolean {
    return hasRole(actor, ...WORKING_ROLES);
  },

  assertCanWrite(actor: Actor): void {
    if (!publicationsPolicy.mayWrite(actor)) throw forbidden();
  },

  canEdit(actor: Actor, target: PublicationTarget): boolean {
    return publicationsPolicy.mayWrite(actor) && inScope(actor, target.ownerUnitPath);
  },

  assertCanEdit(actor: Actor, target: PublicationTarget): void {
    if (!publicationsPolicy.canEdit(actor, target)) throw forbidden();
  },
};
