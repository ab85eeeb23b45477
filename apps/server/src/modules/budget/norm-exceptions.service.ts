import {
  formatDong,
  isOverNorm,
  normLimit,
  type TCreateExpenditureRequest,
  type TCreateNormExceptionRequest,
  type TDecideNormExceptionRequest,
  type TExceptionStatus,
  type TNormException,
  type TNormExceptionListQuery,
  type TNormUnit,
  type TPage,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors.js';
import type { NotifyInput } from '../notifications/index.js';
import type { BudgetLedger } from './budget-ledger.service.js';
import type { BudgetLedgerRepository } from './budget-ledger.repository.js';
import type { BudgetRepository, ExceptionRow } from './budget.repository.js';
import { budgetPolicy } from './budget.policy.js';

export interface NormExceptionsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: BudgetRepository;
  units: Pick<BudgetLedgerRepository, 'findUnit'>;
  ledger: Pick<BudgetLedger, 'recordExpenditure'>;
  recordAudit: RecordAudit;
  notify: (tx: Tx, actor: Actor, input: NotifyInput) => Promise<number>;
}

export function toNormException(row: ExceptionRow, actor: Actor): TNormException {
  return {
    id: row.id,
    status: row.status as TExceptionStatus,
    request: row.request as TCreateExpenditureRequest,
    unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
    norm: {
      id: row.normId,
      code: row.normCode,
      name: row.normName,
      unit: row.normUnit as TNormUnit,
      maxAmount: Number(row.normMaxAmount),
    },
    normLimit: row.normLimit,
    justification: row.justification,
    requestedBy: { id: row.requestedBy, name: row.requestedByName },
    requestedAt: row.requestedAt.toISOString(),
    decidedBy: row.decidedByName ? { id: row.decidedBy, name: row.decidedByName } : null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionReason: row.decisionReason,
    expenditureId: row.expenditureId,
    canDecide: row.status === 'pending' && budgetPolicy.canDecideException(actor, row.unitPath, row.requestedBy),
  };
}

const LINK = '/budget/exceptions';
/** The unit and every unit above it: leaders there have it in scope. */
const unitsAbove = (path: string) => path.split('/').filter(Boolean);

export type NormExceptionsService = ReturnType<typeof createNormExceptionsService>;

/**
 * Spending above a norm (issue 6 §2): the officer asks, with a justification; a leader whose scope holds the unit
 * (never the requester) approves — which records the expenditure in the same transaction — or rejects.
 */
export function createNormExceptionsService(deps: NormExceptionsDeps) {
  const { db, runInTransaction, repo, units, ledger, recordAudit, notify } = deps;

  async function visible(tx: Executor, actor: Actor, id: string, lock = false): Promise<ExceptionRow> {
    const row = await repo.findException(tx, id, lock);
    if (!row || !budgetPolicy.canRead(actor, row.unitPath)) throw notFound('budget_norm_exception');
    return row;
  }

  async function decide(
    actor: Actor,
    id: string,
    status: 'approved' | 'rejected',
    input: TDecideNormExceptionRequest,
  ): Promise<TNormException> {
    return runInTransaction(async (tx) => {
      const row = await visible(tx, actor, id, true);
      if (row.status !== 'pending') throw new AppError('budget.exception_decided');
      if (actor.userId !== null && row.requestedBy === actor.userId) throw new AppError('budget.self_decision');
      if (!budgetPolicy.canDecideException(actor, row.unitPath, row.requestedBy)) throw forbidden();
      await recordAudit(tx, actor, {
        action: status === 'approved' ? 'approve' : 'reject',
        entityType: 'budget_norm_exception',
        entityId: row.id,
        orgUnitId: row.unitId,
        summary: `${row.normCode} — ${formatDong(row.amount)} — ${input.reason}`.slice(0, 300),
        before: { status: row.status },
        after: { status, reason: input.reason },
      });
      await repo.decideException(tx, row.id, {
        status,
        decidedBy: actor.userId,
        decidedByName: actor.fullName,
        decisionReason: input.reason,
      });
      if (status === 'approved') {
        const request = row.request as TCreateExpenditureRequest;
        const { id: expenditureId } = await ledger.recordExpenditure(tx, actor, request, { exceptionId: row.id });
        await repo.linkExceptionExpenditure(tx, row.id, expenditureId);
      }
      if (row.requestedBy)
        await notify(tx, actor, {
          recipients: { userIds: [row.requestedBy] },
          kind: 'status_change',
          title:
            status === 'approved'
              ? { vi: `Đã duyệt chi vượt định mức ${row.normCode}`, en: `Over-norm spending ${row.normCode} approved` }
              : {
                  vi: `Không duyệt chi vượt định mức ${row.normCode}`,
                  en: `Over-norm spending ${row.normCode} rejected`,
                },
          body: { vi: input.reason, en: input.reason },
          link: LINK,
          entityType: 'budget_norm_exception',
          entityId: row.id,
        });
      return toNormException((await repo.findException(tx, row.id))!, actor);
    });
  }

  return {
    async listExceptions(actor: Actor, query: TNormExceptionListQuery): Promise<TPage<TNormException>> {
      budgetPolicy.assertCanRead(actor);
      const { rows, total } = await repo.listExceptions(db, actor.scopePath, query);
      return { items: rows.map((row) => toNormException(row, actor)), total };
    },

    /** Asks a leader for an over-norm expenditure; nothing is spent until it is approved. */
    async requestException(actor: Actor, input: TCreateNormExceptionRequest): Promise<TNormException> {
      budgetPolicy.assertMaySpend(actor);
      if (input.contractId) throw fieldError('contractId', 'validation.budget_contract_payment');
      return runInTransaction(async (tx) => {
        const unit = await units.findUnit(tx, input.unitId);
        if (!unit || !budgetPolicy.canSpendFor(actor, { path: unit.path, isRoot: unit.parentId === null }))
          throw fieldError('unitId', 'validation.unit_out_of_scope');
        const norm = await repo.findNorm(tx, input.normId);
        if (!norm) throw fieldError('normId', 'validation.invalid_value');
        const applies =
          norm.validFrom <= input.spentOn &&
          (!norm.validTo || norm.validTo >= input.spentOn) &&
          (norm.category === null || norm.category === input.category);
        if (!applies) throw fieldError('normId', 'validation.budget_norm_not_applicable', { code: norm.code });
        if (!isOverNorm(input.amount, norm.maxAmount, input.quantity)) throw new AppError('budget.not_over_norm');
        const year = Number(input.spentOn.slice(0, 4));
        const fiscalYear = await repo.findYear(tx, year);
        if (fiscalYear?.status !== 'open') throw new AppError('budget.year_closed', { year });
        const { justification, ...request } = input;
        const limit = normLimit(norm.maxAmount, input.quantity)!;
        const id = await repo.insertException(tx, {
          unitId: unit.id,
          fiscalYear: year,
          request,
          amount: input.amount,
          normId: norm.id,
          normLimit: limit,
          justification,
          requestedBy: actor.userId,
          requestedByName: actor.fullName,
        });
        await recordAudit(tx, actor, {
          action: 'request',
          entityType: 'budget_norm_exception',
          entityId: id,
          orgUnitId: unit.id,
          summary: `${norm.code} — ${formatDong(input.amount)} > ${formatDong(limit)} — ${input.voucherNo}`,
          after: { ...request, justification, normLimit: limit },
        });
        await notify(tx, actor, {
          recipients: { orgUnitIds: unitsAbove(unit.path), roles: ['leader'] },
          kind: 'assignment',
          title: {
            vi: `Đề nghị chi vượt định mức: ${unit.name} — ${formatDong(input.amount)}`,
            en: `Over-norm spending request: ${unit.name} — ${formatDong(input.amount)}`,
          },
          body: { vi: justification, en: justification },
          link: LINK,
          entityType: 'budget_norm_exception',
          entityId: id,
        });
        return toNormException((await repo.findException(tx, id))!, actor);
      });
    },

    approveException: (actor: Actor, id: string, input: TDecideNormExceptionRequest) =>
      decide(actor, id, 'approved', input),
    rejectException: (actor: Actor, id: string, input: TDecideNormExceptionRequest) =>
      decide(actor, id, 'rejected', input),
  };
}
