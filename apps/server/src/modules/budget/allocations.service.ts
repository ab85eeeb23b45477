import { randomUUID } from 'node:crypto';
import {
  formatDong,
  type TAllocation,
  type TAllocationListQuery,
  type TBudgetCategory,
  type TCreateAllocationRequest,
  type TFundingSource,
  type TPage,
  type TReverseRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors.js';
import { vnToday } from './budget-figures.js';
import { budgetErrors } from './budget-ledger.service.js';
import type { BudgetLedgerRepository } from './budget-ledger.repository.js';
import type { AllocationRow, BudgetQueriesRepository } from './budget-queries.repository.js';
import { budgetPolicy } from './budget.policy.js';

export interface AllocationsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  ledger: Pick<BudgetLedgerRepository, 'findUnit' | 'insertAllocation'>;
  queries: Pick<BudgetQueriesRepository, 'listAllocations' | 'findAllocation'>;
  recordAudit: RecordAudit;
}

/** Who may write (and so reverse) an allocation: the giver's spending roles, or the appropriating roles at the root. */
function mayWrite(actor: Actor, row: AllocationRow): boolean {
  return row.fromUnitId && row.fromUnitPath
    ? budgetPolicy.canSpendFor(actor, { path: row.fromUnitPath, isRoot: false })
    : budgetPolicy.canAppropriate(actor, { path: row.toUnitPath, isRoot: true });
}

export function toAllocation(row: AllocationRow, actor: Actor): TAllocation {
  return {
    id: row.id,
    year: row.fiscalYear,
    fromUnit:
      row.fromUnitId && row.fromUnitCode
        ? { id: row.fromUnitId, code: row.fromUnitCode, name: row.fromUnitName ?? row.fromUnitCode }
        : null,
    toUnit: { id: row.toUnitId, code: row.toUnitCode, name: row.toUnitName },
    category: row.category as TBudgetCategory,
    source: row.source as TFundingSource | null,
    amount: row.amount,
    decisionNo: row.decisionNo,
    decidedOn: row.decidedOn,
    note: row.note,
    reversesId: row.reversesId,
    reversedById: row.reversedById,
    createdBy: { id: row.createdBy, name: row.createdByName },
    createdAt: row.createdAt.toISOString(),
    canReverse: row.reversesId === null && row.reversedById === null && mayWrite(actor, row),
  };
}

export type AllocationsService = ReturnType<typeof createAllocationsService>;

/** Allocations down the org tree: the root's appropriation from a funding source, then parent → direct child. */
export function createAllocationsService(deps: AllocationsDeps) {
  const { db, runInTransaction, ledger, queries, recordAudit } = deps;

  async function readable(tx: Executor, actor: Actor, id: string): Promise<AllocationRow> {
    const row = await queries.findAllocation(tx, id);
    const visible =
      row &&
      (budgetPolicy.canRead(actor, row.toUnitPath) ||
        (row.fromUnitPath !== null && budgetPolicy.canRead(actor, row.fromUnitPath)));
    if (!row || !visible) throw notFound('budget_allocation');
    return row;
  }

  return {
    async listAllocations(actor: Actor, query: TAllocationListQuery, all = false): Promise<TPage<TAllocation>> {
      budgetPolicy.assertCanRead(actor);
      const { rows, total } = await queries.listAllocations(db, actor.scopePath, query, all);
      return { items: rows.map((row) => toAllocation(row, actor)), total };
    },

    async createAllocation(actor: Actor, input: TCreateAllocationRequest): Promise<TAllocation> {
      budgetPolicy.assertMaySpend(actor);
      return runInTransaction(async (tx) => {
        const to = await ledger.findUnit(tx, input.toUnitId);
        if (input.fromUnitId) {
          const from = await ledger.findUnit(tx, input.fromUnitId);
          if (!from || !budgetPolicy.canSpendFor(actor, { path: from.path, isRoot: from.parentId === null }))
            throw fieldError('fromUnitId', 'validation.unit_out_of_scope');
          if (!to || !to.path.startsWith(from.path)) throw fieldError('toUnitId', 'validation.unit_out_of_scope');
          if (to.parentId !== from.id) throw fieldError('toUnitId', 'validation.budget_not_direct_child');
          if (input.source) throw fieldError('source', 'validation.invalid_value');
        } else {
          if (!input.source) throw fieldError('source', 'validation.budget_source_required');
          if (!to || to.parentId !== null) throw fieldError('fromUnitId', 'validation.required');
          if (!budgetPolicy.canAppropriate(actor, { path: to.path, isRoot: true })) throw forbidden();
        }
        const id = randomUUID();
        await recordAudit(tx, actor, {
          action: 'create',
          entityType: 'budget_allocation',
          entityId: id,
          orgUnitId: input.fromUnitId ?? to.id,
          summary: `${input.decisionNo} — ${to.code} — ${formatDong(input.amount)}`.slice(0, 300),
          after: { ...input, toUnit: to.code },
        });
        await budgetErrors(() =>
          ledger.insertAllocation(tx, {
            id,
            fiscalYear: input.year,
            fromUnitId: input.fromUnitId ?? null,
            toUnitId: to.id,
            category: input.category,
            source: input.source ?? null,
            amount: input.amount,
            decisionNo: input.decisionNo,
            decidedOn: input.decidedOn,
            note: input.note ?? null,
            createdBy: actor.userId,
            createdByName: actor.fullName,
          }),
        );
        return toAllocation((await queries.findAllocation(tx, id))!, actor);
      });
    },

    /** A correcting entry of the opposite amount; the receiver must still have the money (else budget.insufficient). */
    async reverseAllocation(actor: Actor, id: string, input: TReverseRequest): Promise<TAllocation> {
      budgetPolicy.assertMaySpend(actor);
      return runInTransaction(async (tx) => {
        const row = await readable(tx, actor, id);
        if (!mayWrite(actor, row)) throw forbidden();
        if (row.reversesId) throw new AppError('budget.not_reversible');
        if (row.reversedById) throw new AppError('budget.already_reversed');
        const reversalId = randomUUID();
        await recordAudit(tx, actor, {
          action: 'reverse',
          entityType: 'budget_allocation',
          entityId: row.id,
          orgUnitId: row.fromUnitId ?? row.toUnitId,
          summary: `${row.decisionNo} — ${row.toUnitCode} — ${formatDong(-row.amount)} — ${input.reason}`.slice(0, 300),
          before: { amount: row.amount, decisionNo: row.decisionNo },
          after: { reversalId, amount: -row.amount, reason: input.reason },
        });
        await budgetErrors(() =>
          ledger.insertAllocation(tx, {
            id: reversalId,
            fiscalYear: row.fiscalYear,
            fromUnitId: row.fromUnitId,
            toUnitId: row.toUnitId,
            category: row.category,
            source: row.source,
            amount: -row.amount,
            decisionNo: row.decisionNo,
            decidedOn: input.on ?? vnToday(),
            note: row.note,
            reversesId: row.id,
            reason: input.reason,
            createdBy: actor.userId,
            createdByName: actor.fullName,
          }),
        );
        return toAllocation((await queries.findAllocation(tx, reversalId))!, actor);
      });
    },
  };
}
