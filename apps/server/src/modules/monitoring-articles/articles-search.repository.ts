// Article search over the engine's monitoring_articles: filters, collapsing a cluster to its first matching article,
// facet counts under the other filters, the page, and the keyset-chunked read of every row for the export.
import { sql, type SQL } from 'drizzle-orm';
import type { TArticleFacet, TArticleSearchQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';

/** What a search filters by, the words already turned into tsquery text. */
export interface ArticleFilters {
  tsquery: string | null;
  source?: string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  relevance?: string[] | undefined;
  sentiment?: string[] | undefined;
  flag?: string[] | undefined;
  unit?: string[] | undefined;
  query?: string[] | undefined;
  cluster?: string | undefined;
  corrected?: boolean | undefined;
  /** One row per cluster: the earliest (by arrival) article of the cluster that matches. */
  collapse: boolean;
}

export type ArticleRow = {
  id: string;
  url: string;
  title: string;
  /** The lead, or the body's beginning when there is no lead, at most 400 characters. */
  lead: string;
  source_id: string | null;
  source_name: string;
  published_at: string | null;
  fetched_at: string;
  cluster_id: string;
  cluster_size: number;
  relevance_level: string;
  relevance_score: number;
  sentiment: string;
  flags: string[];
  unit: string;
  matched_queries: { id: string; name: string }[];
  corrected_at: string | null;
};

export type FacetRow = {
  value: string;
  label: string | null;
  n: number;
};

const TZ = 'Asia/Ho_Chi_Minh';
/** A timestamptz as the contracts want it (ISO 8601 in UTC, milliseconds): raw rows carry no Date objects. */
export const iso = (column: string) =>
  sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const col = (alias: string, name: string) => sql.raw(`${alias}.${name}`);
const textArray = (values: readonly string[]) =>
  sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
const uuidArray = (values: readonly string[]) => sql`${`{${values.join(',')}}`}::uuid[]`;

/** The WHERE of the filters on the articles aliased `alias`; `omit` leaves out one facet's own filter. */
function conditions(f: ArticleFilters, alias: string, omit?: TArticleFacet): SQL {
  const parts: SQL[] = [];
  if (f.tsquery) parts.push(sql`${col(alias, 'search_vector')} @@ to_tsquery('simple', ${f.tsquery})`);
  if (f.source?.length && omit !== 'source')
    parts.push(sql`${col(alias, 'source_name')} = ANY(${textArray(f.source)})`);
  if (f.from && omit !== 'day')
    parts.push(sql`${col(alias, 'sort_at')} >= ((${f.from}::date)::timestamp AT TIME ZONE ${TZ})`);
  if (f.to && omit !== 'day')
    parts.push(sql`${col(alias, 'sort_at')} < ((${f.to}::date + 1)::timestamp AT TIME ZONE ${TZ})`);
  if (f.relevance?.length && omit !== 'relevance')
    parts.push(sql`${col(alias, 'relevance_level')} = ANY(${textArray(f.relevance)})`);
  if (f.sentiment?.length && omit !== 'sentiment')
    parts.push(sql`${col(alias, 'sentiment')} = ANY(${textArray(f.sentiment)})`);
  if (f.flag?.length && omit !== 'flag') parts.push(sql`${col(alias, 'flags')} && ${textArray(f.flag)}`);
  if (f.unit?.length && omit !== 'unit') parts.push(sql`${col(alias, 'unit')} = ANY(${textArray(f.unit)})`);
  if (f.query?.length && omit !== 'query') parts.push(sql`${col(alias, 'matched_query_ids')} && ${uuidArray(f.query)}`);
  if (f.cluster) parts.push(sql`${col(alias, 'cluster_id')} = ${f.cluster}`);
  if (f.corrected !== undefined)
    parts.push(
      f.corrected ? sql`${col(alias, 'corrected_at')} IS NOT NULL` : sql`${col(alias, 'corrected_at')} IS NULL`,
    );
  return parts.length > 0 ? sql.join(parts, sql` AND `) : sql`TRUE`;
}

/** The filters, plus — when collapsing — "no earlier article of the same cluster matches them too". */
function matching(f: ArticleFilters, omit?: TArticleFacet): SQL {
  const where = conditions(f, 'a', omit);
  if (!f.collapse || f.cluster) return where;
  return sql`${where} AND NOT EXISTS (SELECT 1 FROM monitoring_articles b
    WHERE b.cluster_id = a.cluster_id AND b.seq < a.seq AND ${conditions(f, 'b', omit)})`;
}

/** One key of an ordering: its SQL, direction, and the type its text form is cast back to for a keyset. */
interface SortKey {
  expr: SQL;
  desc: boolean;
  cast: 'timestamptz' | 'int' | 'real' | 'text' | 'uuid';
  collate?: boolean;
}

const SORT_AT: SortKey = { expr: sql`a.sort_at`, desc: true, cast: 'timestamptz' };
const ID: SortKey = { expr: sql`a.id`, desc: true, cast: 'uuid' };
const RANK = sql`CASE a.relevance_level WHEN 'core' THEN 2 WHEN 'peripheral' THEN 1 ELSE 0 END`;
const SIZE = sql`coalesce(c.article_count, 1)`;

const SORT_KEYS: Record<TArticleSearchQuery['sort'], SortKey[]> = {
  '-publishedAt': [SORT_AT, ID],
  publishedAt: [
    { ...SORT_AT, desc: false },
    { ...ID, desc: false },
  ],
  '-relevance': [
    { expr: RANK, desc: true, cast: 'int' },
    { expr: sql`a.relevance_score`, desc: true, cast: 'real' },
    SORT_AT,
    ID,
  ],
  '-clusterSize': [{ expr: SIZE, desc: true, cast: 'int' }, SORT_AT, ID],
  source: [{ expr: sql`a.source_name`, desc: false, cast: 'text', collate: true }, SORT_AT, ID],
};

const collated = (key: SortKey, value: SQL) => (key.collate ? sql`${value} COLLATE "vi-x-icu"` : value);

function orderBy(keys: SortKey[]): SQL {
  return sql.join(
    keys.map((k) => sql`${collated(k, k.expr)} ${sql.raw(k.desc ? 'DESC' : 'ASC')}`),
    sql`, `,
  );
}

/** Rows strictly after `after` (the keys' text forms of the last row read) in the order of `keys`. */
function after(keys: SortKey[], values: readonly string[]): SQL {
  const param = (i: number) => collated(keys[i]!, sql`${values[i]}::${sql.raw(keys[i]!.cast)}`);
  const branches = keys.map((key, i) => {
    const equal = keys.slice(0, i).map((k, j) => sql`${collated(k, k.expr)} = ${param(j)}`);
    const beyond = sql`${collated(key, key.expr)} ${sql.raw(key.desc ? '<' : '>')} ${param(i)}`;
    return sql`(${sql.join([...equal, beyond], sql` AND `)})`;
  });
  return sql`(${sql.join(branches, sql` OR `)})`;
}

const SELECT = sql`
  a.id, a.url, a.title,
  left(CASE WHEN a.lead <> '' THEN a.lead ELSE a.body END, 400) AS lead,
  a.source_id, a.source_name, ${iso('a.published_at')} AS published_at, ${iso('a.fetched_at')} AS fetched_at,
  a.cluster_id, coalesce(c.article_count, 1)::int AS cluster_size,
  a.relevance_level, a.relevance_score, a.sentiment, a.flags, a.unit, ${iso('a.corrected_at')} AS corrected_at,
  coalesce((SELECT jsonb_agg(jsonb_build_object('id', q.id, 'name', q.name) ORDER BY q.name)
              FROM monitoring_queries q WHERE q.id = ANY(a.matched_query_ids)), '[]'::jsonb) AS matched_queries`;

const FROM = sql`monitoring_articles a LEFT JOIN monitoring_clusters c ON c.id = a.cluster_id`;

const FACET_SQL: Record<TArticleFacet, { value: SQL; label: SQL; from: SQL; limit: number; order: SQL }> = {
  source: { value: sql`a.source_name`, label: sql`NULL`, from: sql``, limit: 100, order: sql`n DESC, value` },
  day: {
    value: sql`to_char(a.sort_at AT TIME ZONE ${TZ}, 'YYYY-MM-DD')`,
    label: sql`NULL`,
    from: sql``,
    limit: 31,
    order: sql`value DESC`,
  },
  relevance: { value: sql`a.relevance_level`, label: sql`NULL`, from: sql``, limit: 10, order: sql`n DESC, value` },
  sentiment: { value: sql`a.sentiment`, label: sql`NULL`, from: sql``, limit: 10, order: sql`n DESC, value` },
  unit: { value: sql`a.unit`, label: sql`NULL`, from: sql``, limit: 10, order: sql`n DESC, value` },
  flag: {
    value: sql`f.flag`,
    label: sql`NULL`,
    from: sql`CROSS JOIN LATERAL unnest(a.flags) AS f(flag)`,
    limit: 20,
    order: sql`n DESC, value`,
  },
  // Ids of deleted queries stay on old articles; the join leaves them out.
  query: {
    value: sql`q.id::text`,
    label: sql`q.name`,
    from: sql`CROSS JOIN LATERAL unnest(a.matched_query_ids) AS m(id) JOIN monitoring_queries q ON q.id = m.id`,
    limit: 100,
    order: sql`n DESC, label`,
  },
};

export const articlesSearchRepository = {
  /** One page of matching articles in the requested order, and how many match. */
  async search(
    tx: Executor,
    f: ArticleFilters,
    sort: TArticleSearchQuery['sort'],
    limit: number,
    offset: number,
  ): Promise<{ rows: ArticleRow[]; total: number }> {
    const where = matching(f);
    const { rows } = await tx.execute<ArticleRow>(sql`
      SELECT ${SELECT} FROM ${FROM} WHERE ${where}
       ORDER BY ${orderBy(SORT_KEYS[sort])} LIMIT ${limit} OFFSET ${offset}`);
    const { rows: totals } = await tx.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM monitoring_articles a WHERE ${where}`,
    );
    return { rows, total: totals[0]?.n ?? 0 };
  },

  /**
   * The values of a facet with their counts under every filter but the facet's own. Collapsed, a value counts the
   * clusters having a matching article with it — the rows one would get by choosing it.
   */
  async facet(tx: Executor, f: ArticleFilters, facet: TArticleFacet): Promise<FacetRow[]> {
    const spec = FACET_SQL[facet];
    const counted = f.collapse && !f.cluster ? sql`count(DISTINCT a.cluster_id)::int` : sql`count(*)::int`;
    const { rows } = await tx.execute<FacetRow>(sql`
      SELECT ${spec.value} AS value, ${spec.label} AS label, ${counted} AS n
        FROM monitoring_articles a ${spec.from}
       WHERE ${conditions(f, 'a', facet)}
       GROUP BY 1, 2 ORDER BY ${spec.order} LIMIT ${spec.limit}`);
    return rows;
  },

  /**
   * Every matching article in the requested order, `chunk` rows at a time: each chunk is a fresh query starting
   * after the last row read (keyset), so memory stays flat and no row is read twice or skipped.
   */
  async *readAll(
    tx: Executor,
    f: ArticleFilters,
    sort: TArticleSearchQuery['sort'],
    chunk: number,
  ): AsyncGenerator<ArticleRow[]> {
    const keys = SORT_KEYS[sort];
    const keyColumns = sql.join(
      keys.map((k, i) => sql`(${k.expr})::text AS ${sql.raw(`k${i}`)}`),
      sql`, `,
    );
    let last: string[] | null = null;
    for (;;) {
      const query: SQL = sql`
        SELECT ${SELECT}, ${keyColumns} FROM ${FROM}
         WHERE ${matching(f)} ${last ? sql`AND ${after(keys, last)}` : sql``}
         ORDER BY ${orderBy(keys)} LIMIT ${chunk}`;
      const { rows } = await tx.execute<ArticleRow & Record<string, unknown>>(query);
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < chunk) return;
      const tail: Record<string, unknown> = rows[rows.length - 1]!;
      last = keys.map((_, i) => String(tail[`k${i}`]));
    }
  },
};

export type ArticlesSearchRepository = typeof articlesSearchRepository;
