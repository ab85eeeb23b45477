import {
  ARTICLE_FACETS,
  OWNING_UNIT_CODES,
  OWNING_UNIT_LABELS,
  ZClassification,
  ZFlagEvidence,
  type TArticleCorrection,
  type TArticleDetail,
  type TArticleFacet,
  type TArticleSearchQuery,
  type TArticleSearchResult,
  type TArticleSummary,
  type TCorrectArticleRequest,
  type TFacetValue,
  type TLocale,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { fieldError, notFound } from '../../platform/errors.js';
import type { NotifyInput } from '../notifications/index.js';
import type { ArticleFilters, ArticlesSearchRepository } from './articles-search.repository.js';
import { planCorrection } from './corrections.js';
import type { ArticleDetailRow, MonitoringArticlesRepository } from './monitoring-articles.repository.js';
import { monitoringArticlesPolicy as policy } from './monitoring-articles.policy.js';
import { classificationOf, cutText, facetLabel, toSummary } from './present.js';
import { parseSearchTerms, toTsQuery, type SearchTerm } from './search-terms.js';

export interface MonitoringArticlesDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: MonitoringArticlesRepository;
  search: ArticlesSearchRepository;
  recordAudit: RecordAudit;
  units: { findByCode(tx: Executor, code: string): Promise<{ id: string } | null> };
  notify: (tx: Tx, actor: Actor, input: NotifyInput) => Promise<number>;
}

/** The export reads this many rows per query. */
export const EXPORT_CHUNK = 1000;
/** The detail lists at most this many other articles of the cluster. */
const CLUSTER_LIMIT = 200;

/** The search terms and filters of a query; a period ending before it starts is a field error. */
function filtersOf(query: TArticleSearchQuery): { terms: SearchTerm[]; filters: ArticleFilters } {
  if (query.from && query.to && query.from > query.to) throw fieldError('to', 'validation.date_order');
  const terms = parseSearchTerms(query.q);
  return {
    terms,
    filters: {
      tsquery: toTsQuery(terms),
      source: query.source,
      from: query.from,
      to: query.to,
      relevance: query.relevance,
      sentiment: query.sentiment,
      flag: query.flag,
      unit: query.unit,
      query: query.query,
      cluster: query.cluster,
      corrected: query.corrected === undefined ? undefined : query.corrected === 'true',
      collapse: query.collapse === 'true',
    },
  };
}

/** The stored evidence rows that have the contract's shape (the engine writes them; a bad one is left out). */
function evidenceOf(value: unknown): TArticleDetail['evidence'] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = ZFlagEvidence.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export function createMonitoringArticlesService(deps: MonitoringArticlesDeps) {
  const { db, runInTransaction, repo, search, recordAudit, units, notify } = deps;

  async function detail(tx: Executor, actor: Actor, row: ArticleDetailRow): Promise<TArticleDetail> {
    const [cluster, corrections] = await Promise.all([
      repo.listCluster(tx, row.cluster_id, row.id, CLUSTER_LIMIT),
      repo.listCorrections(tx, row.id),
    ]);
    const current = classificationOf(row);
    const predicted = ZClassification.safeParse(row.predicted);
    return {
      ...toSummary(row),
      // The page shows the whole lead; without one, the body's beginning as in the list.
      lead: row.lead !== '' ? row.lead : cutText(row.body),
      body: row.body,
      author: row.author,
      canonicalUrl: row.canonical_url,
      images: Array.isArray(row.images) ? row.images.filter((i): i is string => typeof i === 'string') : [],
      predicted: predicted.success ? predicted.data : current,
      rules: row.rules,
      evidence: evidenceOf(row.evidence),
      corrections: corrections.map((c): TArticleCorrection => ({
        id: c.id,
        field: c.field as TArticleCorrection['field'],
        before: c.before,
        after: c.after,
        note: c.note,
        by: c.by ?? '',
        at: c.created_at,
      })),
      cluster: cluster.map((m) => ({
        id: m.id,
        title: m.title,
        url: m.url,
        sourceName: m.source_name,
        publishedAt: m.published_at,
      })),
      canCorrect: policy.canCorrect(actor),
    };
  }

  return {
    /** Matching articles (one per cluster when collapsed), one page, with facet counts labelled in `lang`. */
    async search(actor: Actor, query: TArticleSearchQuery, lang: TLocale): Promise<TArticleSearchResult> {
      policy.assertCanRead(actor);
      const { terms, filters } = filtersOf(query);
      const offset = (query.page - 1) * query.pageSize;
      const [page, ...facetRows] = await Promise.all([
        search.search(db, filters, query.sort, query.pageSize, offset),
        ...ARTICLE_FACETS.map((facet) => search.facet(db, filters, facet)),
      ]);
      const facets = Object.fromEntries(
        ARTICLE_FACETS.map((facet, i) => [
          facet,
          facetRows[i]!.map((r): TFacetValue => ({
            value: r.value,
            label: facetLabel(facet, r.value, r.label, lang),
            count: r.n,
          })),
        ]),
      ) as Record<TArticleFacet, TFacetValue[]>;
      return { items: page.rows.map((row) => toSummary(row, terms)), total: page.total, facets };
    },

    /**
     * Every matching article in the query's order, in chunks (for the streamed export). The query is checked
     * before the first chunk is asked for, so a bad one fails before anything is sent.
     */
    exportChunks(actor: Actor, query: TArticleSearchQuery): AsyncIterable<TArticleSummary[]> {
      policy.assertCanRead(actor);
      const { filters } = filtersOf(query);
      const chunks = search.readAll(db, filters, query.sort, EXPORT_CHUNK);
      return {
        async *[Symbol.asyncIterator]() {
          for await (const rows of chunks) yield rows.map((row) => toSummary(row));
        },
      };
    },

    /** The article with its cluster, the machine's prediction beside the current values, and its corrections. */
    async getArticle(actor: Actor, id: string): Promise<TArticleDetail> {
      policy.assertCanRead(actor);
      const row = await repo.findById(db, id);
      if (!row) throw notFound('monitoring_article');
      return detail(db, actor, row);
    },

    /**
     * Corrects the fields sent that differ from the current values: one correction row each (before, after, note),
     * the article's columns and corrected_at updated, audited; a new owning unit is told. Nothing that changes
     * nothing is written.
     */
    async correct(actor: Actor, id: string, request: TCorrectArticleRequest): Promise<TArticleDetail> {
      policy.assertCanCorrect(actor);
      return runInTransaction(async (tx) => {
        const row = await repo.findById(tx, id, true);
        if (!row) throw notFound('monitoring_article');
        const before = classificationOf(row);
        const plan = planCorrection(before, request);
        if (plan.changes.length === 0) return detail(tx, actor, row);
        const note = request.note ? request.note : null;
        await repo.insertCorrections(
          tx,
          plan.changes.map((c) => ({ articleId: id, ...c, note, userId: actor.userId })),
        );
        await repo.updateClassification(tx, id, plan.columns);
        await recordAudit(tx, actor, {
          action: 'correct',
          entityType: 'monitoring_article',
          entityId: id,
          orgUnitId: actor.orgUnitId,
          summary: `${row.title} (${row.source_name})`.slice(0, 300),
          before: Object.fromEntries(plan.changes.map((c) => [c.field, c.before])),
          after: { ...Object.fromEntries(plan.changes.map((c) => [c.field, c.after])), ...(note ? { note } : {}) },
        });
        const unit = plan.columns.unit;
        const code = unit ? OWNING_UNIT_CODES[unit] : null;
        const target = code ? await units.findByCode(tx, code) : null;
        if (unit && target) {
          const label = OWNING_UNIT_LABELS[unit];
          await notify(tx, actor, {
            recipients: { orgUnitIds: [target.id] },
            kind: 'assignment',
            title: {
              vi: `Bài báo chuyển ${label.vi} xử lý: ${row.title}`,
              en: `Article routed to the ${label.en}: ${row.title}`,
            },
            body: note ? { vi: note, en: note } : undefined,
            link: `/monitoring/articles/${id}`,
            entityType: 'monitoring_article',
            entityId: id,
          });
        }
        const updated = await repo.findById(tx, id);
        return detail(tx, actor, updated!);
      });
    },
  };
}

export type MonitoringArticlesService = ReturnType<typeof createMonitoringArticlesService>;
