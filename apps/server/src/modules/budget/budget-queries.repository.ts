// Reads of the ledgers: lists, details and the set-based sums of the summary (one query per figure group).
// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified.
import { and, count, eq, getTableColumns, or, sql, type SQL } from 'drizzle-orm';
import type { TAllocationListQuery, TExpenditureListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import type { BalanceSums } from './budget-figures.js';
import { budgetAllocations, budgetExpenditures } from './budget.table.js';

const unitCol = (table: string, column: string, field: string) =>
  sql<string>`(SELECT o.${sql.raw(field)} FROM org_units o WHERE o.id = ${sql.raw(`${table}.${column}`)})`;

const { searchText: _a, ...allocationColumns } = getTableColumns(budgetAllocations);
const allocationSelect = {
  ...allocationColumns,
  fromUnitCode: unitCol('budget_allocations', 'from_unit_id', 'code'),
  fromUnitName: unitCol('budget_allocations', 'from_unit_id', 'name'),
  toUnitCode: unitCol('budget_allocations', 'to_unit_id', 'code'),
  toUnitName: unitCol('budget_allocations', 'to_unit_id', 'name'),
  toUnitPath: unitCol('budget_allocations', 'to_unit_id', 'path'),
  fromUnitPath: unitCol('budget_allocations', 'from_unit_id', 'path'),
  reversedById: sql<string | null>`(SELECT r.id FROM budget_allocations r WHERE r.reverses_id = budget_allocations.id)`,
};
export type AllocationRow = Omit<typeof budgetAllocations.$inferSelect, 'searchText'> & {
  fromUnitCode: string | null;
  fromUnitName: string | null;
  fromUnitPath: string | null;
  toUnitCode: string;
  toUnitName: string;
  toUnitPath: string;
  reversedById: string | null;
};

const { searchText: _e, ...expenditureColumns } = getTableColumns(budgetExpenditures);
const sub = (query: string) => sql.raw(`(${query})`);
const expenditureSelect = {
  ...expenditureColumns,
  unitCode: unitCol('budget_expenditures', 'unit_id', 'code'),
  unitName: unitCol('budget_expenditures', 'unit_id', 'name'),
  unitPath: unitCol('budget_expenditures', 'unit_id', 'path'),
  normCode: sql<string | null>`${sub('SELECT n.code FROM budget_norms n WHERE n.id = budget_expenditures.norm_id')}`,
  normName: sql<string | null>`${sub('SELECT n.name FROM budget_norms n WHERE n.id = budget_expenditures.norm_id')}`,
  normUnit: sql<string | null>`${sub('SELECT n.unit FROM budget_norms n WHERE n.id = budget_expenditures.norm_id')}`,
  exceptionDecidedBy: sql<
    string | null
  >`${sub('SELECT x.decided_by FROM budget_norm_exceptions x WHERE x.id = budget_expenditures.exception_id')}`,
  exceptionDecidedByName: sql<
    string | null
  >`${sub('SELECT x.decided_by_name FROM budget_norm_exceptions x WHERE x.id = budget_expenditures.exception_id')}`,
  exceptionReason: sql<
    string | null
  >`${sub('SELECT x.decision_reason FROM budget_norm_exceptions x WHERE x.id = budget_expenditures.exception_id')}`,
  exceptionDecidedAt: sql<
    string | null
  >`${sub(`SELECT to_char(x.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') FROM budget_norm_exceptions x WHERE x.id = budget_expenditures.exception_id`)}`,
  eventTitle: sql<string | null>`${sub('SELECT v.title FROM events v WHERE v.id = budget_expenditures.event_id')}`,
  productTitle: sql<
    string | null
  >`${sub('SELECT p.title FROM products p WHERE p.id = budget_expenditures.product_id')}`,
  contractNumber: sql<
    string | null
  >`${sub('SELECT c.number FROM press_contracts c WHERE c.id = budget_expenditures.contract_id')}`,
  publicationOutlet: sql<
    string | null
  >`${sub('SELECT p.outlet FROM publications p WHERE p.id = budget_expenditures.publication_id')}`,
  publicationUrl: sql<
    string | null
  >`${sub('SELECT p.url FROM publications p WHERE p.id = budget_expenditures.publication_id')}`,
  reversedById: sql<
    string | null
  >`(SELECT r.id FROM budget_expenditures r WHERE r.reverses_id = budget_expenditures.id)`,
};
export type ExpenditureRow = Omit<typeof budgetExpenditures.$inferSelect, 'searchText'> & {
  unitCode: string;
  unitName: string;
  unitPath: string;
  normCode: string | null;
  normName: string | null;
  normUnit: string | null;
  exceptionDecidedBy: string | null;
  exceptionDecidedByName: string | null;
  exceptionReason: string | null;
  exceptionDecidedAt: string | null;
  eventTitle: string | null;
  productTitle: string | null;
  contractNumber: string | null;
  publicationOutlet: string | null;
  publicationUrl: string | null;
  reversedById: string | null;
};

const ALLOCATION_SORTS = {
  decidedOn: { column: budgetAllocations.decidedOn },
  amount: { column: budgetAllocations.amount },
  decisionNo: { column: budgetAllocations.decisionNo },
  createdAt: { column: budgetAllocations.createdAt },
  category: { column: budgetAllocations.category },
};
const EXPENDITURE_SORTS = {
  spentOn: { column: budgetExpenditures.spentOn },
  amount: { column: budgetExpenditures.amount },
  voucherNo: { column: budgetExpenditures.voucherNo },
  createdAt: { column: budgetExpenditures.createdAt },
  category: { column: budgetExpenditures.category },
};

const pathOf = (column: string) => sql.raw(`(SELECT o.path FROM org_units o WHERE o.id = ${column})`);

function allocationFilters(scopePath: string, query: Partial<TAllocationListQuery>): SQL | undefined {
  const scope = `${scopePath}%`;
  return and(
    or(
      sql`${pathOf('budget_allocations.to_unit_id')} LIKE ${scope}`,
      sql`${pathOf('budget_allocations.from_unit_id')} LIKE ${scope}`,
    ),
    matchesSearch(query.q, budgetAllocations.searchText),
    query.year ? eq(budgetAllocations.fiscalYear, query.year) : undefined,
    query.category ? eq(budgetAllocations.category, query.category) : undefined,
    query.unitId
      ? or(eq(budgetAllocations.toUnitId, query.unitId), eq(budgetAllocations.fromUnitId, query.unitId))
      : undefined,
  );
}

function expenditureFilters(scopePath: string, query: Partial<TExpenditureListQuery>): SQL | undefined {
  const unitPath = pathOf('budget_expenditures.unit_id');
  return and(
    sql`${unitPath} LIKE ${`${scopePath}%`}`,
    matchesSearch(query.q, budgetExpenditures.searchText),
    query.year ? eq(budgetExpenditures.fiscalYear, query.year) : undefined,
    query.category ? eq(budgetExpenditures.category, query.category) : undefined,
    query.month ? sql`extract(month FROM ${budgetExpenditures.spentOn}) = ${query.month}` : undefined,
    query.unitId
      ? query.subtree === 'true'
        ? sql`${unitPath} LIKE (SELECT u.path FROM org_units u WHERE u.id = ${query.unitId}) || '%'`
        : eq(budgetExpenditures.unitId, query.unitId)
      : undefined,
    query.eventId ? eq(budgetExpenditures.eventId, query.eventId) : undefined,
    query.productId ? eq(budgetExpenditures.productId, query.productId) : undefined,
    query.contractId ? eq(budgetExpenditures.contractId, query.contractId) : undefined,
    query.publicationId ? eq(budgetExpenditures.publicationId, query.publicationId) : undefined,
  );
}

const MAX_EXPORT = 100_000;

export const budgetQueriesRepository = {
  async listAllocations(tx: Executor, scopePath: string, query: TAllocationListQuery, all = false) {
    const where = allocationFilters(scopePath, query);
    const { limit, offset } = paging(query);
    const base = tx
      .select(allocationSelect)
      .from(budgetAllocations)
      .where(where)
      .orderBy(...ordering(query.sort, ALLOCATION_SORTS, '-createdAt', budgetAllocations.id));
    const rows: AllocationRow[] = all ? await base.limit(MAX_EXPORT) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(budgetAllocations).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findAllocation(tx: Executor, id: string): Promise<AllocationRow | null> {
    const [row] = await tx.select(allocationSelect).from(budgetAllocations).where(eq(budgetAllocations.id, id));
    return row ?? null;
  },

  async listExpenditures(tx: Executor, scopePath: string, query: TExpenditureListQuery, all = false) {
    const where = expenditureFilters(scopePath, query);
    const { limit, offset } = paging(query);
    const base = tx
      .select(expenditureSelect)
      .from(budgetExpenditures)
      .where(where)
      .orderBy(...ordering(query.sort, EXPENDITURE_SORTS, '-spentOn', budgetExpenditures.id));
    const rows: ExpenditureRow[] = all ? await base.limit(MAX_EXPORT) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(budgetExpenditures).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findExpenditure(tx: Executor, id: string): Promise<ExpenditureRow | null> {
    const [row] = await tx.select(expenditureSelect).from(budgetExpenditures).where(eq(budgetExpenditures.id, id));
    return row ?? null;
  },

  /** The attachments of expenditures, with the files' names and sizes. */
  async attachments(tx: Executor, ids: string[]) {
    if (ids.length === 0) return [];
    const { rows } = await tx.execute<{
      expenditureId: string;
      fileId: string;
      name: string;
      size: number;
      mimeType: string;
    }>(sql`SELECT l.expenditure_id AS "expenditureId", f.id AS "fileId", f.name, f.size, f.media_type AS "mimeType"
             FROM budget_expenditure_files l JOIN files f ON f.id = l.file_id
            WHERE l.expenditure_id IN (${sql.join(
              ids.map((id) => sql`${id}::uuid`),
              sql`, `,
            )}) ORDER BY f.name`);
    return rows;
  },

  /** The unit's balances for the year, per category. */
  async balancesByCategory(tx: Executor, unitId: string, year: number) {
    const { rows } = await tx.execute<BalanceSums & { category: string }>(
      sql`SELECT category, allocated_in AS "allocatedIn", allocated_out AS "allocatedOut", spent, committed
            FROM budget_balances WHERE unit_id = ${unitId} AND fiscal_year = ${year}`,
    );
    return rows;
  },

  async estimatesByCategory(tx: Executor, unitId: string, year: number) {
    const { rows } = await tx.execute<{ category: string; amount: number }>(
      sql`SELECT category, sum(amount)::bigint AS amount FROM budget_estimate_lines
           WHERE unit_id = ${unitId} AND fiscal_year = ${year} GROUP BY category`,
    );
    return rows;
  },

  /** What came in, went onward and was spent per month of the entries' days. */
  async byMonth(tx: Executor, unitId: string, year: number) {
    const { rows } = await tx.execute<{ month: number; allocatedIn: number; allocatedOut: number; spent: number }>(
      sql`SELECT m AS month, sum(a_in)::bigint AS "allocatedIn", sum(a_out)::bigint AS "allocatedOut",
                 sum(spent)::bigint AS spent
            FROM (SELECT extract(month FROM decided_on)::int AS m, amount AS a_in, 0 AS a_out, 0 AS spent
                    FROM budget_allocations WHERE to_unit_id = ${unitId} AND fiscal_year = ${year}
                  UNION ALL
                  SELECT extract(month FROM decided_on)::int, 0, amount, 0
                    FROM budget_allocations WHERE from_unit_id = ${unitId} AND fiscal_year = ${year}
                  UNION ALL
                  SELECT extract(month FROM spent_on)::int, 0, 0, amount
                    FROM budget_expenditures WHERE unit_id = ${unitId} AND fiscal_year = ${year}) entries
           GROUP BY m`,
    );
    return rows;
  },

  /** The unit's direct children, each with its balances summed over categories and its estimate. */
  async children(tx: Executor, unitId: string, year: number) {
    const { rows } = await tx.execute<
      BalanceSums & { id: string; code: string; name: string; path: string; estimated: number }
    >(
      sql`SELECT c.id, c.code, c.name, c.path,
                 coalesce(sum(b.allocated_in), 0)::bigint AS "allocatedIn",
                 coalesce(sum(b.allocated_out), 0)::bigint AS "allocatedOut",
                 coalesce(sum(b.spent), 0)::bigint AS spent,
                 coalesce(sum(b.committed), 0)::bigint AS committed,
                 (SELECT coalesce(sum(l.amount), 0)::bigint FROM budget_estimate_lines l
                   WHERE l.unit_id = c.id AND l.fiscal_year = ${year}) AS estimated
            FROM org_units c
            LEFT JOIN budget_balances b ON b.unit_id = c.id AND b.fiscal_year = ${year}
           WHERE c.parent_id = ${unitId}
           GROUP BY c.id
           ORDER BY c.code`,
    );
    return rows;
  },

  /**
   * Plan progress of `budget_vnd` (registered with the plans module): what each unit's subtree spent in the period
   * by `spent_on`, a reversal negative on its own day — the dashboard's `budgetSpent` (decision 0041). Spending names
   * no theme or audience: such a target has no data here.
   */
  async spentProgress(
    tx: Executor,
    query: {
      from: string;
      to: string;
      themeCode: string | null;
      audienceCode: string | null;
      units: readonly { id: string; path: string }[];
    },
  ): Promise<Map<string, number>> {
    if (query.units.length === 0 || query.themeCode || query.audienceCode) return new Map();
    const { rows } = await tx.execute<{ id: string; value: string }>(sql`
      SELECT u.id, coalesce(sum(x.amount), 0)::text AS value
      FROM unnest(${sql.param(query.units.map((u) => u.id))}::uuid[], ${sql.param(query.units.map((u) => u.path))}::text[])
        AS u(id, path)
      LEFT JOIN (budget_expenditures x JOIN org_units o ON o.id = x.unit_id
                 CROSS JOIN LATERAL unnest(string_to_array(o.path, '/')) AS a(unit_id))
        ON a.unit_id = u.id::text AND x.spent_on BETWEEN ${query.from}::date AND ${query.to}::date
      GROUP BY u.id`);
    return new Map(rows.map((r) => [r.id, Number(r.value)]));
  },
};

export type BudgetQueriesRepository = typeof budgetQueriesRepository;
