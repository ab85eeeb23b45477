// What editions are compiled from, read with raw SQL from the tables of other modules: monitored articles with their
// stories and sources (monitoring), org units, and subscriptions (press-review-delivery).
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/transaction.js';

export interface ArticleRow {
  id: string;
  clusterId: string;
  seq: number;
  title: string;
  lead: string;
  body: string;
  url: string;
  sourceName: string;
  tier: string | null;
  province: { id: string; code: string; name: string } | null;
  relevanceLevel: string;
  relevanceScore: number;
  sentiment: string;
  flags: string[];
  unit: string;
  sortAt: string;
}

type RawArticle = {
  id: string;
  cluster_id: string;
  seq: number;
  title: string;
  lead: string;
  body: string;
  url: string;
  source_name: string;
  tier: string | null;
  province_id: string | null;
  province_code: string | null;
  province_name: string | null;
  relevance_level: string;
  relevance_score: number;
  sentiment: string;
  flags: string[];
  unit: string;
  sort_at: Date;
};

// The body is only read for the extract's first sentences.
const SELECT = sql`
  SELECT a.id, a.cluster_id, a.seq, a.title, a.lead, left(a.body, 4000) AS body, a.url, a.source_name, s.tier,
         p.id AS province_id, p.code AS province_code, p.name AS province_name,
         a.relevance_level, a.relevance_score, a.sentiment, a.flags, a.unit, a.sort_at
    FROM monitoring_articles a
    JOIN monitoring_clusters c ON c.id = a.cluster_id
    LEFT JOIN monitoring_sources s ON s.id = a.source_id
    LEFT JOIN org_units p ON p.id = s.area_unit_id`;

/** A source in the subtree of `scopePath`: the province it covers, or the unit that keeps it; null: every source. */
function inScope(scopePath: string | null): SQL {
  if (scopePath === null) return sql`true`;
  return sql`EXISTS (SELECT 1 FROM org_units u
                      WHERE u.id IN (s.area_unit_id, s.org_unit_id) AND u.path LIKE ${`${scopePath}%`})`;
}

function toArticle(row: RawArticle): ArticleRow {
  return {
    id: row.id,
    clusterId: row.cluster_id,
    seq: Number(row.seq),
    title: row.title,
    lead: row.lead,
    body: row.body,
    url: row.url,
    sourceName: row.source_name,
    tier: row.tier,
    province:
      row.province_id && row.province_code && row.province_name
        ? { id: row.province_id, code: row.province_code, name: row.province_name }
        : null,
    relevanceLevel: row.relevance_level,
    relevanceScore: Number(row.relevance_score),
    sentiment: row.sentiment,
    flags: row.flags,
    unit: row.unit,
    sortAt: new Date(row.sort_at).toISOString(),
  };
}

export const reviewSourcesRepository = {
  /**
   * The core and peripheral articles published (or, undated, arrived) in [from, to) from sources in scope, in
   * arrival order.
   */
  async windowArticles(tx: Executor, from: Date, to: Date, scopePath: string | null): Promise<ArticleRow[]> {
    const { rows } = await tx.execute<RawArticle>(sql`${SELECT}
       WHERE a.sort_at >= ${from.toISOString()} AND a.sort_at < ${to.toISOString()}
         AND a.relevance_level IN ('core', 'peripheral') AND ${inScope(scopePath)}
       ORDER BY a.seq`);
    return rows.map(toArticle);
  },

  /** Every article of the story `articleId` belongs to, from sources in scope; empty when that article is not in scope. */
  async storyArticles(tx: Executor, articleId: string, scopePath: string | null): Promise<ArticleRow[]> {
    const { rows } = await tx.execute<RawArticle>(sql`${SELECT}
       WHERE a.cluster_id = (SELECT cluster_id FROM monitoring_articles WHERE id = ${articleId})
         AND ${inScope(scopePath)}
       ORDER BY a.seq`);
    const articles = rows.map(toArticle);
    return articles.some((a) => a.id === articleId) ? articles : [];
  },

  /** Provinces with an active subscription of `kind` to their own edition: the job compiles one for each. */
  async provincesWithOwnSubscribers(tx: Executor, kind: string): Promise<string[]> {
    const { rows } = await tx.execute<{ id: string }>(sql`
      SELECT DISTINCT u.id, u.code FROM press_review_subscriptions s JOIN org_units u ON u.id = s.source_unit_id
       WHERE s.kind = ${kind} AND s.active AND u.kind = 'province' ORDER BY u.code`);
    return rows.map((row) => row.id);
  },
};

export type ReviewSourcesRepository = typeof reviewSourcesRepository;
