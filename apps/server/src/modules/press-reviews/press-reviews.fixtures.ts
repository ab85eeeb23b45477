// Monitored articles for the press-review db tests, stored as the ingest engine stores them (raw SQL, so that each
// test decides the classification, the source's tier and the time exactly).
import type { TestApp } from '../../../test/test-app.js';

export interface FixtureSource {
  id: string;
  name: string;
}

/** A registered monitoring source of `tier`, covering the province `areaCode` (if any), kept by `orgCode`. */
export async function storeSource(
  t: TestApp,
  name: string,
  tier: 'national' | 'provincial' | 'social',
  areaCode: string | null = null,
  orgCode = 'TT',
): Promise<FixtureSource> {
  const { rows } = await t.db.pool.query<{ id: string }>(
    `INSERT INTO monitoring_sources (name, kind, tier, area_unit_id, org_unit_id)
     VALUES ($1, 'manual', $2, (SELECT id FROM org_units WHERE code = $3), (SELECT id FROM org_units WHERE code = $4))
     RETURNING id`,
    [name, tier, areaCode, orgCode],
  );
  return { id: rows[0]!.id, name };
}

export interface FixtureArticle {
  source: FixtureSource;
  title: string;
  /** ISO instant it was published. */
  at: string;
  lead?: string;
  body?: string;
  /** The first article of the story it is a copy of; a new story when absent. */
  storyOf?: string;
  relevance?: 'core' | 'peripheral' | 'unrelated';
  score?: number;
  sentiment?: 'negative' | 'neutral' | 'positive' | 'na';
  flags?: string[];
  unit?: string;
}

let articleNo = 0;

/** Stores an article and its story (a new cluster, or one more copy in `storyOf`'s); returns its id. */
export async function storeArticle(t: TestApp, a: FixtureArticle): Promise<string> {
  articleNo += 1;
  const id = globalThis.crypto.randomUUID();
  const url = `https://bao.example.vn/${articleNo}-${id.slice(0, 8)}`;
  await t.db.pool.query(
    `INSERT INTO monitoring_articles (id, source_id, source_name, url, url_key, title, lead, body, published_at, sort_at,
       cluster_id, relevance_level, relevance_score, sentiment, flags, unit, predicted)
     VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8, $8, $9, $10, $11, $12, $13, $14, '{}')`,
    [
      id,
      a.source.id,
      a.source.name,
      url,
      a.title,
      a.lead ?? '',
      a.body ?? '',
      a.at,
      a.storyOf ?? id,
      a.relevance ?? 'core',
      a.score ?? 0.9,
      a.sentiment ?? 'neutral',
      a.flags ?? [],
      a.unit ?? 'csxh',
    ],
  );
  if (a.storyOf) {
    await t.db.pool.query('UPDATE monitoring_clusters SET article_count = article_count + 1 WHERE id = $1', [
      a.storyOf,
    ]);
  } else {
    await t.db.pool.query(
      'INSERT INTO monitoring_clusters (id, article_count, first_seen_at, last_seen_at) VALUES ($1, 1, $2, $2)',
      [id, a.at],
    );
  }
  return id;
}
