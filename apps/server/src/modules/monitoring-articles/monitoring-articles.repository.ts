// One article with everything its page shows, its cluster, its corrections; and the correction write itself
// (the classification columns of the engine's monitoring_articles, updated with raw SQL).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/transaction.js';
import { iso, type ArticleRow } from './articles-search.repository.js';
import { monitoringCorrections } from './monitoring-articles.table.js';

export type ArticleDetailRow = ArticleRow & {
  body: string;
  author: string | null;
  canonical_url: string | null;
  images: unknown;
  predicted: unknown;
  rules: string[];
  evidence: unknown;
};

export type ClusterMemberRow = {
  id: string;
  title: string;
  url: string;
  source_name: string;
  published_at: string | null;
};

export type CorrectionRow = {
  id: string;
  field: string;
  before: unknown;
  after: unknown;
  note: string | null;
  by: string | null;
  created_at: string;
};

/** The classification columns a correction may set. */
export interface ClassificationColumns {
  relevanceLevel?: string;
  relevanceScore?: number;
  sentiment?: string;
  flags?: string[];
  unit?: string;
}

export interface NewCorrection {
  articleId: string;
  field: string;
  before: unknown;
  after: unknown;
  note: string | null;
  userId: string | null;
}

export const monitoringArticlesRepository = {
  /** The article with its full text and the machine's reasons; `lock` holds it for a correction. */
  async findById(tx: Executor, id: string, lock = false): Promise<ArticleDetailRow | null> {
    const { rows } = await tx.execute<ArticleDetailRow>(sql`
      SELECT a.id, a.url, a.title, a.lead, a.body, a.author, a.canonical_url, a.images,
             a.source_id, a.source_name, ${iso('a.published_at')} AS published_at,
             ${iso('a.fetched_at')} AS fetched_at, a.cluster_id,
             coalesce((SELECT c.article_count FROM monitoring_clusters c WHERE c.id = a.cluster_id), 1)::int
               AS cluster_size,
             a.relevance_level, a.relevance_score, a.sentiment, a.flags, a.unit,
             ${iso('a.corrected_at')} AS corrected_at, a.predicted, a.rules, a.evidence,
             coalesce((SELECT jsonb_agg(jsonb_build_object('id', q.id, 'name', q.name) ORDER BY q.name)
                         FROM monitoring_queries q WHERE q.id = ANY(a.matched_query_ids)), '[]'::jsonb)
               AS matched_queries
        FROM monitoring_articles a WHERE a.id = ${id} ${lock ? sql`FOR UPDATE OF a` : sql``}`);
    return rows[0] ?? null;
  },

  /** The other articles of a cluster, first appearance first. */
  async listCluster(tx: Executor, clusterId: string, exceptId: string, limit: number): Promise<ClusterMemberRow[]> {
    const { rows } = await tx.execute<ClusterMemberRow>(sql`
      SELECT id, title, url, source_name, ${iso('published_at')} AS published_at FROM monitoring_articles
       WHERE cluster_id = ${clusterId} AND id <> ${exceptId} ORDER BY seq LIMIT ${limit}`);
    return rows;
  },

  /** An article's corrections, oldest first, with who made them. */
  async listCorrections(tx: Executor, articleId: string): Promise<CorrectionRow[]> {
    const { rows } = await tx.execute<CorrectionRow>(sql`
      SELECT k.id, k.field, k.before, k.after, k.note, u.full_name AS by, ${iso('k.created_at')} AS created_at
        FROM monitoring_corrections k LEFT JOIN users u ON u.id = k.user_id
       WHERE k.article_id = ${articleId} ORDER BY k.created_at, k.field`);
    return rows;
  },

  async insertCorrections(tx: Executor, rows: NewCorrection[]): Promise<void> {
    if (rows.length > 0) await tx.insert(monitoringCorrections).values(rows);
  },

  /** Sets the corrected classification columns and corrected_at. */
  async updateClassification(tx: Executor, id: string, values: ClassificationColumns): Promise<void> {
    const sets: ReturnType<typeof sql>[] = [sql`corrected_at = now()`];
    if (values.relevanceLevel !== undefined) sets.push(sql`relevance_level = ${values.relevanceLevel}`);
    if (values.relevanceScore !== undefined) sets.push(sql`relevance_score = ${values.relevanceScore}`);
    if (values.sentiment !== undefined) sets.push(sql`sentiment = ${values.sentiment}`);
    if (values.flags !== undefined) sets.push(sql`flags = ${`{${values.flags.join(',')}}`}::text[]`);
    if (values.unit !== undefined) sets.push(sql`unit = ${values.unit}`);
    await tx.execute(sql`UPDATE monitoring_articles SET ${sql.join(sets, sql`, `)} WHERE id = ${id}`);
  },
};

export type MonitoringArticlesRepository = typeof monitoringArticlesRepository;
