// Reads the products, publications, calendar items, events and staff shares tables of their modules, read-only, to
// link them to campaigns and measure campaign progress; the link tables (0017, 0021) are this module's. Events'
// figures are measured by the events module from the ids linked here (`linkedIds`).
import { REACH_METRICS, type TCampaignLinkType } from '@loa/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/transaction.js';
import { paging } from '../../platform/db/paging.js';
import { matchesSearch } from '../../platform/db/search.js';

const LINK_TABLES: Record<TCampaignLinkType, { table: SQL; column: SQL }> = {
  product: { table: sql.raw('campaign_products'), column: sql.raw('product_id') },
  publication: { table: sql.raw('campaign_publications'), column: sql.raw('publication_id') },
  calendar_item: { table: sql.raw('campaign_calendar_items'), column: sql.raw('calendar_item_id') },
  event: { table: sql.raw('campaign_events'), column: sql.raw('event_id') },
};

const vnDay = (column: SQL) => sql`(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

/** Who is looking: where they read (their subtree, "/" for the Center) and who they are (assigned items). */
export interface Viewer {
  readScope: string;
  userId: string | null;
}

export type ItemRow = {
  type: TCampaignLinkType;
  id: string;
  title: string;
  date: string | null;
  status: string | null;
  unitId: string;
  unitCode: string;
  unitName: string;
  unitPath: string;
  visible: boolean;
};
export type LinkedRow = ItemRow & { linkedAt: Date };

/** Every linkable item as one relation: type, id, title, day, status, unit, and whether `viewer` sees it. */
function items(viewer: Viewer): SQL {
  const scope = viewer.readScope;
  return sql`(
    SELECT 'product' AS type, pr.id, pr.title,
      (SELECT min(${vnDay(sql`pb.published_at`)}) FROM publications pb WHERE pb.product_id = pr.id)::text AS date,
      pr.status, o.id AS unit_id, o.code AS unit_code, o.name AS unit_name, o.path AS unit_path,
      (pr.status = 'published' OR starts_with(o.path, ${scope})) AS visible,
      pr.search_text AS search
    FROM products pr JOIN org_units o ON o.id = pr.owner_unit_id
    UNION ALL
    SELECT 'publication', pb.id, pr.title || ' — ' || pb.outlet, ${vnDay(sql`pb.published_at`)}::text, NULL,
      o.id, o.code, o.name, o.path,
      (pr.status = 'published' OR starts_with(po.path, ${scope})),
      loa_fold(pr.title) || ' ' || pb.search_text
    FROM publications pb JOIN products pr ON pr.id = pb.product_id
      JOIN org_units o ON o.id = pb.org_unit_id JOIN org_units po ON po.id = pr.owner_unit_id
    UNION ALL
    SELECT 'calendar_item', ci.id, ci.title, ci.starts_on::text, ci.status, o.id, o.code, o.name, o.path,
      (starts_with(o.path, ${scope}) OR (${viewer.userId}::uuid IS NOT NULL AND ci.assignee_id = ${viewer.userId}::uuid)),
      ci.search_text
    FROM calendar_items ci JOIN org_units o ON o.id = ci.owner_unit_id
    UNION ALL
    SELECT 'event', e.id, e.title, ${vnDay(sql`e.starts_at`)}::text, e.status, o.id, o.code, o.name, o.path,
      starts_with(o.path, ${scope}), e.search_text
    FROM events e JOIN org_units o ON o.id = e.org_unit_id
  )`;
}

const itemColumns = sql`i.type, i.id, i.title, i.date, i.status, i.unit_id AS "unitId", i.unit_code AS "unitCode",
  i.unit_name AS "unitName", i.unit_path AS "unitPath", i.visible`;

/** The campaign's publications: those linked, and those of its linked products published within its period. */
const campaignPublications = (campaignId: string) => sql`(
  SELECT pb.id, pb.org_unit_id FROM publications pb
  WHERE pb.id IN (SELECT publication_id FROM campaign_publications WHERE campaign_id = ${campaignId})
  UNION
  SELECT pb.id, pb.org_unit_id FROM publications pb
    JOIN campaign_products cp ON cp.product_id = pb.product_id AND cp.campaign_id = ${campaignId}
    JOIN campaigns c ON c.id = cp.campaign_id
  WHERE ${vnDay(sql`pb.published_at`)} BETWEEN c.starts_on AND c.ends_on
)`;

const reachMetrics = sql.join(
  REACH_METRICS.map((metric) => sql`${metric}`),
  sql`, `,
);

async function pathRows(tx: Executor, query: SQL): Promise<{ path: string; value: number }[]> {
  const { rows } = await tx.execute<{ path: string; value: string }>(query);
  return rows.map((row) => ({ path: row.path, value: Number(row.value) }));
}

export const campaignLinksRepository = {
  /** The campaign's linked items, with whether `viewer` may see each. */
  async listLinked(tx: Executor, campaignId: string, viewer: Viewer): Promise<LinkedRow[]> {
    const parts = (Object.keys(LINK_TABLES) as TCampaignLinkType[]).map((type) => {
      const { table, column } = LINK_TABLES[type];
      return sql`SELECT ${itemColumns}, l.linked_at AS "linkedAt" FROM ${table} l
        JOIN ${items(viewer)} i ON i.type = ${type} AND i.id = l.${column} WHERE l.campaign_id = ${campaignId}`;
    });
    const { rows } = await tx.execute<LinkedRow & { linkedAt: Date | string }>(
      sql`${sql.join(parts, sql` UNION ALL `)} ORDER BY "linkedAt", id`,
    );
    return rows.map((row) => ({ ...row, linkedAt: new Date(row.linkedAt) }));
  },

  async findItem(tx: Executor, type: TCampaignLinkType, id: string, viewer: Viewer): Promise<ItemRow | null> {
    const { rows } = await tx.execute<ItemRow>(
      sql`SELECT ${itemColumns} FROM ${items(viewer)} i WHERE i.type = ${type} AND i.id = ${id}`,
    );
    return rows[0] ?? null;
  },

  /** Links an item; false when it was linked already. */
  async insertLink(
    tx: Executor,
    campaignId: string,
    type: TCampaignLinkType,
    id: string,
    userId: string | null,
  ): Promise<boolean> {
    const { table, column } = LINK_TABLES[type];
    const { rows } = await tx.execute(sql`INSERT INTO ${table} (campaign_id, ${column}, linked_by)
      VALUES (${campaignId}, ${id}, ${userId}) ON CONFLICT DO NOTHING RETURNING campaign_id`);
    return rows.length === 1;
  },

  async deleteLink(tx: Executor, campaignId: string, type: TCampaignLinkType, id: string): Promise<boolean> {
    const { table, column } = LINK_TABLES[type];
    const { rows } = await tx.execute(
      sql`DELETE FROM ${table} WHERE campaign_id = ${campaignId} AND ${column} = ${id} RETURNING campaign_id`,
    );
    return rows.length === 1;
  },

  /**
   * Items of `type` the viewer sees, of a unit in the subtree of one of `unitPaths` and (when `within` is given)
   * of the actor's own subtree, not linked to the campaign yet; newest first.
   */
  async candidates(
    tx: Executor,
    args: {
      campaignId: string;
      type: TCampaignLinkType;
      viewer: Viewer;
      unitPaths: readonly string[];
      within: string | null;
      q: string | undefined;
      page: number;
      pageSize: number;
    },
  ): Promise<{ rows: ItemRow[]; total: number }> {
    const { table, column } = LINK_TABLES[args.type];
    const { limit, offset } = paging(args);
    const where = sql.join(
      [
        sql`i.type = ${args.type}`,
        sql`i.visible`,
        sql`(${sql.join(
          args.unitPaths.map((path) => sql`starts_with(i.unit_path, ${path})`),
          sql` OR `,
        )})`,
        args.within ? sql`starts_with(i.unit_path, ${args.within})` : sql`TRUE`,
        sql`NOT EXISTS (SELECT 1 FROM ${table} l WHERE l.campaign_id = ${args.campaignId} AND l.${column} = i.id)`,
        matchesSearch(args.q, sql`i.search`) ?? sql`TRUE`,
      ],
      sql` AND `,
    );
    const { rows } = await tx.execute<ItemRow>(sql`SELECT ${itemColumns} FROM ${items(args.viewer)} i WHERE ${where}
      ORDER BY i.date DESC NULLS LAST, i.title COLLATE "vi-x-icu", i.id LIMIT ${limit} OFFSET ${offset}`);
    const { rows: totals } = await tx.execute<{ total: number }>(
      sql`SELECT count(*)::int AS total FROM ${items(args.viewer)} i WHERE ${where}`,
    );
    return { rows, total: totals[0]?.total ?? 0 };
  },

  /** The ids of the items of `type` linked to the campaign. */
  async linkedIds(tx: Executor, campaignId: string, type: TCampaignLinkType): Promise<string[]> {
    const { table, column } = LINK_TABLES[type];
    const { rows } = await tx.execute<{ id: string }>(
      sql`SELECT l.${column} AS id FROM ${table} l WHERE l.campaign_id = ${campaignId}`,
    );
    return rows.map((row) => row.id);
  },

  /** Linked products, counted at their owner units. */
  productRows(tx: Executor, campaignId: string) {
    return pathRows(
      tx,
      sql`SELECT o.path, count(*)::text AS value FROM campaign_products cp JOIN products pr ON pr.id = cp.product_id
        JOIN org_units o ON o.id = pr.owner_unit_id WHERE cp.campaign_id = ${campaignId} GROUP BY o.path`,
    );
  },

  /** The campaign's publications, counted at the publishing units. */
  publicationRows(tx: Executor, campaignId: string) {
    return pathRows(
      tx,
      sql`SELECT o.path, count(*)::text AS value FROM ${campaignPublications(campaignId)} p
        JOIN org_units o ON o.id = p.org_unit_id GROUP BY o.path`,
    );
  },

  /** People reached by the campaign's publications: each reach metric's latest reading, at the publishing units. */
  reachRows(tx: Executor, campaignId: string) {
    return pathRows(
      tx,
      sql`WITH p AS ${campaignPublications(campaignId)},
        latest AS (
          SELECT DISTINCT ON (publication_id, metric) publication_id, metric, value FROM publication_metrics
          WHERE publication_id IN (SELECT id FROM p) AND metric IN (${reachMetrics})
          ORDER BY publication_id, metric, read_on DESC
        )
        SELECT o.path, sum(latest.value)::text AS value FROM latest JOIN p ON p.id = latest.publication_id
          JOIN org_units o ON o.id = p.org_unit_id GROUP BY o.path`,
    );
  },

  /** Officers' shares of the linked products within the campaign's period, at the sharing officers' units. */
  shareRows(tx: Executor, campaignId: string) {
    return pathRows(
      tx,
      sql`SELECT o.path, count(*)::text AS value FROM product_shares s
        JOIN campaign_products cp ON cp.product_id = s.product_id AND cp.campaign_id = ${campaignId}
        JOIN campaigns c ON c.id = cp.campaign_id JOIN org_units o ON o.id = s.unit_id
        WHERE s.shared_on BETWEEN c.starts_on AND c.ends_on GROUP BY o.path`,
    );
  },
};

export type CampaignLinksRepository = typeof campaignLinksRepository;
