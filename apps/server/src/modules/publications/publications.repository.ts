import type { TMetric, TPublicationListQuery } from '@loa/contracts';
import { and, asc, count, desc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { ordering, paging } from '../../platform/db/paging.js';
import { matchesSearch } from '../../platform/db/search.js';
import type { Executor } from '../../platform/db/transaction.js';
import { publicationMetrics, publicationProofs, publications } from './publications.table.js';

const product = (column: string) =>
  sql.raw(`(SELECT p.${column} FROM products p WHERE p.id = publications.product_id)`);
const ownerUnit = (column: string) =>
  sql.raw(
    `(SELECT o.${column} FROM products p JOIN org_units o ON o.id = p.owner_unit_id WHERE p.id = publications.product_id)`,
  );

const columns = {
  id: publications.id,
  productId: publications.productId,
  channel: publications.channel,
  outlet: publications.outlet,
  url: publications.url,
  publishedAt: publications.publishedAt,
  note: publications.note,
  orgUnitId: publications.orgUnitId,
  version: publications.version,
  createdAt: publications.createdAt,
  updatedAt: publications.updatedAt,
  productTitle: sql<string>`${product('title')}`,
  productStatus: sql<string>`${product('status')}`,
  ownerUnitId: sql<string>`${ownerUnit('id')}`,
  ownerUnitCode: sql<string>`${ownerUnit('code')}`,
  ownerUnitName: sql<string>`${ownerUnit('name')}`,
  ownerUnitPath: sql<string>`${ownerUnit('path')}`,
  creatorName: sql<string | null>`(SELECT full_name FROM users u WHERE u.id = publications.created_by)`,
};

export interface PublicationRow {
  id: string;
  productId: string;
  channel: string;
  outlet: string;
  url: string | null;
  publishedAt: Date;
  note: string | null;
  orgUnitId: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  productTitle: string;
  productStatus: string;
  ownerUnitId: string;
  ownerUnitCode: string;
  ownerUnitName: string;
  ownerUnitPath: string;
  creatorName: string | null;
}

export type NewPublicationRow = Omit<
  typeof publications.$inferInsert,
  'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version'
>;

export interface ProofRow {
  publicationId: string;
  fileId: string;
  kind: string;
  title: string;
  addedAt: Date;
  adderName: string | null;
}

export interface ReadingRow {
  publicationId: string;
  metric: TMetric;
  value: number;
  readOn: string;
}

export interface HistoryRow extends ReadingRow {
  source: string;
  recorderName: string | null;
  recordedAt: Date;
}

const SORTS = {
  publishedAt: { column: publications.publishedAt },
  channel: { column: publications.channel },
  outlet: { column: publications.outlet, text: true },
  product: { column: product('title'), text: true },
  unit: { column: ownerUnit('name'), text: true },
  createdAt: { column: publications.createdAt },
};

const vnDay = (column: SQLWrapper) => sql`(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
const underPath = (path: SQL) => sql`${ownerUnit('path')} LIKE ${path}`;

/** Publications of products the actor reads: their subtree, and every published product (public, §III.4). */
function filters(query: TPublicationListQuery, scopePath: string): SQL | undefined {
  const search = matchesSearch(query.q, sql`(${publications.searchText} || ' ' || ${product('search_text')})`);
  return and(
    sql`(${underPath(sql`${`${scopePath}%`}`)} OR ${product('status')} = 'published')`,
    search,
    query.productId ? eq(publications.productId, query.productId) : undefined,
    query.channel ? eq(publications.channel, query.channel) : undefined,
    query.unitId ? underPath(sql`(SELECT path FROM org_units WHERE id = ${query.unitId}) || '%'`) : undefined,
    query.from ? sql`${vnDay(publications.publishedAt)} >= ${query.from}::date` : undefined,
    query.to ? sql`${vnDay(publications.publishedAt)} <= ${query.to}::date` : undefined,
  );
}

/** For each publication of `ids` and metric, its latest reading. */
const latest = (ids: SQL) => sql`
  SELECT DISTINCT ON (publication_id, metric) publication_id, metric, value, read_on
  FROM publication_metrics WHERE publication_id IN (${ids})
  ORDER BY publication_id, metric, read_on DESC`;

export const publicationsRepository = {
  /** One page of the publications matching the filters (every match when `all`, for export), with the total. */
  async list(tx: Executor, query: TPublicationListQuery, scopePath: string, all = false) {
    const where = filters(query, scopePath);
    const { limit, offset } = paging(query);
    const base = tx
      .select(columns)
      .from(publications)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, '-publishedAt', publications.id));
    const rows: PublicationRow[] = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(publications).where(where);
    const ids = tx.select({ id: publications.id }).from(publications).where(where);
    const sums = await tx.execute<{ metric: TMetric; total: string }>(
      sql`SELECT metric, sum(value)::text AS total FROM (${latest(sql`${ids}`)}) l GROUP BY metric`,
    );
    return {
      rows,
      total: totalRow?.total ?? 0,
      sums: sums.rows.map((r) => ({ metric: r.metric, value: Number(r.total) })),
    };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<PublicationRow | null> {
    const query = tx.select(columns).from(publications).where(eq(publications.id, id));
    const [row] = lock ? await query.for('update', { of: publications }) : await query;
    return row ?? null;
  },

  /** Whether another publication of the product has this URL. */
  async urlTaken(tx: Executor, productId: string, url: string, exceptId: string | null): Promise<boolean> {
    const [row] = await tx
      .select({ id: publications.id })
      .from(publications)
      .where(
        and(
          eq(publications.productId, productId),
          eq(publications.url, url),
          exceptId ? sql`${publications.id} <> ${exceptId}` : undefined,
        ),
      );
    return row !== undefined;
  },

  /** The publications with this link (a trailing slash aside), locked, with their products' owner units. */
  async findByUrl(tx: Executor, url: string): Promise<PublicationRow[]> {
    return tx
      .select(columns)
      .from(publications)
      .where(sql`rtrim(${publications.url}, '/') = rtrim(${url}, '/')`)
      .for('update', { of: publications });
  },

  async countOfProduct(tx: Executor, productId: string): Promise<number> {
    const [row] = await tx.select({ n: count() }).from(publications).where(eq(publications.productId, productId));
    return row?.n ?? 0;
  },

  async insert(tx: Executor, values: NewPublicationRow): Promise<string> {
    const [row] = await tx.insert(publications).values(values).returning({ id: publications.id });
    return row!.id;
  },

  /** Saves `values` if the row still has `version`; false when someone changed it in between. */
  async update(tx: Executor, id: string, version: number, values: Partial<NewPublicationRow>): Promise<boolean> {
    const updated = await tx
      .update(publications)
      .set({ ...values, version: sql`${publications.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(publications.id, id), eq(publications.version, version)))
      .returning({ id: publications.id });
    return updated.length > 0;
  },

  async delete(tx: Executor, id: string): Promise<void> {
    await tx.delete(publications).where(eq(publications.id, id));
  },

  async listProofs(tx: Executor, ids: string[]): Promise<ProofRow[]> {
    if (ids.length === 0) return [];
    return tx
      .select({
        publicationId: publicationProofs.publicationId,
        fileId: publicationProofs.fileId,
        kind: publicationProofs.kind,
        title: publicationProofs.title,
        addedAt: publicationProofs.addedAt,
        adderName: sql<string | null>`(SELECT full_name FROM users u WHERE u.id = publication_proofs.added_by)`,
      })
      .from(publicationProofs)
      .where(inArray(publicationProofs.publicationId, ids))
      .orderBy(asc(publicationProofs.addedAt));
  },

  async insertProof(
    tx: Executor,
    values: { publicationId: string; fileId: string; kind: string; title: string; addedBy: string | null },
  ): Promise<void> {
    await tx.insert(publicationProofs).values(values);
  },

  async deleteProof(tx: Executor, publicationId: string, fileId: string): Promise<boolean> {
    const deleted = await tx
      .delete(publicationProofs)
      .where(and(eq(publicationProofs.publicationId, publicationId), eq(publicationProofs.fileId, fileId)))
      .returning({ fileId: publicationProofs.fileId });
    return deleted.length > 0;
  },

  /** For each publication of `ids` and metric, the latest reading. */
  async latestReadings(tx: Executor, ids: string[]): Promise<ReadingRow[]> {
    if (ids.length === 0) return [];
    const list = sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const result = await tx.execute<{ publication_id: string; metric: TMetric; value: string; read_on: string }>(
      latest(list),
    );
    return result.rows.map((r) => ({
      publicationId: r.publication_id,
      metric: r.metric,
      value: Number(r.value),
      readOn: String(r.read_on).slice(0, 10),
    }));
  },

  /** Every reading of a publication, the newest day first. */
  async history(tx: Executor, id: string): Promise<HistoryRow[]> {
    const rows = await tx
      .select({
        publicationId: publicationMetrics.publicationId,
        metric: publicationMetrics.metric,
        value: publicationMetrics.value,
        readOn: publicationMetrics.readOn,
        source: publicationMetrics.source,
        recordedAt: publicationMetrics.recordedAt,
        recorderName: sql<string | null>`(SELECT full_name FROM users u WHERE u.id = publication_metrics.recorded_by)`,
      })
      .from(publicationMetrics)
      .where(eq(publicationMetrics.publicationId, id))
      .orderBy(desc(publicationMetrics.readOn), asc(publicationMetrics.metric));
    return rows.map((r) => ({ ...r, metric: r.metric as TMetric }));
  },

  /**
   * Saves readings; one for the same publication, metric and day replaces it. Returns how many were new and how
   * many replaced an earlier entry.
   */
  async upsertReadings(
    tx: Executor,
    rows: {
      publicationId: string;
      metric: TMetric;
      value: number;
      readOn: string;
      source: string;
      recordedBy: string | null;
    }[],
  ): Promise<{ created: number; updated: number }> {
    if (rows.length === 0) return { created: 0, updated: 0 };
    const saved = await tx
      .insert(publicationMetrics)
      .values(rows)
      .onConflictDoUpdate({
        target: [publicationMetrics.publicationId, publicationMetrics.metric, publicationMetrics.readOn],
        set: {
          value: sql`excluded.value`,
          source: sql`excluded.source`,
          recordedBy: sql`excluded.recorded_by`,
          recordedAt: sql`now()`,
        },
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    const created = saved.filter((r) => r.inserted).length;
    return { created, updated: saved.length - created };
  },
};

export type PublicationsRepository = typeof publicationsRepository;
