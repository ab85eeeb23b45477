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
  width: files.width,
  height: files.height,
  hasThumbnail: files.hasThumbnail,
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
  width: number | null;
  height: number | null;
  hasThumbnail: boolean;
  uploaderName: string | null;
  orgUnitPath: string;
}
export type NewFileRow = Omit<typeof files.$inferInsert, 'id' | 'uploadedAt'>;

/** A column of another module's table that holds `files.id` values: while it names a file, the file stays. */
export interface FileReference {
  table: string;
  column: string;
}

const referencedBy = (ref: FileReference) =>
  sql`EXISTS (SELECT 1 FROM ${sql.identifier(ref.table)} r WHERE r.${sql.identifier(ref.column)} = files.id)`;

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

  /** Serialises, for the rest of the transaction, whoever adds or removes rows of this content. */
  async lockContent(tx: Executor, sha256: string): Promise<void> {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`loa.files:${sha256}`}, 0))`);
  },

  /** Every foreign key that points at `files` (whatever module owns it), as table and column. */
  async foreignKeyReferences(tx: Executor): Promise<FileReference[]> {
    const result = await tx.execute<{ table: string; column: string }>(sql`
      SELECT t.relname AS "table", a.attname AS "column"
      FROM pg_constraint c
      JOIN pg_class t ON t.oid = c.conrelid
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND c.confrelid = 'files'::regclass AND t.relnamespace = current_schema()::regnamespace`);
    return result.rows.map((row) => ({ table: row.table, column: row.column }));
  },

  /**
   * Deletes the rows uploaded before `cutoff` that none of `references` names, and returns them. Rows another
   * transaction holds (being linked right now) are skipped; the next run sees them again.
   */
  async deleteUnreferenced(
    tx: Executor,
    references: FileReference[],
    cutoff: Date,
  ): Promise<{ id: string; sha256: string; name: string }[]> {
    const unreferenced = references.map((ref) => sql`NOT ${referencedBy(ref)}`);
    const result = await tx.execute<{ id: string; sha256: string; name: string }>(sql`
      DELETE FROM files WHERE id IN (
        SELECT id FROM files
        WHERE uploaded_at < ${cutoff.toISOString()}::timestamptz AND ${sql.join(unreferenced, sql` AND `)}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, sha256, name`);
    return result.rows;
  },
};

export type FilesRepository = typeof filesRepository;
