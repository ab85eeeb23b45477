import type { Readable } from 'node:stream';
import type { TRegulationAttachment, TStoredFile } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/errors.js';
import { toStoredFile, type FilesService, type Upload } from '../files/index.js';
import type { RegulationAttachmentsRepository } from './regulation-attachments.repository.js';
import type { RegulationRow, RegulationsRepository } from './regulations.repository.js';
import { regulationsPolicy } from './regulations.policy.js';

export interface RegulationAttachmentsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: RegulationAttachmentsRepository;
  regulations: Pick<RegulationsRepository, 'findById'>;
  recordAudit: RecordAudit;
  files: Pick<FilesService['internal'], 'storeThen' | 'open' | 'findByIds'>;
}

/** The title an attachment gets when none is given: its file name without the extension. */
function defaultTitle(fileName: string | undefined): string {
  const name = (fileName ?? '').trim();
  return (name.replace(/\.[^.]+$/, '') || name).slice(0, 300);
}

export type RegulationAttachmentsService = ReturnType<typeof createRegulationAttachmentsService>;

/**
 * Files attached to documents. Whoever reads a document (everyone signed in) downloads its attachments;
 * whoever may edit it adds and removes them. The files belong to the document's unit.
 */
export function createRegulationAttachmentsService(deps: RegulationAttachmentsDeps) {
  const { db, runInTransaction, repo, regulations, recordAudit, files } = deps;

  async function getRegulation(tx: Executor, id: string, lock = false): Promise<RegulationRow> {
    const row = await regulations.findById(tx, id, lock);
    if (!row) throw notFound('regulation');
    return row;
  }

  /** A document's attachments with their files, in the order shown. */
  async function listFor(tx: Executor, regulationId: string): Promise<TRegulationAttachment[]> {
    const rows = await repo.list(tx, regulationId);
    const byId = new Map(
      (
        await files.findByIds(
          tx,
          rows.map((r) => r.fileId),
        )
      ).map((f) => [f.id, f]),
    );
    return rows.flatMap((row) => {
      const file = byId.get(row.fileId);
      return file
        ? [
            {
              file: toStoredFile(file),
              title: row.title,
              sortOrder: row.sortOrder,
              addedBy: row.adderName,
              addedAt: row.addedAt.toISOString(),
            },
          ]
        : [];
    });
  }

  return {
    listFor,

    async listAttachments(actor: Actor, regulationId: string): Promise<TRegulationAttachment[]> {
      regulationsPolicy.assertCanRead(actor);
      await getRegulation(db, regulationId);
      return listFor(db, regulationId);
    },

    /**
     * Uploads a file and attaches it to the document in one transaction with its audit; if the document is
     * gone or out of reach by then, neither the file nor the link remains.
     */
    async addAttachment(
      actor: Actor,
      regulationId: string,
      upload: Upload,
      title?: string,
    ): Promise<TRegulationAttachment> {
      regulationsPolicy.assertCanRegister(actor);
      // Checked before the upload is stored, and again under the lock.
      const regulation = await getRegulation(db, regulationId);
      regulationsPolicy.assertCanEdit(actor, regulation);
      return files.storeThen(actor, upload, regulation.orgUnitId, async (tx, file) => {
        const row = await getRegulation(tx, regulationId, true);
        regulationsPolicy.assertCanEdit(actor, row);
        const attachmentTitle = title?.trim() || defaultTitle(file.name);
        await repo.insert(tx, { regulationId, fileId: file.id, title: attachmentTitle, addedBy: actor.userId });
        await recordAudit(tx, actor, {
          action: 'attach',
          entityType: 'regulation',
          entityId: regulationId,
          orgUnitId: row.orgUnitId,
          summary: `${row.number}: ${attachmentTitle} (${file.name})`.slice(0, 300),
          after: { fileId: file.id, title: attachmentTitle, name: file.name, sha256: file.sha256 },
        });
        const added = (await listFor(tx, regulationId)).find((a) => a.file.id === file.id);
        return added!;
      });
    },

    /** Takes a file off the document; the file itself stays, as its upload was audited. */
    async removeAttachment(actor: Actor, regulationId: string, fileId: string): Promise<void> {
      regulationsPolicy.assertCanRegister(actor);
      await runInTransaction(async (tx) => {
        const row = await getRegulation(tx, regulationId, true);
        regulationsPolicy.assertCanEdit(actor, row);
        const attachment = await repo.find(tx, regulationId, fileId);
        if (!attachment) throw notFound('regulation_attachment');
        await repo.delete(tx, regulationId, fileId);
        await recordAudit(tx, actor, {
          action: 'detach',
          entityType: 'regulation',
          entityId: regulationId,
          orgUnitId: row.orgUnitId,
          summary: `${row.number}: ${attachment.title}`.slice(0, 300),
          before: { fileId, title: attachment.title },
        });
      });
    },

    /** The content of an attachment, for anyone who reads the document. */
    async openAttachment(
      actor: Actor,
      regulationId: string,
      fileId: string,
    ): Promise<{ file: TStoredFile; content: Readable }> {
      regulationsPolicy.assertCanRead(actor);
      await getRegulation(db, regulationId);
      if (!(await repo.find(db, regulationId, fileId))) throw notFound('regulation_attachment');
      return files.open(db, fileId);
    },
  };
}
