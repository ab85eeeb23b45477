// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified.
import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { TTrainingCourseListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import {
  trainingCertificates as certs,
  trainingCourses as courses,
  trainingMaterials as materials,
  trainingTrainees as trainees,
} from './training.table.js';

const unitOf = (column: string) =>
  sql<string>`(SELECT ${sql.raw(column)} FROM org_units o WHERE o.id = training_courses.org_unit_id)`;

const courseColumns = {
  id: courses.id,
  orgUnitId: courses.orgUnitId,
  title: courses.title,
  topic: courses.topic,
  audience: courses.audience,
  startsOn: courses.startsOn,
  endsOn: courses.endsOn,
  online: courses.online,
  place: courses.place,
  onlineUrl: courses.onlineUrl,
  trainers: courses.trainers,
  passScore: courses.passScore,
  status: courses.status,
  note: courses.note,
  version: courses.version,
  createdAt: courses.createdAt,
  updatedAt: courses.updatedAt,
  orgUnitCode: unitOf('code'),
  orgUnitName: unitOf('name'),
  orgUnitPath: unitOf('path'),
  traineeCount: sql<number>`(SELECT count(*)::int FROM training_trainees t WHERE t.course_id = training_courses.id)`,
  certificateCount: sql<number>`(SELECT count(*)::int FROM training_certificates c WHERE c.course_id = training_courses.id)`,
  averageRating: sql<
    string | null
  >`(SELECT round(avg(t.rating), 1)::text FROM training_trainees t WHERE t.course_id = training_courses.id)`,
};

export interface CourseRow {
  id: string;
  orgUnitId: string;
  title: string;
  topic: string | null;
  audience: string;
  startsOn: string;
  endsOn: string;
  online: boolean;
  place: string | null;
  onlineUrl: string | null;
  trainers: string[];
  passScore: number | null;
  status: string;
  note: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitPath: string;
  traineeCount: number;
  certificateCount: number;
  averageRating: string | null;
}
export type NewCourseRow = Omit<
  typeof courses.$inferInsert,
  'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version' | 'status'
>;

export type TraineeRow = typeof trainees.$inferSelect & {
  certificateNumber: string | null;
  certificateIssuedOn: string | null;
};
export type NewTraineeRow = Omit<typeof trainees.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type CertificateRow = typeof certs.$inferSelect;
export type NewCertificateRow = Omit<typeof certs.$inferInsert, 'id' | 'issuedAt'>;

const SORTS = {
  title: { column: courses.title, text: true },
  audience: { column: courses.audience },
  startsOn: { column: courses.startsOn },
  status: { column: courses.status },
  updatedAt: { column: courses.updatedAt },
};

function filters(query: TTrainingCourseListQuery, scopePath: string): SQL | undefined {
  return and(
    sql`${unitOf('path')} LIKE ${`${scopePath}%`}`,
    matchesSearch(query.q, courses.searchText),
    query.audience ? eq(courses.audience, query.audience) : undefined,
    query.status ? eq(courses.status, query.status) : undefined,
    query.orgUnitId
      ? sql`${unitOf('path')} LIKE (SELECT path FROM org_units WHERE id = ${query.orgUnitId}) || '%'`
      : undefined,
    query.from ? sql`${courses.endsOn} >= ${query.from}` : undefined,
    query.to ? sql`${courses.startsOn} <= ${query.to}` : undefined,
  );
}

const traineeColumns = {
  id: trainees.id,
  courseId: trainees.courseId,
  userId: trainees.userId,
  fullName: trainees.fullName,
  organisation: trainees.organisation,
  phone: trainees.phone,
  attendedDays: trainees.attendedDays,
  score: trainees.score,
  rating: trainees.rating,
  note: trainees.note,
  createdAt: trainees.createdAt,
  updatedAt: trainees.updatedAt,
  certificateNumber: sql<
    string | null
  >`(SELECT c.number FROM training_certificates c WHERE c.trainee_id = training_trainees.id)`,
  certificateIssuedOn: sql<
    string | null
  >`(SELECT c.issued_on::text FROM training_certificates c WHERE c.trainee_id = training_trainees.id)`,
};

export const trainingRepository = {
  /** One page of the courses organised in the subtree `scopePath` (every match when `all`), with the total. */
  async list(
    tx: Executor,
    query: TTrainingCourseListQuery,
    scopePath: string,
    all = false,
  ): Promise<{ rows: CourseRow[]; total: number }> {
    const where = filters(query, scopePath);
    const { limit, offset } = paging(query);
    const base = tx
      .select(courseColumns)
      .from(courses)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, '-startsOn', courses.id));
    const rows = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(courses).where(where);
    return { rows: rows as CourseRow[], total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<CourseRow | null> {
    const query = tx.select(courseColumns).from(courses).where(eq(courses.id, id));
    const [row] = lock ? await query.for('update', { of: courses }) : await query;
    return (row as CourseRow | undefined) ?? null;
  },

  async insert(tx: Executor, values: NewCourseRow): Promise<string> {
    const [row] = await tx.insert(courses).values(values).returning({ id: courses.id });
    return row!.id;
  },

  /** Updates when `version` still matches; false when someone else changed the course first. */
  async update(
    tx: Executor,
    id: string,
    version: number,
    values: Partial<NewCourseRow> & { status?: string },
  ): Promise<boolean> {
    const updated = await tx
      .update(courses)
      .set({ ...values, version: sql`${courses.version} + 1`, updatedAt: new Date() })
      .where(and(eq(courses.id, id), eq(courses.version, version)))
      .returning({ id: courses.id });
    return updated.length === 1;
  },

  async delete(tx: Executor, id: string): Promise<void> {
    await tx.delete(courses).where(eq(courses.id, id));
  },

  /** The trainees of a course, by name in Vietnamese order. */
  async listTrainees(tx: Executor, courseId: string): Promise<TraineeRow[]> {
    return tx
      .select(traineeColumns)
      .from(trainees)
      .where(eq(trainees.courseId, courseId))
      .orderBy(sql`${trainees.fullName} COLLATE "vi-x-icu"`, trainees.id);
  },

  async findTrainee(tx: Executor, courseId: string, id: string): Promise<TraineeRow | null> {
    const [row] = await tx
      .select(traineeColumns)
      .from(trainees)
      .where(and(eq(trainees.courseId, courseId), eq(trainees.id, id)));
    return row ?? null;
  },

  /** A trainee of the course who is the same user or has the same phone number, or null. */
  async findDuplicateTrainee(
    tx: Executor,
    courseId: string,
    key: { userId: string | null; phone: string | null },
    exceptId: string | null,
  ): Promise<{ id: string; fullName: string } | null> {
    const same = [
      key.userId ? eq(trainees.userId, key.userId) : undefined,
      key.phone ? eq(trainees.phone, key.phone) : undefined,
    ].filter((c): c is SQL => c !== undefined);
    if (same.length === 0) return null;
    const [row] = await tx
      .select({ id: trainees.id, fullName: trainees.fullName })
      .from(trainees)
      .where(
        and(
          eq(trainees.courseId, courseId),
          sql`(${sql.join(same, sql` OR `)})`,
          exceptId ? sql`${trainees.id} <> ${exceptId}` : undefined,
        ),
      )
      .limit(1);
    return row ?? null;
  },

  async insertTrainee(tx: Executor, values: NewTraineeRow): Promise<string> {
    const [row] = await tx.insert(trainees).values(values).returning({ id: trainees.id });
    return row!.id;
  },

  async updateTrainee(tx: Executor, id: string, values: Partial<NewTraineeRow>): Promise<void> {
    await tx
      .update(trainees)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(trainees.id, id));
  },

  async deleteTrainee(tx: Executor, id: string): Promise<void> {
    await tx.delete(trainees).where(eq(trainees.id, id));
  },

  /** Attendance days of the course's trainees that fall outside `from`–`to`: how many. */
  async countDaysOutside(tx: Executor, courseId: string, from: string, to: string): Promise<number> {
    const { rows } = await tx.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM training_trainees t, unnest(t.attended_days) AS d
      WHERE t.course_id = ${courseId} AND (d < ${from}::date OR d > ${to}::date)`);
    return rows[0]?.n ?? 0;
  },

  /** The next certificate sequence of a unit and year; the counter row is locked until the transaction ends. */
  async nextCertificateSequence(tx: Executor, orgUnitId: string, year: number): Promise<number> {
    const { rows } = await tx.execute<{ seq: number }>(sql`
      INSERT INTO training_certificate_counters (org_unit_id, year, last_sequence) VALUES (${orgUnitId}, ${year}, 1)
      ON CONFLICT (org_unit_id, year) DO UPDATE SET last_sequence = training_certificate_counters.last_sequence + 1
      RETURNING last_sequence AS seq`);
    return rows[0]!.seq;
  },

  async insertCertificate(tx: Executor, values: NewCertificateRow): Promise<void> {
    await tx.insert(certs).values(values);
  },

  async findCertificate(tx: Executor, traineeId: string): Promise<CertificateRow | null> {
    const [row] = await tx.select().from(certs).where(eq(certs.traineeId, traineeId));
    return row ?? null;
  },

  /** The certificates of a course, in the order of their numbers. */
  async listCertificates(tx: Executor, courseId: string): Promise<CertificateRow[]> {
    return tx.select().from(certs).where(eq(certs.courseId, courseId)).orderBy(asc(certs.number));
  },

  /** The name of the agency (the root of the org tree), as certificates name it. */
  async agencyName(tx: Executor): Promise<string> {
    const { rows } = await tx.execute<{ name: string }>(
      sql`SELECT name FROM org_units WHERE parent_id IS NULL LIMIT 1`,
    );
    return rows[0]?.name ?? '';
  },

  async listMaterials(
    tx: Executor,
    courseId: string,
  ): Promise<{ fileId: string; title: string; adderName: string | null; addedAt: Date }[]> {
    return tx
      .select({
        fileId: materials.fileId,
        title: materials.title,
        adderName: sql<string | null>`(SELECT full_name FROM users u WHERE u.id = training_materials.added_by)`,
        addedAt: materials.addedAt,
      })
      .from(materials)
      .where(eq(materials.courseId, courseId))
      .orderBy(materials.addedAt, materials.fileId);
  },

  async findMaterial(tx: Executor, courseId: string, fileId: string): Promise<{ title: string } | null> {
    const [row] = await tx
      .select({ title: materials.title })
      .from(materials)
      .where(and(eq(materials.courseId, courseId), eq(materials.fileId, fileId)));
    return row ?? null;
  },

  async insertMaterial(
    tx: Executor,
    values: { courseId: string; fileId: string; title: string; addedBy: string | null },
  ): Promise<void> {
    await tx.insert(materials).values(values).onConflictDoNothing();
  },

  async deleteMaterial(tx: Executor, courseId: string, fileId: string): Promise<void> {
    await tx.delete(materials).where(and(eq(materials.courseId, courseId), eq(materials.fileId, fileId)));
  },
};

export type TrainingRepository = typeof trainingRepository;
