// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified, which would bind to the inner table.
import { and, count, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { TListQuery, TRegulationListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { appState, regulationRelations, regulations } from './regulations.table.js';

const columns = {
  id: regulations.id,
  number: regulations.number,
  kind: regulations.kind,
  issuer: regulations.issuer,
  issuedOn: regulations.issuedOn,
  effectiveOn: regulations.effectiveOn,
  summary: regulations.summary,
  draftingUnitId: regulations.draftingUnitId,
  draftingUnitName: regulations.draftingUnitName,
  recipients: regulations.recipients,
  signer: regulations.signer,
  tags: regulations.tags,
  needsCommunication: regulations.needsCommunication,
  orgUnitId: regulations.orgUnitId,
  version: regulations.version,
  createdAt: regulations.createdAt,
  updatedAt: regulations.updatedAt,
  draftingUnitCode: sql<string | null>`(SELECT code FROM org_units o WHERE o.id = regulations.drafting_unit_id)`,
  draftingUnitFullName: sql<string | null>`(SELECT name FROM org_units o WHERE o.id = regulations.drafting_unit_id)`,
  orgUnitCode: sql<string>`(SELECT code FROM org_units o WHERE o.id = regulations.org_unit_id)`,
  orgUnitName: sql<string>`(SELECT name FROM org_units o WHERE o.id = regulations.org_unit_id)`,
  orgUnitPath: sql<string>`(SELECT path FROM org_units o WHERE o.id = regulations.org_unit_id)`,
};

export interface RegulationRow {
  id: string;
  number: string;
  kind: string;
  issuer: string;
  issuedOn: string;
  effectiveOn: string | null;
  summary: string;
  draftingUnitId: string | null;
  draftingUnitName: string | null;
  recipients: string | null;
  signer: string | null;
  tags: string[];
  needsCommunication: boolean;
  orgUnitId: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  draftingUnitCode: string | null;
  draftingUnitFullName: string | null;
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitPath: string;
}
export type NewRegulationRow = Omit<
  typeof regulations.$inferInsert,
  'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version'
>;

export interface RelationRow {
  regulationId: string;
  number: string;
  summary: string;
  kind: string;
  direction: 'outgoing' | 'incoming';
}

export type UnitOptionRow = {
  id: string;
  code: string;
  name: string;
  kind: string;
};

const SORTS = {
  // By serial number (280 before 1007), then by the whole number as tie-breaker.
  number: { column: sql`(substring(regulations.number from '^[0-9]+'))::int` },
  kind: { column: regulations.kind },
  issuedOn: { column: regulations.issuedOn },
  effectiveOn: { column: regulations.effectiveOn },
  summary: { column: regulations.summary, text: true },
  draftingUnit: { column: regulations.draftingUnitName, text: true },
  createdAt: { column: regulations.createdAt },
};

function filters(query: Partial<TRegulationListQuery>): SQL | undefined {
  return and(
    matchesSearch(query.q, regulations.searchText),
    query.kind ? eq(regulations.kind, query.kind) : undefined,
    query.draftingUnitId ? eq(regulations.draftingUnitId, query.draftingUnitId) : undefined,
    query.issuedFrom ? gte(regulations.issuedOn, query.issuedFrom) : undefined,
    query.issuedTo ? lte(regulations.issuedOn, query.issuedTo) : undefined,
    query.effectiveFrom ? gte(regulations.effectiveOn, query.effectiveFrom) : undefined,
    query.effectiveTo ? lte(regulations.effectiveOn, query.effectiveTo) : undefined,
    query.needsCommunication ? eq(regulations.needsCommunication, query.needsCommunication === 'true') : undefined,
    query.tag
      ? sql`EXISTS (SELECT 1 FROM unnest(regulations.tags) AS tag WHERE loa_fold(tag) = loa_fold(${query.tag}))`
      : undefined,
  );
}

export const regulationsRepository = {
  /** One page of documents matching the filters (every match when `all`, for export), with the total. */
  async list(
    tx: Executor,
    query: TRegulationListQuery,
    all = false,
  ): Promise<{ rows: RegulationRow[]; total: number }> {
    const where = filters(query);
    const { limit, offset } = paging(query);
    const base = tx
      .select(columns)
      .from(regulations)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, '-issuedOn', regulations.number));
    const rows = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(regulations).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<RegulationRow | null> {
    const query = tx.select(columns).from(regulations).where(eq(regulations.id, id));
    const [row] = lock ? await query.for('update', { of: regulations }) : await query;
    return row ?? null;
  },

  async findByNumber(tx: Executor, number: string): Promise<RegulationRow | null> {
    const [row] = await tx.select(columns).from(regulations).where(eq(regulations.number, number));
    return row ?? null;
  },

  async insert(tx: Executor, values: NewRegulationRow): Promise<string> {
    const [row] = await tx.insert(regulations).values(values).returning({ id: regulations.id });
    return row!.id;
  },

  /** Inserts the documents whose number is not registered yet; returns number → id of those inserted. */
  async insertMissing(tx: Executor, values: NewRegulationRow[]): Promise<Map<string, string>> {
    if (values.length === 0) return new Map();
    const rows = await tx
      .insert(regulations)
      .values(values)
      .onConflictDoNothing({ target: regulations.number })
      .returning({ id: regulations.id, number: regulations.number });
    return new Map(rows.map((r) => [r.number, r.id]));
  },

  /** Updates when `version` still matches; false when someone else changed the row first. */
  async update(tx: Executor, id: string, version: number, values: Partial<NewRegulationRow>): Promise<boolean> {
    const updated = await tx
      .update(regulations)
      .set({ ...values, version: sql`${regulations.version} + 1`, updatedAt: new Date() })
      .where(and(eq(regulations.id, id), eq(regulations.version, version)))
      .returning({ id: regulations.id });
    return updated.length === 1;
  },

  /** Deletes a document; its relations and tasks go with it (ON DELETE CASCADE). */
  async delete(tx: Executor, id: string): Promise<void> {
    await tx.delete(regulations).where(eq(regulations.id, id));
  },

  /** The documents related to `id`, either way, by number. */
  async listRelations(tx: Executor, id: string): Promise<RelationRow[]> {
    const { rows } = await tx.execute<{
      regulation_id: string;
      number: string;
      summary: string;
      kind: string;
      direction: 'outgoing' | 'incoming';
    }>(sql`
      SELECT r.id AS regulation_id, r.number, r.summary, rel.kind,
             CASE WHEN rel.from_id = ${id} THEN 'outgoing' ELSE 'incoming' END AS direction
        FROM regulation_relations rel
        JOIN regulations r ON r.id = CASE WHEN rel.from_id = ${id} THEN rel.to_id ELSE rel.from_id END
       WHERE rel.from_id = ${id} OR rel.to_id = ${id}
       ORDER BY direction DESC, (substring(r.number from '^[0-9]+'))::int, r.number`);
    return rows.map((r) => ({
      regulationId: r.regulation_id,
      number: r.number,
      summary: r.summary,
      kind: r.kind,
      direction: r.direction,
    }));
  },

  /** The relation between two documents, in either direction. */
  async findRelation(tx: Executor, a: string, b: string) {
    const [row] = await tx
      .select()
      .from(regulationRelations)
      .where(
        or(
          and(eq(regulationRelations.fromId, a), eq(regulationRelations.toId, b)),
          and(eq(regulationRelations.fromId, b), eq(regulationRelations.toId, a)),
        ),
      );
    return row ?? null;
  },

  /** Adds `from` → `to`; false when the two are already related (in either direction). */
  async insertRelation(tx: Executor, fromId: string, toId: string, kind: string): Promise<boolean> {
    const rows = await tx
      .insert(regulationRelations)
      .values({ fromId, toId, kind })
      .onConflictDoNothing()
      .returning({ fromId: regulationRelations.fromId });
    return rows.length === 1;
  },

  async deleteRelation(tx: Executor, fromId: string, toId: string): Promise<void> {
    await tx
      .delete(regulationRelations)
      .where(and(eq(regulationRelations.fromId, fromId), eq(regulationRelations.toId, toId)));
  },

  /** Ids of the registered documents among `numbers`. */
  async idsByNumber(tx: Executor, numbers: string[]): Promise<Map<string, string>> {
    if (numbers.length === 0) return new Map();
    const rows = await tx
      .select({ id: regulations.id, number: regulations.number })
      .from(regulations)
      .where(inArray(regulations.number, numbers));
    return new Map(rows.map((r) => [r.number, r.id]));
  },

  /** Claims a one-time seed: true for the first caller, false when `key` was claimed before. */
  async claimSeed(tx: Executor, key: string): Promise<boolean> {
    const rows = await tx
      .insert(appState)
      .values({ key, value: { seededAt: new Date().toISOString() } })
      .onConflictDoNothing()
      .returning({ key: appState.key });
    return rows.length === 1;
  },

  /**
   * Units that may draft a document: the central agency (root, central units, press offices) and every
   * unit of `scopePath`.
   */
  async listUnitOptions(
    tx: Executor,
    scopePath: string,
    query: TListQuery,
  ): Promise<{ rows: UnitOptionRow[]; total: number }> {
    const search = matchesSearch(query.q, sql.raw('search_text'));
    const where = and(
      sql`(kind IN ('agency', 'central_unit', 'press_office') OR path LIKE ${`${scopePath}%`})`,
      search,
    )!;
    const order = ordering(
      query.sort,
      {
        code: { column: sql.raw('code') },
        name: { column: sql.raw('name'), text: true },
        depth: { column: sql.raw('depth') },
      },
      'depth',
      sql.raw('code'),
    );
    const { limit, offset } = paging(query);
    const { rows } = await tx.execute<UnitOptionRow>(sql`
      SELECT id, code, name, kind FROM org_units WHERE ${where}
       ORDER BY ${sql.join(order, sql`, `)} LIMIT ${limit} OFFSET ${offset}`);
    const { rows: totals } = await tx.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM org_units WHERE ${where}`,
    );
    return { rows, total: totals[0]?.n ?? 0 };
  },
};

export type RegulationsRepository = typeof regulationsRepository;
