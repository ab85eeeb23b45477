import { and, asc, count, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { TPressConferenceListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { pressConferenceFiles, pressConferences } from './press-requests.table.js';

const { searchText: _searchText, ...tableColumns } = getTableColumns(pressConferences);
const columns = {
  ...tableColumns,
  hostUnitCode: sql<string>`(SELECT code FROM org_units o WHERE o.id = press_conferences.host_unit_id)`,
  hostUnitName: sql<string>`(SELECT name FROM org_units o WHERE o.id = press_conferences.host_unit_id)`,
  hostUnitPath: sql<string>`(SELECT path FROM org_units o WHERE o.id = press_conferences.host_unit_id)`,
};

export type ConferenceRow = Omit<typeof pressConferences.$inferSelect, 'searchText'> & {
  hostUnitCode: string;
  hostUnitName: string;
  hostUnitPath: string;
};
export type ConferenceChanges = Partial<
  Pick<
    typeof pressConferences.$inferInsert,
    'title' | 'heldAt' | 'place' | 'spokespersonIds' | 'invitees' | 'coverage' | 'status'
  >
>;

const SORTS = {
  heldAt: { column: pressConferences.heldAt },
  title: { column: pressConferences.title, text: true },
  status: { column: pressConferences.status },
  updatedAt: { column: pressConferences.updatedAt },
};
const scopeLike = (scopePath: string) => `${scopePath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filters(query: TPressConferenceListQuery, scopePath: string, userId: string | null): SQL | undefined {
  return and(
    userId
      ? sql`(${columns.hostUnitPath} LIKE ${scopeLike(scopePath)} OR ${userId}::uuid = ANY(${pressConferences.spokespersonIds}))`
      : sql`${columns.hostUnitPath} LIKE ${scopeLike(scopePath)}`,
    matchesSearch(query.q, pressConferences.searchText),
    query.status ? eq(pressConferences.status, query.status) : undefined,
    query.unitId
      ? sql`${columns.hostUnitPath} LIKE (SELECT path FROM org_units WHERE id = ${query.unitId}) || '%'`
      : undefined,
    query.from ? sql`(${pressConferences.heldAt} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date >= ${query.from}` : undefined,
    query.to ? sql`(${pressConferences.heldAt} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= ${query.to}` : undefined,
  );
}

export const pressConferencesRepository = {
  async list(
    tx: Executor,
    query: TPressConferenceListQuery,
    scopePath: string,
    userId: string | null,
    all = false,
  ): Promise<{ rows: ConferenceRow[]; total: number }> {
    const where = filters(query, scopePath, userId);
    const { limit, offset } = paging(query);
    const base = tx
      .select(columns)
      .from(pressConferences)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, '-heldAt', pressConferences.id));
    const rows = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(pressConferences).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<ConferenceRow | null> {
    const query = tx.select(columns).from(pressConferences).where(eq(pressConferences.id, id));
    const [row] = lock ? await query.for('update', { of: pressConferences }) : await query;
    return row ?? null;
  },

  async insert(tx: Executor, values: typeof pressConferences.$inferInsert): Promise<string> {
    const [row] = await tx.insert(pressConferences).values(values).returning({ id: pressConferences.id });
    return row!.id;
  },

  async update(tx: Executor, id: string, version: number, changes: ConferenceChanges): Promise<boolean> {
    const rows = await tx
      .update(pressConferences)
      .set({ ...changes, version: sql`${pressConferences.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(pressConferences.id, id), eq(pressConferences.version, version)))
      .returning({ id: pressConferences.id });
    return rows.length === 1;
  },

  async materials(tx: Executor, conferenceId: string): Promise<string[]> {
    const rows = await tx
      .select({ fileId: pressConferenceFiles.fileId })
      .from(pressConferenceFiles)
      .where(eq(pressConferenceFiles.conferenceId, conferenceId))
      .orderBy(asc(pressConferenceFiles.sortOrder));
    return rows.map((r) => r.fileId);
  },

  async addMaterial(tx: Executor, conferenceId: string, fileId: string): Promise<void> {
    await tx.insert(pressConferenceFiles).values({
      conferenceId,
      fileId,
      sortOrder: sql`(SELECT coalesce(max(sort_order) + 1, 0) FROM press_conference_files WHERE conference_id = ${conferenceId})`,
    });
  },

  async removeMaterial(tx: Executor, conferenceId: string, fileId: string): Promise<boolean> {
    const rows = await tx
      .delete(pressConferenceFiles)
      .where(and(eq(pressConferenceFiles.conferenceId, conferenceId), eq(pressConferenceFiles.fileId, fileId)))
      .returning({ fileId: pressConferenceFiles.fileId });
    return rows.length === 1;
  },
};

export type PressConferencesRepository = typeof pressConferencesRepository;
