// The cases themselves: rows with their units, the list, codes, settings and escalation claims. Org units are read with
// raw SQL. Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified.
import { and, count, eq, inArray, isNull, lte, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES, type TIncidentSeverity, type TIncidentStatus } from '@loa/contracts';
import { ordering, paging } from '../../platform/db/paging.js';
import { matchesSearch } from '../../platform/db/search.js';
import type { Executor } from '../../platform/db/transaction.js';
import type { IncidentRow, UnitRef } from './incident-rows.js';
import { incidentSettings, incidents, incidentUnits } from './incidents.table.js';

export type { IncidentRow, UnitRef } from './incident-rows.js';

const owning = (column: string) =>
  sql.raw(`(SELECT o.${column} FROM org_units o WHERE o.id = incidents.owning_unit_id)`);

const columns = {
  id: incidents.id,
  code: incidents.code,
  title: incidents.title,
  description: incidents.description,
  severity: sql<TIncidentSeverity>`${incidents.severity}`,
  guide: incidents.guide,
  status: sql<TIncidentStatus>`${incidents.status}`,
  owningUnitId: incidents.owningUnitId,
  owningUnitCode: sql<string>`${owning('code')}`,
  owningUnitName: sql<string>`${owning('name')}`,
  owningUnitPath: sql<string>`${owning('path')}`,
  owningUnitParentId: sql<string | null>`${owning('parent_id')}`,
  supportingUnits: sql<UnitRef[]>`(
    SELECT coalesce(json_agg(json_build_object('id', o.id, 'code', o.code, 'name', o.name, 'path', o.path)
                             ORDER BY o.path), '[]'::json)
      FROM incident_units iu JOIN org_units o ON o.id = iu.org_unit_id
     WHERE iu.incident_id = incidents.id)`,
  queryId: incidents.queryId,
  assessDueAt: incidents.assessDueAt,
  assessMetAt: incidents.assessMetAt,
  assessEscalatedAt: incidents.assessEscalatedAt,
  respondDueAt: incidents.respondDueAt,
  respondMetAt: incidents.respondMetAt,
  respondEscalatedAt: incidents.respondEscalatedAt,
  lessons: incidents.lessons,
  openedBy: incidents.openedBy,
  openedByName: sql<string | null>`(SELECT u.full_name FROM users u WHERE u.id = incidents.opened_by)`,
  openedAt: incidents.openedAt,
  closedAt: incidents.closedAt,
  version: incidents.version,
  updatedAt: incidents.updatedAt,
  itemCount: sql<number>`(SELECT count(*)::int FROM incident_items ii WHERE ii.incident_id = incidents.id)`,
};

export type NewIncidentRow = Omit<
  typeof incidents.$inferInsert,
  'id' | 'searchText' | 'updatedAt' | 'version' | 'status' | 'closedAt'
>;
export type IncidentChanges = Partial<Omit<typeof incidents.$inferInsert, 'id' | 'searchText' | 'version' | 'code'>>;

/** The nearest deadline not met, null for closed cases: what the board sorts by and "overdue" compares. */
const NEXT_DUE = sql`(CASE WHEN incidents.status = 'closed' THEN NULL ELSE least(
  CASE WHEN incidents.assess_met_at IS NULL THEN incidents.assess_due_at END,
  CASE WHEN incidents.respond_met_at IS NULL THEN incidents.respond_due_at END) END)`;

const rank = (column: string, values: readonly string[]) =>
  sql.raw(`array_position(ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[], incidents.${column})`);

const SORTS = {
  nextDueAt: { column: NEXT_DUE },
  severity: { column: rank('severity', INCIDENT_SEVERITIES) },
  status: { column: rank('status', INCIDENT_STATUSES) },
  openedAt: { column: incidents.openedAt },
  code: { column: incidents.code },
  title: { column: incidents.title, text: true },
};

const scopeLike = (scopePath: string) => `${scopePath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The list's filters once parsed (the service checks the comma lists). */
export interface IncidentFilters {
  q?: string | undefined;
  statuses: TIncidentStatus[];
  severities: TIncidentSeverity[];
  owningUnitId?: string | undefined;
  overdue?: boolean | undefined;
  /** Days in Asia/Ho_Chi_Minh, on the opening time. */
  from?: string | undefined;
  to?: string | undefined;
  /** Cases whose owning or a supporting unit lies under this path. */
  scopePath: string;
  now: Date;
}

function where(filters: IncidentFilters): SQL | undefined {
  const like = scopeLike(filters.scopePath);
  const openedDay = sql`(${incidents.openedAt} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
  const now = filters.now.toISOString();
  return and(
    filters.scopePath === '/'
      ? undefined
      : sql`(${owning('path')} LIKE ${like} OR EXISTS (SELECT 1 FROM incident_units iu JOIN org_units o
              ON o.id = iu.org_unit_id WHERE iu.incident_id = incidents.id AND o.path LIKE ${like}))`,
    matchesSearch(filters.q, incidents.searchText),
    filters.statuses.length > 0 ? inArray(incidents.status, filters.statuses) : undefined,
    filters.severities.length > 0 ? inArray(incidents.severity, filters.severities) : undefined,
    filters.owningUnitId ? eq(incidents.owningUnitId, filters.owningUnitId) : undefined,
    filters.overdue === true ? sql`${NEXT_DUE} <= ${now}::timestamptz` : undefined,
    filters.overdue === false ? sql`(${NEXT_DUE} IS NULL OR ${NEXT_DUE} > ${now}::timestamptz)` : undefined,
    filters.from ? sql`${openedDay} >= ${filters.from}::date` : undefined,
    filters.to ? sql`${openedDay} <= ${filters.to}::date` : undefined,
  );
}

export const incidentsRepository = {
  /** One page of the cases matching the filters (every match when `all`, for export), with the total. */
  async list(
    tx: Executor,
    filters: IncidentFilters,
    page: { page: number; pageSize: number; sort?: string | undefined },
    all = false,
  ): Promise<{ rows: IncidentRow[]; total: number }> {
    const condition = where(filters);
    const { limit, offset } = paging(page);
    const base = tx
      .select(columns)
      .from(incidents)
      .where(condition)
      .orderBy(...ordering(page.sort, SORTS, 'nextDueAt', sql`${incidents.openedAt} DESC, ${incidents.id}`));
    const rows = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(incidents).where(condition);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<IncidentRow | null> {
    const query = tx.select(columns).from(incidents).where(eq(incidents.id, id));
    const [row] = lock ? await query.for('update', { of: incidents }) : await query;
    return row ?? null;
  },

  /** The next case code of `year`: "SC-2026-0007" (one sequence across years, so codes never repeat). */
  async nextCode(tx: Executor, year: number): Promise<string> {
    const { rows } = await tx.execute<{ n: number }>(sql`SELECT nextval('incident_number_seq')::int AS n`);
    return `SC-${year}-${String(rows[0]!.n).padStart(4, '0')}`;
  },

  async insert(tx: Executor, values: NewIncidentRow): Promise<string> {
    const [row] = await tx.insert(incidents).values(values).returning({ id: incidents.id });
    return row!.id;
  },

  /** Updates when `version` still matches (and bumps it); false when someone else changed the case first. */
  async update(tx: Executor, id: string, version: number, values: IncidentChanges): Promise<boolean> {
    const updated = await tx
      .update(incidents)
      .set({ ...values, version: sql`${incidents.version} + 1`, updatedAt: new Date() })
      .where(and(eq(incidents.id, id), eq(incidents.version, version)))
      .returning({ id: incidents.id });
    return updated.length === 1;
  },

  /** Sets what the system keeps (deadlines met) without touching the version officers edit against. */
  async setMet(tx: Executor, id: string, values: Pick<IncidentChanges, 'assessMetAt' | 'respondMetAt'>): Promise<void> {
    if (Object.keys(values).length === 0) return;
    await tx.update(incidents).set(values).where(eq(incidents.id, id));
  },

  /** Makes `unitIds` the supporting units of the case; returns those added. */
  async setSupportingUnits(tx: Executor, id: string, unitIds: readonly string[]): Promise<string[]> {
    await tx
      .delete(incidentUnits)
      .where(
        and(
          eq(incidentUnits.incidentId, id),
          unitIds.length > 0 ? notInArray(incidentUnits.orgUnitId, [...unitIds]) : undefined,
        ),
      );
    if (unitIds.length === 0) return [];
    const added = await tx
      .insert(incidentUnits)
      .values(unitIds.map((orgUnitId) => ({ incidentId: id, orgUnitId })))
      .onConflictDoNothing()
      .returning({ orgUnitId: incidentUnits.orgUnitId });
    return added.map((r) => r.orgUnitId);
  },

  /** Units by id with their place in the tree and parent; unknown ids are left out. */
  async findUnits(tx: Executor, ids: readonly string[]): Promise<(UnitRef & { parentId: string | null })[]> {
    if (ids.length === 0) return [];
    const { rows } = await tx.execute<UnitRef & { parentId: string | null }>(sql`
      SELECT id, code, name, path, parent_id AS "parentId" FROM org_units
       WHERE id IN (${sql.join(
         ids.map((id) => sql`${id}::uuid`),
         sql`, `,
       )})`);
    return rows;
  },

  /** The stored deadline settings (null when an administrator never changed them). */
  async findSettings(tx: Executor): Promise<unknown> {
    const [row] = await tx.select({ deadlines: incidentSettings.deadlines }).from(incidentSettings);
    return row?.deadlines ?? null;
  },

  async saveSettings(tx: Executor, deadlines: unknown, userId: string | null): Promise<void> {
    await tx
      .insert(incidentSettings)
      .values({ id: true, deadlines, updatedBy: userId })
      .onConflictDoUpdate({
        target: incidentSettings.id,
        set: { deadlines, updatedBy: userId, updatedAt: new Date() },
      });
  },

  /** Ids of open cases with a deadline of `kind` past due at `now`, unmet and not escalated yet. */
  async findToEscalate(tx: Executor, kind: 'assess' | 'respond', now: Date): Promise<string[]> {
    const [due, met, escalated] = escalationColumns(kind);
    const rows = await tx
      .select({ id: incidents.id })
      .from(incidents)
      .where(and(ne(incidents.status, 'closed'), isNull(met), isNull(escalated), lte(due, now)));
    return rows.map((r) => r.id);
  },

  /**
   * Marks the deadline escalated at `now` when it still needs it; false when it was met, moved, or another run
   * escalated it first (the UPDATE … WHERE escalated_at IS NULL is what makes escalation happen once).
   */
  async claimEscalation(tx: Executor, id: string, kind: 'assess' | 'respond', now: Date): Promise<boolean> {
    const [due, met, escalated] = escalationColumns(kind);
    const claimed = await tx
      .update(incidents)
      .set(kind === 'assess' ? { assessEscalatedAt: now } : { respondEscalatedAt: now })
      .where(and(eq(incidents.id, id), ne(incidents.status, 'closed'), isNull(met), isNull(escalated), lte(due, now)))
      .returning({ id: incidents.id });
    return claimed.length === 1;
  },
};

function escalationColumns(kind: 'assess' | 'respond') {
  return kind === 'assess'
    ? ([incidents.assessDueAt, incidents.assessMetAt, incidents.assessEscalatedAt] as const)
    : ([incidents.respondDueAt, incidents.respondMetAt, incidents.respondEscalatedAt] as const);
}

export type IncidentsRepository = typeof incidentsRepository;
