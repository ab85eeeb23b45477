import { and, count, eq, getTableColumns, sql } from 'drizzle-orm';
import type { TGuidanceKind, TListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { guidanceItems, guidanceYears } from './guidance.table.js';

export type GuidanceItemRow = Omit<typeof guidanceItems.$inferSelect, 'searchText' | 'updatedAt'>;
export type NewGuidanceItemRow = Omit<typeof guidanceItems.$inferInsert, 'searchText' | 'updatedAt' | 'version' | 'id'>;
export type GuidanceYearRow = Omit<typeof guidanceYears.$inferSelect, 'createdAt'> & { itemCount: number };

const { searchText: _s, updatedAt: _u, ...itemColumns } = getTableColumns(guidanceItems);
const yearColumns = {
  year: guidanceYears.year,
  documentNo: guidanceYears.documentNo,
  title: guidanceYears.title,
  issuedOn: guidanceYears.issuedOn,
  copiedFrom: guidanceYears.copiedFrom,
  itemCount: sql<number>`(SELECT count(*)::int FROM guidance_items i WHERE i.year = guidance_years.year)`,
};
const YEAR_SORTS = { year: { column: guidanceYears.year }, documentNo: { column: guidanceYears.documentNo } };
const SORTS = {
  sortOrder: { column: guidanceItems.sortOrder },
  code: { column: guidanceItems.code },
  nameVi: { column: guidanceItems.nameVi, text: true },
  nameEn: { column: guidanceItems.nameEn },
};

export const guidanceRepository = {
  /** A page of guidance years, newest first by default; `q` matches number, title and year. */
  async listYears(tx: Executor, query: TListQuery): Promise<{ rows: GuidanceYearRow[]; total: number }> {
    const where = matchesSearch(
      query.q,
      sql`loa_fold(${guidanceYears.documentNo} || ' ' || ${guidanceYears.title} || ' ' || ${guidanceYears.year}::text)`,
    );
    const { limit, offset } = paging(query);
    const rows = await tx
      .select(yearColumns)
      .from(guidanceYears)
      .where(where)
      .orderBy(...ordering(query.sort, YEAR_SORTS, '-year', guidanceYears.year))
      .limit(limit)
      .offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(guidanceYears).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findYear(tx: Executor, year: number): Promise<GuidanceYearRow | null> {
    const [row] = await tx.select(yearColumns).from(guidanceYears).where(eq(guidanceYears.year, year));
    return row ?? null;
  },

  async yearExists(tx: Executor, year: number): Promise<boolean> {
    const [row] = await tx.select({ n: count() }).from(guidanceYears).where(eq(guidanceYears.year, year));
    return (row?.n ?? 0) > 0;
  },

  async listItems(
    tx: Executor,
    year: number,
    kind: TGuidanceKind | undefined,
    group: string | undefined,
    query: TListQuery,
  ) {
    const where = and(
      eq(guidanceItems.year, year),
      kind ? eq(guidanceItems.kind, kind) : undefined,
      group ? eq(guidanceItems.group, group) : undefined,
      matchesSearch(query.q, guidanceItems.searchText),
    );
    const { limit, offset } = paging(query);
    const rows: GuidanceItemRow[] = await tx
      .select(itemColumns)
      .from(guidanceItems)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, 'sortOrder', guidanceItems.id))
      .limit(limit)
      .offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(guidanceItems).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findItem(tx: Executor, year: number, id: string): Promise<GuidanceItemRow | null> {
    const [row] = await tx
      .select(itemColumns)
      .from(guidanceItems)
      .where(and(eq(guidanceItems.year, year), eq(guidanceItems.id, id)))
      .for('update');
    return row ?? null;
  },

  async insertYear(tx: Executor, values: Omit<typeof guidanceYears.$inferInsert, 'createdAt'>): Promise<void> {
    await tx.insert(guidanceYears).values(values);
  },

  async insertItems(tx: Executor, rows: NewGuidanceItemRow[]): Promise<void> {
    if (rows.length > 0) await tx.insert(guidanceItems).values(rows);
  },

  /** Copies every item of `from` into `to`, keeping codes (the stable identifiers) and order. */
  async copyItems(tx: Executor, from: number, to: number): Promise<void> {
    await tx.execute(sql`
      INSERT INTO guidance_items (year, kind, code, parent_code, grp, name_vi, name_en, text_vi, text_en, sort_order)
      SELECT ${to}, kind, code, parent_code, grp, name_vi, name_en, text_vi, text_en, sort_order
        FROM guidance_items WHERE year = ${from}`);
  },

  async updateItem(tx: Executor, id: string, version: number, values: Partial<NewGuidanceItemRow>): Promise<boolean> {
    const updated = await tx
      .update(guidanceItems)
      .set({ ...values, version: sql`${guidanceItems.version} + 1`, updatedAt: new Date() })
      .where(and(eq(guidanceItems.id, id), eq(guidanceItems.version, version)))
      .returning({ id: guidanceItems.id });
    return updated.length === 1;
  },
};

export type GuidanceRepository = typeof guidanceRepository;
