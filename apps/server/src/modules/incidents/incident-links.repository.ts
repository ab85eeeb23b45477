// What a case links to: its articles, alerts and timeline, and the records of other modules it names (monitored
// articles, saved queries, publications, alerts), read with raw SQL; and the arrivals reader with its watermark.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/transaction.js';
import type { ItemRow, TimelineRow } from './incident-rows.js';
import { incidentActions, incidentAlerts, incidentItems } from './incidents.table.js';

export type { ItemRow, TimelineRow } from './incident-rows.js';

export type NewActionRow = Omit<typeof incidentActions.$inferInsert, 'id' | 'seq'>;

/** A publication of Loa with what decides who sees it (as the publications module's policy). */
export type PublicationRef = {
  id: string;
  title: string;
  productStatus: string;
  ownerUnitPath: string;
};

/** A case an arriving article joins. */
export type Arrival = {
  incidentId: string;
  articleId: string;
};

const ids = (values: readonly string[]) =>
  sql.join(
    values.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** The watermark row of this reader in monitoring_watermarks. */
const WATERMARK = 'incidents';

export const incidentLinksRepository = {
  async listItems(tx: Executor, incidentId: string): Promise<ItemRow[]> {
    const { rows } = await tx.execute<
      Omit<ItemRow, 'publishedAt' | 'addedAt'> & { publishedAt: string; addedAt: string }
    >(sql`
      SELECT a.id AS "articleId", a.title, a.source_name AS "sourceName", a.url,
             coalesce(a.published_at, a.sort_at) AS "publishedAt", a.flags, a.sentiment,
             ii.added_by AS "addedBy", ii.added_at AS "addedAt"
        FROM incident_items ii JOIN monitoring_articles a ON a.id = ii.article_id
       WHERE ii.incident_id = ${incidentId}
       ORDER BY ii.added_at, a.seq`);
    return rows.map((r) => ({ ...r, publishedAt: new Date(r.publishedAt), addedAt: new Date(r.addedAt) }));
  },

  /** Links the articles not linked yet; returns the ids of those linked now. */
  async insertItems(
    tx: Executor,
    incidentId: string,
    articleIds: readonly string[],
    addedBy: 'user' | 'matching',
    at: Date,
  ): Promise<string[]> {
    if (articleIds.length === 0) return [];
    const rows = await tx
      .insert(incidentItems)
      .values(articleIds.map((articleId) => ({ incidentId, articleId, addedBy, addedAt: at })))
      .onConflictDoNothing()
      .returning({ articleId: incidentItems.articleId });
    return rows.map((r) => r.articleId);
  },

  /** Unlinks an article; false when it was not linked. */
  async deleteItem(tx: Executor, incidentId: string, articleId: string): Promise<boolean> {
    const rows = await tx
      .delete(incidentItems)
      .where(and(eq(incidentItems.incidentId, incidentId), eq(incidentItems.articleId, articleId)))
      .returning({ articleId: incidentItems.articleId });
    return rows.length === 1;
  },

  /** The ids among `articleIds` of monitored articles that exist. */
  async existingArticles(tx: Executor, articleIds: readonly string[]): Promise<Set<string>> {
    if (articleIds.length === 0) return new Set();
    const { rows } = await tx.execute<{ id: string }>(
      sql`SELECT id FROM monitoring_articles WHERE id IN (${ids(articleIds)})`,
    );
    return new Set(rows.map((r) => r.id));
  },

  async findQuery(tx: Executor, id: string): Promise<{ id: string; name: string } | null> {
    const { rows } = await tx.execute<{ id: string; name: string }>(
      sql`SELECT id, name FROM monitoring_queries WHERE id = ${id}`,
    );
    return rows[0] ?? null;
  },

  async findPublication(tx: Executor, id: string): Promise<PublicationRef | null> {
    const { rows } = await tx.execute<PublicationRef>(sql`
      SELECT pub.id, p.title || ' — ' || pub.outlet AS title, p.status AS "productStatus", o.path AS "ownerUnitPath"
        FROM publications pub
        JOIN products p ON p.id = pub.product_id
        JOIN org_units o ON o.id = p.owner_unit_id
       WHERE pub.id = ${id}`);
    return rows[0] ?? null;
  },

  /** Locks the alerts a case is opened from, so two requests cannot open two cases from one alert. */
  async lockAlerts(tx: Executor, alertIds: readonly string[]): Promise<void> {
    if (alertIds.length === 0) return;
    await tx.execute(sql`SELECT id FROM monitoring_alerts WHERE id IN (${ids(alertIds)}) FOR UPDATE`);
  },

  /** The code of a case already opened from one of the alerts, or null. */
  async caseOfAlerts(tx: Executor, alertIds: readonly string[]): Promise<string | null> {
    if (alertIds.length === 0) return null;
    const { rows } = await tx.execute<{ code: string }>(sql`
      SELECT i.code FROM incident_alerts ia JOIN incidents i ON i.id = ia.incident_id
       WHERE ia.alert_id IN (${ids(alertIds)}) LIMIT 1`);
    return rows[0]?.code ?? null;
  },

  async insertAlerts(tx: Executor, incidentId: string, alertIds: readonly string[]): Promise<void> {
    if (alertIds.length === 0) return;
    await tx
      .insert(incidentAlerts)
      .values(alertIds.map((alertId) => ({ incidentId, alertId })))
      .onConflictDoNothing();
  },

  async listAlertIds(tx: Executor, incidentId: string): Promise<string[]> {
    const rows = await tx
      .select({ alertId: incidentAlerts.alertId })
      .from(incidentAlerts)
      .where(eq(incidentAlerts.incidentId, incidentId));
    return rows.map((r) => r.alertId);
  },

  async insertActions(tx: Executor, rows: readonly NewActionRow[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.insert(incidentActions).values([...rows]);
  },

  /** Kinds of the officers' actions recorded on the case. */
  async recordedKinds(tx: Executor, incidentId: string): Promise<string[]> {
    const rows = await tx
      .selectDistinct({ kind: incidentActions.kind })
      .from(incidentActions)
      .where(and(eq(incidentActions.incidentId, incidentId), eq(incidentActions.system, false)));
    return rows.map((r) => r.kind);
  },

  /** Actions and events, oldest first, in the order they were written. */
  async listTimeline(tx: Executor, incidentId: string): Promise<TimelineRow[]> {
    const { rows } = await tx.execute<Omit<TimelineRow, 'at'> & { at: string }>(sql`
      SELECT ia.id, ia.kind, ia.system, ia.text, ia.publication_id AS "publicationId",
             (SELECT p.title || ' — ' || pub.outlet FROM publications pub JOIN products p ON p.id = pub.product_id
               WHERE pub.id = ia.publication_id) AS "publicationTitle",
             ia.url, ia.detail, u.full_name AS by, ia.created_at AS at
        FROM incident_actions ia LEFT JOIN users u ON u.id = ia.user_id
       WHERE ia.incident_id = ${incidentId}
       ORDER BY ia.created_at, ia.seq`);
    return rows.map((r) => ({ ...r, at: new Date(r.at) }));
  },

  /**
   * Locks this reader's watermark and returns it. Created on first use where nothing relevant can have been missed:
   * just before the first article that arrived after the oldest open case was opened, else after the newest article.
   */
  async lockWatermark(tx: Executor): Promise<number> {
    await tx.execute(sql`
      INSERT INTO monitoring_watermarks (name, last_seq)
      VALUES (${WATERMARK}, coalesce(
        (SELECT min(seq) - 1 FROM monitoring_articles
          WHERE created_at >= (SELECT min(opened_at) FROM incidents WHERE status <> 'closed')),
        (SELECT max(seq) FROM monitoring_articles), 0))
      ON CONFLICT (name) DO NOTHING`);
    const { rows } = await tx.execute<{ last_seq: number }>(
      sql`SELECT last_seq FROM monitoring_watermarks WHERE name = ${WATERMARK} FOR UPDATE`,
    );
    return Number(rows[0]!.last_seq);
  },

  async saveWatermark(tx: Executor, seq: number): Promise<void> {
    await tx.execute(
      sql`UPDATE monitoring_watermarks SET last_seq = ${seq}, updated_at = now() WHERE name = ${WATERMARK}`,
    );
  },

  /** The seq of the last of the next `limit` articles after `afterSeq` (null when none arrived). */
  async batchEnd(tx: Executor, afterSeq: number, limit: number): Promise<number | null> {
    const { rows } = await tx.execute<{ seq: number | null }>(sql`
      SELECT max(seq) AS seq FROM (
        SELECT seq FROM monitoring_articles WHERE seq > ${afterSeq} ORDER BY seq LIMIT ${limit}) batch`);
    return rows[0]?.seq === null || rows[0]?.seq === undefined ? null : Number(rows[0].seq);
  },

  /**
   * Articles with seq in (afterSeq, toSeq] that join an open case they are not on yet: a later copy of a story on the
   * case (same cluster as one of its items), or a match of the case's saved query that arrived after it was opened.
   */
  async findArrivals(tx: Executor, afterSeq: number, toSeq: number): Promise<Arrival[]> {
    const { rows } = await tx.execute<Arrival>(sql`
      SELECT i.id AS "incidentId", a.id AS "articleId"
        FROM monitoring_articles a
        JOIN incidents i ON i.status <> 'closed'
       WHERE a.seq > ${afterSeq} AND a.seq <= ${toSeq}
         AND NOT EXISTS (SELECT 1 FROM incident_items x WHERE x.incident_id = i.id AND x.article_id = a.id)
         AND (EXISTS (SELECT 1 FROM incident_items ii JOIN monitoring_articles b ON b.id = ii.article_id
                       WHERE ii.incident_id = i.id AND b.cluster_id = a.cluster_id)
              OR (i.query_id IS NOT NULL AND i.query_id = ANY (a.matched_query_ids) AND a.created_at >= i.opened_at))
       ORDER BY i.id, a.seq`);
    return rows;
  },
};

export type IncidentLinksRepository = typeof incidentLinksRepository;
