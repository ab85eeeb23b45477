import {
  TRAINING_STATUSES,
  normalizeVnPhone,
  type TAddTraineeRequest,
  type TCreateTrainingCourseRequest,
  type TPage,
  type TTrainee,
  type TTrainingAudience,
  type TTrainingCourse,
  type TTrainingCourseDetail,
  type TTrainingCourseListQuery,
  type TTrainingMaterial,
  type TTrainingStatus,
  type TUpdateTraineeRequest,
  type TUpdateTrainingCourseRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { UnitLookup } from '../org-units/index.js';
import type { UsersRepository } from '../users/index.js';
import { certificateRefusal } from './certificate-rule.js';
import type { CourseRow, NewCourseRow, NewTraineeRow, TraineeRow, TrainingRepository } from './training.repository.js';
import { trainingPolicy } from './training.policy.js';

export interface TrainingDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: TrainingRepository;
  recordAudit: RecordAudit;
  units: UnitLookup;
  users: Pick<UsersRepository, 'findById'>;
  /** The materials of a course, for its page. */
  listMaterials?: (tx: Executor, courseId: string) => Promise<TTrainingMaterial[]>;
}

export function toCourse(row: CourseRow, actor: Actor): TTrainingCourse {
  return {
    id: row.id,
    title: row.title,
    topic: row.topic,
    audience: row.audience as TTrainingAudience,
    orgUnit: { id: row.orgUnitId, code: row.orgUnitCode, name: row.orgUnitName },
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    online: row.online,
    place: row.place,
    onlineUrl: row.onlineUrl,
    trainers: row.trainers,
    passScore: row.passScore,
    status: row.status as TTrainingStatus,
    note: row.note,
    traineeCount: row.traineeCount,
    certificateCount: row.certificateCount,
    averageRating: row.averageRating === null ? null : Number(row.averageRating),
    canEdit: trainingPolicy.canEdit(actor, row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toTrainee(row: TraineeRow, course: CourseRow): TTrainee {
  const refusal = certificateRefusal({ ...course, attendedDays: row.attendedDays, score: row.score });
  return {
    id: row.id,
    userId: row.userId,
    fullName: row.fullName,
    organisation: row.organisation,
    phone: row.phone,
    attendedDays: [...row.attendedDays].sort(),
    score: row.score,
    rating: row.rating,
    note: row.note,
    passed: refusal === null,
    refusal,
    certificate:
      row.certificateNumber && row.certificateIssuedOn
        ? { number: row.certificateNumber, issuedOn: row.certificateIssuedOn }
        : null,
  };
}

/** What the audit log keeps of a course. */
function courseSnapshot(row: Omit<NewCourseRow, 'createdBy'> & { status?: string }) {
  return {
    title: row.title,
    audience: row.audience,
    orgUnitId: row.orgUnitId,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    online: row.online ?? false,
    place: row.place ?? null,
    onlineUrl: row.onlineUrl ?? null,
    trainers: row.trainers,
    passScore: row.passScore ?? null,
    status: row.status ?? 'planned',
  };
}

/** What the audit log keeps of a trainee. */
export function traineeSnapshot(row: Partial<NewTraineeRow>) {
  return {
    fullName: row.fullName,
    userId: row.userId ?? null,
    organisation: row.organisation ?? null,
    phone: row.phone ?? null,
    attendedDays: row.attendedDays ?? [],
    score: row.score ?? null,
    rating: row.rating ?? null,
  };
}

/** Helpers the other training services share: reading a course in scope and checking trainee keys. */
export function courseAccess(deps: Pick<TrainingDeps, 'repo'>) {
  const { repo } = deps;
  return {
    async readable(tx: Executor, actor: Actor, id: string, lock = false): Promise<CourseRow> {
      const row = await repo.findById(tx, id, lock);
      if (!row || !trainingPolicy.canRead(actor, row)) throw notFound('training_course');
      return row;
    },

    /** The course, locked, for a change of its trainees: editable by the actor and not closed. */
    async editable(tx: Executor, actor: Actor, id: string): Promise<CourseRow> {
      const row = await this.readable(tx, actor, id, true);
      trainingPolicy.assertCanEdit(actor, row);
      if (row.status === 'closed') throw new AppError('training.locked');
      return row;
    },

    /** Refuses a second trainee who is the same user or has the same phone number. */
    async assertNotDuplicate(
      tx: Executor,
      courseId: string,
      key: { userId: string | null; phone: string | null },
      exceptId: string | null,
    ): Promise<void> {
      const duplicate = await repo.findDuplicateTrainee(tx, courseId, key, exceptId);
      if (duplicate)
        throw new AppError('conflict.duplicate', { value: duplicate.fullName }, [
          { field: key.userId ? 'userId' : 'phone', code: 'training.duplicate_trainee' },
        ]);
    },
  };
}

/** Attendance days that lie within the course; any other is refused on `attendedDays`. */
function checkedDays(days: readonly string[], course: Pick<CourseRow, 'startsOn' | 'endsOn'>): string[] {
  const outside = days.find((d) => d < course.startsOn || d > course.endsOn);
  if (outside) throw fieldError('attendedDays', 'training.day_outside_course', { value: outside });
  return [...new Set(days)].sort();
}

/** A unique-index violation (a concurrent duplicate trainee) as the same 409 the check gives. */
async function guardUnique<T>(name: string, field: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw new AppError('conflict.duplicate', { value: name }, [{ field, code: 'training.duplicate_trainee' }]);
    throw error;
  }
}

export type TrainingService = ReturnType<typeof createTrainingService>;

export function createTrainingService(deps: TrainingDeps) {
  const { db, runInTransaction, repo, recordAudit, units, users } = deps;
  const access = courseAccess(deps);

  async function audit(tx: Tx, actor: Actor, action: string, course: CourseRow, details: object) {
    await recordAudit(tx, actor, {
      action,
      entityType: 'training_course',
      entityId: course.id,
      orgUnitId: course.orgUnitId,
      summary: course.title.slice(0, 300),
      ...details,
    });
  }

  async function organiser(tx: Executor, actor: Actor, orgUnitId: string) {
    const unit = await units.findById(tx, orgUnitId);
    if (!unit) throw fieldError('orgUnitId', 'validation.unknown_unit_code', { code: orgUnitId });
    if (!trainingPolicy.canEdit(actor, { orgUnitPath: unit.path }))
      throw fieldError('orgUnitId', 'validation.unit_out_of_scope');
    return unit;
  }

  async function detail(tx: Executor, actor: Actor, row: CourseRow): Promise<TTrainingCourseDetail> {
    const trainees = await repo.listTrainees(tx, row.id);
    return {
      ...toCourse(row, actor),
      trainees: trainees.map((t) => toTrainee(t, row)),
      materials: deps.listMaterials ? await deps.listMaterials(tx, row.id) : [],
    };
  }

  return {
    /** A page of the courses organised in the actor's subtree (all of them when `all`, for export). */
    async listCourses(actor: Actor, query: TTrainingCourseListQuery, all = false): Promise<TPage<TTrainingCourse>> {
      const { rows, total } = await repo.list(db, query, actor.scopePath, all);
      return { items: rows.map((row) => toCourse(row, actor)), total };
    },

    /** The course page: the course, its trainees with their pass state and certificates, its materials. */
    async getCourse(actor: Actor, id: string): Promise<TTrainingCourseDetail> {
      return detail(db, actor, await access.readable(db, actor, id));
    },

    /** Plans a course organised by a unit of the actor's scope. */
    async createCourse(actor: Actor, input: TCreateTrainingCourseRequest): Promise<TTrainingCourseDetail> {
      trainingPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        await organiser(tx, actor, input.orgUnitId);
        const online = input.online ?? false;
        const values: NewCourseRow = {
          orgUnitId: input.orgUnitId,
          title: input.title,
          topic: input.topic || null,
          audience: input.audience,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          online,
          place: input.place || null,
          onlineUrl: online ? (input.onlineUrl ?? null) : null,
          trainers: input.trainers ?? [],
          passScore: input.passScore === undefined ? 50 : input.passScore,
          note: input.note || null,
          createdBy: actor.userId,
        };
        const id = await repo.insert(tx, values);
        const created = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'create', created, { after: courseSnapshot(values) });
        return detail(tx, actor, created);
      });
    },

    /** Changes a course; the status moves forward only (planned → held → closed); optimistic on `version`. */
    async updateCourse(actor: Actor, id: string, input: TUpdateTrainingCourseRequest): Promise<TTrainingCourseDetail> {
      trainingPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await access.readable(tx, actor, id, true);
        trainingPolicy.assertCanEdit(actor, before);
        if (before.status === 'closed') throw new AppError('training.locked');
        if (before.version !== input.version) throw new AppError('conflict.version');
        const pick = <K extends keyof TUpdateTrainingCourseRequest, V>(key: K, current: V): V =>
          (input[key] !== undefined ? input[key] : current) as V;
        const status = pick('status', before.status);
        if (
          TRAINING_STATUSES.indexOf(status as TTrainingStatus) <
          TRAINING_STATUSES.indexOf(before.status as TTrainingStatus)
        )
          throw new AppError('training.invalid_transition');
        if (input.orgUnitId && input.orgUnitId !== before.orgUnitId) await organiser(tx, actor, input.orgUnitId);
        const values = {
          orgUnitId: pick('orgUnitId', before.orgUnitId),
          title: pick('title', before.title),
          topic: pick('topic', before.topic) || null,
          audience: pick('audience', before.audience),
          startsOn: pick('startsOn', before.startsOn),
          endsOn: pick('endsOn', before.endsOn),
          online: pick('online', before.online),
          place: pick('place', before.place) || null,
          onlineUrl: pick('onlineUrl', before.onlineUrl) || null,
          trainers: pick('trainers', before.trainers),
          passScore: pick('passScore', before.passScore),
          note: pick('note', before.note) || null,
          status,
        };
        if (values.endsOn < values.startsOn) throw fieldError('endsOn', 'validation.date_order');
        if (values.online && !values.onlineUrl) throw fieldError('onlineUrl', 'training.online_url_required');
        if (!values.online && !values.place) throw fieldError('place', 'validation.required');
        if (!values.online) values.onlineUrl = null;
        if ((await repo.countDaysOutside(tx, id, values.startsOn, values.endsOn)) > 0)
          throw fieldError(input.startsOn !== undefined ? 'startsOn' : 'endsOn', 'training.day_outside_course', {
            value: `${values.startsOn} – ${values.endsOn}`,
          });
        if (!(await repo.update(tx, id, input.version, values))) throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        const action = status !== before.status ? 'change_status' : 'update';
        await audit(tx, actor, action, after, { before: courseSnapshot(before), after: courseSnapshot(values) });
        return detail(tx, actor, after);
      });
    },

    /** Removes a course entered by mistake; one with certificates stays, as its numbers were given out. */
    async deleteCourse(actor: Actor, id: string, version: number): Promise<void> {
      trainingPolicy.assertCanWrite(actor);
      await runInTransaction(async (tx) => {
        const before = await access.readable(tx, actor, id, true);
        trainingPolicy.assertCanEdit(actor, before);
        if (before.version !== version) throw new AppError('conflict.version');
        if (before.certificateCount > 0) throw new AppError('training.has_certificates');
        await repo.delete(tx, id);
        await audit(tx, actor, 'delete', before, { before: courseSnapshot(before) });
      });
    },

    /** Adds a user of Loa (name, unit and phone from their account) or an external person to a course. */
    async addTrainee(actor: Actor, courseId: string, input: TAddTraineeRequest): Promise<TTrainee> {
      trainingPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const course = await access.editable(tx, actor, courseId);
        let values: NewTraineeRow;
        if (input.userId) {
          const user = await users.findById(tx, input.userId);
          if (!user || user.disabled) throw fieldError('userId', 'validation.invalid_id');
          values = {
            courseId,
            userId: user.id,
            fullName: user.fullName,
            organisation: input.organisation || user.orgUnitName,
            phone: user.phone ? normalizeVnPhone(user.phone) : null,
          };
        } else {
          values = {
            courseId,
            userId: null,
            fullName: input.fullName!,
            organisation: input.organisation || null,
            phone: normalizeVnPhone(input.phone ?? ''),
          };
        }
        values = {
          ...values,
          attendedDays: checkedDays(input.attendedDays ?? [], course),
          score: input.score ?? null,
          rating: input.rating ?? null,
          note: input.note || null,
        };
        await access.assertNotDuplicate(
          tx,
          courseId,
          { userId: values.userId ?? null, phone: values.phone ?? null },
          null,
        );
        const id = await guardUnique(values.fullName, values.userId ? 'userId' : 'phone', () =>
          repo.insertTrainee(tx, values),
        );
        await audit(tx, actor, 'add_trainee', course, { after: { id, ...traineeSnapshot(values) } });
        return toTrainee((await repo.findTrainee(tx, courseId, id))!, course);
      });
    },

    /** Records attendance, score and rating of a trainee, or corrects their details. */
    async updateTrainee(
      actor: Actor,
      courseId: string,
      traineeId: string,
      input: TUpdateTraineeRequest,
    ): Promise<TTrainee> {
      trainingPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const course = await access.editable(tx, actor, courseId);
        const before = await repo.findTrainee(tx, courseId, traineeId);
        if (!before) throw notFound('trainee');
        const changes: Partial<NewTraineeRow> = {};
        if (input.fullName !== undefined && !before.userId) changes.fullName = input.fullName;
        if (input.phone !== undefined && !before.userId) {
          if (input.phone === null) throw fieldError('phone', 'validation.required');
          changes.phone = normalizeVnPhone(input.phone);
        }
        if (input.organisation !== undefined) changes.organisation = input.organisation || null;
        if (input.attendedDays !== undefined) changes.attendedDays = checkedDays(input.attendedDays, course);
        if (input.score !== undefined) changes.score = input.score;
        if (input.rating !== undefined) changes.rating = input.rating;
        if (input.note !== undefined) changes.note = input.note || null;
        if (changes.phone !== undefined)
          await access.assertNotDuplicate(tx, courseId, { userId: null, phone: changes.phone }, traineeId);
        await guardUnique(before.fullName, 'phone', () => repo.updateTrainee(tx, traineeId, changes));
        await audit(tx, actor, 'update_trainee', course, {
          before: { id: traineeId, ...traineeSnapshot(before) },
          after: { id: traineeId, ...traineeSnapshot({ ...before, ...changes }) },
        });
        return toTrainee((await repo.findTrainee(tx, courseId, traineeId))!, course);
      });
    },

    /** Takes a trainee off a course; one with a certificate stays, as the certificate names them. */
    async removeTrainee(actor: Actor, courseId: string, traineeId: string): Promise<void> {
      trainingPolicy.assertCanWrite(actor);
      await runInTransaction(async (tx) => {
        const course = await access.editable(tx, actor, courseId);
        const before = await repo.findTrainee(tx, courseId, traineeId);
        if (!before) throw notFound('trainee');
        if (before.certificateNumber) throw new AppError('training.has_certificates');
        await repo.deleteTrainee(tx, traineeId);
        await audit(tx, actor, 'remove_trainee', course, { before: { id: traineeId, ...traineeSnapshot(before) } });
      });
    },
  };
}
