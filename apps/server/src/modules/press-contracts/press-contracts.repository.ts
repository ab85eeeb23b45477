// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified.
import { and, asc, count, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { TPressContractListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import {
  pressContractAcceptanceLines as acceptanceLines,
  pressContractAcceptances as acceptances,
  pressContractDeliverables as deliverables,
  pressContractFiles as contractFiles,
  pressContractPayments as payments,
  pressContractPublications as links,
  pressContracts as contracts,
} from './press-contracts.table.js';

const unit = (column: string) =>
  sql.raw(`(SELECT o.${column} FROM org_units o WHERE o.id = press_contracts.org_unit_id)`);
const outlet = (column: string) =>
  sql.raw(`(SELECT p.${column} FROM press_outlets p WHERE p.id = press_contracts.outlet_id)`);

const contractColumns = {
  id: contracts.id,
  orgUnitId: contracts.orgUnitId,
  outletId: contracts.outletId,
  number: contracts.number,
  title: contracts.title,
  value: contracts.value,
  fiscalYear: contracts.fiscalYear,
  periodFrom: contracts.periodFrom,
  periodTo: contracts.periodTo,
  themes: contracts.themes,
  note: contracts.note,
  status: contracts.status,
  signedOn: contracts.signedOn,
  terminationReason: contracts.terminationReason,
  createdBy: contracts.createdBy,
  createdByName: contracts.createdByName,
  version: contracts.version,
  createdAt: contracts.createdAt,
  updatedAt: contracts.updatedAt,
  unitCode: sql<string>`${unit('code')}`,
  unitName: sql<string>`${unit('name')}`,
  orgUnitPath: sql<string>`${unit('path')}`,
  outletName: sql<string>`${outlet('name')}`,
  outletKind: sql<string>`${outlet('kind')}`,
};
const _contractQuery = (tx: Executor) => tx.select(contractColumns).from(contracts);
export type ContractRow = Awaited<ReturnType<typeof _contractQuery>>[number];
export type NewContractRow = Omit<
  typeof contracts.$inferInsert,
  'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version'
>;
export type DeliverableRow = typeof deliverables.$inferSelect & { delivered: number; accepted: number };
export type NewDeliverableRow = Omit<typeof deliverables.$inferInsert, 'id' | 'createdAt'>;
export type NewLinkRow = Omit<typeof links.$inferInsert, 'id' | 'linkedAt' | 'acceptedIn'>;
export type PaymentRow = typeof payments.$inferSelect;
export type NewPaymentRow = Omit<typeof payments.$inferInsert, 'id' | 'createdAt'>;
export type NewAcceptanceRow = Omit<typeof acceptances.$inferInsert, 'id' | 'createdAt'>;

export type LinkRow = {
  id: string;
  deliverableId: string;
  publicationId: string;
  quantity: number;
  acceptedIn: string | null;
  linkedBy: string | null;
  linkedByName: string;
  linkedAt: Date;
  outlet: string;
  channel: string;
  url: string | null;
  publishedAt: Date;
  productId: string;
  productTitle: string;
};

export type PublicationFacts = {
  id: string;
  orgUnitPath: string;
  /** The day it went out, in Vietnam. */
  publishedOn: string;
};

const SORTS = {
  number: { column: contracts.number, text: true },
  title: { column: contracts.title, text: true },
  value: { column: contracts.value },
  year: { column: contracts.fiscalYear },
  periodFrom: { column: contracts.periodFrom },
  updatedAt: { column: contracts.updatedAt },
};

function filters(query: TPressContractListQuery, scopePath: string): SQL | undefined {
  return and(
    sql`${unit('path')} LIKE ${`${scopePath}%`}`,
    matchesSearch(query.q, contracts.searchText),
    query.year ? eq(contracts.fiscalYear, query.year) : undefined,
    query.status ? eq(contracts.status, query.status) : undefined,
    query.outletId ? eq(contracts.outletId, query.outletId) : undefined,
    query.unitId ? eq(contracts.orgUnitId, query.unitId) : undefined,
  );
}

export const pressContractsRepository = {
  async list(tx: Executor, query: TPressContractListQuery, scopePath: string, all = false) {
    const where = filters(query, scopePath);
    const { limit, offset } = paging(query);
    const base = tx
      .select(contractColumns)
      .from(contracts)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, '-updatedAt', contracts.id));
    const rows: ContractRow[] = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(contracts).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  /**
   * A contract; with `lock`, FOR NO KEY UPDATE: writers of the contract wait for each other, while a budget
   * expenditure naming it (a foreign key, KEY SHARE) is not blocked — no deadlock with the audit-chain lock.
   */
  async find(tx: Executor, id: string, lock = false): Promise<ContractRow | null> {
    const query = tx.select(contractColumns).from(contracts).where(eq(contracts.id, id));
    const [row] = lock ? await query.for('no key update', { of: contracts }) : await query;
    return row ?? null;
  },

  async findByNumber(tx: Executor, orgUnitId: string, number: string, exceptId: string | null) {
    const [row] = await tx
      .select({ id: contracts.id })
      .from(contracts)
      .where(
        and(
          eq(contracts.orgUnitId, orgUnitId),
          sql`lower(${contracts.number}) = lower(${number})`,
          exceptId ? sql`${contracts.id} <> ${exceptId}` : undefined,
        ),
      )
      .limit(1);
    return row ?? null;
  },

  async insert(tx: Executor, values: NewContractRow): Promise<string> {
    const [row] = await tx.insert(contracts).values(values).returning({ id: contracts.id });
    return row!.id;
  },

  async update(tx: Executor, id: string, version: number, values: Partial<NewContractRow>): Promise<boolean> {
    const updated = await tx
      .update(contracts)
      .set({ ...values, version: sql`${contracts.version} + 1`, updatedAt: new Date() })
      .where(and(eq(contracts.id, id), eq(contracts.version, version)))
      .returning({ id: contracts.id });
    return updated.length === 1;
  },

  /** Marks a change of the contract's parts (deliverables, links, acceptances, payments, files). */
  async touch(tx: Executor, id: string): Promise<void> {
    await tx
      .update(contracts)
      .set({ version: sql`${contracts.version} + 1`, updatedAt: new Date() })
      .where(eq(contracts.id, id));
  },

  /** The outlet's keeping unit path and area, or null. */
  async outletFacts(tx: Executor, id: string): Promise<{ path: string; area: string; name: string } | null> {
    const { rows } = await tx.execute<{ path: string; area: string; name: string }>(sql`
      SELECT o.path, p.area, p.name FROM press_outlets p JOIN org_units o ON o.id = p.org_unit_id WHERE p.id = ${id}`);
    return rows[0] ?? null;
  },

  async unitPath(tx: Executor, id: string): Promise<string | null> {
    const { rows } = await tx.execute<{ path: string }>(sql`SELECT path FROM org_units WHERE id = ${id}`);
    return rows[0]?.path ?? null;
  },

  /** Theme codes of the guidance in force in `year` (the latest guidance year up to it); null without one. */
  async themeCodes(tx: Executor, year: number): Promise<Set<string> | null> {
    const { rows } = await tx.execute<{ year: number | null; code: string | null }>(sql`
      SELECT y.year, i.code FROM (SELECT max(year) AS year FROM guidance_years WHERE year <= ${year}) y
      LEFT JOIN guidance_items i ON i.year = y.year AND i.kind = 'theme'`);
    if (!rows[0]?.year) return null;
    return new Set(rows.flatMap((r) => (r.code ? [r.code] : [])));
  },

  async deliverables(tx: Executor, contractId: string): Promise<DeliverableRow[]> {
    return tx
      .select({
        id: deliverables.id,
        contractId: deliverables.contractId,
        kind: deliverables.kind,
        theme: deliverables.theme,
        description: deliverables.description,
        planned: deliverables.planned,
        createdAt: deliverables.createdAt,
        delivered: sql<number>`(SELECT coalesce(sum(l.quantity), 0)::int FROM press_contract_publications l
          WHERE l.deliverable_id = press_contract_deliverables.id)`,
        accepted: sql<number>`(SELECT coalesce(sum(a.quantity), 0)::int FROM press_contract_acceptance_lines a
          WHERE a.deliverable_id = press_contract_deliverables.id)`,
      })
      .from(deliverables)
      .where(eq(deliverables.contractId, contractId))
      .orderBy(asc(deliverables.createdAt), asc(deliverables.id));
  },

  async insertDeliverable(tx: Executor, values: NewDeliverableRow): Promise<string> {
    const [row] = await tx.insert(deliverables).values(values).returning({ id: deliverables.id });
    return row!.id;
  },

  async updateDeliverable(tx: Executor, id: string, values: Partial<NewDeliverableRow>): Promise<void> {
    await tx.update(deliverables).set(values).where(eq(deliverables.id, id));
  },

  async deleteDeliverable(tx: Executor, id: string): Promise<void> {
    await tx.delete(deliverables).where(eq(deliverables.id, id));
  },

  async links(tx: Executor, contractId: string): Promise<LinkRow[]> {
    const { rows } = await tx.execute<
      Omit<LinkRow, 'linkedAt' | 'publishedAt'> & { linkedAt: string; publishedAt: string }
    >(sql`
      SELECT l.id, l.deliverable_id AS "deliverableId", l.publication_id AS "publicationId", l.quantity,
        l.accepted_in AS "acceptedIn", l.linked_by AS "linkedBy", l.linked_by_name AS "linkedByName",
        l.linked_at AS "linkedAt", p.outlet, p.channel, p.url, p.published_at AS "publishedAt",
        p.product_id AS "productId", pr.title AS "productTitle"
      FROM press_contract_publications l
      JOIN publications p ON p.id = l.publication_id
      JOIN products pr ON pr.id = p.product_id
      WHERE l.contract_id = ${contractId}
      ORDER BY p.published_at, l.id`);
    return rows.map((r) => ({ ...r, linkedAt: new Date(r.linkedAt), publishedAt: new Date(r.publishedAt) }));
  },

  async findLink(tx: Executor, contractId: string, linkId: string) {
    const [row] = await tx
      .select()
      .from(links)
      .where(and(eq(links.id, linkId), eq(links.contractId, contractId)));
    return row ?? null;
  },

  async linkOfPublication(tx: Executor, contractId: string, publicationId: string) {
    const [row] = await tx
      .select({ id: links.id })
      .from(links)
      .where(and(eq(links.contractId, contractId), eq(links.publicationId, publicationId)));
    return row ?? null;
  },

  async insertLink(tx: Executor, values: NewLinkRow): Promise<string> {
    const [row] = await tx.insert(links).values(values).returning({ id: links.id });
    return row!.id;
  },

  async deleteLink(tx: Executor, id: string): Promise<void> {
    await tx.delete(links).where(eq(links.id, id));
  },

  async deliverableInUse(tx: Executor, id: string): Promise<boolean> {
    const { rows } = await tx.execute<{ used: boolean }>(sql`
      SELECT EXISTS (SELECT 1 FROM press_contract_publications WHERE deliverable_id = ${id})
        OR EXISTS (SELECT 1 FROM press_contract_acceptance_lines WHERE deliverable_id = ${id}) AS used`);
    return rows[0]?.used ?? false;
  },

  /** A publication's unit path and day (Asia/Ho_Chi_Minh), or null. */
  async publicationFacts(tx: Executor, id: string): Promise<PublicationFacts | null> {
    const { rows } = await tx.execute<PublicationFacts>(sql`
      SELECT p.id, o.path AS "orgUnitPath",
        to_char(p.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS "publishedOn"
      FROM publications p JOIN org_units o ON o.id = p.org_unit_id WHERE p.id = ${id}`);
    return rows[0] ?? null;
  },

  async acceptances(tx: Executor, contractId: string) {
    const rows = await tx
      .select()
      .from(acceptances)
      .where(eq(acceptances.contractId, contractId))
      .orderBy(asc(acceptances.acceptedOn), asc(acceptances.createdAt));
    const lines = await tx
      .select()
      .from(acceptanceLines)
      .where(eq(acceptanceLines.contractId, contractId))
      .orderBy(asc(acceptanceLines.deliverableId));
    return rows.map((row) => ({ ...row, lines: lines.filter((l) => l.acceptanceId === row.id) }));
  },

  async insertAcceptance(
    tx: Executor,
    values: NewAcceptanceRow,
    lines: { deliverableId: string; quantity: number }[],
  ): Promise<string> {
    const [row] = await tx.insert(acceptances).values(values).returning({ id: acceptances.id });
    await tx
      .insert(acceptanceLines)
      .values(lines.map((line) => ({ ...line, acceptanceId: row!.id, contractId: values.contractId })));
    return row!.id;
  },

  /** The contract's links not yet counted in an acceptance become counted by `acceptanceId`. */
  async markLinksAccepted(tx: Executor, contractId: string, deliverableIds: string[], acceptanceId: string) {
    if (deliverableIds.length === 0) return;
    await tx
      .update(links)
      .set({ acceptedIn: acceptanceId })
      .where(
        and(
          eq(links.contractId, contractId),
          isNull(links.acceptedIn),
          sql`${links.deliverableId} IN (${sql.join(
            deliverableIds.map((id) => sql`${id}`),
            sql`, `,
          )})`,
        ),
      );
  },

  async files(tx: Executor, contractId: string) {
    return tx
      .select()
      .from(contractFiles)
      .where(eq(contractFiles.contractId, contractId))
      .orderBy(asc(contractFiles.addedAt));
  },

  async addFile(tx: Executor, values: typeof contractFiles.$inferInsert): Promise<boolean> {
    const inserted = await tx
      .insert(contractFiles)
      .values(values)
      .onConflictDoNothing()
      .returning({ fileId: contractFiles.fileId });
    return inserted.length === 1;
  },

  async removeFile(tx: Executor, contractId: string, fileId: string): Promise<boolean> {
    const deleted = await tx
      .delete(contractFiles)
      .where(and(eq(contractFiles.contractId, contractId), eq(contractFiles.fileId, fileId)))
      .returning({ fileId: contractFiles.fileId });
    return deleted.length === 1;
  },

  async payments(tx: Executor, contractId: string): Promise<PaymentRow[]> {
    return tx
      .select()
      .from(payments)
      .where(eq(payments.contractId, contractId))
      .orderBy(asc(payments.paidOn), asc(payments.createdAt));
  },

  async insertPayment(tx: Executor, values: NewPaymentRow): Promise<PaymentRow> {
    const [row] = await tx.insert(payments).values(values).returning();
    return row!;
  },

  /** Whether the contract names the file (an attachment or an acceptance's minutes). */
  async namesFile(tx: Executor, contractId: string, fileId: string): Promise<boolean> {
    const { rows } = await tx.execute<{ named: boolean }>(sql`
      SELECT EXISTS (SELECT 1 FROM press_contract_files WHERE contract_id = ${contractId} AND file_id = ${fileId})
        OR EXISTS (SELECT 1 FROM press_contract_acceptances WHERE contract_id = ${contractId}
          AND minutes_file_id = ${fileId}) AS named`);
    return rows[0]?.named ?? false;
  },
};

export type PressContractsRepository = typeof pressContractsRepository;
