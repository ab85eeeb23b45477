// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified, which would bind to the inner table.
import { and, count, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { TProposalListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { proposals } from './proposals.table.js';

const unitOf = (column: string) => sql.raw(`(SELECT ${column} FROM org_units o WHERE o.id = proposals.owner_unit_id)`);
const nameOfUser = (column: string) => sql.raw(`(SELECT full_name FROM users u WHERE u.id = proposals.${column})`);

const columns = {
  id: proposals.id,
  kind: proposals.kind,
  title: proposals.title,
  description: proposals.description,
  guidanceYear: proposals.guidanceYear,
  themeCodes: proposals.themeCodes,
  audienceCodes: proposals.audienceCodes,
  formCodes: proposals.formCodes,
  channelCodes: proposals.channelCodes,
  periodFrom: proposals.periodFrom,
  periodTo: proposals.periodTo,
  regulationId: proposals.regulationId,
  ownerUnitId: proposals.ownerUnitId,
  proposerId: proposals.proposerId,
  status: proposals.status,
  decisionNote: proposals.decisionNote,
  decidedBy: proposals.decidedBy,
  decidedAt: proposals.decidedAt,
  mergedIntoId: proposals.mergedIntoId,
  calendarItemId: proposals.calendarItemId,
  version: proposals.version,
  createdAt: proposals.createdAt,
  updatedAt: proposals.updatedAt,
  ownerUnitCode: sql<string>`${unitOf('code')}`,
  ownerUnitName: sql<string>`${unitOf('name')}`,
  ownerUnitPath: sql<string>`${unitOf('path')}`,
  proposerName: sql<string | null>`${nameOfUser('proposer_id')}`,
  decidedByName: sql<string | null>`${nameOfUser('decided_by')}`,
  regulationNumber: sql<string | null>`(SELECT number FROM regulations r WHERE r.id = proposals.regulation_id)`,
  regulationSummary: sql<string | null>`(SELECT summary FROM regulations r WHERE r.id = proposals.regulation_id)`,
  mergedIntoTitle: sql<string | null>`(SELECT p.title FROM proposals p WHERE p.id = proposals.merged_into_id)`,
};

export interface ProposalRow {
  id: string;
  kind: string;
  title: string;
  description: string;
  guidanceYear: number;
  themeCodes: string[];
  audienceCodes: string[];
  formCodes: string[];
  channelCodes: string[];
  periodFrom: string;
  periodTo: string;
  regulationId: string | null;
  ownerUnitId: string;
  proposerId: string | null;
  status: string;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  mergedIntoId: string | null;
  calendarItemId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  ownerUnitCode: string;
  ownerUnitName: string;
  ownerUnitPath: string;
  proposerName: string | null;
  decidedByName: string | null;
  regulationNumber: string | null;
  regulationSummary: string | null;
  mergedIntoTitle: string | null;
}

export type NewProposalRow = Omit<
  typeof proposals.$inferInsert,
  'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version'
>;

/** Which proposals a caller may list: all of them (the Communication Center), or a subtree plus their own. */
export type ProposalVisibility = { kind: 'all' } | { kind: 'scope'; scopePath: string; userId: string | null };

/** A unit that may be reminded to propose. */
export type ReminderUnitRow = {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
};

export type UnitRefRow = { id: string; code: string; name: string };

export interface MergedProposalRow {
  id: string;
  title: string;
  ownerUnitId: string;
  ownerUnitCode: string;
  ownerUnitName: string;
}

const SORTS = {
  createdAt: { column: proposals.createdAt },
  periodFrom: { column: proposals.periodFrom },
  title: { column: proposals.title, text: true },
  status: { column: proposals.status },
  kind: { column: proposals.kind },
  ownerUnit: { column: sql`(SELECT name FROM org_units o WHERE o.id = proposals.owner_unit_id)`, text: true },
};

const inSubtree = (scopePath: string) =>
  sql`${proposals.ownerUnitId} IN (SELECT id FROM org_units WHERE path LIKE ${`${scopePath}%`})`;

function visible(visibility: ProposalVisibility): SQL | undefined {
  if (visibility.kind === 'all') return undefined;
  const own = visibility.userId ? sql` OR ${proposals.proposerId} = ${visibility.userId}` : sql``;
  return sql`(${inSubtree(visibility.scopePath)}${own})`;
}

function filters(query: TProposalListQuery, visibility: ProposalVisibility, mine: ProposalVisibility | null) {
  const monthStart = query.month ? `${query.month}-01` : null;
  return and(
    visible(visibility),
    mine ? visible(mine) : undefined,
    matchesSearch(query.q, proposals.searchText),
    query.status ? eq(proposals.status, query.status) : undefined,
    query.kind ? eq(proposals.kind, query.kind) : undefined,
    query.guidanceYear ? eq(proposals.guidanceYear, query.guidanceYear) : undefined,
    query.themeCode ? sql`${query.themeCode} = ANY(${proposals.themeCodes})` : undefined,
    query.unitId
      ? sql`${proposals.ownerUnitId} IN (SELECT id FROM org_units WHERE path LIKE (SELECT path FROM org_units WHERE id = ${query.unitId}) || '%')`
      : undefined,
    monthStart
      ? and(
          lte(proposals.periodFrom, sql`(${monthStart}::date + interval '1 month' - interval '1 day')::date`),
          gte(proposals.periodTo, sql`${monthStart}::date`),
        )
      : undefined,
  );
}

export const proposalsRepository = {
  /** One page of proposals matching the filters (every match when `all`, for export), with the total. */
  async list(
    tx: Executor,
    query: TProposalListQuery,
    visibility: ProposalVisibility,
    mine: ProposalVisibility | null,
    all = false,
  ): Promise<{ rows: ProposalRow[]; total: number }> {
    const where = filters(query, visibility, mine);
    const { limit, offset } = paging(query);
    const base = tx
      .select(columns)
      .from(proposals)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, '-createdAt', proposals.id));
    const rows = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(proposals).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<ProposalRow | null> {
    const query = tx.select(columns).from(proposals).where(eq(proposals.id, id));
    const [row] = lock ? await query.for('update', { of: proposals }) : await query;
    return row ?? null;
  },

  async insert(tx: Executor, values: NewProposalRow): Promise<string> {
    const [row] = await tx.insert(proposals).values(values).returning({ id: proposals.id });
    return row!.id;
  },

  /** Updates when `version` still matches; false when someone else changed the row first. */
  async update(tx: Executor, id: string, version: number, values: Partial<NewProposalRow>): Promise<boolean> {
    const updated = await tx
      .update(proposals)
      .set({ ...values, version: sql`${proposals.version} + 1`, updatedAt: new Date() })
      .where(and(eq(proposals.id, id), eq(proposals.version, version)))
      .returning({ id: proposals.id });
    return updated.length === 1;
  },

  /** The proposing units of the proposals visible to a caller, in Vietnamese order: the unit filter's options. */
  async listOwnerUnits(tx: Executor, visibility: ProposalVisibility): Promise<UnitRefRow[]> {
    const where = visible(visibility);
    const { rows } = await tx.execute<UnitRefRow>(sql`
      SELECT o.id, o.code, o.name FROM org_units o
       WHERE o.id IN (SELECT proposals.owner_unit_id FROM proposals${where ? sql` WHERE ${where}` : sql``})
       ORDER BY o.name COLLATE "vi-x-icu", o.code`);
    return rows;
  },

  /** The proposals merged into `id`, oldest first. */
  async listMergedInto(tx: Executor, id: string): Promise<MergedProposalRow[]> {
    return tx
      .select({
        id: proposals.id,
        title: proposals.title,
        ownerUnitId: proposals.ownerUnitId,
        ownerUnitCode: sql<string>`${unitOf('code')}`,
        ownerUnitName: sql<string>`${unitOf('name')}`,
      })
      .from(proposals)
      .where(eq(proposals.mergedIntoId, id))
      .orderBy(proposals.createdAt, proposals.id);
  },

  /** Points the proposals merged into `fromId` at `toId` (when `fromId` is merged itself); returns how many. */
  async repointMerged(tx: Executor, fromId: string, toId: string): Promise<number> {
    const rows = await tx
      .update(proposals)
      .set({ mergedIntoId: toId, version: sql`${proposals.version} + 1`, updatedAt: new Date() })
      .where(eq(proposals.mergedIntoId, fromId))
      .returning({ id: proposals.id });
    return rows.length;
  },

  /** The codes of a guidance year by kind, or null when there is no guidance for that year. */
  async guidanceCodes(tx: Executor, year: number): Promise<Map<string, Set<string>> | null> {
    const { rows: years } = await tx.execute<{ year: number }>(
      sql`SELECT year FROM guidance_years WHERE year = ${year}`,
    );
    if (years.length === 0) return null;
    const { rows } = await tx.execute<{ kind: string; code: string }>(
      sql`SELECT kind, code FROM guidance_items WHERE year = ${year}`,
    );
    const byKind = new Map<string, Set<string>>();
    for (const row of rows) byKind.set(row.kind, (byKind.get(row.kind) ?? new Set()).add(row.code));
    return byKind;
  },

  async regulationExists(tx: Executor, id: string): Promise<boolean> {
    const { rows } = await tx.execute<{ id: string }>(sql`SELECT id FROM regulations WHERE id = ${id}`);
    return rows.length === 1;
  },

  /** Central units and provinces active on `day` (yyyy-mm-dd): the units asked to propose every month. */
  async listReminderUnits(tx: Executor, day: string): Promise<ReminderUnitRow[]> {
    const { rows } = await tx.execute<ReminderUnitRow>(sql`
      SELECT id, code, name, kind, path FROM org_units
       WHERE kind IN ('central_unit', 'province')
         AND (active_from IS NULL OR active_from <= ${day}::date)
         AND (active_to IS NULL OR active_to >= ${day}::date)
       ORDER BY path`);
    return rows;
  },

  /** Paths of the units with a proposal (not withdrawn) whose period overlaps `month` (yyyy-mm). */
  async proposingUnitPaths(tx: Executor, month: string): Promise<string[]> {
    const start = `${month}-01`;
    const { rows } = await tx.execute<{ path: string }>(sql`
      SELECT DISTINCT o.path FROM proposals p JOIN org_units o ON o.id = p.owner_unit_id
       WHERE p.status <> 'withdrawn'
         AND p.period_from <= (${start}::date + interval '1 month' - interval '1 day')::date
         AND p.period_to >= ${start}::date`);
    return rows.map((r) => r.path);
  },
};

export type ProposalsRepository = typeof proposalsRepository;
