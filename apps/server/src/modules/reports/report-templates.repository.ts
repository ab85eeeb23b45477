import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/transaction.js';
import { reportTemplates } from './reports.table.js';

export type ReportTemplateRow = Omit<typeof reportTemplates.$inferSelect, 'createdAt'>;
export type NewReportTemplateRow = Omit<
  typeof reportTemplates.$inferInsert,
  'id' | 'createdAt' | 'updatedAt' | 'version'
>;

const columns = {
  id: reportTemplates.id,
  name: reportTemplates.name,
  periodKinds: reportTemplates.periodKinds,
  subject: reportTemplates.subject,
  sections: reportTemplates.sections,
  isDefault: reportTemplates.isDefault,
  version: reportTemplates.version,
  updatedAt: reportTemplates.updatedAt,
};

export const reportTemplatesRepository = {
  /** Every template, the default first, then by name (Vietnamese order). */
  async list(tx: Executor): Promise<ReportTemplateRow[]> {
    return tx
      .select(columns)
      .from(reportTemplates)
      .orderBy(
        desc(reportTemplates.isDefault),
        sql`${reportTemplates.name} COLLATE "vi-x-icu"`,
        asc(reportTemplates.id),
      );
  },

  async findById(tx: Executor, id: string, lock = false): Promise<ReportTemplateRow | null> {
    const query = tx.select(columns).from(reportTemplates).where(eq(reportTemplates.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row ?? null;
  },

  /** The template a new report of `kind` takes when none is named: the default one offered for it, else any. */
  async findFor(tx: Executor, kind: string): Promise<ReportTemplateRow | null> {
    const [row] = await tx
      .select(columns)
      .from(reportTemplates)
      .where(sql`(cardinality(${reportTemplates.periodKinds}) = 0 OR ${kind} = ANY(${reportTemplates.periodKinds}))`)
      .orderBy(desc(reportTemplates.isDefault), asc(reportTemplates.createdAt))
      .limit(1);
    return row ?? null;
  },

  async insert(tx: Executor, values: NewReportTemplateRow): Promise<string> {
    const [row] = await tx.insert(reportTemplates).values(values).returning({ id: reportTemplates.id });
    return row!.id;
  },

  async update(tx: Executor, id: string, version: number, values: Partial<NewReportTemplateRow>): Promise<boolean> {
    const updated = await tx
      .update(reportTemplates)
      .set({ ...values, version: sql`${reportTemplates.version} + 1`, updatedAt: new Date() })
      .where(and(eq(reportTemplates.id, id), eq(reportTemplates.version, version)))
      .returning({ id: reportTemplates.id });
    return updated.length === 1;
  },

  /** Makes `id` the only default template. */
  async clearOtherDefaults(tx: Executor, id: string): Promise<void> {
    await tx
      .update(reportTemplates)
      .set({ isDefault: false, version: sql`${reportTemplates.version} + 1`, updatedAt: new Date() })
      .where(and(eq(reportTemplates.isDefault, true), sql`${reportTemplates.id} <> ${id}`));
  },

  /** Deletes a template; its reports keep their text and lose the link (ON DELETE SET NULL). */
  async delete(tx: Executor, id: string): Promise<void> {
    await tx.delete(reportTemplates).where(eq(reportTemplates.id, id));
  },
};

export type ReportTemplatesRepository = typeof reportTemplatesRepository;
