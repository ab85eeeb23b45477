import { BUDGET_SPENDING_ROLES } from '@loa/contracts';
import { forbidden } from '../../platform/errors.js';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** A unit as the policy sees it: its materialised path decides scope; the root has no parent. */
export interface BudgetUnitTarget {
  path: string;
  isRoot: boolean;
}

/**
 * Who may do what with the budget (design §"Who may do what"): everyone reads within their scope; the spending
 * roles estimate, allocate from and spend for units of their scope; the root's appropriation is for the
 * administrator or a leader of the root; the norms catalogue and fiscal years are the administrator's; norm
 * exceptions are decided by a leader whose scope holds the unit, never the requester.
 */
export const budgetPolicy = {
  assertCanRead(_actor: Actor): void {},

  canRead(actor: Actor, unitPath: string): boolean {
    return inScope(actor, unitPath);
  },

  /** Estimates, expenditures and allocations from a unit: a spending role with the unit in scope. */
  canSpendFor(actor: Actor, unit: BudgetUnitTarget): boolean {
    return hasRole(actor, ...BUDGET_SPENDING_ROLES) && inScope(actor, unit.path);
  },

  assertMaySpend(actor: Actor): void {
    if (!hasRole(actor, ...BUDGET_SPENDING_ROLES)) throw forbidden();
  },

  /** Bringing money into the tree at the root. */
  canAppropriate(actor: Actor, root: BudgetUnitTarget): boolean {
    if (!root.isRoot || !inScope(actor, root.path)) return false;
    return hasRole(actor, 'admin') || (hasRole(actor, 'leader') && actor.scopePath === root.path);
  },

  assertAdmin(actor: Actor): void {
    if (!hasRole(actor, 'admin')) throw forbidden();
  },

  canEditNorms(actor: Actor): boolean {
    return hasRole(actor, 'admin');
  },

  /** A leader with the unit in scope who did not ask for it. */
  canDecideException(actor: Actor, unitPath: string, requestedBy: string | null): boolean {
    return (
      hasRole(actor, 'leader') && inScope(actor, unitPath) && (actor.userId === null || actor.userId !== requestedBy)
    );
  },
};
