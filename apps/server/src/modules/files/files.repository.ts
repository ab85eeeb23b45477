import { count, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/transaction.js';
import { files } from './files.table.js';

const columns = {
  id: files.id,
  sha256: files.sha256,
  size: files.size,
  kind: files.kind,
  mediaType: files.mediaType,
  name: files.name,
  orgUnitId: files.orgUnitId,
  uploadedBy: files.uploadedBy,
  uploadedAt: files.uploadedAt,
  uploaderName: sql<string | null>`(SELECT full_name FROM users u WHERE u.id = files.uploaded_by)`,
  orgUnitPath: sql<string>`(SELECT path FROM org_units o WHERE o.id = files.org_unit_id)`,
};

export interface FileRow {
  id: string;
  sha256: string;
  size: number;
  kind: string;
  mediaType: string;
  name: string;
  orgUnitId: string;
  uploadedBy: string | null;
  uploadedAt: Date;
  uploaderName: string | null;
  orgUnitPath: string;
}
export type NewFileRow = Omit<typeof files.$inferInsert, 'id' | 'uploadedAt'>;

export const filesRepository = {
  async insert(tx: Executor, values: NewFileRow): Promise<FileRow> {
    const [row] = await tx.insert(files).values(values).returning({ id: files.id });
    return (await filesRepository.findById(tx, row!.id))!;
  },

  async findById(tx: Executor, id: string): Promise<FileRow | null> {
    const [row] = await tx.select(columns).from(files).where(eq(files.id, id));
    return row ?? null;
  },

  async findByIds(tx: Executor, ids: string[]): Promise<FileRow[]> {
    return ids.length === 0 ? [] : tx.select(columns).from(files).where(inArray(files.id, ids));
  },

  /** How many file rows use the content with this hash. */
  async countBySha(tx: Executor, sha256: string): Promise<number> {
    const [row] = await tx.select({ n: count() }).from(files).where(eq(files.sha256, sha256));
    return row?.n ?? 0;
  },

  async delete(tx: Executor, id: string): Promise<void> {
    await tx.delete(files).where(eq(files.id, id));
  },
};

export type FilesRepository = typeof filesRepository;
