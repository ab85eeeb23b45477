import type {
  TBudgetCategory,
  TEstimate,
  TFiscalYearRow,
  TFundingSource,
  TOpenFiscalYearRequest,
  TPutEstimateRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { vnToday } from './budget-figures.js';
import type { BudgetLedgerRepository, BudgetUnitRow } from './budget-ledger.repository.js';
import { SEED_NORMS } from './budget-norms.data.js';
import type { BudgetRepository, FiscalYearRow } from './budget.repository.js';
import { budgetPolicy } from './budget.policy.js';

export interface BudgetYearsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: BudgetRepository;
  units: Pick<BudgetLedgerRepository, 'findUnit'>;
  recordAudit: RecordAudit;
}

export function toFiscalYear(row: FiscalYearRow): TFiscalYearRow {
  return {
    year: row.year,
    status: row.status as TFiscalYearRow['status'],
    closedAt: row.closedAt?.toISOString() ?? null,
    closedBy: row.closedByName ? { id: row.closedBy, name: row.closedByName } : null,
  };
}

export type BudgetYearsService = ReturnType<typeof createBudgetYearsService>;

/** Fiscal years (opened and closed by the administrator), estimates per unit and year, and the first-start seed. */
export function createBudgetYearsService(deps: BudgetYearsDeps) {
  const { db, runInTransaction, repo, units, recordAudit } = deps;

  async function readableUnit(tx: Executor, actor: Actor, unitId: string): Promise<BudgetUnitRow> {
    const unit = await units.findUnit(tx, unitId);
    if (!unit || !budgetPolicy.canRead(actor, unit.path)) throw fieldError('unitId', 'validation.unit_out_of_scope');
    return unit;
  }

  async function estimateOf(tx: Executor, actor: Actor, unit: BudgetUnitRow, year: number): Promise<TEstimate> {
    // One after another: inside a transaction the queries share one connection.
    const head = await repo.findEstimate(tx, unit.id, year);
    const lines = await repo.estimateLines(tx, unit.id, year);
    const fiscalYear = await repo.findYear(tx, year);
    return {
      unit: { id: unit.id, code: unit.code, name: unit.name },
      year,
      lines: lines.map((l) => ({
        category: l.category as TBudgetCategory,
        source: l.source as TFundingSource,
        amount: l.amount,
        note: l.note,
      })),
      total: lines.reduce((sum, l) => sum + l.amount, 0),
      version: head?.version ?? 0,
      updatedAt: head?.updatedAt.toISOString() ?? null,
      updatedBy: head ? { id: head.updatedBy, name: head.updatedByName } : null,
      canEdit:
        fiscalYear?.status === 'open' &&
        budgetPolicy.canSpendFor(actor, { path: unit.path, isRoot: unit.parentId === null }),
    };
  }

  return {
    async listYears(actor: Actor): Promise<TFiscalYearRow[]> {
      budgetPolicy.assertCanRead(actor);
      return (await repo.listYears(db)).map(toFiscalYear);
    },

    async openYear(actor: Actor, input: TOpenFiscalYearRequest): Promise<TFiscalYearRow> {
      budgetPolicy.assertAdmin(actor);
      return runInTransaction(async (tx) => {
        if (!(await repo.insertYear(tx, input.year)))
          throw new AppError('budget.year_exists', { year: input.year }, [
            { field: 'year', code: 'validation.duplicate' },
          ]);
        await recordAudit(tx, actor, {
          action: 'open_year',
          entityType: 'budget_fiscal_year',
          entityId: String(input.year),
          orgUnitId: null,
          summary: `Mở năm ngân sách ${input.year}`,
          after: { year: input.year, status: 'open' },
        });
        return toFiscalYear((await repo.findYear(tx, input.year))!);
      });
    },

    /** Closing is final: no entry, estimate or commitment can be written in the year afterwards. */
    async closeYear(actor: Actor, year: number): Promise<TFiscalYearRow> {
      budgetPolicy.assertAdmin(actor);
      return runInTransaction(async (tx) => {
        await recordAudit(tx, actor, {
          action: 'close_year',
          entityType: 'budget_fiscal_year',
          entityId: String(year),
          orgUnitId: null,
          summary: `Khóa sổ năm ngân sách ${year}`,
          before: { year, status: 'open' },
          after: { year, status: 'closed' },
        });
        const row = await repo.findYear(tx, year, true);
        if (!row || row.status !== 'open') throw new AppError('budget.year_closed', { year });
        await repo.closeYear(tx, year, actor.userId, actor.fullName);
        return toFiscalYear((await repo.findYear(tx, year))!);
      });
    },

    async getEstimate(actor: Actor, unitId: string, year: number): Promise<TEstimate> {
      budgetPolicy.assertCanRead(actor);
      return estimateOf(db, actor, await readableUnit(db, actor, unitId), year);
    },

    /** Replaces the unit's estimate for an open year; one line per category and source. */
    async putEstimate(actor: Actor, unitId: string, year: number, input: TPutEstimateRequest): Promise<TEstimate> {
      budgetPolicy.assertMaySpend(actor);
      const seen = new Set<string>();
      input.lines.forEach((line, index) => {
        const key = `${line.category}/${line.source}`;
        if (seen.has(key)) throw fieldError(`lines.${index}.category`, 'validation.duplicate');
        seen.add(key);
      });
      return runInTransaction(async (tx) => {
        const unit = await readableUnit(tx, actor, unitId);
        if (!budgetPolicy.canSpendFor(actor, { path: unit.path, isRoot: unit.parentId === null }))
          throw fieldError('unitId', 'validation.unit_out_of_scope');
        const fiscalYear = await repo.findYear(tx, year, true);
        if (fiscalYear?.status !== 'open') throw new AppError('budget.year_closed', { year });
        const current = await repo.findEstimate(tx, unitId, year, true);
        if ((current?.version ?? 0) !== input.version) throw new AppError('conflict.version');
        const before = current ? await repo.estimateLines(tx, unitId, year) : [];
        await recordAudit(tx, actor, {
          action: current ? 'update' : 'create',
          entityType: 'budget_estimate',
          entityId: `${unit.id}/${year}`,
          orgUnitId: unit.id,
          summary: `Dự toán ${year} — ${unit.name}: ${input.lines.reduce((s, l) => s + l.amount, 0)} đ`,
          before: current ? { version: current.version, lines: before } : null,
          after: { version: input.version + 1, lines: input.lines },
        });
        await repo.saveEstimate(
          tx,
          {
            unitId,
            fiscalYear: year,
            version: input.version + 1,
            updatedBy: actor.userId,
            updatedByName: actor.fullName,
          },
          input.lines.map((l) => ({ category: l.category, source: l.source, amount: l.amount, note: l.note ?? null })),
        );
        return estimateOf(tx, actor, unit, year);
      });
    },

    /** First start (idempotent): the current fiscal year (Vietnam's calendar) open, and the norms of the seed. */
    async seedBudget(actor: Actor): Promise<void> {
      await runInTransaction(async (tx) => {
        const year = Number(vnToday().slice(0, 4));
        if (await repo.insertYear(tx, year))
          await recordAudit(tx, actor, {
            action: 'seed',
            entityType: 'budget_fiscal_year',
            entityId: String(year),
            orgUnitId: null,
            summary: `Mở năm ngân sách ${year}`,
            after: { year, status: 'open' },
          });
        const inserted = await repo.insertMissingNorms(
          tx,
          SEED_NORMS.map((n) => ({ ...n, regulationId: null, validTo: null, note: n.note ?? null })),
        );
        if (inserted > 0)
          await recordAudit(tx, actor, {
            action: 'seed',
            entityType: 'budget_norm',
            entityId: null,
            orgUnitId: null,
            summary: `${inserted} định mức chi`,
            after: { codes: SEED_NORMS.map((n) => n.code) },
          });
      });
    },
  };
}
