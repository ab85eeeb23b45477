import type { Readable } from 'node:stream';
import type { TStoredFile, TStoryMedia } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { AppError, notFound } from '../../platform/errors.js';
import { toStoredFile, type FilesService, type Upload } from '../files/index.js';
import type { StoriesRepository } from './stories.repository.js';
import { storiesPolicy } from './stories.policy.js';
import { editableStory, readableStory } from './stories.service.js';

export interface StoryMediaDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: Pick<StoriesRepository, 'listMedia' | 'hasMedia' | 'insertMedia' | 'deleteMedia' | 'findById'>;
  recordAudit: RecordAudit;
  files: Pick<FilesService['internal'], 'storeThen' | 'open' | 'findByIds'>;
}

export type StoryMediaService = ReturnType<typeof createStoryMediaService>;

/**
 * Photos, video, audio and documents of a story. Whoever reads the story downloads them; whoever may
 * edit it adds and removes them. The files belong to the story's keeping unit.
 */
export function createStoryMediaService(deps: StoryMediaDeps) {
  const { db, runInTransaction, repo, recordAudit, files } = deps;

  /** A story's files with their descriptions, in the order shown. */
  async function listFor(tx: Executor, storyId: string): Promise<TStoryMedia[]> {
    const rows = await repo.listMedia(tx, storyId);
    const found = await files.findByIds(
      tx,
      rows.map((r) => r.fileId),
    );
    const byId = new Map(found.map((f) => [f.id, f]));
    return rows.flatMap((row) => {
      const file = byId.get(row.fileId);
      return file
        ? [
            {
              file: toStoredFile(file),
              caption: row.caption,
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

    /**
     * Uploads a file and adds it to the story in one transaction with its audit; if the story is gone or
     * out of reach by then, neither the file nor the link remains.
     */
    async addMedia(actor: Actor, storyId: string, upload: Upload, caption?: string): Promise<TStoryMedia> {
      storiesPolicy.assertCanWrite(actor);
      // Checked before the upload is stored, and again under the lock.
      const story = await readableStory(repo, db, actor, storyId);
      storiesPolicy.assertCanEdit(actor, story);
      if (story.status === 'archived') throw new AppError('story.archived');
      return files.storeThen(actor, upload, story.orgUnitId, async (tx, file) => {
        const row = await editableStory(repo, tx, actor, storyId);
        const text = caption?.trim() || null;
        await repo.insertMedia(tx, { storyId, fileId: file.id, caption: text, addedBy: actor.userId });
        await recordAudit(tx, actor, {
          action: 'attach',
          entityType: 'story',
          entityId: storyId,
          orgUnitId: row.orgUnitId,
          summary: `${row.title}: ${file.name}`.slice(0, 300),
          after: { fileId: file.id, caption: text, name: file.name, sha256: file.sha256 },
        });
        return (await listFor(tx, storyId)).find((m) => m.file.id === file.id)!;
      });
    },

    /** Takes a file off the story (and off its consent evidence); the file itself stays, as its upload was audited. */
    async removeMedia(actor: Actor, storyId: string, fileId: string): Promise<void> {
      storiesPolicy.assertCanWrite(actor);
      await runInTransaction(async (tx) => {
        const row = await editableStory(repo, tx, actor, storyId);
        if (!(await repo.hasMedia(tx, storyId, fileId))) throw notFound('story_media');
        if (row.consentEvidenceFileId === fileId) throw new AppError('story.evidence_in_use');
        await repo.deleteMedia(tx, storyId, fileId);
        await recordAudit(tx, actor, {
          action: 'detach',
          entityType: 'story',
          entityId: storyId,
          orgUnitId: row.orgUnitId,
          summary: row.title.slice(0, 300),
          before: { fileId },
        });
      });
    },

    /** The content of one of the story's files, for anyone who reads the story. */
    async openMedia(actor: Actor, storyId: string, fileId: string): Promise<{ file: TStoredFile; content: Readable }> {
      await readableStory(repo, db, actor, storyId);
      if (!(await repo.hasMedia(db, storyId, fileId))) throw notFound('story_media');
      return files.open(db, fileId);
    },
  };
}
