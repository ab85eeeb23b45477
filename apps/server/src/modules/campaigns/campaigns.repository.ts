// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified, which would bind to the inner table.
import { and, count, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { TCampaignListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { campaignGoals, campaigns, campaignUnits } from './campaigns.table.js';

const owner = (column: string) => sql.raw(`(SELECT ${column} FROM org_units o WHERE o.id = campaigns.owner_unit_id)`);

const columns = {
  id: campaigns.id,
  name: campaigns.name,
  description: campaigns.description,
  startsOn: campaigns.startsOn,
  endsOn: campaigns.endsOn,
  guidanceYear: campaigns.guidanceYear,
  status: campaigns.status,
  ownerUnitId: campaigns.ownerUnitId,
  channelCodes: campaigns.channelCodes,
  version: campaigns.version,
  createdAt: campaigns.createdAt,
  updatedAt: campaigns.updatedAt,
  ownerUnitCode: sql<string>`${owner('code')}`,
  ownerUnitName: sql<string>`${owner('name')}`,
  ownerUnitPath: sql<string>`${owner('path')}`,
  linkCount: sql<number>`(
    (SELECT count(*) FROM campaign_products l WHERE l.campaign_id = campaigns.id) +
    (SELECT count(*) FROM campaign_publications l WHERE l.campaign_id = campaigns.id) +
    (SELECT count(*) FROM campaign_calendar_items l WHERE l.campaign_id = campaigns.id) +
    (SELECT count(*) FROM campaign_events l WHERE l.campaign_id = campaigns.id))::int`,
};

export type CampaignRow = {
  id: string;
  name: string;
  description: string;
  startsOn: string;
  endsOn: string;
  guidanceYear: number;
  status: string;
  ownerUnitId: string;
  channelCodes: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  ownerUnitCode: string;
  ownerUnitName: string;
  ownerUnitPath: string;
  linkCount: number;
};
export type NewCampaignRow = Omit<
  typeof campaigns.$inferInsert,
  'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version'
>;
export type CampaignUnitRow = {
  campaignId: string;
  id: string;
  code: string;
  name: string;
  path: string;
};
export interface GoalRow {
  campaignId: string;
  metric: string;
  target: number;
}

/** The owner and every participating unit of the campaign, as org_units rows `u`. */
const campaignUnitsOf = sql`(SELECT o.* FROM org_units o WHERE o.id = campaigns.owner_unit_id
  OR o.id IN (SELECT cu.unit_id FROM campaign_units cu WHERE cu.campaign_id = campaigns.id))`;

const SORTS = {
  name: { column: campaigns.name, text: true },
  startsOn: { column: campaigns.startsOn },
  endsOn: { column: campaigns.endsOn },
  status: { column: campaigns.status },
  createdAt: { column: campaigns.createdAt },
};

function filters(query: Partial<TCampaignListQuery>, readScope: string): SQL | undefined {
  return and(
    sql`EXISTS (SELECT 1 FROM ${campaignUnitsOf} u WHERE starts_with(u.path, ${readScope}) OR starts_with(${readScope}, u.path))`,
    matchesSearch(query.q, campaigns.searchText),
    query.status ? eq(campaigns.status, query.status) : undefined,
    query.unitId
      ? sql`EXISTS (SELECT 1 FROM ${campaignUnitsOf} u, org_units chosen WHERE chosen.id = ${query.unitId}
          AND (starts_with(u.path, chosen.path) OR starts_with(chosen.path, u.path)))`
      : undefined,
    query.from ? gte(campaigns.endsOn, query.from) : undefined,
    query.to ? lte(campaigns.startsOn, query.to) : undefined,
    query.eventId
      ? sql`EXISTS (SELECT 1 FROM campaign_events l WHERE l.campaign_id = campaigns.id AND l.event_id = ${query.eventId})`
      : undefined,
  );
}

export const campaignsRepository = {
  /** One page of the campaigns the actor reads (`readScope`) matching the filters (all when `all`), with the total. */
  async list(tx: Executor, query: TCampaignListQuery, readScope: string, all = false) {
    const where = filters(query, readScope);
    const { limit, offset } = paging(query);
    const base = tx
      .select(columns)
      .from(campaigns)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, '-startsOn', campaigns.id));
    const rows: CampaignRow[] = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(campaigns).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<CampaignRow | null> {
    const query = tx.select(columns).from(campaigns).where(eq(campaigns.id, id));
    const [row] = lock ? await query.for('update', { of: campaigns }) : await query;
    return row ?? null;
  },

  async insert(tx: Executor, values: NewCampaignRow): Promise<string> {
    const [row] = await tx.insert(campaigns).values(values).returning({ id: campaigns.id });
    return row!.id;
  },

  /** Changes a campaign at `version`; false when someone changed it first. */
  async update(tx: Executor, id: string, version: number, values: Partial<NewCampaignRow>): Promise<boolean> {
    const rows = await tx
      .update(campaigns)
      .set({ ...values, version: sql`${campaigns.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(campaigns.id, id), eq(campaigns.version, version)))
      .returning({ id: campaigns.id });
    return rows.length === 1;
  },

  async listUnits(tx: Executor, ids: readonly string[]): Promise<CampaignUnitRow[]> {
    if (ids.length === 0) return [];
    const { rows } = await tx.execute<CampaignUnitRow>(sql`
      SELECT cu.campaign_id AS "campaignId", o.id, o.code, o.name, o.path
      FROM campaign_units cu JOIN org_units o ON o.id = cu.unit_id
      WHERE cu.campaign_id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})
      ORDER BY o.path`);
    return rows;
  },

  async replaceUnits(tx: Executor, campaignId: string, unitIds: readonly string[]): Promise<void> {
    await tx.delete(campaignUnits).where(eq(campaignUnits.campaignId, campaignId));
    if (unitIds.length > 0) await tx.insert(campaignUnits).values(unitIds.map((unitId) => ({ campaignId, unitId })));
  },

  async listGoals(tx: Executor, ids: readonly string[]): Promise<GoalRow[]> {
    if (ids.length === 0) return [];
    return tx
      .select({ campaignId: campaignGoals.campaignId, metric: campaignGoals.metric, target: campaignGoals.target })
      .from(campaignGoals)
      .where(inArray(campaignGoals.campaignId, [...ids]))
      .orderBy(campaignGoals.campaignId, campaignGoals.sortOrder);
  },

  async replaceGoals(
    tx: Executor,
    campaignId: string,
    goals: readonly { metric: string; target: number }[],
  ): Promise<void> {
    await tx.delete(campaignGoals).where(eq(campaignGoals.campaignId, campaignId));
    if (goals.length > 0)
      await tx
        .insert(campaignGoals)
        .values(goals.map((goal, sortOrder) => ({ campaignId, metric: goal.metric, target: goal.target, sortOrder })));
  },

  /** Units of the whole tree matching `q` (code, name), in tree order: who may be invited to take part. */
  async unitOptions(tx: Executor, q: string | undefined, page: number, pageSize: number) {
    const where = matchesSearch(q, sql`o.search_text`) ?? sql`TRUE`;
    const { limit, offset } = paging({ page, pageSize });
    const { rows } = await tx.execute<{ id: string; code: string; name: string; kind: string }>(
      sql`SELECT o.id, o.code, o.name, o.kind FROM org_units o WHERE ${where} ORDER BY o.path LIMIT ${limit} OFFSET ${offset}`,
    );
    const { rows: totals } = await tx.execute<{ total: number }>(
      sql`SELECT count(*)::int AS total FROM org_units o WHERE ${where}`,
    );
    return { rows, total: totals[0]?.total ?? 0 };
  },

  /** The latest guidance year not after `year` and its channel codes; null when there is none. */
  async channelCatalog(tx: Executor, year: number): Promise<{ year: number; codes: Set<string> } | null> {
    const { rows: years } = await tx.execute<{ year: number }>(
      sql`SELECT max(year) AS year FROM guidance_years WHERE year <= ${year}`,
    );
    const found = years[0]?.year;
    if (found === null || found === undefined) return null;
    const { rows } = await tx.execute<{ code: string }>(
      sql`SELECT code FROM guidance_items WHERE year = ${found} AND kind = 'channel'`,
    );
    return { year: found, codes: new Set(rows.map((r) => r.code)) };
  },
};

export type CampaignsRepository = typeof campaignsRepository;
