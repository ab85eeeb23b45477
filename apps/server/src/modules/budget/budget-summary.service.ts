import {
  BUDGET_CATEGORIES,
  type TBudgetSummary,
  type TBudgetSummaryQuery,
  type TFiscalYearStatus,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Executor } from '../../platform/db/transaction.js';
import { fieldError } from '../../platform/errors.js';
import { byCategory, figuresOf, sumFigures, twelveMonths } from './budget-figures.js';
import type { BudgetLedgerRepository, BudgetUnitRow } from './budget-ledger.repository.js';
import type { BudgetQueriesRepository } from './budget-queries.repository.js';
import type { BudgetRepository } from './budget.repository.js';
import { budgetPolicy } from './budget.policy.js';

export interface BudgetSummaryDeps {
  db: Executor;
  repo: Pick<BudgetRepository, 'findYear'>;
  units: Pick<BudgetLedgerRepository, 'findUnit'>;
  queries: Pick<BudgetQueriesRepository, 'balancesByCategory' | 'estimatesByCategory' | 'byMonth' | 'children'>;
}

export type BudgetSummaryService = ReturnType<typeof createBudgetSummaryService>;

/** Per unit and year: allocated, allocated onward, spent, committed, remaining — by category, month and child unit. */
export function createBudgetSummaryService(deps: BudgetSummaryDeps) {
  const { db, repo, units, queries } = deps;

  /** The unit asked for, or the actor's own; outside the actor's scope is a 400 on `unitId`. */
  async function unitOf(actor: Actor, unitId: string | undefined): Promise<BudgetUnitRow> {
    const id = unitId ?? actor.orgUnitId;
    const unit = id ? await units.findUnit(db, id) : null;
    if (!unit || !budgetPolicy.canRead(actor, unit.path)) throw fieldError('unitId', 'validation.unit_out_of_scope');
    return unit;
  }

  return {
    async getSummary(actor: Actor, query: TBudgetSummaryQuery): Promise<TBudgetSummary> {
      budgetPolicy.assertCanRead(actor);
      const unit = await unitOf(actor, query.unitId);
      const [fiscalYear, balances, estimates, months, children, parent] = await Promise.all([
        repo.findYear(db, query.year),
        queries.balancesByCategory(db, unit.id, query.year),
        queries.estimatesByCategory(db, unit.id, query.year),
        queries.byMonth(db, unit.id, query.year),
        queries.children(db, unit.id, query.year),
        unit.parentId ? units.findUnit(db, unit.parentId) : Promise.resolve(null),
      ]);
      const categories = byCategory(BUDGET_CATEGORIES, balances, estimates);
      return {
        unit: { id: unit.id, code: unit.code, name: unit.name },
        year: query.year,
        // A year never opened reads as closed: nothing can be written in it.
        yearStatus: (fiscalYear?.status ?? 'closed') as TFiscalYearStatus,
        totals: sumFigures(categories),
        byCategory: categories,
        byMonth: twelveMonths(months),
        children: children
          .filter((child) => budgetPolicy.canRead(actor, child.path))
          .map((child) => ({
            unit: { id: child.id, code: child.code, name: child.name },
            ...figuresOf(child, child.estimated),
          })),
        parent:
          parent && budgetPolicy.canRead(actor, parent.path)
            ? { id: parent.id, code: parent.code, name: parent.name }
            : null,
      };
    },
  };
}
