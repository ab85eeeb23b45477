import type { Readable } from 'node:stream';
import type { TStoredFile, TTrainingMaterial } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Executor } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/errors.js';
import { toStoredFile, type FilesService, type Upload } from '../files/index.js';
import { courseAccess, type TrainingDeps } from './training.service.js';
import { trainingPolicy } from './training.policy.js';

export type TrainingMaterialsService = ReturnType<typeof createTrainingMaterialsService>;

/** Course materials (slides, handouts): files of the organiser unit, read by whoever reads the course. */
export function createTrainingMaterialsService(
  deps: Pick<TrainingDeps, 'db' | 'runInTransaction' | 'repo' | 'recordAudit'> & {
    files: Pick<FilesService['internal'], 'storeThen' | 'open' | 'findByIds'>;
  },
) {
  const { db, runInTransaction, repo, recordAudit, files } = deps;
  const access = courseAccess(deps);

  /** A course's materials with their files, oldest first. */
  async function listFor(tx: Executor, courseId: string): Promise<TTrainingMaterial[]> {
    const rows = await repo.listMaterials(tx, courseId);
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
        ? [{ file: toStoredFile(file), title: row.title, addedBy: row.adderName, addedAt: row.addedAt.toISOString() }]
        : [];
    });
  }

  return {
    listFor,

    /** Uploads a file and adds it to the course's materials, with its audit, in one transaction. */
    async addMaterial(actor: Actor, courseId: string, upload: Upload, title?: string): Promise<TTrainingMaterial> {
      trainingPolicy.assertCanWrite(actor);
      const course = await access.readable(db, actor, courseId);
      trainingPolicy.assertCanEdit(actor, course);
      return files.storeThen(actor, upload, course.orgUnitId, async (tx, file) => {
        const row = await access.readable(tx, actor, courseId, true);
        trainingPolicy.assertCanEdit(actor, row);
        const materialTitle = (title?.trim() || file.name.replace(/\.[^.]+$/, '') || file.name).slice(0, 300);
        await repo.insertMaterial(tx, { courseId, fileId: file.id, title: materialTitle, addedBy: actor.userId });
        await recordAudit(tx, actor, {
          action: 'attach',
          entityType: 'training_course',
          entityId: courseId,
          orgUnitId: row.orgUnitId,
          summary: `${row.title}: ${materialTitle}`.slice(0, 300),
          after: { fileId: file.id, title: materialTitle, name: file.name, sha256: file.sha256 },
        });
        return (await listFor(tx, courseId)).find((m) => m.file.id === file.id)!;
      });
    },

    /** Takes a file off the course's materials; the file itself stays, as its upload was audited. */
    async removeMaterial(actor: Actor, courseId: string, fileId: string): Promise<void> {
      trainingPolicy.assertCanWrite(actor);
      await runInTransaction(async (tx) => {
        const row = await access.readable(tx, actor, courseId, true);
        trainingPolicy.assertCanEdit(actor, row);
        const material = await repo.findMaterial(tx, courseId, fileId);
        if (!material) throw notFound('training_material');
        await repo.deleteMaterial(tx, courseId, fileId);
        await recordAudit(tx, actor, {
          action: 'detach',
          entityType: 'training_course',
          entityId: courseId,
          orgUnitId: row.orgUnitId,
          summary: `${row.title}: ${material.title}`.slice(0, 300),
          before: { fileId, title: material.title },
        });
      });
    },

    async openMaterial(
      actor: Actor,
      courseId: string,
      fileId: string,
    ): Promise<{ file: TStoredFile; content: Readable }> {
      await access.readable(db, actor, courseId);
      if (!(await repo.findMaterial(db, courseId, fileId))) throw notFound('training_material');
      return files.open(db, fileId);
    },
  };
}
