// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified.
import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { TEventListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { eventCheckIns, eventOverrides, eventParticipants, eventPhotos, events } from './events.table.js';

const unitOf = (column: string) => sql.raw(`(SELECT ${column} FROM org_units o WHERE o.id = events.org_unit_id)`);
const checkIns = (where: string) =>
  sql.raw(`(SELECT count(*)::int FROM event_check_ins c WHERE c.event_id = events.id${where})`);
const listed = (program: string) =>
  sql.raw(`(SELECT count(*)::int FROM event_participants p WHERE p.event_id = events.id AND p.program = '${program}')`);

const columns = {
  id: events.id,
  kind: events.kind,
  title: events.title,
  orgUnitId: events.orgUnitId,
  status: events.status,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  provinceCode: events.provinceCode,
  provinceName: events.provinceName,
  districtCode: events.districtCode,
  districtName: events.districtName,
  communeCode: events.communeCode,
  communeName: events.communeName,
  address: events.address,
  segments: events.segments,
  themeCodes: events.themeCodes,
  partners: events.partners,
  partnerNote: events.partnerNote,
  plannedAttendance: events.plannedAttendance,
  extraAttendance: events.extraAttendance,
  extraMale: events.extraMale,
  extraFemale: events.extraFemale,
  bySegment: events.bySegment,
  questionsRaised: events.questionsRaised,
  questionsAnswered: events.questionsAnswered,
  newVoluntary: events.newVoluntary,
  newHouseholdBhyt: events.newHouseholdBhyt,
  costVnd: events.costVnd,
  calendarItemId: events.calendarItemId,
  productId: events.productId,
  note: events.note,
  cancelReason: events.cancelReason,
  checkInKey: events.checkInKey,
  checkInExpiresAt: events.checkInExpiresAt,
  version: events.version,
  createdAt: events.createdAt,
  updatedAt: events.updatedAt,
  orgUnitCode: sql<string>`${unitOf('code')}`,
  orgUnitName: sql<string>`${unitOf('name')}`,
  orgUnitPath: sql<string>`${unitOf('path')}`,
  orgUnitKind: sql<string>`${unitOf('kind')}`,
  checkedIn: sql<number>`${checkIns('')}`,
  checkedInMale: sql<number>`${checkIns(` AND c.sex = 'male'`)}`,
  checkedInFemale: sql<number>`${checkIns(` AND c.sex = 'female'`)}`,
  checkInSegments: sql<
    Record<string, number>
  >`(SELECT coalesce(jsonb_object_agg(s.segment, s.n), '{}') FROM (SELECT segment, count(*)::int AS n FROM event_check_ins c WHERE c.event_id = events.id AND c.segment IS NOT NULL GROUP BY segment) s)`,
  listedVoluntary: sql<number>`${listed('voluntary')}`,
  listedHouseholdBhyt: sql<number>`${listed('household_bhyt')}`,
};

export type EventRow = {
  [K in keyof typeof columns]: (typeof columns)[K] extends { _: { data: infer D } }
    ? (typeof columns)[K] extends { _: { notNull: true } }
      ? D
      : D | null
    : (typeof columns)[K] extends SQL<infer T>
      ? T
      : never;
};
export type NewEventRow = Omit<
  typeof events.$inferInsert,
  'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version' | 'status' | 'checkInKey' | 'checkInExpiresAt'
>;

export type OverrideRow = {
  id: string;
  eventId: string;
  eventTitle: string;
  action: string;
  reason: string;
  restrictionIds: string[];
  byName: string | null;
  decidedAt: Date;
};

const SORTS = {
  startsAt: { column: events.startsAt },
  title: { column: events.title, text: true },
  status: { column: events.status },
  kind: { column: events.kind },
  updatedAt: { column: events.updatedAt },
};

const VN_DAY = sql`(events.starts_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
const OVERRIDDEN = sql`EXISTS (SELECT 1 FROM event_overrides v WHERE v.event_id = events.id)`;

function filters(query: TEventListQuery, scopePath: string, unitPath: string | null): SQL | undefined {
  return and(
    sql`${unitOf('path')} LIKE ${`${scopePath}%`}`,
    unitPath !== null ? sql`${unitOf('path')} LIKE ${`${unitPath}%`}` : undefined,
    matchesSearch(query.q, events.searchText),
    query.kind ? eq(events.kind, query.kind) : undefined,
    query.status ? eq(events.status, query.status) : undefined,
    query.from ? sql`${VN_DAY} >= ${query.from}` : undefined,
    query.to ? sql`${VN_DAY} <= ${query.to}` : undefined,
    query.overridden === 'true' ? OVERRIDDEN : query.overridden === 'false' ? sql`NOT ${OVERRIDDEN}` : undefined,
  );
}

export const eventsRepository = {
  /** One page of the events organised in `scopePath` (and under `unitPath`), every match when `all`. */
  async list(
    tx: Executor,
    query: TEventListQuery,
    scopePath: string,
    unitPath: string | null,
    all = false,
  ): Promise<{ rows: EventRow[]; total: number }> {
    const where = filters(query, scopePath, unitPath);
    const { limit, offset } = paging(query);
    const base = tx
      .select(columns)
      .from(events)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, '-startsAt', events.id));
    const rows = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(events).where(where);
    return { rows: rows as EventRow[], total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<EventRow | null> {
    const query = tx.select(columns).from(events).where(eq(events.id, id));
    const [row] = lock ? await query.for('update', { of: events }) : await query;
    return (row as EventRow | undefined) ?? null;
  },

  async insert(tx: Executor, values: NewEventRow): Promise<string> {
    const [row] = await tx.insert(events).values(values).returning({ id: events.id });
    return row!.id;
  },

  /** Updates when `version` still matches; false when someone else changed the row first. */
  async update(
    tx: Executor,
    id: string,
    version: number,
    values: Partial<typeof events.$inferInsert>,
  ): Promise<boolean> {
    const updated = await tx
      .update(events)
      .set({ ...values, version: sql`${events.version} + 1`, updatedAt: new Date() })
      .where(and(eq(events.id, id), eq(events.version, version)))
      .returning({ id: events.id });
    return updated.length === 1;
  },

  /** Changes without a version check (check-in key, counts raised by an import), bumping the version. */
  async touch(tx: Executor, id: string, values: Partial<typeof events.$inferInsert>): Promise<void> {
    await tx
      .update(events)
      .set({ ...values, version: sql`${events.version} + 1`, updatedAt: new Date() })
      .where(eq(events.id, id));
  },

  /** Whether a linked record exists (a calendar item or a product). */
  async linkExists(tx: Executor, table: 'calendar_items' | 'products', id: string): Promise<boolean> {
    const { rows } = await tx.execute(sql`SELECT 1 FROM ${sql.identifier(table)} WHERE id = ${id}`);
    return rows.length > 0;
  },

  async insertOverride(tx: Executor, values: typeof eventOverrides.$inferInsert): Promise<void> {
    await tx.insert(eventOverrides).values(values);
  },

  /** Leaders' overrides of the events in `scopePath` (of `eventIds` when given), newest first. */
  async listOverrides(tx: Executor, scopePath: string, eventIds?: string[]): Promise<OverrideRow[]> {
    if (eventIds && eventIds.length === 0) return [];
    const { rows } = await tx.execute<OverrideRow>(sql`
      SELECT v.id, v.event_id AS "eventId", e.title AS "eventTitle", v.action, v.reason,
        v.restriction_ids AS "restrictionIds", u.full_name AS "byName", v.decided_at AS "decidedAt"
      FROM event_overrides v JOIN events e ON e.id = v.event_id JOIN org_units o ON o.id = e.org_unit_id
      LEFT JOIN users u ON u.id = v.decided_by
      WHERE o.path LIKE ${`${scopePath}%`}
        ${
          eventIds
            ? sql`AND v.event_id IN (${sql.join(
                eventIds.map((i) => sql`${i}::uuid`),
                sql`, `,
              )})`
            : sql``
        }
      ORDER BY v.decided_at DESC, v.id LIMIT 1000`);
    return rows.map((r) => ({ ...r, decidedAt: new Date(r.decidedAt) }));
  },

  /** Records a check-in; false when this phone number has already checked in to the event. */
  async insertCheckIn(tx: Executor, values: typeof eventCheckIns.$inferInsert): Promise<boolean> {
    const inserted = await tx
      .insert(eventCheckIns)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: eventCheckIns.id });
    return inserted.length === 1;
  },

  async replaceParticipants(
    tx: Executor,
    eventId: string,
    rows: Omit<typeof eventParticipants.$inferInsert, 'eventId' | 'sortOrder'>[],
  ): Promise<void> {
    await tx.delete(eventParticipants).where(eq(eventParticipants.eventId, eventId));
    if (rows.length > 0)
      await tx.insert(eventParticipants).values(rows.map((r, i) => ({ ...r, eventId, sortOrder: i + 1 })));
  },

  async listParticipants(tx: Executor, eventId: string) {
    return tx
      .select({
        program: eventParticipants.program,
        fullName: eventParticipants.fullName,
        insuranceCode: eventParticipants.insuranceCode,
        birthYear: eventParticipants.birthYear,
        phone: eventParticipants.phone,
        address: eventParticipants.address,
      })
      .from(eventParticipants)
      .where(eq(eventParticipants.eventId, eventId))
      .orderBy(asc(eventParticipants.sortOrder));
  },

  async insertPhoto(tx: Executor, eventId: string, fileId: string, addedBy: string | null): Promise<void> {
    await tx.insert(eventPhotos).values({ eventId, fileId, addedBy });
  },

  async deletePhoto(tx: Executor, eventId: string, fileId: string): Promise<boolean> {
    const deleted = await tx
      .delete(eventPhotos)
      .where(and(eq(eventPhotos.eventId, eventId), eq(eventPhotos.fileId, fileId)))
      .returning({ fileId: eventPhotos.fileId });
    return deleted.length === 1;
  },

  async listPhotos(tx: Executor, eventId: string) {
    return tx
      .select({ fileId: eventPhotos.fileId, addedAt: eventPhotos.addedAt })
      .from(eventPhotos)
      .where(eq(eventPhotos.eventId, eventId))
      .orderBy(asc(eventPhotos.addedAt), asc(eventPhotos.fileId));
  },

  /**
   * A plan metric per unit: held or reported events ("events"), their attendance ("people_reached"), or the new
   * participants of reported events; each unit counts its whole subtree, days in Vietnam's calendar.
   */
  async progress(
    tx: Executor,
    metric: 'events' | 'people_reached' | 'voluntary_participants' | 'household_bhyt_participants',
    query: { from: string; to: string; themeCode: string | null; units: readonly { id: string; path: string }[] },
  ): Promise<Map<string, number>> {
    if (query.units.length === 0) return new Map();
    const value = {
      events: sql`count(e.id)`,
      people_reached: sql`coalesce(sum(e.extra_attendance + (SELECT count(*) FROM event_check_ins c WHERE c.event_id = e.id)), 0)`,
      voluntary_participants: sql`coalesce(sum(e.new_voluntary), 0)`,
      household_bhyt_participants: sql`coalesce(sum(e.new_household_bhyt), 0)`,
    }[metric];
    const statuses = metric === 'events' || metric === 'people_reached' ? ['held', 'reported'] : ['reported'];
    const ids = query.units.map((u) => u.id);
    const paths = query.units.map((u) => u.path);
    const { rows } = await tx.execute<{ id: string; value: number }>(sql`
      SELECT u.id, (${value})::int AS value
      FROM unnest(${sql.param(ids, events.segments)}::uuid[], ${sql.param(paths, events.segments)}::text[]) AS u(id, path)
      LEFT JOIN (events e JOIN org_units o ON o.id = e.org_unit_id
                 CROSS JOIN LATERAL unnest(string_to_array(o.path, '/')) AS a(unit_id))
        ON a.unit_id = u.id::text
        AND e.status IN (${sql.join(
          statuses.map((s) => sql`${s}`),
          sql`, `,
        )})
        AND e.starts_at >= (${query.from}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
        AND e.starts_at < ((${query.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
        ${query.themeCode ? sql`AND ${query.themeCode} = ANY (e.theme_codes)` : sql``}
      GROUP BY u.id`);
    return new Map(rows.map((r) => [r.id, Number(r.value)]));
  },

  /**
   * A figure of the given events, summed at their organising units' paths: how many were held (held or reported),
   * their attendance (check-ins plus people counted by hand, held or reported), or the new participants of the
   * reported ones. Planned and cancelled events count nothing.
   */
  async figuresAtUnits(
    tx: Executor,
    figure: EventFigure,
    eventIds: readonly string[],
  ): Promise<{ path: string; value: number }[]> {
    if (eventIds.length === 0) return [];
    const value = {
      held: sql`count(e.id)`,
      attendance: sql`sum(e.extra_attendance + (SELECT count(*) FROM event_check_ins c WHERE c.event_id = e.id))`,
      new_voluntary: sql`sum(e.new_voluntary)`,
      new_household_bhyt: sql`sum(e.new_household_bhyt)`,
    }[figure];
    const statuses = figure === 'held' || figure === 'attendance' ? ['held', 'reported'] : ['reported'];
    const { rows } = await tx.execute<{ path: string; value: string }>(sql`
      SELECT o.path, (${value})::text AS value FROM events e JOIN org_units o ON o.id = e.org_unit_id
      WHERE e.id IN (${sql.join(
        eventIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
        AND e.status IN (${sql.join(
          statuses.map((s) => sql`${s}`),
          sql`, `,
        )})
      GROUP BY o.path`);
    return rows.map((row) => ({ path: row.path, value: Number(row.value) }));
  },
};

/** What a set of events adds up to, for the campaigns they are linked to. */
export type EventFigure = 'held' | 'attendance' | 'new_voluntary' | 'new_household_bhyt';

export type EventsRepository = typeof eventsRepository;
