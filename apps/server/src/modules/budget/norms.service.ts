import type {
  TBudgetCategory,
  TCreateNormRequest,
  TNorm,
  TNormListQuery,
  TNormUnit,
  TPage,
  TUpdateNormRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { BudgetRepository, NewNormRow, NormRow } from './budget.repository.js';
import { budgetPolicy } from './budget.policy.js';

export interface NormsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: BudgetRepository;
  recordAudit: RecordAudit;
}

export function toNorm(row: NormRow, actor: Actor): TNorm {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    category: row.category as TBudgetCategory | null,
    unit: row.unit as TNormUnit,
    maxAmount: row.maxAmount,
    legalBasis: row.legalBasis,
    regulation:
      row.regulationId && row.regulationNumber
        ? { id: row.regulationId, number: row.regulationNumber, title: row.regulationTitle ?? '' }
        : null,
    validFrom: row.validFrom,
    validTo: row.validTo,
    note: row.note,
    usedBy: row.usedBy,
    version: row.version,
    canEdit: budgetPolicy.canEditNorms(actor),
  };
}

const snapshot = (
  row: Pick<NormRow, 'code' | 'name' | 'category' | 'unit' | 'maxAmount' | 'validFrom' | 'validTo'>,
) => ({
  code: row.code,
  name: row.name,
  category: row.category,
  unit: row.unit,
  maxAmount: row.maxAmount,
  validFrom: row.validFrom,
  validTo: row.validTo,
});

function duplicate(code: string): AppError {
  return new AppError('conflict.duplicate', { field: 'code', value: code }, [
    { field: 'code', code: 'validation.duplicate' },
  ]);
}

export type NormsService = ReturnType<typeof createNormsService>;

/** The catalogue of spending norms: read by everyone, kept by the administrator; a used norm is closed, never deleted. */
export function createNormsService(deps: NormsDeps) {
  const { db, runInTransaction, repo, recordAudit } = deps;

  async function checkRegulation(tx: Executor, id: string | null | undefined) {
    if (id && !(await repo.regulationExists(tx, id))) throw fieldError('regulationId', 'validation.invalid_value');
  }

  async function write<T>(work: () => Promise<T>, code: string | undefined): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string; cause?: { code?: string } }).code === '23505' && code) throw duplicate(code);
      if ((error as { cause?: { code?: string } }).cause?.code === '23505' && code) throw duplicate(code);
      throw error;
    }
  }

  return {
    async listNorms(actor: Actor, query: TNormListQuery, all = false): Promise<TPage<TNorm>> {
      budgetPolicy.assertCanRead(actor);
      const { rows, total } = await repo.listNorms(db, query, all);
      return { items: rows.map((row) => toNorm(row, actor)), total };
    },

    async createNorm(actor: Actor, input: TCreateNormRequest): Promise<TNorm> {
      budgetPolicy.assertAdmin(actor);
      if (input.validTo && input.validTo < input.validFrom) throw fieldError('validTo', 'validation.date_order');
      return write(
        () =>
          runInTransaction(async (tx) => {
            await checkRegulation(tx, input.regulationId);
            const values: NewNormRow = {
              ...input,
              regulationId: input.regulationId ?? null,
              validTo: input.validTo ?? null,
              note: input.note ?? null,
            };
            const id = await repo.insertNorm(tx, values);
            const row = (await repo.findNorm(tx, id))!;
            await recordAudit(tx, actor, {
              action: 'create',
              entityType: 'budget_norm',
              entityId: id,
              orgUnitId: null,
              summary: `${row.code} — ${row.name}`.slice(0, 300),
              after: snapshot(row),
            });
            return toNorm(row, actor);
          }),
        input.code,
      );
    },

    /** Changes a norm (optimistic version); closing one sets `validTo`. */
    async updateNorm(actor: Actor, id: string, input: TUpdateNormRequest): Promise<TNorm> {
      budgetPolicy.assertAdmin(actor);
      return write(
        () =>
          runInTransaction(async (tx) => {
            const before = await repo.findNorm(tx, id, true);
            if (!before) throw notFound('budget_norm');
            const { version, ...changes } = input;
            const validFrom = changes.validFrom ?? before.validFrom;
            const validTo = changes.validTo === undefined ? before.validTo : changes.validTo;
            if (validTo && validTo < validFrom) throw fieldError('validTo', 'validation.date_order');
            await checkRegulation(tx, changes.regulationId);
            if (!(await repo.updateNorm(tx, id, version, changes))) throw new AppError('conflict.version');
            const after = (await repo.findNorm(tx, id))!;
            await recordAudit(tx, actor, {
              action: 'update',
              entityType: 'budget_norm',
              entityId: id,
              orgUnitId: null,
              summary: `${after.code} — ${after.name}`.slice(0, 300),
              before: snapshot(before),
              after: snapshot(after),
            });
            return toNorm(after, actor);
          }),
        input.code,
      );
    },
  };
}
