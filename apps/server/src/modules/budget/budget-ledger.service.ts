import { randomUUID } from 'node:crypto';
import { formatDong, type TBudgetCategory, type TCreateExpenditureRequest, type TReverseRequest } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/transaction.js';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors.js';
import { describeBudgetError } from './budget-errors.js';
import type { BudgetLedgerRepository, BudgetUnitRow, OpenCommitmentRow } from './budget-ledger.repository.js';
import { budgetPolicy } from './budget.policy.js';
import { releasePlan, vnToday } from './budget-figures.js';

/** The error the API reports for an error of the budget tables; anything else unchanged. */
export function asBudgetError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const described = describeBudgetError(error);
  return described ? new AppError(described.code, described.params, described.fields) : error;
}

/** Runs `work`, reporting errors of the budget tables (triggers, constraints) as AppErrors. */
export async function budgetErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asBudgetError(error);
  }
}

export interface CommitInput {
  contractId: string;
  unitId: string;
  year: number;
  category: TBudgetCategory;
  amount: number;
  note: string;
}

/**
 * The internal API of the budget for other modules (press contracts): reserving money for signed contracts and
 * paying them. Every call runs in the caller's transaction; the database triggers keep the balances and refuse
 * an overspend (AppError `budget.insufficient`).
 */
export interface BudgetLedger {
  /** Reserve (amount > 0) or release (amount < 0) budget for a signed contract. Throws AppError budget.insufficient. */
  commit(tx: Executor, actor: Actor, input: CommitInput): Promise<void>;
  /** Open commitment of a contract (sum of its commitment entries, net of the releases done by payments). */
  openCommitment(tx: Executor, contractId: string): Promise<number>;
  /** Records an expenditure (all invariants apply) and, with contractId, releases min(amount, open commitment). */
  recordExpenditure(
    tx: Executor,
    actor: Actor,
    input: TCreateExpenditureRequest,
    options?: { exceptionId?: string },
  ): Promise<{ id: string }>;
  /** Net amount paid on a contract (expenditures with that contract, reversals included). */
  paidOnContract(tx: Executor, contractId: string): Promise<number>;
  /** Reverses an expenditure (a payment's released commitment is restored). */
  reverseExpenditure(tx: Executor, actor: Actor, id: string, input: TReverseRequest): Promise<{ id: string }>;
}

export interface BudgetLedgerDeps {
  repo: BudgetLedgerRepository;
  recordAudit: RecordAudit;
}

const personName = (actor: Actor) => actor.fullName;

export function createBudgetLedger(deps: BudgetLedgerDeps): BudgetLedger {
  const { repo, recordAudit } = deps;

  /** The unit an actor spends for: unknown or out of reach is a 400 on `unitId`. */
  async function spendingUnit(tx: Executor, actor: Actor, unitId: string): Promise<BudgetUnitRow> {
    budgetPolicy.assertMaySpend(actor);
    const unit = await repo.findUnit(tx, unitId);
    if (!unit || !budgetPolicy.canSpendFor(actor, { path: unit.path, isRoot: unit.parentId === null }))
      throw fieldError('unitId', 'validation.unit_out_of_scope');
    return unit;
  }

  async function insertCommitment(
    tx: Executor,
    actor: Actor,
    balance: Pick<OpenCommitmentRow, 'unitId' | 'fiscalYear' | 'category'>,
    contractId: string,
    amount: number,
    note: string,
    expenditureId: string | null,
  ) {
    await repo.insertCommitment(tx, {
      contractId,
      unitId: balance.unitId,
      fiscalYear: balance.fiscalYear,
      category: balance.category,
      amount,
      note: note.slice(0, 1000),
      releasedByExpenditureId: expenditureId,
      createdBy: actor.userId,
      createdByName: personName(actor),
    });
  }

  return {
    async commit(tx, actor, input) {
      if (!Number.isSafeInteger(input.amount) || input.amount === 0)
        throw fieldError('amount', 'validation.invalid_amount');
      const unit = await spendingUnit(tx, actor, input.unitId);
      // The audit chain lock first, then the balance rows: one lock order for every budget write.
      await recordAudit(tx, actor, {
        action: input.amount > 0 ? 'commit' : 'release',
        entityType: 'budget_commitment',
        entityId: input.contractId,
        orgUnitId: unit.id,
        summary: `${unit.code} ${input.year} ${input.category}: ${formatDong(input.amount)} — ${input.note}`.slice(
          0,
          300,
        ),
        after: { ...input, unit: unit.code },
      });
      await budgetErrors(() =>
        insertCommitment(
          tx,
          actor,
          { unitId: unit.id, fiscalYear: input.year, category: input.category },
          input.contractId,
          input.amount,
          input.note,
          null,
        ),
      );
    },

    async openCommitment(tx, contractId) {
      const rows = await repo.openCommitments(tx, contractId);
      return rows.reduce((sum, row) => sum + Number(row.open), 0);
    },

    async recordExpenditure(tx, actor, input, options = {}) {
      const unit = await spendingUnit(tx, actor, input.unitId);
      const year = Number(input.spentOn.slice(0, 4));
      const fileIds = [...new Set(input.fileIds ?? [])];
      if (fileIds.length > 0) {
        const found = await repo.filesInScope(tx, fileIds, actor.scopePath);
        if (found.length !== fileIds.length) throw fieldError('fileIds', 'validation.invalid_value');
      }
      const id = randomUUID();
      await recordAudit(tx, actor, {
        action: 'create',
        entityType: 'budget_expenditure',
        entityId: id,
        orgUnitId: unit.id,
        summary: `${input.voucherNo} — ${formatDong(input.amount)} — ${input.description}`.slice(0, 300),
        after: { ...input, unit: unit.code, year, exceptionId: options.exceptionId ?? null },
      });
      await budgetErrors(async () => {
        if (input.contractId) {
          // Release the contract's reservation before spending, so the payment is not counted twice.
          const open = (await repo.openCommitments(tx, input.contractId)).map((r) => ({ ...r, open: Number(r.open) }));
          const preferred = { unitId: unit.id, fiscalYear: year, category: input.category };
          for (const part of releasePlan(open, preferred, input.amount))
            await insertCommitment(tx, actor, part, input.contractId, -part.amount, `${input.voucherNo}`, id);
        }
        await repo.insertExpenditure(tx, {
          id,
          unitId: unit.id,
          fiscalYear: year,
          category: input.category,
          amount: input.amount,
          spentOn: input.spentOn,
          voucherNo: input.voucherNo,
          description: input.description,
          normId: input.normId ?? null,
          quantity: input.quantity ?? null,
          exceptionId: options.exceptionId ?? null,
          eventId: input.eventId ?? null,
          productId: input.productId ?? null,
          contractId: input.contractId ?? null,
          publicationId: input.publicationId ?? null,
          createdBy: actor.userId,
          createdByName: personName(actor),
        });
        await repo.insertExpenditureFiles(tx, id, fileIds);
      });
      return { id };
    },

    async paidOnContract(tx, contractId) {
      return repo.paidOnContract(tx, contractId);
    },

    async reverseExpenditure(tx, actor, id, input) {
      const row = await repo.findExpenditure(tx, id);
      const unit = row ? await repo.findUnit(tx, row.unitId) : null;
      if (!row || !unit || !budgetPolicy.canRead(actor, unit.path)) throw notFound('budget_expenditure');
      if (!budgetPolicy.canSpendFor(actor, { path: unit.path, isRoot: unit.parentId === null })) throw forbidden();
      if (row.reversesId) throw new AppError('budget.not_reversible');
      if (row.reversedById) throw new AppError('budget.already_reversed');
      const reversalId = randomUUID();
      const voucherNo = input.voucherNo ?? `${row.voucherNo}/ĐC`.slice(0, 50);
      await recordAudit(tx, actor, {
        action: 'reverse',
        entityType: 'budget_expenditure',
        entityId: row.id,
        orgUnitId: unit.id,
        summary: `${row.voucherNo} — ${formatDong(-row.amount)} — ${input.reason}`.slice(0, 300),
        before: { voucherNo: row.voucherNo, amount: row.amount, unit: unit.code },
        after: { reversalId, voucherNo, amount: -row.amount, reason: input.reason },
      });
      await budgetErrors(async () => {
        await repo.insertExpenditure(tx, {
          id: reversalId,
          unitId: row.unitId,
          fiscalYear: row.fiscalYear,
          category: row.category,
          amount: -row.amount,
          spentOn: input.on ?? vnToday(),
          voucherNo,
          description: row.description,
          eventId: row.eventId,
          productId: row.productId,
          contractId: row.contractId,
          publicationId: row.publicationId,
          reversesId: row.id,
          reason: input.reason,
          createdBy: actor.userId,
          createdByName: personName(actor),
        });
        // A reversed payment restores the reservation it had released.
        for (const release of await repo.releasesBy(tx, row.id))
          if (row.contractId)
            await insertCommitment(tx, actor, release, row.contractId, -release.amount, voucherNo, reversalId);
      });
      return { id: reversalId };
    },
  };
}
