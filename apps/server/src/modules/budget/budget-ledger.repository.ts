import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/transaction.js';
import {
  budgetAllocations,
  budgetBalances,
  budgetCommitments,
  budgetExpenditureFiles,
  budgetExpenditures,
} from './budget.table.js';

export type NewExpenditureRow = Omit<typeof budgetExpenditures.$inferInsert, 'searchText' | 'createdAt'> & {
  id: string;
};
export type ExpenditureEntryRow = Omit<typeof budgetExpenditures.$inferSelect, 'searchText'>;
export type NewAllocationRow = Omit<typeof budgetAllocations.$inferInsert, 'searchText' | 'createdAt'> & {
  id: string;
};
export type AllocationEntryRow = Omit<typeof budgetAllocations.$inferSelect, 'searchText'>;
export type NewCommitmentRow = Omit<typeof budgetCommitments.$inferInsert, 'id' | 'createdAt'>;
export type BalanceRow = typeof budgetBalances.$inferSelect;

/** A unit as the budget needs it: to name it, check scope by path and check the tree (parent, root). */
export type BudgetUnitRow = {
  id: string;
  code: string;
  name: string;
  path: string;
  parentId: string | null;
};

export interface OpenCommitmentRow {
  unitId: string;
  fiscalYear: number;
  category: string;
  open: number;
}

const { searchText: _expenditureSearch, ...expenditureColumns } = getTableColumns(budgetExpenditures);
const { searchText: _allocationSearch, ...allocationColumns } = getTableColumns(budgetAllocations);

/** The insert-only ledgers (allocations, expenditures, commitments); the triggers of 0024 keep the balances. */
export const budgetLedgerRepository = {
  async findUnit(tx: Executor, id: string): Promise<BudgetUnitRow | null> {
    const { rows } = await tx.execute<BudgetUnitRow>(
      sql`SELECT id, code, name, path, parent_id AS "parentId" FROM org_units WHERE id = ${id}`,
    );
    return rows[0] ?? null;
  },

  async findRootUnit(tx: Executor): Promise<BudgetUnitRow | null> {
    const { rows } = await tx.execute<BudgetUnitRow>(
      sql`SELECT id, code, name, path, parent_id AS "parentId" FROM org_units WHERE parent_id IS NULL`,
    );
    return rows[0] ?? null;
  },

  async insertExpenditure(tx: Executor, row: NewExpenditureRow): Promise<void> {
    await tx.insert(budgetExpenditures).values(row);
  },

  async insertExpenditureFiles(tx: Executor, expenditureId: string, fileIds: string[]): Promise<void> {
    if (fileIds.length === 0) return;
    await tx.insert(budgetExpenditureFiles).values(fileIds.map((fileId) => ({ expenditureId, fileId })));
  },

  async findExpenditure(
    tx: Executor,
    id: string,
  ): Promise<(ExpenditureEntryRow & { reversedById: string | null }) | null> {
    const [row] = await tx
      .select({
        ...expenditureColumns,
        reversedById: sql<
          string | null
        >`(SELECT r.id FROM budget_expenditures r WHERE r.reverses_id = budget_expenditures.id)`,
      })
      .from(budgetExpenditures)
      .where(eq(budgetExpenditures.id, id));
    return row ?? null;
  },

  async insertAllocation(tx: Executor, row: NewAllocationRow): Promise<void> {
    await tx.insert(budgetAllocations).values(row);
  },

  async findAllocation(
    tx: Executor,
    id: string,
  ): Promise<(AllocationEntryRow & { reversedById: string | null }) | null> {
    const [row] = await tx
      .select({
        ...allocationColumns,
        reversedById: sql<
          string | null
        >`(SELECT r.id FROM budget_allocations r WHERE r.reverses_id = budget_allocations.id)`,
      })
      .from(budgetAllocations)
      .where(eq(budgetAllocations.id, id));
    return row ?? null;
  },

  async insertCommitment(tx: Executor, row: NewCommitmentRow): Promise<void> {
    await tx.insert(budgetCommitments).values(row);
  },

  /** The open commitment of a contract per balance (units, years and categories it reserved in). */
  async openCommitments(tx: Executor, contractId: string): Promise<OpenCommitmentRow[]> {
    return tx
      .select({
        unitId: budgetCommitments.unitId,
        fiscalYear: budgetCommitments.fiscalYear,
        category: budgetCommitments.category,
        open: sql<number>`sum(${budgetCommitments.amount})::bigint`,
      })
      .from(budgetCommitments)
      .where(eq(budgetCommitments.contractId, contractId))
      .groupBy(budgetCommitments.unitId, budgetCommitments.fiscalYear, budgetCommitments.category);
  },

  /** The commitment entries a payment released (negative amounts), to restore them when it is reversed. */
  async releasesBy(tx: Executor, expenditureId: string) {
    return tx
      .select({
        unitId: budgetCommitments.unitId,
        fiscalYear: budgetCommitments.fiscalYear,
        category: budgetCommitments.category,
        amount: budgetCommitments.amount,
      })
      .from(budgetCommitments)
      .where(and(eq(budgetCommitments.releasedByExpenditureId, expenditureId), sql`${budgetCommitments.amount} < 0`));
  },

  async paidOnContract(tx: Executor, contractId: string): Promise<number> {
    const [row] = await tx
      .select({ paid: sql<number>`coalesce(sum(${budgetExpenditures.amount}), 0)::bigint` })
      .from(budgetExpenditures)
      .where(eq(budgetExpenditures.contractId, contractId));
    return Number(row?.paid ?? 0);
  },

  async findBalance(tx: Executor, unitId: string, year: number, category: string): Promise<BalanceRow | null> {
    const [row] = await tx
      .select()
      .from(budgetBalances)
      .where(
        and(
          eq(budgetBalances.unitId, unitId),
          eq(budgetBalances.fiscalYear, year),
          eq(budgetBalances.category, category),
        ),
      );
    return row ?? null;
  },

  /** Of `ids`, the files that exist and belong to a unit of the subtree `scopePath`. */
  async filesInScope(tx: Executor, ids: string[], scopePath: string): Promise<string[]> {
    if (ids.length === 0) return [];
    const { rows } = await tx.execute<{ id: string }>(
      sql`SELECT f.id FROM files f JOIN org_units o ON o.id = f.org_unit_id
           WHERE f.id IN (${sql.join(
             ids.map((id) => sql`${id}::uuid`),
             sql`, `,
           )}) AND o.path LIKE ${`${scopePath}%`}`,
    );
    return rows.map((r) => r.id);
  },

  async fileIdsOf(tx: Executor, expenditureIds: string[]) {
    if (expenditureIds.length === 0) return [];
    return tx
      .select()
      .from(budgetExpenditureFiles)
      .where(inArray(budgetExpenditureFiles.expenditureId, expenditureIds));
  },
};

export type BudgetLedgerRepository = typeof budgetLedgerRepository;
