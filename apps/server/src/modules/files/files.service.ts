import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ZFileName, type TFileKind, type TStoredFile } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { sniffFile } from './file-kind.js';
import type { FileStore } from './file-store.repository.js';
import type { FileRow, FilesRepository } from './files.repository.js';
import { filesPolicy } from './files.policy.js';

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
  /** This upload wrote the blob (it was not stored before). */
  created: boolean;
}

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
    const { created } = await store.put(sha256, upload.bytes);
    return { sha256, size: upload.bytes.length, kind: sniffed.kind, mediaType: sniffed.mediaType, name, created };
  }

  /** Removes a blob this upload wrote when no row came to use it (the transaction failed). */
  async function discard(prepared: PreparedFile): Promise<void> {
    if (prepared.created && (await repo.countBySha(db, prepared.sha256)) === 0) await store.delete(prepared.sha256);
  }

  async function insertRow(tx: Tx, actor: Actor, prepared: PreparedFile, orgUnitId: string): Promise<FileRow> {
    const row = await repo.insert(tx, {
      sha256: prepared.sha256,
      size: prepared.size,
      kind: prepared.kind,
      mediaType: prepared.mediaType,
      name: prepared.name,
      orgUnitId,
      uploadedBy: actor.userId,
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
      await discard(prepared);
      throw error;
    }
  }

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

    /** For modules whose records attach files: they check access to their record, then use these. */
    internal: {
      storeThen,
      /** The content of a file, without a scope check: the calling module has checked its own record. */
      async open(tx: Executor, id: string): Promise<{ file: TStoredFile; content: Readable }> {
        const row = await repo.findById(tx, id);
        if (!row) throw notFound('file');
        return openRow(row);
      },
      findByIds: (tx: Executor, ids: string[]) => repo.findByIds(tx, ids),
    },
  };
}
