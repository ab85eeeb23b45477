import { and, count, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { TOfficialChannelListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { officialChannels as channels } from './official-channels.table.js';

const columns = {
  id: channels.id,
  kind: channels.kind,
  value: channels.value,
  display: channels.display,
  status: channels.status,
  note: channels.note,
  source: channels.source,
  orgUnitId: channels.orgUnitId,
  retiredAt: channels.retiredAt,
  version: channels.version,
  createdAt: channels.createdAt,
  updatedAt: channels.updatedAt,
  orgUnitCode: sql<string>`(SELECT code FROM org_units o WHERE o.id = official_channels.org_unit_id)`,
  orgUnitName: sql<string>`(SELECT name FROM org_units o WHERE o.id = official_channels.org_unit_id)`,
  orgUnitPath: sql<string>`(SELECT path FROM org_units o WHERE o.id = official_channels.org_unit_id)`,
  addedBy: sql<string | null>`(SELECT full_name FROM users u WHERE u.id = official_channels.created_by)`,
};

export interface ChannelRow {
  id: string;
  kind: string;
  value: string;
  display: string;
  status: string;
  note: string | null;
  source: string | null;
  orgUnitId: string;
  retiredAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitPath: string;
  addedBy: string | null;
}
export type NewChannelRow = Omit<
  typeof channels.$inferInsert,
  'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version'
>;

/** An entry in force, as the checks read it. */
export interface ChannelInForce {
  kind: string;
  value: string;
  display: string;
  status: string;
  note: string | null;
}

const SORTS = {
  value: { column: channels.value },
  display: { column: channels.display, text: true },
  kind: { column: channels.kind },
  status: { column: channels.status },
  updatedAt: { column: channels.updatedAt },
  createdAt: { column: channels.createdAt },
};

function filters(query: TOfficialChannelListQuery): SQL | undefined {
  return and(
    matchesSearch(query.q, channels.searchText),
    query.kind ? eq(channels.kind, query.kind) : undefined,
    query.status ? eq(channels.status, query.status) : undefined,
    query.retired === 'false'
      ? isNull(channels.retiredAt)
      : query.retired === 'true'
        ? isNotNull(channels.retiredAt)
        : undefined,
  );
}

export const officialChannelsRepository = {
  /** One page of the registry (every match when `all`, for export), with the total. */
  async list(
    tx: Executor,
    query: TOfficialChannelListQuery,
    all = false,
  ): Promise<{ rows: ChannelRow[]; total: number }> {
    const where = filters(query);
    const { limit, offset } = paging(query);
    const base = tx
      .select(columns)
      .from(channels)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, 'kind', sql`${channels.value}, ${channels.id}`));
    const rows = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(channels).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<ChannelRow | null> {
    const query = tx.select(columns).from(channels).where(eq(channels.id, id));
    const [row] = lock ? await query.for('update', { of: channels }) : await query;
    return row ?? null;
  },

  /** The entry with this kind and value, retired or not, other than `exceptId`. */
  async findByValue(
    tx: Executor,
    kind: string,
    value: string,
    exceptId: string | null,
  ): Promise<{ id: string } | null> {
    const [row] = await tx
      .select({ id: channels.id })
      .from(channels)
      .where(
        and(
          eq(channels.kind, kind),
          eq(channels.value, value),
          exceptId ? sql`${channels.id} <> ${exceptId}` : undefined,
        ),
      )
      .limit(1);
    return row ?? null;
  },

  /** Every entry in force, for the checks (a few hundred rows at most). */
  async listInForce(tx: Executor): Promise<ChannelInForce[]> {
    return tx
      .select({
        kind: channels.kind,
        value: channels.value,
        display: channels.display,
        status: channels.status,
        note: channels.note,
      })
      .from(channels)
      .where(isNull(channels.retiredAt))
      .orderBy(channels.kind, channels.value);
  },

  async insert(tx: Executor, values: NewChannelRow): Promise<string> {
    const [row] = await tx.insert(channels).values(values).returning({ id: channels.id });
    return row!.id;
  },

  /** Inserts the entries whose kind and value are not there yet; returns the values inserted. */
  async insertMissing(tx: Executor, rows: NewChannelRow[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted = await tx.insert(channels).values(rows).onConflictDoNothing().returning({ value: channels.value });
    return inserted.map((r) => r.value);
  },

  /** Updates when `version` still matches; false when someone else changed the row first. */
  async update(tx: Executor, id: string, version: number, values: Partial<NewChannelRow>): Promise<boolean> {
    const updated = await tx
      .update(channels)
      .set({ ...values, version: sql`${channels.version} + 1`, updatedAt: new Date() })
      .where(and(eq(channels.id, id), eq(channels.version, version)))
      .returning({ id: channels.id });
    return updated.length === 1;
  },

  /** Marks a one-time seed as done (app_state); false when it was done before. */
  async claimSeed(tx: Executor, key: string): Promise<boolean> {
    const { rows } = await tx.execute<{ key: string }>(sql`
      INSERT INTO app_state (key, value) VALUES (${key}, ${JSON.stringify({ seededAt: new Date().toISOString() })}::jsonb)
      ON CONFLICT (key) DO NOTHING RETURNING key`);
    return rows.length === 1;
  },
};

export type OfficialChannelsRepository = typeof officialChannelsRepository;
