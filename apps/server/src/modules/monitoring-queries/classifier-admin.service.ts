// The classifier's editable lexicon and its retraining (issue 12 §6): the lexicon in force is the latest stored
// version (else the default, version 0); a model is trained from the stored labelled articles and the officers'
// corrections and stored as a new monitoring_models row, which the ingest engine picks up by itself.
import type { TLexicon, TLexiconState, TModelState } from '@loa/contracts';
import { type Actor, SYSTEM_ACTOR } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors.js';
import { type ArticleLabel, type ClassifierLexicon, DEFAULT_LEXICON } from '../monitoring/index.js';
import type { ClassifierStoreRepository } from './classifier-store.repository.js';
import { asClassifierLexicon, lexiconProblems } from './lexicon-check.js';
import { monitoringQueriesPolicy as policy } from './monitoring-queries.policy.js';
import { correctionsOf, labelledExamples, trainWithMetrics } from './training-data.js';

export interface ClassifierAdminDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: ClassifierStoreRepository;
  recordAudit: RecordAudit;
}

/** Lets a request start training at once; set when this process can queue jobs (else a worker's poll takes it). */
export type TrainingQueue = () => Promise<void>;

export type ClassifierAdminService = ReturnType<typeof createClassifierAdminService>;

export function createClassifierAdminService(deps: ClassifierAdminDeps) {
  const { db, runInTransaction, repo, recordAudit } = deps;
  let queue: TrainingQueue | null = null;

  async function lexiconInForce(tx: Executor): Promise<{ lexicon: ClassifierLexicon; version: number }> {
    const row = await repo.latestLexicon(tx);
    return row
      ? { lexicon: row.lexicon as ClassifierLexicon, version: row.version }
      : { lexicon: DEFAULT_LEXICON, version: 0 };
  }

  async function modelState(actor: Actor): Promise<TModelState> {
    const model = await repo.latestModel(db);
    return {
      trainedAt: model ? model.trainedAt.toISOString() : null,
      examples: model?.examples ?? 0,
      corrections: model?.corrections ?? 0,
      pendingCorrections: await repo.countCorrectionsSince(db, model?.trainedAt ?? null),
      metrics: model?.metrics ?? null,
      training: (await repo.openRun(db)) !== null,
      canTrain: policy.canManageClassifier(actor),
    };
  }

  /** A model trained from what is stored now (pure work on the data read; nothing is written). */
  async function trainFromStore(trainedBy: string | null) {
    const { lexicon, version } = await lexiconInForce(db);
    const { examples } = labelledExamples(await repo.allExamples(db));
    const corrections = correctionsOf(await repo.latestCorrections(db));
    const { model, metrics } = trainWithMetrics(examples, corrections, lexicon);
    return {
      model,
      lexiconVersion: version === 0 ? null : version,
      examples: examples.length,
      corrections: corrections.length,
      metrics,
      trainedBy,
    };
  }

  return {
    async getLexicon(actor: Actor): Promise<TLexiconState> {
      const row = await repo.latestLexicon(db);
      return {
        lexicon: (row?.lexicon ?? DEFAULT_LEXICON) as TLexicon,
        version: row?.version ?? 0,
        updatedAt: row ? row.createdAt.toISOString() : null,
        updatedBy: row?.createdByName ?? null,
        canEdit: policy.canManageClassifier(actor),
      };
    },

    /** Saves a new version of the lexicon (optimistic on `version`: the one the editor started from). */
    async updateLexicon(actor: Actor, input: { lexicon: TLexicon; version: number }): Promise<TLexiconState> {
      policy.assertCanManageClassifier(actor);
      const problems = lexiconProblems(input.lexicon);
      if (problems.length > 0) throw new AppError('validation.failed', {}, problems);
      const lexicon = asClassifierLexicon(input.lexicon);
      await runInTransaction(async (tx) => {
        const current = await repo.latestLexicon(tx);
        if ((current?.version ?? 0) !== input.version) throw new AppError('conflict.version');
        if (!(await repo.insertLexicon(tx, input.version + 1, lexicon, actor.userId)))
          throw new AppError('conflict.version');
        const count = (l: ClassifierLexicon) => ({
          gate: l.schemeGate.length,
          groups: Object.keys(l.groups).length,
          terms: Object.values(l.groups).reduce((n, terms) => n + terms.length, 0),
          rules: l.rules.length,
        });
        await recordAudit(tx, actor, {
          action: 'update',
          entityType: 'monitoring_lexicon',
          entityId: String(input.version + 1),
          orgUnitId: null,
          summary: `Từ điển phân loại phiên bản ${input.version + 1}`,
          before: current
            ? { version: current.version, ...count(current.lexicon as ClassifierLexicon) }
            : { version: 0 },
          after: { version: input.version + 1, ...count(lexicon) },
        });
      });
      return this.getLexicon(actor);
    },

    getModel: modelState,

    /** Asks for a model to be trained (202): a run is recorded, and queued at once when this process can. */
    async requestTraining(actor: Actor): Promise<TModelState> {
      policy.assertCanManageClassifier(actor);
      await runInTransaction(async (tx) => {
        if ((await repo.countExamples(tx)) === 0) throw new AppError('monitoring.no_training_examples');
        const runId = await repo.requestRun(tx, 'request', actor.userId);
        if (runId === null) return; // one is already waiting or running: it will include this request's data
        await recordAudit(tx, actor, {
          action: 'train',
          entityType: 'monitoring_model',
          entityId: String(runId),
          orgUnitId: null,
          summary: 'Yêu cầu huấn luyện lại mô hình phân loại tin bài',
        });
      });
      if (queue) await queue();
      return modelState(actor);
    },

    /**
     * Stores labelled articles as training examples (by external id: importing again changes nothing new), audited
     * as one import. Returns how many were new and how many replaced.
     */
    async importExamples(
      actor: Actor,
      rows: readonly { externalId: string; title: string; lead: string; body: string; label: ArticleLabel }[],
    ): Promise<{ inserted: number; updated: number }> {
      policy.assertCanManageClassifier(actor);
      return runInTransaction(async (tx) => {
        const counts = await repo.upsertExamples(tx, rows);
        await recordAudit(tx, actor, {
          action: 'import',
          entityType: 'monitoring_model',
          entityId: null,
          orgUnitId: null,
          summary: `Bài báo gán nhãn để huấn luyện: ${counts.inserted} mới, ${counts.updated} cập nhật`,
          after: counts,
        });
        return counts;
      });
    },

    /** Trains now in this process (the CLI): asks for a run and takes it; null when another worker holds one. */
    async trainNow(actor: Actor): Promise<number | null> {
      policy.assertCanManageClassifier(actor);
      await runInTransaction(async (tx) => {
        if ((await repo.countExamples(tx)) === 0) throw new AppError('monitoring.no_training_examples');
        await repo.requestRun(tx, 'request', actor.userId);
      });
      return this.runPendingTraining();
    },

    /** Lets requests queue the training job (composition root, where the job queue exists). */
    useQueue(send: TrainingQueue): void {
      queue = send;
    },

    /**
     * The nightly retrain asks for a run when officers corrected articles since the last model (and there are
     * labelled examples to train on); true when it asked.
     */
    async requestNightlyTraining(): Promise<boolean> {
      return runInTransaction(async (tx) => {
        const latest = await repo.latestModel(tx);
        if ((await repo.countCorrectionsSince(tx, latest?.trainedAt ?? null)) === 0) return false;
        if ((await repo.countExamples(tx)) === 0) return false;
        return (await repo.requestRun(tx, 'nightly', null)) !== null;
      });
    },

    /**
     * Takes the waiting run, if any, trains and stores the model (audited as the requester's training); a failure
     * is recorded on the run. Returns the new model's id, or null when there was nothing to do.
     */
    async runPendingTraining(): Promise<number | null> {
      const run = await runInTransaction((tx) => repo.takeRun(tx));
      if (!run) return null;
      try {
        const values = await trainFromStore(run.requestedBy);
        return await runInTransaction(async (tx) => {
          const modelId = await repo.insertModel(tx, values);
          await repo.finishRun(tx, run.id, { modelId });
          await recordAudit(tx, SYSTEM_ACTOR, {
            action: 'create',
            entityType: 'monitoring_model',
            entityId: String(modelId),
            orgUnitId: null,
            summary: `Mô hình phân loại tin bài số ${modelId}: ${values.examples} bài gán nhãn, ${values.corrections} bài được hiệu chỉnh (${run.reason === 'nightly' ? 'huấn luyện hằng đêm' : 'theo yêu cầu'})`,
            after: { examples: values.examples, corrections: values.corrections, metrics: values.metrics },
          });
          return modelId;
        });
      } catch (error) {
        await runInTransaction((tx) =>
          repo.finishRun(tx, run.id, { error: String((error as Error)?.message ?? error) }),
        );
        throw error;
      }
    },
  };
}
