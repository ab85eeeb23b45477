// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified.
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { TContactListQuery, TOutletListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import {
  pressContactHistory as history,
  pressContacts as contacts,
  pressOutlets as outlets,
} from './press-outlets.table.js';

const outletUnit = (column: string, outletRef = 'press_outlets') =>
  sql.raw(`(SELECT ${column} FROM org_units o WHERE o.id = ${outletRef}.org_unit_id)`);

const outletColumns = {
  id: outlets.id,
  orgUnitId: outlets.orgUnitId,
  name: outlets.name,
  kind: outlets.kind,
  governingBody: outlets.governingBody,
  area: outlets.area,
  areaName: outlets.areaName,
  beats: outlets.beats,
  website: outlets.website,
  phone: outlets.phone,
  email: outlets.email,
  address: outlets.address,
  note: outlets.note,
  active: outlets.active,
  version: outlets.version,
  createdAt: outlets.createdAt,
  updatedAt: outlets.updatedAt,
  contactCount: sql<number>`(SELECT count(*)::int FROM press_contacts c WHERE c.outlet_id = press_outlets.id)`,
  orgUnitCode: sql<string>`${outletUnit('code')}`,
  orgUnitName: sql<string>`${outletUnit('name')}`,
  orgUnitPath: sql<string>`${outletUnit('path')}`,
};
const _outletQuery = (tx: Executor) => tx.select(outletColumns).from(outlets);
export type OutletRow = Awaited<ReturnType<typeof _outletQuery>>[number];
export type NewOutletRow = Omit<
  typeof outlets.$inferInsert,
  'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version'
>;

/** The keeping unit of a contact's outlet. */
const contactUnit = (column: string) =>
  sql.raw(
    `(SELECT o.${column} FROM press_outlets p JOIN org_units o ON o.id = p.org_unit_id WHERE p.id = press_contacts.outlet_id)`,
  );

const contactColumns = {
  id: contacts.id,
  outletId: contacts.outletId,
  fullName: contacts.fullName,
  role: contacts.role,
  beats: contacts.beats,
  phones: contacts.phones,
  emails: contacts.emails,
  note: contacts.note,
  version: contacts.version,
  createdAt: contacts.createdAt,
  updatedAt: contacts.updatedAt,
  outletName: sql<string>`(SELECT p.name FROM press_outlets p WHERE p.id = press_contacts.outlet_id)`,
  orgUnitId: sql<string>`(SELECT p.org_unit_id FROM press_outlets p WHERE p.id = press_contacts.outlet_id)`,
  orgUnitPath: sql<string>`${contactUnit('path')}`,
  lastContactOn: sql<
    string | null
  >`(SELECT max(h.contacted_on)::text FROM press_contact_history h WHERE h.contact_id = press_contacts.id)`,
};
const _contactQuery = (tx: Executor) => tx.select(contactColumns).from(contacts);
export type ContactRow = Awaited<ReturnType<typeof _contactQuery>>[number];
export type NewContactRow = Omit<
  typeof contacts.$inferInsert,
  'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version'
>;
export type NewHistoryRow = Omit<typeof history.$inferInsert, 'id' | 'createdAt'>;
export type HistoryRow = typeof history.$inferSelect;

const OUTLET_SORTS = {
  name: { column: outlets.name, text: true },
  kind: { column: outlets.kind },
  area: { column: sql`coalesce(${outlets.areaName}, '')`, text: true },
  updatedAt: { column: outlets.updatedAt },
};
const CONTACT_SORTS = {
  fullName: { column: contacts.fullName, text: true },
  role: { column: contacts.role },
  updatedAt: { column: contacts.updatedAt },
};

function outletFilters(query: TOutletListQuery, scopePath: string): SQL | undefined {
  return and(
    sql`${outletUnit('path')} LIKE ${`${scopePath}%`}`,
    matchesSearch(query.q, outlets.searchText),
    query.kind ? eq(outlets.kind, query.kind) : undefined,
    query.area ? eq(outlets.area, query.area) : undefined,
    query.active ? eq(outlets.active, query.active === 'true') : undefined,
  );
}

function contactFilters(query: TContactListQuery, scopePath: string): SQL | undefined {
  return and(
    sql`${contactUnit('path')} LIKE ${`${scopePath}%`}`,
    matchesSearch(query.q, contacts.searchText),
    query.outletId ? eq(contacts.outletId, query.outletId) : undefined,
    query.role ? eq(contacts.role, query.role) : undefined,
  );
}

export const pressOutletsRepository = {
  async listOutlets(tx: Executor, query: TOutletListQuery, scopePath: string, all = false) {
    const where = outletFilters(query, scopePath);
    const { limit, offset } = paging(query);
    const base = tx
      .select(outletColumns)
      .from(outlets)
      .where(where)
      .orderBy(...ordering(query.sort, OUTLET_SORTS, 'name', outlets.id));
    const rows: OutletRow[] = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(outlets).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findOutlet(tx: Executor, id: string, lock = false): Promise<OutletRow | null> {
    const query = tx.select(outletColumns).from(outlets).where(eq(outlets.id, id));
    const [row] = lock ? await query.for('update', { of: outlets }) : await query;
    return row ?? null;
  },

  /** Outlets in the subtree `scopePath` whose name matches (accents and case ignored). */
  async findOutletsByName(tx: Executor, name: string, scopePath: string): Promise<OutletRow[]> {
    return tx
      .select(outletColumns)
      .from(outlets)
      .where(
        and(sql`loa_fold(${outlets.name}) = loa_fold(${name})`, sql`${outletUnit('path')} LIKE ${`${scopePath}%`}`),
      )
      .limit(10);
  },

  /** Another outlet of the same unit with the same name, or null. */
  async findDuplicateOutlet(tx: Executor, orgUnitId: string, name: string, exceptId: string | null) {
    const [row] = await tx
      .select({ id: outlets.id })
      .from(outlets)
      .where(
        and(
          eq(outlets.orgUnitId, orgUnitId),
          sql`loa_fold(${outlets.name}) = loa_fold(${name})`,
          exceptId ? sql`${outlets.id} <> ${exceptId}` : undefined,
        ),
      )
      .limit(1);
    return row ?? null;
  },

  async insertOutlet(tx: Executor, values: NewOutletRow): Promise<string> {
    const [row] = await tx.insert(outlets).values(values).returning({ id: outlets.id });
    return row!.id;
  },

  async updateOutlet(tx: Executor, id: string, version: number, values: Partial<NewOutletRow>): Promise<boolean> {
    const updated = await tx
      .update(outlets)
      .set({ ...values, version: sql`${outlets.version} + 1`, updatedAt: new Date() })
      .where(and(eq(outlets.id, id), eq(outlets.version, version)))
      .returning({ id: outlets.id });
    return updated.length === 1;
  },

  async listContacts(tx: Executor, query: TContactListQuery, scopePath: string, all = false) {
    const where = contactFilters(query, scopePath);
    const { limit, offset } = paging(query);
    const base = tx
      .select(contactColumns)
      .from(contacts)
      .where(where)
      .orderBy(...ordering(query.sort, CONTACT_SORTS, 'fullName', contacts.id));
    const rows: ContactRow[] = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(contacts).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findContact(tx: Executor, id: string, lock = false): Promise<ContactRow | null> {
    const query = tx.select(contactColumns).from(contacts).where(eq(contacts.id, id));
    const [row] = lock ? await query.for('update', { of: contacts }) : await query;
    return row ?? null;
  },

  async insertContact(tx: Executor, values: NewContactRow): Promise<string> {
    const [row] = await tx.insert(contacts).values(values).returning({ id: contacts.id });
    return row!.id;
  },

  async updateContact(tx: Executor, id: string, version: number, values: Partial<NewContactRow>): Promise<boolean> {
    const updated = await tx
      .update(contacts)
      .set({ ...values, version: sql`${contacts.version} + 1`, updatedAt: new Date() })
      .where(and(eq(contacts.id, id), eq(contacts.version, version)))
      .returning({ id: contacts.id });
    return updated.length === 1;
  },

  async listHistory(tx: Executor, contactId: string): Promise<HistoryRow[]> {
    return tx
      .select()
      .from(history)
      .where(eq(history.contactId, contactId))
      .orderBy(desc(history.contactedOn), desc(history.createdAt), asc(history.id));
  },

  async insertHistory(tx: Executor, values: NewHistoryRow): Promise<HistoryRow> {
    const [row] = await tx.insert(history).values(values).returning();
    return row!;
  },

  /** The name of a province (GSO code) in the structure the org tree follows, or null. */
  async provinceName(tx: Executor, code: string): Promise<string | null> {
    const { rows } = await tx.execute<{ name: string }>(sql`
      SELECT name FROM admin_units WHERE level = 1 AND code = ${code} AND structure =
        (CASE WHEN EXISTS (SELECT 1 FROM org_units WHERE kind = 'district') THEN '63' ELSE '34' END)`);
    return rows[0]?.name ?? null;
  },

  /** Provinces named by code or by name, with or without "Tỉnh"/"Thành phố" (accents ignored). */
  async findProvinces(tx: Executor, text: string): Promise<{ code: string; name: string }[]> {
    const { rows } = await tx.execute<{ code: string; name: string }>(sql`
      SELECT code, name FROM admin_units WHERE level = 1 AND structure =
        (CASE WHEN EXISTS (SELECT 1 FROM org_units WHERE kind = 'district') THEN '63' ELSE '34' END)
        AND (code = ${text} OR loa_fold(name) IN (loa_fold(${text}), loa_fold('Tỉnh ' || ${text}),
          loa_fold('Thành phố ' || ${text})))
      ORDER BY code`);
    return rows;
  },

  /** An org unit's path, or null. */
  async unitPath(tx: Executor, id: string): Promise<string | null> {
    const { rows } = await tx.execute<{ path: string }>(sql`SELECT path FROM org_units WHERE id = ${id}`);
    return rows[0]?.path ?? null;
  },
};

export type PressOutletsRepository = typeof pressOutletsRepository;
