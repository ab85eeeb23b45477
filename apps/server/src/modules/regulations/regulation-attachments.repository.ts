import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/transaction.js';
import { regulationAttachments } from './regulations.table.js';

export interface AttachmentRow {
  regulationId: string;
  fileId: string;
  title: string;
  sortOrder: number;
  addedAt: Date;
  adderName: string | null;
}

const columns = {
  regulationId: regulationAttachments.regulationId,
  fileId: regulationAttachments.fileId,
  title: regulationAttachments.title,
  sortOrder: regulationAttachments.sortOrder,
  addedAt: regulationAttachments.addedAt,
  adderName: sql<string | null>`(SELECT full_name FROM users u WHERE u.id = regulation_attachments.added_by)`,
};

export const regulationAttachmentsRepository = {
  /** A document's attachments in the order shown. */
  async list(tx: Executor, regulationId: string): Promise<AttachmentRow[]> {
    return tx
      .select(columns)
      .from(regulationAttachments)
      .where(eq(regulationAttachments.regulationId, regulationId))
      .orderBy(asc(regulationAttachments.sortOrder), asc(regulationAttachments.addedAt));
  },

  async find(tx: Executor, regulationId: string, fileId: string): Promise<AttachmentRow | null> {
    const [row] = await tx
      .select(columns)
      .from(regulationAttachments)
      .where(and(eq(regulationAttachments.regulationId, regulationId), eq(regulationAttachments.fileId, fileId)));
    return row ?? null;
  },

  /** Appends an attachment after the document's last one. */
  async insert(
    tx: Executor,
    values: { regulationId: string; fileId: string; title: string; addedBy: string | null },
  ): Promise<void> {
    await tx.insert(regulationAttachments).values({
      ...values,
      sortOrder: sql`(SELECT coalesce(max(sort_order), 0) + 1 FROM regulation_attachments WHERE regulation_id = ${values.regulationId})`,
    });
  },

  async delete(tx: Executor, regulationId: string, fileId: string): Promise<void> {
    await tx
      .delete(regulationAttachments)
      .where(and(eq(regulationAttachments.regulationId, regulationId), eq(regulationAttachments.fileId, fileId)));
  },
};

export type RegulationAttachmentsRepository = typeof regulationAttachmentsRepository;
