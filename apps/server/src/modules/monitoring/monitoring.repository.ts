// The monitoring engine's storage: the state it keeps in memory (read back cheaply at every batch), stored results of
// known URLs, and the bulk writes of articles and clusters. Other modules' tables (queries, lexicons, models, training
// examples, sources, the official-channels registry) are read with raw SQL, never through their table files.
import { sql } from 'drizzle-orm';
import type { TFlagEvidence } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';

/** The transaction-level advisory lock every ingest batch takes ("Loa" + issue 12): batches run one at a time. */
const INGEST_LOCK = 0x4c6f610012;

/** What tells, in one round trip, whether anything the engine holds in memory changed since the last batch. */
export interface StateStamps {
  maxSeq: number;
  queries: string;
  lexiconVersion: number | null;
  modelId: number | null;
  trainingExamples: number;
  channels: string;
}

export interface StoredSignature {
  seq: number;
  id: string;
  urlKey: string;
  signature: Uint32Array | null;
  clusterId: string;
}

export type QueryRow = {
  id: string;
  name: string;
  text: string;
  orgUnitId: string;
  alert: string;
  alertMinRelevance: string;
};

export type KnownArticle = {
  id: string;
  urlKey: string;
  clusterId: string;
  relevanceLevel: string;
  relevanceScore: number;
  sentiment: string;
  flags: string[];
  unit: string;
  matchedQueries: { id: string; name: string }[];
};

export interface NewArticleRow {
  id: string;
  sourceId: string | null;
  sourceName: string;
  url: string;
  urlKey: string;
  canonicalUrl: string | null;
  title: string;
  lead: string;
  body: string;
  author: string | null;
  publishedAt: Date | null;
  fetchedAt: Date;
  sortAt: Date;
  images: string[];
  signature: Uint32Array | null;
  clusterId: string;
  relevanceLevel: string;
  relevanceScore: number;
  sentiment: string;
  flags: string[];
  unit: string;
  rules: string[];
  evidence: TFlagEvidence[];
  matchedQueryIds: string[];
  predicted: unknown;
  searchTokens: string;
}

/** Signatures are stored little-endian whatever the machine. */
export function encodeSignature(signature: Uint32Array): Buffer {
  const buffer = Buffer.alloc(signature.length * 4);
  for (let i = 0; i < signature.length; i++) buffer.writeUInt32LE(signature[i]!, i * 4);
  return buffer;
}

export function decodeSignature(buffer: Buffer): Uint32Array {
  const signature = new Uint32Array(buffer.length >>> 2);
  for (let i = 0; i < signature.length; i++) signature[i] = buffer.readUInt32LE(i * 4);
  return signature;
}

const column = <T>(rows: readonly NewArticleRow[], pick: (row: NewArticleRow) => T) => sql.param(rows.map(pick));

export const monitoringRepository = {
  async lockIngest(tx: Executor): Promise<void> {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${INGEST_LOCK}::bigint)`);
  },

  async stateStamps(tx: Executor): Promise<StateStamps> {
    const { rows } = await tx.execute<{
      max_seq: string | null;
      queries: string;
      lexicon_version: number | null;
      model_id: string | null;
      training_examples: number;
      channels: string;
    }>(sql`
      SELECT (SELECT max(seq) FROM monitoring_articles) AS max_seq,
             (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM monitoring_queries) AS queries,
             (SELECT max(version) FROM monitoring_lexicons) AS lexicon_version,
             (SELECT max(id) FROM monitoring_models) AS model_id,
             (SELECT count(*)::int FROM monitoring_training_examples) AS training_examples,
             (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM official_channels) AS channels`);
    const row = rows[0]!;
    return {
      maxSeq: Number(row.max_seq ?? 0),
      queries: row.queries,
      lexiconVersion: row.lexicon_version,
      modelId: row.model_id === null ? null : Number(row.model_id),
      trainingExamples: row.training_examples,
      channels: row.channels,
    };
  },

  /** Articles stored after `seq`, in arrival order (what another instance ingested since this one last looked). */
  async signaturesAfter(tx: Executor, seq: number): Promise<StoredSignature[]> {
    const { rows } = await tx.execute<{
      seq: string;
      id: string;
      url_key: string;
      signature: Buffer | null;
      cluster_id: string;
    }>(sql`SELECT seq, id, url_key, signature, cluster_id FROM monitoring_articles WHERE seq > ${seq} ORDER BY seq`);
    return rows.map((r) => ({
      seq: Number(r.seq),
      id: r.id,
      urlKey: r.url_key,
      signature: r.signature ? decodeSignature(r.signature) : null,
      clusterId: r.cluster_id,
    }));
  },

  async enabledQueries(tx: Executor): Promise<QueryRow[]> {
    const { rows } = await tx.execute<QueryRow>(sql`
      SELECT id, name, text, org_unit_id AS "orgUnitId", alert, alert_min_relevance AS "alertMinRelevance"
        FROM monitoring_queries WHERE enabled ORDER BY id`);
    return rows;
  },

  async latestLexicon(tx: Executor): Promise<unknown> {
    const { rows } = await tx.execute<{ lexicon: unknown }>(
      sql`SELECT lexicon FROM monitoring_lexicons ORDER BY version DESC LIMIT 1`,
    );
    return rows[0]?.lexicon ?? null;
  },

  async latestModel(tx: Executor): Promise<unknown> {
    const { rows } = await tx.execute<{ model: unknown }>(
      sql`SELECT model FROM monitoring_models ORDER BY id DESC LIMIT 1`,
    );
    return rows[0]?.model ?? null;
  },

  async trainingExamples(tx: Executor): Promise<{ title: string; lead: string; body: string; label: unknown }[]> {
    const { rows } = await tx.execute<{ title: string; lead: string; body: string; label: unknown }>(
      sql`SELECT title, lead, body, label FROM monitoring_training_examples ORDER BY external_id`,
    );
    return rows;
  },

  async registryInForce(
    tx: Executor,
  ): Promise<{ kind: string; value: string; display: string; status: string; note: string | null }[]> {
    const { rows } = await tx.execute<{ kind: string; value: string; display: string; status: string; note: string }>(
      sql`SELECT kind, value, display, status, note FROM official_channels WHERE retired_at IS NULL
          ORDER BY kind, value`,
    );
    return rows;
  },

  async sourceName(tx: Executor, sourceId: string): Promise<string | null> {
    const { rows } = await tx.execute<{ name: string }>(
      sql`SELECT name FROM monitoring_sources WHERE id = ${sourceId}`,
    );
    return rows[0]?.name ?? null;
  },

  /** The stored result of each article already known by one of `urlKeys` (queries since deleted are left out). */
  async knownByUrlKeys(tx: Executor, urlKeys: readonly string[]): Promise<KnownArticle[]> {
    if (urlKeys.length === 0) return [];
    const { rows } = await tx.execute<KnownArticle>(sql`
      SELECT a.id, a.url_key AS "urlKey", a.cluster_id AS "clusterId", a.relevance_level AS "relevanceLevel",
             a.relevance_score AS "relevanceScore", a.sentiment, a.flags, a.unit,
             coalesce((SELECT json_agg(json_build_object('id', q.id, 'name', q.name) ORDER BY q.name, q.id)
                         FROM monitoring_queries q WHERE q.id = ANY(a.matched_query_ids)), '[]') AS "matchedQueries"
        FROM monitoring_articles a
       WHERE a.url_key = ANY(${sql.param([...urlKeys])}::text[])`);
    return rows;
  },

  /** Inserts the articles in the given order (arrival order is `seq` order); returns the largest seq written. */
  async insertArticles(tx: Executor, rows: readonly NewArticleRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const json = (value: unknown) => JSON.stringify(value);
    const { rows: written } = await tx.execute<{ seq: string }>(sql`
      INSERT INTO monitoring_articles (id, source_id, source_name, url, url_key, canonical_url, title, lead, body,
        author, published_at, fetched_at, sort_at, images, signature, cluster_id, relevance_level, relevance_score,
        sentiment, flags, unit, rules, evidence, matched_query_ids, predicted, search_tokens)
      SELECT u.id, u.source_id, u.source_name, u.url, u.url_key, u.canonical_url, u.title, u.lead, u.body, u.author,
             u.published_at, u.fetched_at, u.sort_at, u.images::jsonb, u.signature, u.cluster_id, u.relevance_level,
             u.relevance_score, u.sentiment, ARRAY(SELECT jsonb_array_elements_text(u.flags::jsonb)), u.unit,
             ARRAY(SELECT jsonb_array_elements_text(u.rules::jsonb)), u.evidence::jsonb,
             ARRAY(SELECT jsonb_array_elements_text(u.matched::jsonb))::uuid[], u.predicted::jsonb, u.search_tokens
        FROM unnest(
          ${column(rows, (r) => r.id)}::uuid[], ${column(rows, (r) => r.sourceId)}::uuid[],
          ${column(rows, (r) => r.sourceName)}::text[], ${column(rows, (r) => r.url)}::text[],
          ${column(rows, (r) => r.urlKey)}::text[], ${column(rows, (r) => r.canonicalUrl)}::text[],
          ${column(rows, (r) => r.title)}::text[], ${column(rows, (r) => r.lead)}::text[],
          ${column(rows, (r) => r.body)}::text[], ${column(rows, (r) => r.author)}::text[],
          ${column(rows, (r) => r.publishedAt?.toISOString() ?? null)}::timestamptz[],
          ${column(rows, (r) => r.fetchedAt.toISOString())}::timestamptz[],
          ${column(rows, (r) => r.sortAt.toISOString())}::timestamptz[],
          ${column(rows, (r) => json(r.images))}::text[],
          ${column(rows, (r) => (r.signature ? encodeSignature(r.signature) : null))}::bytea[],
          ${column(rows, (r) => r.clusterId)}::uuid[], ${column(rows, (r) => r.relevanceLevel)}::text[],
          ${column(rows, (r) => r.relevanceScore)}::real[], ${column(rows, (r) => r.sentiment)}::text[],
          ${column(rows, (r) => json(r.flags))}::text[], ${column(rows, (r) => r.unit)}::text[],
          ${column(rows, (r) => json(r.rules))}::text[], ${column(rows, (r) => json(r.evidence))}::text[],
          ${column(rows, (r) => json(r.matchedQueryIds))}::text[], ${column(rows, (r) => json(r.predicted))}::text[],
          ${column(rows, (r) => r.searchTokens)}::text[]
        ) WITH ORDINALITY AS u(id, source_id, source_name, url, url_key, canonical_url, title, lead, body, author,
             published_at, fetched_at, sort_at, images, signature, cluster_id, relevance_level, relevance_score,
             sentiment, flags, unit, rules, evidence, matched, predicted, search_tokens, ord)
       ORDER BY u.ord
      RETURNING seq`);
    return Math.max(...written.map((r) => Number(r.seq)));
  },

  /** Counts the new articles into their clusters: a new cluster row for a first article, a bump for a copy. */
  async upsertClusters(tx: Executor, arrivals: readonly { clusterId: string; at: Date }[]): Promise<void> {
    if (arrivals.length === 0) return;
    await tx.execute(sql`
      INSERT INTO monitoring_clusters AS c (id, article_count, first_seen_at, last_seen_at)
      SELECT cluster_id, count(*), min(at), max(at)
        FROM unnest(${sql.param(arrivals.map((a) => a.clusterId))}::uuid[],
                    ${sql.param(arrivals.map((a) => a.at.toISOString()))}::timestamptz[]) AS u(cluster_id, at)
       GROUP BY cluster_id
      ON CONFLICT (id) DO UPDATE
        SET article_count = c.article_count + excluded.article_count,
            last_seen_at = greatest(c.last_seen_at, excluded.last_seen_at)`);
  },
};

export type MonitoringRepository = typeof monitoringRepository;
