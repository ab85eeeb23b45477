// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified.
import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { TReportFormat, TReportListQuery, TReportPeriod } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { reportDocuments, reports } from './reports.table.js';

const unitOf = (column: string) => sql.raw(`(SELECT ${column} FROM org_units o WHERE o.id = reports.org_unit_id)`);
const personOf = (column: 'created_by' | 'approved_by') =>
  sql.raw(`(SELECT full_name FROM users u WHERE u.id = reports.${column})`);

const columns = {
  id: reports.id,
  orgUnitId: reports.orgUnitId,
  periodKind: reports.periodKind,
  periodYear: reports.periodYear,
  periodNumber: reports.periodNumber,
  periodFrom: reports.periodFrom,
  periodTo: reports.periodTo,
  number: reports.number,
  subject: reports.subject,
  parentAgency: reports.parentAgency,
  issuer: reports.issuer,
  place: reports.place,
  signedOn: reports.signedOn,
  recipients: reports.recipients,
  signerAuthority: reports.signerAuthority,
  signerTitle: reports.signerTitle,
  signerName: reports.signerName,
  sections: reports.sections,
  status: reports.status,
  templateId: reports.templateId,
  generationVersion: reports.generationVersion,
  generationState: reports.generationState,
  generationProgress: reports.generationProgress,
  generationStep: reports.generationStep,
  generationError: reports.generationError,
  generationTouchedAt: reports.generationTouchedAt,
  generatedAt: reports.generatedAt,
  createdBy: reports.createdBy,
  approvedBy: reports.approvedBy,
  approvedAt: reports.approvedAt,
  version: reports.version,
  createdAt: reports.createdAt,
  updatedAt: reports.updatedAt,
  unitCode: sql<string>`${unitOf('code')}`,
  unitName: sql<string>`${unitOf('name')}`,
  unitKind: sql<string>`${unitOf('kind')}`,
  unitPath: sql<string>`${unitOf('path')}`,
  createdByName: sql<string>`${personOf('created_by')}`,
  approvedByName: sql<string | null>`${personOf('approved_by')}`,
};

export type ReportRow = Omit<typeof reports.$inferSelect, 'searchText'> & {
  unitCode: string;
  unitName: string;
  unitKind: string;
  unitPath: string;
  createdByName: string;
  approvedByName: string | null;
};
export type NewReportRow = Omit<
  typeof reports.$inferInsert,
  'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version' | 'generationTouchedAt'
>;
export type ReportValues = Partial<Omit<NewReportRow, 'orgUnitId' | 'createdBy'>>;

/** A unit as a report needs it: its parent's name and the province it lies in. */
export type ReportUnitRow = {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  parentName: string | null;
  provinceName: string | null;
};

/** A child unit of a report's unit, with its own live report of the same period (if any). */
export type ChildReportRow = {
  unitId: string;
  code: string;
  name: string;
  kind: string;
  reportId: string | null;
  status: string | null;
  number: string | null;
};

const SORTS = {
  period: { column: sql`(reports.period_from, reports.period_to)` },
  createdAt: { column: reports.createdAt },
  updatedAt: { column: reports.updatedAt },
  status: { column: reports.status },
  unit: { column: unitOf('name'), text: true },
  subject: { column: reports.subject, text: true },
};

function filters(query: TReportListQuery, scopePath: string): SQL | undefined {
  return and(
    sql`${unitOf('path')} LIKE ${`${scopePath}%`}`,
    matchesSearch(query.q, reports.searchText),
    query.status ? eq(reports.status, query.status) : undefined,
    query.periodKind ? eq(reports.periodKind, query.periodKind) : undefined,
    query.year ? eq(reports.periodYear, query.year) : undefined,
  );
}

export const reportsRepository = {
  /** A unit with its parent's name and its province (the unit itself when it is one). */
  async findUnit(tx: Executor, id: string): Promise<ReportUnitRow | null> {
    const { rows } = await tx.execute<ReportUnitRow>(sql`
      SELECT u.id, u.code, u.name, u.kind, u.path, p.name AS "parentName",
             (SELECT a.name FROM org_units a WHERE a.kind = 'province' AND u.path LIKE a.path || '%'
               ORDER BY a.depth DESC LIMIT 1) AS "provinceName"
        FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id
       WHERE u.id = ${id}`);
    return rows[0] ?? null;
  },

  async findRootId(tx: Executor): Promise<string | null> {
    const { rows } = await tx.execute<{ id: string }>(sql`SELECT id FROM org_units WHERE parent_id IS NULL`);
    return rows[0]?.id ?? null;
  },

  /** A page of the reports of units under `scopePath` matching the filters (every match when `all`), with the total. */
  async list(
    tx: Executor,
    query: TReportListQuery,
    scopePath: string,
    all = false,
  ): Promise<{ rows: ReportRow[]; total: number }> {
    const where = filters(query, scopePath);
    const { limit, offset } = paging(query);
    const base = tx
      .select(columns)
      .from(reports)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, '-period', reports.createdAt));
    const rows = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(reports).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<ReportRow | null> {
    const query = tx.select(columns).from(reports).where(eq(reports.id, id));
    const [row] = lock ? await query.for('update', { of: reports }) : await query;
    return row ?? null;
  },

  /** The live (not archived) report of a unit and period, if any. */
  async findLive(tx: Executor, orgUnitId: string, period: TReportPeriod): Promise<{ id: string } | null> {
    const [row] = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(
        and(
          eq(reports.orgUnitId, orgUnitId),
          eq(reports.periodKind, period.kind),
          eq(reports.periodYear, period.year),
          eq(reports.periodNumber, period.number),
          sql`reports.status <> 'archived'`,
        ),
      );
    return row ?? null;
  },

  /** Inserts a report; null when a live one of the same unit and period got there first. */
  async insert(tx: Executor, values: NewReportRow): Promise<string | null> {
    const rows = await tx
      .insert(reports)
      .values(values)
      .onConflictDoNothing({
        target: [reports.orgUnitId, reports.periodKind, reports.periodYear, reports.periodNumber],
        where: sql`status <> 'archived'`,
      })
      .returning({ id: reports.id });
    return rows[0]?.id ?? null;
  },

  /** Updates when `version` still matches (and bumps it); false when someone else changed the report first. */
  async update(tx: Executor, id: string, version: number, values: ReportValues): Promise<boolean> {
    const updated = await tx
      .update(reports)
      .set({ ...values, version: sql`${reports.version} + 1`, updatedAt: new Date() })
      .where(and(eq(reports.id, id), eq(reports.version, version)))
      .returning({ id: reports.id });
    return updated.length === 1;
  },

  /**
   * The generation job's own writes (progress, state, the filled text): only while the report is still at the
   * version the job was started for, a draft, and without bumping the version (the editor's copy stays current).
   */
  async updateGeneration(tx: Executor, id: string, version: number, values: ReportValues): Promise<boolean> {
    const updated = await tx
      .update(reports)
      .set({ ...values, generationTouchedAt: new Date() })
      .where(
        and(
          eq(reports.id, id),
          eq(reports.version, version),
          eq(reports.generationVersion, version),
          eq(reports.status, 'draft'),
        ),
      )
      .returning({ id: reports.id });
    return updated.length === 1;
  },

  async delete(tx: Executor, id: string): Promise<void> {
    await tx.delete(reports).where(eq(reports.id, id));
  },

  /** Replaces the report's documents. */
  async storeDocuments(
    tx: Executor,
    id: string,
    documents: { format: TReportFormat; content: Buffer }[],
    generatedAt: Date,
  ): Promise<void> {
    await tx.delete(reportDocuments).where(eq(reportDocuments.reportId, id));
    await tx.insert(reportDocuments).values(documents.map((d) => ({ reportId: id, ...d, generatedAt })));
  },

  /** The formats stored for each of `ids`. */
  async documentFormats(tx: Executor, ids: string[]): Promise<Map<string, TReportFormat[]>> {
    if (ids.length === 0) return new Map();
    const rows = await tx
      .select({ reportId: reportDocuments.reportId, format: reportDocuments.format })
      .from(reportDocuments)
      .where(inArray(reportDocuments.reportId, ids));
    const result = new Map<string, TReportFormat[]>();
    for (const row of rows)
      result.set(row.reportId, [...(result.get(row.reportId) ?? []), row.format as TReportFormat]);
    return result;
  },

  async findDocument(tx: Executor, id: string, format: TReportFormat): Promise<Buffer | null> {
    const [row] = await tx
      .select({ content: reportDocuments.content })
      .from(reportDocuments)
      .where(and(eq(reportDocuments.reportId, id), eq(reportDocuments.format, format)));
    return row?.content ?? null;
  },

  /**
   * The unit's direct children that existed at some time of the period (by kind and code), each with its live report
   * of the same period — the approved one when there are several.
   */
  async childReports(
    tx: Executor,
    unitId: string,
    period: TReportPeriod,
    days: { from: string; to: string },
  ): Promise<ChildReportRow[]> {
    const { rows } = await tx.execute<ChildReportRow>(sql`
      SELECT c.id AS "unitId", c.code, c.name, c.kind, r.id AS "reportId", r.status, r.number
        FROM org_units c
        LEFT JOIN LATERAL (
          SELECT id, status, number FROM reports
           WHERE org_unit_id = c.id AND period_kind = ${period.kind} AND period_year = ${period.year}
             AND period_number = ${period.number} AND status <> 'archived'
           ORDER BY status = 'approved' DESC LIMIT 1) r ON true
       WHERE c.parent_id = ${unitId}
         AND (c.active_from IS NULL OR c.active_from <= ${days.to}::date)
         AND (c.active_to IS NULL OR c.active_to >= ${days.from}::date)
       ORDER BY c.kind, c.code`);
    return rows;
  },
};

export type ReportsRepository = typeof reportsRepository;
