// Editions and their entries. Correlated subqueries name the outer table explicitly: drizzle renders ${column}
// unqualified, which would bind to the inner table.
import { and, asc, count, eq, gte, inArray, lte, max, sql, type SQL } from 'drizzle-orm';
import type { TReviewListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { pressReviewEntries, pressReviews } from './press-reviews.table.js';

type Counts = { pending: number; sent: number; failed: number; held: number };

const columns = {
  id: pressReviews.id,
  kind: pressReviews.kind,
  orgUnitId: pressReviews.orgUnitId,
  editionDate: pressReviews.editionDate,
  title: pressReviews.title,
  intro: pressReviews.intro,
  windowFrom: pressReviews.windowFrom,
  windowTo: pressReviews.windowTo,
  status: pressReviews.status,
  approvedAt: pressReviews.approvedAt,
  version: pressReviews.version,
  createdAt: pressReviews.createdAt,
  updatedAt: pressReviews.updatedAt,
  orgUnitCode: sql<string>`(SELECT code FROM org_units o WHERE o.id = press_reviews.org_unit_id)`,
  orgUnitName: sql<string>`(SELECT name FROM org_units o WHERE o.id = press_reviews.org_unit_id)`,
  orgUnitPath: sql<string>`(SELECT path FROM org_units o WHERE o.id = press_reviews.org_unit_id)`,
  approvedByName: sql<string | null>`(SELECT full_name FROM users u WHERE u.id = press_reviews.approved_by)`,
  entryCount: sql<number>`(SELECT count(*)::int FROM press_review_entries e
    WHERE e.review_id = press_reviews.id AND NOT e.excluded)`,
  riskCount: sql<number>`(SELECT count(*)::int FROM press_review_entries e
    WHERE e.review_id = press_reviews.id AND NOT e.excluded AND e.section = 'risk')`,
  // Counted from the delivery module's table (read only).
  delivery: sql<Counts>`(SELECT json_build_object(
      'pending', count(*) FILTER (WHERE d.status = 'pending'), 'sent', count(*) FILTER (WHERE d.status = 'sent'),
      'failed', count(*) FILTER (WHERE d.status = 'failed'), 'held', count(*) FILTER (WHERE d.status = 'held'))
    FROM press_review_deliveries d WHERE d.review_id = press_reviews.id)`,
};

export interface ReviewRow {
  id: string;
  kind: string;
  orgUnitId: string;
  editionDate: string;
  title: string;
  intro: string | null;
  windowFrom: Date;
  windowTo: Date;
  status: string;
  approvedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitPath: string;
  approvedByName: string | null;
  entryCount: number;
  riskCount: number;
  delivery: Counts;
}

export type NewReviewRow = Pick<
  typeof pressReviews.$inferInsert,
  'kind' | 'orgUnitId' | 'editionDate' | 'title' | 'windowFrom' | 'windowTo' | 'createdBy'
>;

const entryColumns = {
  id: pressReviewEntries.id,
  reviewId: pressReviewEntries.reviewId,
  clusterId: pressReviewEntries.clusterId,
  section: pressReviewEntries.section,
  theme: pressReviewEntries.theme,
  position: pressReviewEntries.position,
  headline: pressReviewEntries.headline,
  extract: pressReviewEntries.extract,
  comment: pressReviewEntries.comment,
  excluded: pressReviewEntries.excluded,
  outlets: pressReviewEntries.outlets,
  links: pressReviewEntries.links,
  relevanceLevel: pressReviewEntries.relevanceLevel,
  sentiment: pressReviewEntries.sentiment,
  flags: pressReviewEntries.flags,
  provinceId: pressReviewEntries.provinceId,
  provinceCode: sql<string | null>`(SELECT code FROM org_units o WHERE o.id = press_review_entries.province_id)`,
  provinceName: sql<string | null>`(SELECT name FROM org_units o WHERE o.id = press_review_entries.province_id)`,
  score: pressReviewEntries.score,
  publishedAt: pressReviewEntries.publishedAt,
};

export interface EntryRow {
  id: string;
  reviewId: string;
  clusterId: string;
  section: string;
  theme: string;
  position: number;
  headline: string;
  extract: string;
  comment: string | null;
  excluded: boolean;
  outlets: string[];
  links: { articleId: string; sourceName: string; url: string; title: string }[];
  relevanceLevel: string;
  sentiment: string;
  flags: string[];
  provinceId: string | null;
  provinceCode: string | null;
  provinceName: string | null;
  score: number;
  publishedAt: Date;
}
export type NewEntryRow = Omit<typeof pressReviewEntries.$inferInsert, 'id' | 'reviewId'>;

/** Sections in print order: what the entries of an edition are sorted by before their position. */
const SECTION_ORDER = sql`array_position(ARRAY['risk', 'agency', 'theme', 'provincial'], press_review_entries.section)`;

const SORTS = {
  editionDate: { column: pressReviews.editionDate },
  title: { column: pressReviews.title, text: true },
  status: { column: pressReviews.status },
  orgUnit: { column: columns.orgUnitName, text: true },
  approvedAt: { column: pressReviews.approvedAt },
  createdAt: { column: pressReviews.createdAt },
  updatedAt: { column: pressReviews.updatedAt },
};

/** Approved editions, and drafts of the units the caller may see (see pressReviewsPolicy.draftVisibility). */
function visible(drafts: { scopePath: string | null; unitId: string | null }): SQL {
  const conditions = [sql`press_reviews.status = 'approved'`];
  if (drafts.scopePath) conditions.push(sql`${columns.orgUnitPath} LIKE ${`${drafts.scopePath}%`}`);
  if (drafts.unitId) conditions.push(sql`press_reviews.org_unit_id = ${drafts.unitId}`);
  return sql`(${sql.join(conditions, sql` OR `)})`;
}

export const pressReviewsRepository = {
  /** One page of the editions of `kind` the caller sees, matching the filters, with the total. */
  async list(
    tx: Executor,
    kind: string,
    query: TReviewListQuery,
    drafts: { scopePath: string | null; unitId: string | null },
  ): Promise<{ rows: ReviewRow[]; total: number }> {
    const where = and(
      eq(pressReviews.kind, kind),
      visible(drafts),
      matchesSearch(query.q, pressReviews.searchText),
      query.status ? eq(pressReviews.status, query.status) : undefined,
      query.orgUnitId ? eq(pressReviews.orgUnitId, query.orgUnitId) : undefined,
      query.from ? gte(pressReviews.editionDate, query.from) : undefined,
      query.to ? lte(pressReviews.editionDate, query.to) : undefined,
    );
    const { limit, offset } = paging(query);
    const rows = await tx
      .select(columns)
      .from(pressReviews)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, '-editionDate', pressReviews.id))
      .limit(limit)
      .offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(pressReviews).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<ReviewRow | null> {
    const query = tx.select(columns).from(pressReviews).where(eq(pressReviews.id, id));
    const [row] = lock ? await query.for('update', { of: pressReviews }) : await query;
    return row ?? null;
  },

  async findByEdition(tx: Executor, kind: string, orgUnitId: string, editionDate: string): Promise<ReviewRow | null> {
    const [row] = await tx
      .select(columns)
      .from(pressReviews)
      .where(
        and(
          eq(pressReviews.kind, kind),
          eq(pressReviews.orgUnitId, orgUnitId),
          eq(pressReviews.editionDate, editionDate),
        ),
      );
    return row ?? null;
  },

  /** Inserts the edition unless its unit already has one of that kind for that day: the new id, or null. */
  async insertIfAbsent(tx: Executor, values: NewReviewRow): Promise<string | null> {
    const rows = await tx
      .insert(pressReviews)
      .values(values)
      .onConflictDoNothing({ target: [pressReviews.kind, pressReviews.orgUnitId, pressReviews.editionDate] })
      .returning({ id: pressReviews.id });
    return rows[0]?.id ?? null;
  },

  /** Changes the header and bumps the version (the caller holds the row lock and checked the version). */
  async update(tx: Executor, id: string, values: { title?: string; intro?: string | null }): Promise<void> {
    await tx
      .update(pressReviews)
      .set({ ...values, version: sql`${pressReviews.version} + 1`, updatedAt: new Date() })
      .where(eq(pressReviews.id, id));
  },

  async approve(tx: Executor, id: string, userId: string | null, at: Date): Promise<void> {
    await tx
      .update(pressReviews)
      .set({
        status: 'approved',
        approvedBy: userId,
        approvedAt: at,
        version: sql`${pressReviews.version} + 1`,
        updatedAt: at,
      })
      .where(eq(pressReviews.id, id));
  },

  /** Recomputes the archive's search text: title, intro and the headline, extract and comment of every kept entry. */
  async refreshSearch(tx: Executor, id: string): Promise<void> {
    await tx.execute(sql`
      UPDATE press_reviews r
         SET search_text = loa_fold(r.title || ' ' || coalesce(r.intro, '') || ' ' || coalesce((
               SELECT string_agg(e.headline || ' ' || e.extract || ' ' || coalesce(e.comment, ''), ' '
                                 ORDER BY e.section, e.position)
                 FROM press_review_entries e WHERE e.review_id = r.id AND NOT e.excluded), ''))
       WHERE r.id = ${id}`);
  },

  /** Approved editions of a unit, newest first. */
  async listApproved(tx: Executor, kind: string, orgUnitId: string, limit: number): Promise<ReviewRow[]> {
    return tx
      .select(columns)
      .from(pressReviews)
      .where(
        and(eq(pressReviews.kind, kind), eq(pressReviews.orgUnitId, orgUnitId), eq(pressReviews.status, 'approved')),
      )
      .orderBy(sql`${pressReviews.editionDate} DESC`, sql`${pressReviews.approvedAt} DESC`)
      .limit(limit);
  },

  /** The entries of editions, section by section in print order, then by position. */
  async listEntries(tx: Executor, reviewIds: string[]): Promise<EntryRow[]> {
    if (reviewIds.length === 0) return [];
    return tx
      .select(entryColumns)
      .from(pressReviewEntries)
      .where(inArray(pressReviewEntries.reviewId, reviewIds))
      .orderBy(asc(SECTION_ORDER), asc(pressReviewEntries.position), asc(pressReviewEntries.id));
  },

  async findEntry(tx: Executor, reviewId: string, entryId: string): Promise<EntryRow | null> {
    const [row] = await tx
      .select(entryColumns)
      .from(pressReviewEntries)
      .where(and(eq(pressReviewEntries.reviewId, reviewId), eq(pressReviewEntries.id, entryId)));
    return row ?? null;
  },

  async hasCluster(tx: Executor, reviewId: string, clusterId: string): Promise<boolean> {
    const [row] = await tx
      .select({ n: count() })
      .from(pressReviewEntries)
      .where(and(eq(pressReviewEntries.reviewId, reviewId), eq(pressReviewEntries.clusterId, clusterId)));
    return (row?.n ?? 0) > 0;
  },

  /** The last position used in a section (0 when it is empty). */
  async lastPosition(tx: Executor, reviewId: string, section: string): Promise<number> {
    const [row] = await tx
      .select({ last: max(pressReviewEntries.position) })
      .from(pressReviewEntries)
      .where(and(eq(pressReviewEntries.reviewId, reviewId), eq(pressReviewEntries.section, section)));
    return row?.last ?? 0;
  },

  /** Inserts entries; returns their ids in the order given. */
  async insertEntries(tx: Executor, reviewId: string, entries: NewEntryRow[]): Promise<string[]> {
    const ids: string[] = [];
    // In slices, to stay far below PostgreSQL's limit of bind parameters per statement.
    for (let start = 0; start < entries.length; start += 500) {
      const slice = entries.slice(start, start + 500).map((entry) => ({ ...entry, reviewId }));
      const rows = await tx.insert(pressReviewEntries).values(slice).returning({ id: pressReviewEntries.id });
      ids.push(...rows.map((row) => row.id));
    }
    return ids;
  },

  async updateEntry(
    tx: Executor,
    entryId: string,
    values: Partial<Pick<NewEntryRow, 'headline' | 'extract' | 'comment' | 'excluded' | 'section' | 'position'>>,
  ): Promise<void> {
    await tx.update(pressReviewEntries).set(values).where(eq(pressReviewEntries.id, entryId));
  },

  /** Puts every listed entry in its section at its position. */
  async setOrder(
    tx: Executor,
    reviewId: string,
    order: { id: string; section: string; position: number }[],
  ): Promise<void> {
    if (order.length === 0) return;
    await tx.execute(sql`
      UPDATE press_review_entries e SET section = v.section, position = v.position
        FROM unnest(${sql.param(order.map((o) => o.id))}::uuid[], ${sql.param(order.map((o) => o.section))}::text[],
                    ${sql.param(order.map((o) => o.position))}::int[]) AS v(id, section, position)
       WHERE e.id = v.id AND e.review_id = ${reviewId}`);
  },

  /** Closes the gaps in a section's positions (1..n in the current order). */
  async renumber(tx: Executor, reviewId: string, section: string): Promise<void> {
    await tx.execute(sql`
      UPDATE press_review_entries e SET position = v.n
        FROM (SELECT id, row_number() OVER (ORDER BY position, id)::int AS n
                FROM press_review_entries WHERE review_id = ${reviewId} AND section = ${section}) v
       WHERE e.id = v.id AND e.position <> v.n`);
  },

  /** Bumps an edition's version after a change to its entries. */
  async touch(tx: Executor, id: string): Promise<void> {
    await tx
      .update(pressReviews)
      .set({ version: sql`${pressReviews.version} + 1`, updatedAt: new Date() })
      .where(eq(pressReviews.id, id));
  },
};

export type PressReviewsRepository = typeof pressReviewsRepository;
