// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified.
import { and, asc, count, eq, getTableColumns, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { TNormExceptionListQuery, TNormListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import {
  budgetEstimateLines,
  budgetEstimates,
  budgetFiscalYears,
  budgetNormExceptions,
  budgetNorms,
} from './budget.table.js';

export type FiscalYearRow = typeof budgetFiscalYears.$inferSelect;
export type EstimateRow = typeof budgetEstimates.$inferSelect;
export type EstimateLineRow = typeof budgetEstimateLines.$inferSelect;
const { searchText: _normSearch, ...normColumns } = getTableColumns(budgetNorms);
export type NormRow = Omit<typeof budgetNorms.$inferSelect, 'searchText'> & {
  usedBy: number;
  regulationNumber: string | null;
  regulationTitle: string | null;
};
export type NewNormRow = Omit<typeof budgetNorms.$inferInsert, 'id' | 'searchText' | 'createdAt' | 'updatedAt'>;
export type ExceptionRow = typeof budgetNormExceptions.$inferSelect & {
  unitCode: string;
  unitName: string;
  unitPath: string;
  normCode: string;
  normName: string;
  normUnit: string;
  normMaxAmount: number;
};
export type NewExceptionRow = Omit<typeof budgetNormExceptions.$inferInsert, 'id' | 'requestedAt'>;

const normSelect = {
  ...normColumns,
  usedBy: sql<number>`(SELECT count(*)::int FROM budget_expenditures e WHERE e.norm_id = budget_norms.id)`,
  regulationNumber: sql<string | null>`(SELECT r.number FROM regulations r WHERE r.id = budget_norms.regulation_id)`,
  regulationTitle: sql<string | null>`(SELECT r.summary FROM regulations r WHERE r.id = budget_norms.regulation_id)`,
};
const NORM_SORTS = {
  code: { column: budgetNorms.code },
  name: { column: budgetNorms.name, text: true },
  maxAmount: { column: budgetNorms.maxAmount },
  validFrom: { column: budgetNorms.validFrom },
  category: { column: budgetNorms.category },
};

const exceptionSelect = {
  ...getTableColumns(budgetNormExceptions),
  unitCode: sql<string>`(SELECT o.code FROM org_units o WHERE o.id = budget_norm_exceptions.unit_id)`,
  unitName: sql<string>`(SELECT o.name FROM org_units o WHERE o.id = budget_norm_exceptions.unit_id)`,
  unitPath: sql<string>`(SELECT o.path FROM org_units o WHERE o.id = budget_norm_exceptions.unit_id)`,
  normCode: sql<string>`(SELECT n.code FROM budget_norms n WHERE n.id = budget_norm_exceptions.norm_id)`,
  normName: sql<string>`(SELECT n.name FROM budget_norms n WHERE n.id = budget_norm_exceptions.norm_id)`,
  normUnit: sql<string>`(SELECT n.unit FROM budget_norms n WHERE n.id = budget_norm_exceptions.norm_id)`,
  normMaxAmount: sql<number>`(SELECT n.max_amount FROM budget_norms n WHERE n.id = budget_norm_exceptions.norm_id)`,
};
const EXCEPTION_SORTS = {
  requestedAt: { column: budgetNormExceptions.requestedAt },
  amount: { column: budgetNormExceptions.amount },
  status: { column: budgetNormExceptions.status },
};
const inSubtree = (scopePath: string) =>
  sql`EXISTS (SELECT 1 FROM org_units o WHERE o.id = budget_norm_exceptions.unit_id AND o.path LIKE ${`${scopePath}%`})`;

function normFilters(query: Partial<TNormListQuery>): SQL | undefined {
  return and(
    matchesSearch(query.q, budgetNorms.searchText),
    query.category ? or(eq(budgetNorms.category, query.category), isNull(budgetNorms.category)) : undefined,
    query.validOn
      ? and(
          lte(budgetNorms.validFrom, query.validOn),
          or(isNull(budgetNorms.validTo), gte(budgetNorms.validTo, query.validOn)),
        )
      : undefined,
  );
}

/** Fiscal years, estimates, the norms catalogue and norm exceptions (the mutable side of the budget). */
export const budgetRepository = {
  async listYears(tx: Executor): Promise<FiscalYearRow[]> {
    return tx.select().from(budgetFiscalYears).orderBy(asc(budgetFiscalYears.year));
  },

  async findYear(tx: Executor, year: number, lock = false): Promise<FiscalYearRow | null> {
    const query = tx.select().from(budgetFiscalYears).where(eq(budgetFiscalYears.year, year));
    const [row] = lock ? await query.for('update') : await query;
    return row ?? null;
  },

  /** Opens a year; false when it already exists. */
  async insertYear(tx: Executor, year: number): Promise<boolean> {
    const rows = await tx
      .insert(budgetFiscalYears)
      .values({ year })
      .onConflictDoNothing()
      .returning({ year: budgetFiscalYears.year });
    return rows.length > 0;
  },

  async closeYear(tx: Executor, year: number, by: string | null, byName: string): Promise<void> {
    await tx
      .update(budgetFiscalYears)
      .set({ status: 'closed', closedAt: new Date(), closedBy: by, closedByName: byName })
      .where(eq(budgetFiscalYears.year, year));
  },

  async findEstimate(tx: Executor, unitId: string, year: number, lock = false): Promise<EstimateRow | null> {
    const query = tx
      .select()
      .from(budgetEstimates)
      .where(and(eq(budgetEstimates.unitId, unitId), eq(budgetEstimates.fiscalYear, year)));
    const [row] = lock ? await query.for('update') : await query;
    return row ?? null;
  },

  async estimateLines(tx: Executor, unitId: string, year: number): Promise<EstimateLineRow[]> {
    return tx
      .select()
      .from(budgetEstimateLines)
      .where(and(eq(budgetEstimateLines.unitId, unitId), eq(budgetEstimateLines.fiscalYear, year)))
      .orderBy(asc(budgetEstimateLines.category), asc(budgetEstimateLines.source));
  },

  /** Replaces the estimate's lines and bumps its version (creating it at version 1). */
  async saveEstimate(
    tx: Executor,
    head: { unitId: string; fiscalYear: number; version: number; updatedBy: string | null; updatedByName: string },
    lines: Omit<EstimateLineRow, 'unitId' | 'fiscalYear'>[],
  ): Promise<void> {
    await tx
      .insert(budgetEstimates)
      .values({ ...head, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: [budgetEstimates.unitId, budgetEstimates.fiscalYear],
        set: {
          version: head.version,
          updatedAt: new Date(),
          updatedBy: head.updatedBy,
          updatedByName: head.updatedByName,
        },
      });
    await tx
      .delete(budgetEstimateLines)
      .where(and(eq(budgetEstimateLines.unitId, head.unitId), eq(budgetEstimateLines.fiscalYear, head.fiscalYear)));
    if (lines.length > 0)
      await tx
        .insert(budgetEstimateLines)
        .values(lines.map((line) => ({ ...line, unitId: head.unitId, fiscalYear: head.fiscalYear })));
  },

  async listNorms(tx: Executor, query: TNormListQuery, all = false): Promise<{ rows: NormRow[]; total: number }> {
    const where = normFilters(query);
    const { limit, offset } = paging(query);
    const base = tx
      .select(normSelect)
      .from(budgetNorms)
      .where(where)
      .orderBy(...ordering(query.sort, NORM_SORTS, 'code', budgetNorms.id));
    const rows = all ? await base.limit(10_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(budgetNorms).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findNorm(tx: Executor, id: string, lock = false): Promise<NormRow | null> {
    const query = tx.select(normSelect).from(budgetNorms).where(eq(budgetNorms.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row ?? null;
  },

  async insertNorm(tx: Executor, values: NewNormRow): Promise<string> {
    const [row] = await tx.insert(budgetNorms).values(values).returning({ id: budgetNorms.id });
    return row!.id;
  },

  /** Inserts the norms whose codes are missing (seeding); returns how many. */
  async insertMissingNorms(tx: Executor, values: NewNormRow[]): Promise<number> {
    const rows = await tx
      .insert(budgetNorms)
      .values(values)
      .onConflictDoNothing({ target: budgetNorms.code })
      .returning({ id: budgetNorms.id });
    return rows.length;
  },

  async updateNorm(tx: Executor, id: string, version: number, values: Partial<NewNormRow>): Promise<boolean> {
    const rows = await tx
      .update(budgetNorms)
      .set({ ...values, version: sql`${budgetNorms.version} + 1`, updatedAt: new Date() })
      .where(and(eq(budgetNorms.id, id), eq(budgetNorms.version, version)))
      .returning({ id: budgetNorms.id });
    return rows.length > 0;
  },

  async regulationExists(tx: Executor, id: string): Promise<boolean> {
    const { rows } = await tx.execute(sql`SELECT 1 FROM regulations WHERE id = ${id}`);
    return rows.length > 0;
  },

  async listExceptions(
    tx: Executor,
    scopePath: string,
    query: TNormExceptionListQuery,
  ): Promise<{ rows: ExceptionRow[]; total: number }> {
    const where = and(
      inSubtree(scopePath),
      query.status ? eq(budgetNormExceptions.status, query.status) : undefined,
      query.year ? eq(budgetNormExceptions.fiscalYear, query.year) : undefined,
      matchesSearch(
        query.q,
        sql`loa_fold(budget_norm_exceptions.justification || ' ' || (budget_norm_exceptions.request->>'description'))`,
      ),
    );
    const { limit, offset } = paging(query);
    const rows = await tx
      .select(exceptionSelect)
      .from(budgetNormExceptions)
      .where(where)
      .orderBy(...ordering(query.sort, EXCEPTION_SORTS, '-requestedAt', budgetNormExceptions.id))
      .limit(limit)
      .offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(budgetNormExceptions).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findException(tx: Executor, id: string, lock = false): Promise<ExceptionRow | null> {
    const query = tx.select(exceptionSelect).from(budgetNormExceptions).where(eq(budgetNormExceptions.id, id));
    const [row] = lock ? await query.for('update', { of: budgetNormExceptions }) : await query;
    return row ?? null;
  },

  async insertException(tx: Executor, values: NewExceptionRow): Promise<string> {
    const [row] = await tx.insert(budgetNormExceptions).values(values).returning({ id: budgetNormExceptions.id });
    return row!.id;
  },

  async decideException(
    tx: Executor,
    id: string,
    values: Pick<NewExceptionRow, 'status' | 'decidedBy' | 'decidedByName' | 'decisionReason' | 'expenditureId'>,
  ): Promise<void> {
    await tx
      .update(budgetNormExceptions)
      .set({ ...values, decidedAt: new Date() })
      .where(eq(budgetNormExceptions.id, id));
  },

  async linkExceptionExpenditure(tx: Executor, id: string, expenditureId: string): Promise<void> {
    await tx.update(budgetNormExceptions).set({ expenditureId }).where(eq(budgetNormExceptions.id, id));
  },
};

export type BudgetRepository = typeof budgetRepository;
