// Ingest (issue 12 §8): the one door every article comes in by — the fetcher, file imports, other tools, the CLI.
// Items are validated one by one (a broken one is reported in its place, the rest kept), a URL already known returns
// its stored result and writes nothing, batches are serialised across instances by a transaction-level advisory lock,
// articles and clusters are written in bulk, one audit entry covers the batch. After the commit, listeners registered
// with `onIngested` hear how many articles were stored (the alert evaluator and the incidents' arrivals, decision
// 0039, take it from there). Decision 0033.
import { randomUUID } from 'node:crypto';
import {
  INGEST_MAX_ARTICLES,
  type TClassification,
  type TIngestArticle,
  type TIngestItemError,
  type TIngestResponse,
  type TIngestResult,
  type TLocale,
  ZId,
  ZIngestArticle,
} from '@loa/contracts';
import { hasRole, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { fieldError, forbidden, type FieldError } from '../../platform/errors.js';
import { errorMessage, fieldMessage } from '../../platform/i18n/messages.js';
import type { MonitoringEngine } from './engine.service.js';
import { processArticle, type ProcessedArticle } from './ingest-pipeline.js';
import type { KnownArticle, MonitoringRepository, NewArticleRow } from './monitoring.repository.js';
import { urlKey } from './url-normalise.js';

export interface IngestDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  recordAudit: RecordAudit;
  repo: Pick<
    MonitoringRepository,
    'lockIngest' | 'sourceName' | 'knownByUrlKeys' | 'insertArticles' | 'upsertClusters'
  >;
  engine: MonitoringEngine;
  /** The clock (tests move it). */
  now?: () => Date;
  /** Where a failing `onIngested` listener is reported (console.warn by default). */
  warn?: (message: string) => void;
}

/** Told after the commit of a batch that stored articles, with how many it stored. */
export type IngestedListener = (stored: number) => void | Promise<void>;

export interface IngestInput {
  articles: unknown[];
  sourceId?: string | null;
}

/** Articles classified between two turns of the event loop (about 20 ms of work). */
const YIELD_EVERY = 16;
/** Scores are stored as `real`: rounded so that the stored result reads back as it was first returned. */
const roundScore = (score: number) => Math.round(Math.min(1, Math.max(0, score)) * 10_000) / 10_000;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function itemError(index: number, fields: FieldError[], lang: TLocale): TIngestItemError {
  return {
    index,
    error: {
      code: 'validation.failed',
      message: errorMessage('validation.failed', lang),
      errors: fields.map((f) => ({ field: f.field, code: f.code, message: fieldMessage(f.code, lang, f.params) })),
    },
  };
}

/** zod issues of one item as field errors (the contracts' messages are the codes). */
function issuesToFields(issues: readonly { path: PropertyKey[]; message: string; code: string }[]): FieldError[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || 'article';
    const params = issue as unknown as { maximum?: number; minimum?: number; expected?: string };
    if (issue.message.startsWith('validation.')) {
      return { field, code: issue.message, params: { maximum: params.maximum, minimum: params.minimum } };
    }
    if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
      return { field, code: 'validation.required' };
    }
    if (issue.code === 'invalid_type') {
      return { field, code: 'validation.invalid_type', params: { expected: params.expected ?? '' } };
    }
    return { field, code: 'validation.invalid' };
  });
}

/** Matched queries in Vietnamese order of their names (the same order for new and stored results). */
const byName = (a: { id: string; name: string }, b: { id: string; name: string }) =>
  a.name.localeCompare(b.name, 'vi') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function storedResult(known: KnownArticle): TIngestResult {
  return {
    id: known.id,
    duplicateOf: known.clusterId === known.id ? null : known.clusterId,
    relevance: { level: known.relevanceLevel as TClassification['relevance']['level'], score: known.relevanceScore },
    sentiment: known.sentiment as TClassification['sentiment'],
    flags: known.flags as TClassification['flags'],
    unit: known.unit as TClassification['unit'],
    matchedQueries: [...known.matchedQueries].sort(byName),
  };
}

export function createIngestService(deps: IngestDeps) {
  const { db, runInTransaction, recordAudit, repo, engine } = deps;
  const now = deps.now ?? (() => new Date());
  const warn = deps.warn ?? ((message: string) => console.warn(message));
  const listeners: IngestedListener[] = [];

  /** Tells every listener, one after the other; a failing one is reported and never fails the ingest. */
  async function told(stored: number) {
    for (const listener of listeners) {
      try {
        await listener(stored);
      } catch (error) {
        warn(`monitoring ingest: a listener failed after ${stored} articles were stored: ${String(error)}`);
      }
    }
  }

  async function ingest(actor: Actor, input: IngestInput, lang: TLocale): Promise<TIngestResponse> {
    if (!hasRole(actor, 'admin', 'comms_center')) throw forbidden();
    if (!Array.isArray(input.articles)) {
      throw fieldError('articles', 'validation.invalid_type', { expected: 'array' });
    }
    if (input.articles.length > INGEST_MAX_ARTICLES) {
      throw fieldError('articles', 'validation.too_many_items', { maximum: INGEST_MAX_ARTICLES });
    }
    const sourceId = input.sourceId ?? null;
    if (sourceId !== null && !ZId.safeParse(sourceId).success) {
      throw fieldError('sourceId', 'validation.unknown_monitoring_source');
    }
    const results: TIngestResponse['results'] = new Array(input.articles.length);
    const valid: { index: number; article: TIngestArticle; key: string }[] = [];
    input.articles.forEach((item, index) => {
      const parsed = ZIngestArticle.safeParse(item);
      if (!parsed.success) return void (results[index] = itemError(index, issuesToFields(parsed.error.issues), lang));
      const key = urlKey(parsed.data.url);
      if (!key)
        return void (results[index] = itemError(index, [{ field: 'url', code: 'validation.invalid_url' }], lang));
      valid.push({ index, article: parsed.data, key });
    });

    const sourceName = sourceId === null ? null : await repo.sourceName(db, sourceId);
    if (sourceId !== null && sourceName === null) throw fieldError('sourceId', 'validation.unknown_monitoring_source');
    const keys = [...new Set(valid.map((v) => v.key))];
    // Classifying is the costly part and needs no lock: it is done first, for the URLs not known yet, while another
    // batch may be writing. Known URLs are checked again under the lock.
    await engine.syncClassifier(db);
    const knownBefore = new Set((await repo.knownByUrlKeys(db, keys)).map((k) => k.urlKey));
    const fetchedAt = now();
    const processed = new Map<string, ProcessedArticle>();
    const classify = (article: TIngestArticle, key: string) => {
      let done = processed.get(key);
      if (!done)
        processed.set(key, (done = processArticle(article, { fetchedAt, sourceName }, engine.pipelineState())!));
      return done;
    };
    let sinceYield = 0;
    for (const { article, key } of valid) {
      if (knownBefore.has(key)) continue;
      classify(article, key);
      // Let another batch that holds the lock go on with its writes (and release it) between articles.
      if (++sinceYield % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    }

    let began = false;
    let response: TIngestResponse;
    try {
      response = await runInTransaction(async (tx) => {
        await repo.lockIngest(tx);
        await engine.syncArticles(tx);
        const known = new Map((await repo.knownByUrlKeys(tx, keys)).map((k) => [k.urlKey, k]));
        const inBatch = new Map<string, TIngestResult>();
        const stored: { row: NewArticleRow; article: ProcessedArticle }[] = [];
        let knownCount = 0;
        engine.beginChanges();
        began = true;
        for (const { index, article, key } of valid) {
          const earlier = known.get(key);
          const repeated = earlier ? storedResult(earlier) : inBatch.get(key);
          if (repeated) {
            results[index] = repeated;
            knownCount++;
            continue;
          }
          const item = classify(article, key);
          const id = randomUUID();
          const match = engine.neardup.add({ id, urlKey: item.urlKey, signature: item.signature });
          const c = item.classification;
          const classification: TClassification = {
            relevance: { level: c.relevance.level, score: roundScore(c.relevance.score) },
            sentiment: c.sentiment,
            flags: c.flags,
            unit: c.unit,
          };
          const row: NewArticleRow = {
            id,
            sourceId,
            sourceName: item.sourceName,
            url: item.url,
            urlKey: item.urlKey,
            canonicalUrl: item.canonicalUrl,
            title: item.title,
            lead: item.lead,
            body: item.body,
            author: item.author,
            publishedAt: item.publishedAt,
            fetchedAt,
            sortAt: item.sortAt,
            images: item.images,
            signature: item.signature,
            clusterId: match.duplicateOf ?? id,
            relevanceLevel: classification.relevance.level,
            relevanceScore: classification.relevance.score,
            sentiment: classification.sentiment,
            flags: classification.flags,
            unit: classification.unit,
            rules: c.rules,
            evidence: item.evidence,
            matchedQueryIds: item.matchedQueryIds,
            predicted: classification,
            searchTokens: item.searchTokens,
          };
          stored.push({ row, article: item });
          const result: TIngestResult = {
            ...classification,
            id,
            duplicateOf: match.duplicateOf,
            matchedQueries: item.matchedQueryIds
              .map((qid) => ({ id: qid, name: engine.query(qid)?.name ?? '' }))
              .sort(byName),
          };
          inBatch.set(key, result);
          results[index] = result;
        }
        const rows = stored.map((s) => s.row);
        const maxSeq = await repo.insertArticles(tx, rows);
        await repo.upsertClusters(
          tx,
          rows.map((r) => ({ clusterId: r.clusterId, at: fetchedAt })),
        );
        const accepted = rows.length;
        const rejected = input.articles.length - accepted - knownCount;
        if (accepted > 0) {
          await recordAudit(tx, actor, {
            action: 'ingest',
            entityType: 'monitoring_ingest',
            entityId: sourceId,
            orgUnitId: null,
            summary: clip(
              `${sourceName ?? 'Nhận bài'}: ${accepted} bài mới, ${knownCount} bài đã có, ${rejected} bài lỗi`,
              300,
            ),
            after: {
              accepted,
              known: knownCount,
              rejected,
              sourceId,
              newClusters: rows.filter((r) => r.clusterId === r.id).length,
            },
          });
        }
        engine.endChanges(maxSeq);
        return { results, accepted, known: knownCount, rejected };
      });
    } catch (error) {
      if (began) engine.abandonChanges();
      throw error;
    }
    if (response.accepted > 0) await told(response.accepted);
    return response;
  }

  return {
    ingest,
    /** Registers a listener told after the commit of every batch that stored articles, with how many. */
    onIngested(listener: IngestedListener): void {
      listeners.push(listener);
    },
  };
}

export type IngestService = ReturnType<typeof createIngestService>;
