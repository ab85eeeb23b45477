import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ZFileName, type TFileKind, type TStoredFile } from '@loa/contracts';
import { SYSTEM_ACTOR, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { sniffFile } from './file-kind.js';
import type { FileStore } from './file-store.repository.js';
import type { FileReference, FileRow, FilesRepository } from './files.repository.js';
import { filesPolicy } from './files.policy.js';
import { imageFacts, THUMBNAIL_KINDS } from './image-thumbnail.js';

export interface FilesDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: FilesRepository;
  recordAudit: RecordAudit;
  store: FileStore;
  /** Largest accepted upload in bytes (LOA_MAX_UPLOAD_MB). */
  maxBytes: number;
  units: { findPath(tx: Executor, id: string): Promise<string | null> };
}

/** An upload as the HTTP layer received it: the bytes and the name the client gave (if any). */
export interface Upload {
  bytes: Buffer;
  fileName: string | undefined;
}

/** An upload that passed the checks and whose content is in the store. */
interface PreparedFile {
  sha256: string;
  size: number;
  kind: TFileKind;
  mediaType: string;
  name: string;
  bytes: Buffer;
  /** Of images: the size of the original and its thumbnail (null when it could not be made). */
  width: number | null;
  height: number | null;
  thumbnail: Buffer | null;
}

/** Unreferenced files are deleted once they are older than this (hours). */
export const UNREFERENCED_GRACE_HOURS = 24;
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function toStoredFile(row: FileRow): TStoredFile {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as TFileKind,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    orgUnitId: row.orgUnitId,
    uploadedBy: row.uploaderName,
    uploadedAt: row.uploadedAt.toISOString(),
    thumbnail: row.hasThumbnail,
    width: row.width,
    height: row.height,
  };
}

export type FilesService = ReturnType<typeof createFilesService>;

export function createFilesService(deps: FilesDeps) {
  const { db, runInTransaction, repo, recordAudit, store, maxBytes, units } = deps;
  const maxMb = Math.round(maxBytes / (1024 * 1024));

  /** Checks name, size and content, then puts the content in the store (once per hash). */
  async function prepare(upload: Upload): Promise<PreparedFile> {
    const parsedName = ZFileName.safeParse(upload.fileName ?? '');
    if (!parsedName.success) throw new AppError('file.name_required');
    const name = parsedName.data;
    if (upload.bytes.length > maxBytes) throw new AppError('file.too_large', { maxMb });
    const sniffed = sniffFile(upload.bytes, name);
    if (!sniffed.ok) {
      if (sniffed.reason === 'empty') throw new AppError('file.empty');
      if (sniffed.reason === 'type_not_allowed') throw new AppError('file.type_not_allowed');
      throw new AppError('file.extension_mismatch', {
        extension: sniffed.extension || '∅',
        kind: sniffed.kind.toUpperCase(),
      });
    }
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    const image = THUMBNAIL_KINDS.includes(sniffed.kind) ? await imageFacts(upload.bytes) : null;
    await putContent(sha256, upload.bytes, image?.thumbnail ?? null);
    return {
      sha256,
      size: upload.bytes.length,
      kind: sniffed.kind,
      mediaType: sniffed.mediaType,
      name,
      bytes: upload.bytes,
      width: image?.width ?? null,
      height: image?.height ?? null,
      thumbnail: image?.thumbnail ?? null,
    };
  }

  async function putContent(sha256: string, bytes: Buffer, thumbnail: Buffer | null): Promise<void> {
    await store.put(sha256, bytes);
    if (thumbnail) await store.put(sha256, thumbnail, 'thumbnail');
  }

  /**
   * Deletes a content (and its thumbnail) from the store when no row uses it. Under the content's lock, which
   * `insertRow` takes too: an upload of the same content either committed its row first (the blob stays) or
   * puts the blob back after this deleted it.
   */
  async function releaseContent(sha256: string): Promise<void> {
    await runInTransaction(async (tx) => {
      await repo.lockContent(tx, sha256);
      if ((await repo.countBySha(tx, sha256)) > 0) return;
      await store.delete(sha256);
      await store.delete(sha256, 'thumbnail');
    });
  }

  async function insertRow(tx: Tx, actor: Actor, prepared: PreparedFile, orgUnitId: string): Promise<FileRow> {
    await repo.lockContent(tx, prepared.sha256);
    // A cleanup may have released this content between `prepare` and now; `put` is a no-op when it is there.
    await putContent(prepared.sha256, prepared.bytes, prepared.thumbnail);
    const row = await repo.insert(tx, {
      sha256: prepared.sha256,
      size: prepared.size,
      kind: prepared.kind,
      mediaType: prepared.mediaType,
      name: prepared.name,
      orgUnitId,
      uploadedBy: actor.userId,
      width: prepared.width,
      height: prepared.height,
      hasThumbnail: prepared.thumbnail !== null,
    });
    await recordAudit(tx, actor, {
      action: 'upload',
      entityType: 'file',
      entityId: row.id,
      orgUnitId,
      summary: `${row.name} (${row.kind.toUpperCase()}, ${row.size} B)`,
      after: { name: row.name, kind: row.kind, size: row.size, sha256: row.sha256 },
    });
    return row;
  }

  /**
   * Stores an upload and runs `then` in the same transaction as its row and audit: when anything fails,
   * nothing is left behind — no row, no link, and no blob that this upload alone wrote.
   */
  async function storeThen<T>(
    actor: Actor,
    upload: Upload,
    orgUnitId: string,
    then: (tx: Tx, file: FileRow) => Promise<T>,
  ): Promise<T> {
    const prepared = await prepare(upload);
    try {
      return await runInTransaction(async (tx) => then(tx, await insertRow(tx, actor, prepared, orgUnitId)));
    } catch (error) {
      // No row came to use the content this upload stored: remove it unless another row uses it. The
      // original error is what the caller needs; a failing release only leaves an unused blob behind.
      await releaseContent(prepared.sha256).catch(() => undefined);
      throw error;
    }
  }

  async function openThumbnailOf(row: FileRow): Promise<{ file: TStoredFile; content: Readable }> {
    const content = row.hasThumbnail ? await store.get(row.sha256, 'thumbnail') : null;
    if (!content) throw new AppError('file.no_thumbnail');
    return { file: toStoredFile(row), content };
  }

  /** Tables of other modules that name files, registered from the composition root. */
  const references: FileReference[] = [];

  async function openRow(row: FileRow): Promise<{ file: TStoredFile; content: Readable }> {
    const content = await store.get(row.sha256);
    if (!content) throw notFound('file');
    return { file: toStoredFile(row), content };
  }

  async function readableRow(actor: Actor, id: string): Promise<FileRow> {
    const row = await repo.findById(db, id);
    if (!row || !filesPolicy.canRead(actor, row)) throw notFound('file');
    return row;
  }

  return {
    maxBytes,

    /** Uploads a file into `orgUnitId` (default: the uploader's unit), which must lie in the uploader's scope. */
    async uploadFile(actor: Actor, upload: Upload, orgUnitId?: string): Promise<TStoredFile> {
      filesPolicy.assertCanUpload(actor);
      const unitId = orgUnitId ?? actor.orgUnitId;
      const path = unitId ? await units.findPath(db, unitId) : null;
      if (!unitId || !path || !filesPolicy.canPlaceIn(actor, path))
        throw fieldError('orgUnitId', 'validation.unit_out_of_scope');
      return toStoredFile(await storeThen(actor, upload, unitId, async (_tx, row) => row));
    },

    /** A file's description, for users whose scope holds its unit. */
    async getFile(actor: Actor, id: string): Promise<TStoredFile> {
      return toStoredFile(await readableRow(actor, id));
    },

    /** A file's content, for users whose scope holds its unit. */
    async openFile(actor: Actor, id: string): Promise<{ file: TStoredFile; content: Readable }> {
      return openRow(await readableRow(actor, id));
    },

    /** The WebP thumbnail of an image of my scope; `file.no_thumbnail` (404) for other files. */
    async openThumbnail(actor: Actor, id: string): Promise<{ file: TStoredFile; content: Readable }> {
      return openThumbnailOf(await readableRow(actor, id));
    },

    /**
     * Declares a column of another module that holds file ids (`regulation_attachments.file_id`, …): files it
     * names are never cleaned up. Without any registration the cleanup deletes nothing.
     */
    registerFileReferences(...refs: FileReference[]): void {
      for (const ref of refs) {
        if (!IDENTIFIER.test(ref.table) || !IDENTIFIER.test(ref.column))
          throw new Error(`not a table and column name: ${ref.table}.${ref.column}`);
        if (!references.some((r) => r.table === ref.table && r.column === ref.column)) references.push(ref);
      }
    },

    /**
     * Deletes the files no registered table (and no foreign key) names that were uploaded more than a day
     * before `now`, then the contents no row uses any more; audited as one `cleanup` event. Returns the count.
     */
    async deleteUnreferenced(now: Date = new Date(), actor: Actor = SYSTEM_ACTOR): Promise<number> {
      if (references.length === 0) return 0;
      const cutoff = new Date(now.getTime() - UNREFERENCED_GRACE_HOURS * 3600_000);
      const deleted = await runInTransaction(async (tx) => {
        const guards = [...references, ...(await repo.foreignKeyReferences(tx))];
        const rows = await repo.deleteUnreferenced(tx, guards, cutoff);
        if (rows.length > 0)
          await recordAudit(tx, actor, {
            action: 'cleanup',
            entityType: 'file',
            entityId: null,
            orgUnitId: null,
            summary: `${rows.length} unreferenced files older than ${UNREFERENCED_GRACE_HOURS} h`,
            after: { count: rows.length, files: rows.map((r) => ({ id: r.id, name: r.name, sha256: r.sha256 })) },
          });
        return rows;
      });
      for (const sha256 of new Set(deleted.map((row) => row.sha256))) await releaseContent(sha256);
      return deleted.length;
    },

    /** For modules whose records attach files: they check access to their record, then use these. */
    internal: {
      storeThen,
      /** The content of a file, without a scope check: the calling module has checked its own record. */
      async open(tx: Executor, id: string): Promise<{ file: TStoredFile; content: Readable }> {
        const row = await repo.findById(tx, id);
        if (!row) throw notFound('file');
        return openRow(row);
      },
      /** The thumbnail of a file, without a scope check (as `open`). */
      async openThumbnail(tx: Executor, id: string): Promise<{ file: TStoredFile; content: Readable }> {
        const row = await repo.findById(tx, id);
        if (!row) throw notFound('file');
        return openThumbnailOf(row);
      },
      findByIds: (tx: Executor, ids: string[]) => repo.findByIds(tx, ids),
    },
  };
}
