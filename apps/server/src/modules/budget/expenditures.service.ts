import type {
  TBudgetCategory,
  TCreateExpenditureRequest,
  TExpenditure,
  TExpenditureListQuery,
  TNormUnit,
  TPage,
  TReverseRequest,
} from '@loa/contracts';
import { normLimit } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { fieldError, notFound } from '../../platform/errors.js';
import type { BudgetLedger } from './budget-ledger.service.js';
import type { BudgetQueriesRepository, ExpenditureRow } from './budget-queries.repository.js';
import { budgetPolicy } from './budget.policy.js';

export interface ExpendituresDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  ledger: Pick<BudgetLedger, 'recordExpenditure' | 'reverseExpenditure'>;
  queries: Pick<BudgetQueriesRepository, 'listExpenditures' | 'findExpenditure' | 'attachments'>;
}

type Attachment = TExpenditure['attachments'][number] & { expenditureId: string };

export function toExpenditure(row: ExpenditureRow, actor: Actor, attachments: Attachment[]): TExpenditure {
  return {
    id: row.id,
    unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
    year: row.fiscalYear,
    category: row.category as TBudgetCategory,
    amount: row.amount,
    spentOn: row.spentOn,
    voucherNo: row.voucherNo,
    description: row.description,
    norm:
      row.normId && row.normCode
        ? {
            id: row.normId,
            code: row.normCode,
            name: row.normName ?? row.normCode,
            unit: row.normUnit as TNormUnit,
            maxAmount: row.normMaxAmount ?? 0,
          }
        : null,
    quantity: row.quantity,
    normLimit: normLimit(row.normMaxAmount, row.quantity),
    exception:
      row.exceptionId && row.exceptionDecidedAt
        ? {
            approvedBy: { id: row.exceptionDecidedBy, name: row.exceptionDecidedByName ?? '' },
            reason: row.exceptionReason ?? '',
            approvedAt: row.exceptionDecidedAt,
          }
        : null,
    links: {
      event: row.eventId ? { id: row.eventId, title: row.eventTitle ?? '' } : null,
      product: row.productId ? { id: row.productId, title: row.productTitle ?? '' } : null,
      contract: row.contractId ? { id: row.contractId, number: row.contractNumber ?? '' } : null,
      publication: row.publicationId
        ? { id: row.publicationId, outlet: row.publicationOutlet ?? '', url: row.publicationUrl }
        : null,
    },
    attachments: attachments
      .filter((a) => a.expenditureId === row.id)
      .map(({ fileId, name, size, mimeType }) => ({ fileId, name, size: Number(size), mimeType })),
    reversesId: row.reversesId,
    reversedById: row.reversedById,
    reason: row.reason,
    createdBy: { id: row.createdBy, name: row.createdByName },
    createdAt: row.createdAt.toISOString(),
    canReverse:
      row.reversesId === null &&
      row.reversedById === null &&
      budgetPolicy.canSpendFor(actor, { path: row.unitPath, isRoot: false }),
  };
}

export type ExpendituresService = ReturnType<typeof createExpendituresService>;

/** Expenditures of the units in scope; writing goes through the ledger, where the invariants live. */
export function createExpendituresService(deps: ExpendituresDeps) {
  const { db, runInTransaction, ledger, queries } = deps;

  async function present(tx: Executor, actor: Actor, rows: ExpenditureRow[]): Promise<TExpenditure[]> {
    const attachments = await queries.attachments(
      tx,
      rows.map((r) => r.id),
    );
    return rows.map((row) => toExpenditure(row, actor, attachments));
  }

  async function readable(tx: Executor, actor: Actor, id: string): Promise<TExpenditure> {
    const row = await queries.findExpenditure(tx, id);
    if (!row || !budgetPolicy.canRead(actor, row.unitPath)) throw notFound('budget_expenditure');
    return (await present(tx, actor, [row]))[0]!;
  }

  return {
    async listExpenditures(actor: Actor, query: TExpenditureListQuery, all = false): Promise<TPage<TExpenditure>> {
      budgetPolicy.assertCanRead(actor);
      const { rows, total } = await queries.listExpenditures(db, actor.scopePath, query, all);
      return { items: await present(db, actor, rows), total };
    },

    async getExpenditure(actor: Actor, id: string): Promise<TExpenditure> {
      budgetPolicy.assertCanRead(actor);
      return readable(db, actor, id);
    },

    async createExpenditure(actor: Actor, input: TCreateExpenditureRequest): Promise<TExpenditure> {
      // A contract's payments go through the contract (press-contracts), which checks them against its value.
      if (input.contractId) throw fieldError('contractId', 'validation.budget_contract_payment');
      return runInTransaction(async (tx) => {
        const { id } = await ledger.recordExpenditure(tx, actor, input);
        return readable(tx, actor, id);
      });
    },

    async reverseExpenditure(actor: Actor, id: string, input: TReverseRequest): Promise<TExpenditure> {
      return runInTransaction(async (tx) => {
        const reversal = await ledger.reverseExpenditure(tx, actor, id, input);
        return readable(tx, actor, reversal.id);
      });
    },
  };
}
