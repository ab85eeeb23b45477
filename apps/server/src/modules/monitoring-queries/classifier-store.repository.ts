// The classifier's stored state: lexicon versions, trained models, labelled examples, training runs, and the
// officers' corrections (monitoring_corrections and the corrected articles' text, read with raw sql: the SEARCH
// module writes them).
import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/transaction.js';
import {
  monitoringLexicons as lexicons,
  monitoringModels as models,
  monitoringTrainingExamples as examples,
  monitoringTrainingRuns as runs,
} from './monitoring-queries.table.js';

export interface LexiconRow {
  version: number;
  lexicon: unknown;
  createdAt: Date;
  createdByName: string | null;
}

export interface ModelSummaryRow {
  id: number;
  examples: number;
  corrections: number;
  metrics: Record<string, number> | null;
  trainedAt: Date;
}

export interface ExampleRow {
  externalId: string;
  title: string;
  lead: string;
  body: string;
  label: unknown;
}

/** The latest value an officer set for one field of one article, with the article's text. */
export type CorrectionRow = {
  articleId: string;
  field: string;
  after: unknown;
  title: string;
  lead: string;
  body: string;
};

export type RunRow = {
  id: number;
  state: string;
  reason: string;
  requestedBy: string | null;
};

/** A run "running" for longer than this was abandoned by a worker that died; another worker takes it again. */
export const STALE_RUN_MINUTES = 60;
const notStale = sql`(${runs.state} = 'pending' OR ${runs.startedAt} >= now() - make_interval(mins => ${STALE_RUN_MINUTES}))`;

export const classifierStoreRepository = {
  async latestLexicon(tx: Executor): Promise<LexiconRow | null> {
    const [row] = await tx
      .select({
        version: lexicons.version,
        lexicon: lexicons.lexicon,
        createdAt: lexicons.createdAt,
        createdByName: sql<string | null>`(SELECT u.full_name FROM users u WHERE u.id = ${lexicons.createdBy})`,
      })
      .from(lexicons)
      .orderBy(desc(lexicons.version))
      .limit(1);
    return row ?? null;
  },

  /** Stores a new lexicon version; false when that version exists already (someone saved first). */
  async insertLexicon(tx: Executor, version: number, lexicon: unknown, userId: string | null): Promise<boolean> {
    const inserted = await tx
      .insert(lexicons)
      .values({ version, lexicon, createdBy: userId })
      .onConflictDoNothing()
      .returning({ version: lexicons.version });
    return inserted.length === 1;
  },

  async latestModel(tx: Executor): Promise<ModelSummaryRow | null> {
    const [row] = await tx
      .select({
        id: models.id,
        examples: models.examples,
        corrections: models.corrections,
        metrics: sql<Record<string, number> | null>`${models.metrics}`,
        trainedAt: models.trainedAt,
      })
      .from(models)
      .orderBy(desc(models.id))
      .limit(1);
    return row ?? null;
  },

  async insertModel(
    tx: Executor,
    values: {
      model: unknown;
      lexiconVersion: number | null;
      examples: number;
      corrections: number;
      metrics: Record<string, number> | null;
      trainedBy: string | null;
    },
  ): Promise<number> {
    const [row] = await tx.insert(models).values(values).returning({ id: models.id });
    return row!.id;
  },

  /** Corrections made after `since` (all of them when null). */
  async countCorrectionsSince(tx: Executor, since: Date | null): Promise<number> {
    const { rows } = await tx.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM monitoring_corrections
      WHERE ${since === null ? sql`true` : sql`created_at > ${since.toISOString()}::timestamptz`}`);
    return rows[0]?.n ?? 0;
  },

  async countExamples(tx: Executor): Promise<number> {
    const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(examples);
    return row?.n ?? 0;
  },

  async allExamples(tx: Executor): Promise<ExampleRow[]> {
    return tx
      .select({
        externalId: examples.externalId,
        title: examples.title,
        lead: examples.lead,
        body: examples.body,
        label: examples.label,
      })
      .from(examples)
      .orderBy(examples.externalId);
  },

  /** Stores labelled articles by their external id; one already stored is updated (importing twice adds nothing). */
  async upsertExamples(tx: Executor, rows: readonly ExampleRow[]): Promise<{ inserted: number; updated: number }> {
    let inserted = 0;
    for (let at = 0; at < rows.length; at += 500) {
      const result = await tx
        .insert(examples)
        .values(rows.slice(at, at + 500).map((r) => ({ ...r })))
        .onConflictDoUpdate({
          target: examples.externalId,
          set: {
            title: sql`excluded.title`,
            lead: sql`excluded.lead`,
            body: sql`excluded.body`,
            label: sql`excluded.label`,
          },
        })
        .returning({ inserted: sql<boolean>`(xmax = 0)` });
      inserted += result.filter((r) => r.inserted).length;
    }
    return { inserted, updated: rows.length - inserted };
  },

  /** For every corrected article and field, the latest value an officer set, with the article's text. */
  async latestCorrections(tx: Executor): Promise<CorrectionRow[]> {
    const { rows } = await tx.execute<CorrectionRow>(sql`
      SELECT DISTINCT ON (c.article_id, c.field)
        c.article_id AS "articleId", c.field, c.after, a.title, a.lead, a.body
      FROM monitoring_corrections c JOIN monitoring_articles a ON a.id = c.article_id
      ORDER BY c.article_id, c.field, c.created_at DESC, c.id`);
    return rows;
  },

  /** The run waiting or under way (a stale "running" one does not count), or null. */
  async openRun(tx: Executor): Promise<RunRow | null> {
    const [row] = await tx
      .select({ id: runs.id, state: runs.state, reason: runs.reason, requestedBy: runs.requestedBy })
      .from(runs)
      .where(sql`${runs.state} IN ('pending', 'running') AND ${notStale}`)
      .limit(1);
    return row ?? null;
  },

  /** Asks for a training run; null when one is already waiting or running (the one open run is unique). */
  async requestRun(tx: Executor, reason: 'request' | 'nightly', userId: string | null): Promise<number | null> {
    // A run abandoned by a dead worker is closed first, so that it does not block every later request.
    await tx
      .update(runs)
      .set({ state: 'failed', finishedAt: new Date(), error: 'abandoned' })
      .where(sql`${runs.state} = 'running' AND NOT ${notStale}`);
    const inserted = await tx
      .insert(runs)
      .values({ reason, requestedBy: userId })
      .onConflictDoNothing()
      .returning({ id: runs.id });
    return inserted[0]?.id ?? null;
  },

  /** Takes the pending run (or one abandoned while running), marking it running; null when there is none. */
  async takeRun(tx: Executor): Promise<RunRow | null> {
    const { rows } = await tx.execute<RunRow>(sql`
      UPDATE monitoring_training_runs SET state = 'running', started_at = now()
      WHERE id = (
        SELECT id FROM monitoring_training_runs
        WHERE state = 'pending'
           OR (state = 'running' AND started_at < now() - make_interval(mins => ${STALE_RUN_MINUTES}))
        ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, state, reason, requested_by AS "requestedBy"`);
    return rows[0] ?? null;
  },

  async finishRun(tx: Executor, id: number, outcome: { modelId: number } | { error: string }): Promise<void> {
    await tx
      .update(runs)
      .set(
        'modelId' in outcome
          ? { state: 'done', finishedAt: new Date(), modelId: outcome.modelId }
          : { state: 'failed', finishedAt: new Date(), error: outcome.error.slice(0, 2000) },
      )
      .where(eq(runs.id, id));
  },
};

export type ClassifierStoreRepository = typeof classifierStoreRepository;
