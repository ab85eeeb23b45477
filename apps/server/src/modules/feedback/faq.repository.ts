import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { TFaqListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { faqEntries, faqRegulations } from './feedback.table.js';

const columns = {
  id: faqEntries.id,
  question: faqEntries.question,
  answer: faqEntries.answer,
  category: faqEntries.category,
  tags: faqEntries.tags,
  ownerUnitId: faqEntries.ownerUnitId,
  sourceFeedbackId: faqEntries.sourceFeedbackId,
  status: faqEntries.status,
  version: faqEntries.version,
  createdByName: faqEntries.createdByName,
  updatedByName: faqEntries.updatedByName,
  createdAt: faqEntries.createdAt,
  updatedAt: faqEntries.updatedAt,
  ownerUnitCode: sql<string>`(SELECT code FROM org_units o WHERE o.id = faq_entries.owner_unit_id)`,
  ownerUnitName: sql<string>`(SELECT name FROM org_units o WHERE o.id = faq_entries.owner_unit_id)`,
  ownerUnitPath: sql<string>`(SELECT path FROM org_units o WHERE o.id = faq_entries.owner_unit_id)`,
};

export interface FaqRow {
  id: string;
  question: string;
  answer: string;
  category: string;
  tags: string[];
  ownerUnitId: string;
  sourceFeedbackId: string | null;
  status: string;
  version: number;
  createdByName: string;
  updatedByName: string;
  createdAt: Date;
  updatedAt: Date;
  ownerUnitCode: string;
  ownerUnitName: string;
  ownerUnitPath: string;
}

export type NewFaqRow = Omit<
  typeof faqEntries.$inferInsert,
  'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version'
>;

const SORTS = {
  updatedAt: { column: faqEntries.updatedAt },
  createdAt: { column: faqEntries.createdAt },
  question: { column: faqEntries.question, text: true },
  category: { column: faqEntries.category },
};

function filters(query: TFaqListQuery): SQL | undefined {
  return and(
    eq(faqEntries.status, query.status ?? 'published'),
    matchesSearch(query.q, faqEntries.searchText),
    query.category ? eq(faqEntries.category, query.category) : undefined,
    query.tag
      ? sql`EXISTS (SELECT 1 FROM unnest(faq_entries.tags) AS tag WHERE loa_fold(tag) = loa_fold(${query.tag}))`
      : undefined,
  );
}

export const faqRepository = {
  async list(tx: Executor, query: TFaqListQuery, all = false): Promise<{ rows: FaqRow[]; total: number }> {
    const where = filters(query);
    const { limit, offset } = paging(query);
    const base = tx
      .select(columns)
      .from(faqEntries)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, '-updatedAt', faqEntries.id));
    const rows = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(faqEntries).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<FaqRow | null> {
    const query = tx.select(columns).from(faqEntries).where(eq(faqEntries.id, id));
    const [row] = lock ? await query.for('update', { of: faqEntries }) : await query;
    return row ?? null;
  },

  async idOfSource(tx: Executor, feedbackId: string): Promise<string | null> {
    const [row] = await tx
      .select({ id: faqEntries.id })
      .from(faqEntries)
      .where(eq(faqEntries.sourceFeedbackId, feedbackId));
    return row?.id ?? null;
  },

  async insert(tx: Executor, values: NewFaqRow): Promise<string> {
    const [row] = await tx.insert(faqEntries).values(values).returning({ id: faqEntries.id });
    return row!.id;
  },

  async update(tx: Executor, id: string, version: number, values: Partial<NewFaqRow>): Promise<boolean> {
    const rows = await tx
      .update(faqEntries)
      .set({ ...values, version: sql`${faqEntries.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(faqEntries.id, id), eq(faqEntries.version, version)))
      .returning({ id: faqEntries.id });
    return rows.length === 1;
  },

  async setRegulations(tx: Executor, faqId: string, regulationIds: readonly string[]): Promise<void> {
    await tx.delete(faqRegulations).where(eq(faqRegulations.faqId, faqId));
    if (regulationIds.length > 0)
      await tx.insert(faqRegulations).values(regulationIds.map((regulationId) => ({ faqId, regulationId })));
  },

  async regulationsOf(
    tx: Executor,
    faqIds: string[],
  ): Promise<{ faqId: string; id: string; number: string; summary: string }[]> {
    if (faqIds.length === 0) return [];
    const result = await tx.execute<{ faqId: string; id: string; number: string; summary: string }>(
      sql`SELECT f.faq_id AS "faqId", r.id, r.number, r.summary FROM faq_regulations f
            JOIN regulations r ON r.id = f.regulation_id
           WHERE f.faq_id IN (${sql.join(
             faqIds.map((id) => sql`${id}::uuid`),
             sql`, `,
           )}) ORDER BY r.issued_on, r.number`,
    );
    return result.rows;
  },

  /** The ids among `ids` that are registered regulations. */
  async existingRegulations(tx: Executor, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const result = await tx.execute<{ id: string }>(
      sql`SELECT id FROM regulations WHERE id IN (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    return new Set(result.rows.map((r) => r.id));
  },
};

export type FaqRepository = typeof faqRepository;
