// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified.
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { TAgentListQuery, TPublicAgentQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch, vietnameseOrder } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { collectionAgents as agents } from './agents.table.js';

/** Vietnam's calendar day, the day an active period is measured against. */
const TODAY = sql`(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
const activeToday = sql`((${agents.activeFrom} IS NULL OR ${agents.activeFrom} <= ${TODAY}) AND (${agents.activeTo} IS NULL OR ${agents.activeTo} >= ${TODAY}))`;

const columns = {
  id: agents.id,
  orgUnitId: agents.orgUnitId,
  type: agents.type,
  name: agents.name,
  address: agents.address,
  placeStructure: agents.placeStructure,
  provinceCode: agents.provinceCode,
  provinceName: agents.provinceName,
  districtCode: agents.districtCode,
  districtName: agents.districtName,
  communeCode: agents.communeCode,
  communeName: agents.communeName,
  phones: agents.phones,
  workingHours: agents.workingHours,
  activeFrom: agents.activeFrom,
  activeTo: agents.activeTo,
  note: agents.note,
  version: agents.version,
  createdAt: agents.createdAt,
  updatedAt: agents.updatedAt,
  active: sql<boolean>`${activeToday}`,
  orgUnitCode: sql<string>`(SELECT code FROM org_units o WHERE o.id = collection_agents.org_unit_id)`,
  orgUnitName: sql<string>`(SELECT name FROM org_units o WHERE o.id = collection_agents.org_unit_id)`,
  orgUnitPath: sql<string>`(SELECT path FROM org_units o WHERE o.id = collection_agents.org_unit_id)`,
};

export interface AgentRow {
  id: string;
  orgUnitId: string;
  type: string;
  name: string;
  address: string;
  placeStructure: string;
  provinceCode: string;
  provinceName: string;
  districtCode: string | null;
  districtName: string | null;
  communeCode: string | null;
  communeName: string | null;
  phones: string[];
  workingHours: string | null;
  activeFrom: string | null;
  activeTo: string | null;
  note: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  active: boolean;
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitPath: string;
}
export type NewAgentRow = Omit<typeof agents.$inferInsert, 'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version'>;

/** A row of the administrative units (GSO codes) of one structure. */
export type AdminPlace = {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
};

export interface PublicAgentRow {
  type: string;
  name: string;
  address: string;
  provinceName: string;
  districtName: string | null;
  communeName: string | null;
  phones: string[];
  workingHours: string | null;
}

const SORTS = {
  name: { column: agents.name, text: true },
  type: { column: agents.type },
  province: { column: agents.provinceName, text: true },
  district: { column: agents.districtName, text: true },
  commune: { column: agents.communeName, text: true },
  activeTo: { column: agents.activeTo },
  updatedAt: { column: agents.updatedAt },
};

function filters(query: TAgentListQuery, scopePath: string): SQL | undefined {
  return and(
    sql`(SELECT path FROM org_units o WHERE o.id = collection_agents.org_unit_id) LIKE ${`${scopePath}%`}`,
    matchesSearch(query.q, agents.searchText),
    query.type ? eq(agents.type, query.type) : undefined,
    query.provinceCode ? eq(agents.provinceCode, query.provinceCode) : undefined,
    query.districtCode ? eq(agents.districtCode, query.districtCode) : undefined,
    query.communeCode ? eq(agents.communeCode, query.communeCode) : undefined,
    query.active === 'true' ? activeToday : query.active === 'false' ? sql`NOT ${activeToday}` : undefined,
  );
}

function publicFilters(query: TPublicAgentQuery): SQL | undefined {
  return and(
    activeToday,
    query.province ? eq(agents.provinceCode, query.province) : undefined,
    query.district ? eq(agents.districtCode, query.district) : undefined,
    query.commune ? eq(agents.communeCode, query.commune) : undefined,
    matchesSearch(query.q, agents.searchText),
  );
}

export const agentsRepository = {
  /** One page of the agents kept in the subtree `scopePath` (every match when `all`, for export), with the total. */
  async list(
    tx: Executor,
    query: TAgentListQuery,
    scopePath: string,
    all = false,
  ): Promise<{ rows: AgentRow[]; total: number }> {
    const where = filters(query, scopePath);
    const { limit, offset } = paging(query);
    const base = tx
      .select(columns)
      .from(agents)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, 'name', agents.id));
    const rows = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(agents).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<AgentRow | null> {
    const query = tx.select(columns).from(agents).where(eq(agents.id, id));
    const [row] = lock ? await query.for('update', { of: agents }) : await query;
    return row ?? null;
  },

  /**
   * Another agent with the same name (accents and case ignored) in the same place sharing a phone number,
   * or null. `exceptId` leaves out the agent being changed.
   */
  async findDuplicate(
    tx: Executor,
    agent: Pick<NewAgentRow, 'name' | 'provinceCode' | 'districtCode' | 'communeCode' | 'phones'>,
    exceptId: string | null,
  ): Promise<{ id: string; name: string } | null> {
    const [row] = await tx
      .select({ id: agents.id, name: agents.name })
      .from(agents)
      .where(
        and(
          eq(agents.provinceCode, agent.provinceCode),
          sql`coalesce(${agents.districtCode}, '') = ${agent.districtCode ?? ''}`,
          sql`coalesce(${agents.communeCode}, '') = ${agent.communeCode ?? ''}`,
          sql`loa_fold(${agents.name}) = loa_fold(${agent.name})`,
          sql`${agents.phones} && ${sql.param(agent.phones, agents.phones)}`,
          exceptId ? sql`${agents.id} <> ${exceptId}` : undefined,
        ),
      )
      .limit(1);
    return row ?? null;
  },

  async insert(tx: Executor, values: NewAgentRow): Promise<string> {
    const [row] = await tx.insert(agents).values(values).returning({ id: agents.id });
    return row!.id;
  },

  /** Updates when `version` still matches; false when someone else changed the row first. */
  async update(tx: Executor, id: string, version: number, values: Partial<NewAgentRow>): Promise<boolean> {
    const updated = await tx
      .update(agents)
      .set({ ...values, version: sql`${agents.version} + 1`, updatedAt: new Date() })
      .where(and(eq(agents.id, id), eq(agents.version, version)))
      .returning({ id: agents.id });
    return updated.length === 1;
  },

  async delete(tx: Executor, id: string): Promise<void> {
    await tx.delete(agents).where(eq(agents.id, id));
  },

  /** The structure the org tree follows: district offices exist only in the 63-province one. */
  async placeStructure(tx: Executor): Promise<'63' | '34'> {
    const { rows } = await tx.execute<{ districts: boolean }>(
      sql`SELECT EXISTS (SELECT 1 FROM org_units WHERE kind = 'district') AS districts`,
    );
    return rows[0]?.districts ? '63' : '34';
  },

  /** One administrative unit of a structure, by code and level. */
  async findPlace(tx: Executor, structure: string, level: number, code: string): Promise<AdminPlace | null> {
    const { rows } = await tx.execute<AdminPlace>(sql`
      SELECT code, name, level, parent_code AS "parentCode" FROM admin_units
      WHERE structure = ${structure} AND level = ${level} AND code = ${code}`);
    return rows[0] ?? null;
  },

  /** The administrative units of a structure under `parentCode` (the provinces when null), in Vietnamese order. */
  async listPlaces(tx: Executor, structure: string, parentCode: string | null): Promise<AdminPlace[]> {
    const { rows } = await tx.execute<AdminPlace>(sql`
      SELECT code, name, level, parent_code AS "parentCode" FROM admin_units
      WHERE structure = ${structure} AND ${parentCode === null ? sql`level = 1` : sql`parent_code = ${parentCode}`}
      ORDER BY name COLLATE "vi-x-icu", code`);
    return rows;
  },

  /** A page of active agents with only their public fields, ordered by place and name. */
  async listPublic(
    tx: Executor,
    query: TPublicAgentQuery,
    pageSize: number,
  ): Promise<{ rows: PublicAgentRow[]; total: number }> {
    const where = publicFilters(query);
    const rows = await tx
      .select({
        type: agents.type,
        name: agents.name,
        address: agents.address,
        provinceName: agents.provinceName,
        districtName: agents.districtName,
        communeName: agents.communeName,
        phones: agents.phones,
        workingHours: agents.workingHours,
      })
      .from(agents)
      .where(where)
      .orderBy(
        // Agents whose name or commune holds the typed words as a phrase ("xa hoa" → "Xã Hòa …") come first.
        ...(query.q
          ? [
              sql`position(loa_fold(${query.q}) in loa_fold(${agents.name} || ' ' || coalesce(${agents.communeName}, ''))) = 0`,
            ]
          : []),
        vietnameseOrder(agents.provinceName),
        vietnameseOrder(sql`coalesce(${agents.districtName}, '')`),
        vietnameseOrder(sql`coalesce(${agents.communeName}, '')`),
        vietnameseOrder(agents.name),
        agents.id,
      )
      .limit(pageSize)
      .offset((query.page - 1) * pageSize);
    const [totalRow] = await tx.select({ total: count() }).from(agents).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  /**
   * Places with active agents and how many: the provinces (no `provinceCode`), or a province's districts
   * (`level` 2) or communes (`level` 3).
   */
  async countActiveByPlace(
    tx: Executor,
    level: 1 | 2 | 3,
    provinceCode: string | null,
  ): Promise<{ code: string; name: string; count: number }[]> {
    const [code, name] =
      level === 1
        ? [agents.provinceCode, agents.provinceName]
        : level === 2
          ? [agents.districtCode, agents.districtName]
          : [agents.communeCode, agents.communeName];
    const rows = await tx
      .select({ code: sql<string>`${code}`, name: sql<string>`${name}`, count: count() })
      .from(agents)
      .where(
        and(
          activeToday,
          sql`${code} IS NOT NULL`,
          provinceCode !== null ? eq(agents.provinceCode, provinceCode) : undefined,
        ),
      )
      .groupBy(code, name)
      .orderBy(vietnameseOrder(name), code);
    return rows;
  },
};

export type AgentsRepository = typeof agentsRepository;
