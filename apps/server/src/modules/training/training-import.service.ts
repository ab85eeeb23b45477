import type { Actor } from '../../platform/actor.js';
import type { UsersRepository } from '../users/index.js';
import { mapTraineeRow, type FieldProblem } from './trainee-rows.js';
import type { NewTraineeRow } from './training.repository.js';
import { courseAccess, traineeSnapshot, type TrainingDeps } from './training.service.js';
import { trainingPolicy } from './training.policy.js';

/** One spreadsheet row, keyed by column, with its 1-based row number in the sheet. */
export interface SheetRow {
  row: number;
  values: Record<string, string | null>;
}

export interface RowProblem extends FieldProblem {
  row: number;
}

export interface ImportOutcome {
  applied: boolean;
  created: number;
  updated: number;
  rejected: RowProblem[];
}

export type TrainingImportService = ReturnType<typeof createTrainingImportService>;

/**
 * Trainees of a course from Excel, all or nothing (as the agents' and the calendar's imports): every row is
 * checked first — fields, phone numbers, users, duplicates in the course and in the file; if any row is
 * rejected nothing is written and the report lists every problem. `dryRun` only reports.
 */
export function createTrainingImportService(
  deps: Pick<TrainingDeps, 'runInTransaction' | 'repo' | 'recordAudit'> & {
    users: Pick<UsersRepository, 'findByLogin'>;
  },
) {
  const access = courseAccess(deps);
  return {
    async importTrainees(
      actor: Actor,
      courseId: string,
      rows: SheetRow[],
      options: { dryRun: boolean },
    ): Promise<ImportOutcome> {
      trainingPolicy.assertCanWrite(actor);
      return deps.runInTransaction(async (tx) => {
        const course = await access.editable(tx, actor, courseId);
        const outcome: ImportOutcome = { applied: false, created: 0, updated: 0, rejected: [] };
        const trainees: NewTraineeRow[] = [];
        const seen = new Map<string, number>();
        for (const { row, values } of rows) {
          const reject = (problems: FieldProblem[]) => outcome.rejected.push(...problems.map((p) => ({ row, ...p })));
          const { fields, problems } = mapTraineeRow(values);
          if (!fields) {
            reject(problems);
            continue;
          }
          let trainee: NewTraineeRow;
          if (fields.username) {
            const user = await deps.users.findByLogin(tx, fields.username);
            if (!user || user.disabled) {
              reject([{ field: 'username', code: 'validation.unknown_user', params: { username: fields.username } }]);
              continue;
            }
            trainee = {
              courseId,
              userId: user.id,
              fullName: user.fullName,
              organisation: fields.organisation ?? user.orgUnitName,
              phone: fields.phone,
              note: fields.note,
            };
          } else {
            trainee = {
              courseId,
              userId: null,
              fullName: fields.fullName!,
              organisation: fields.organisation,
              phone: fields.phone,
              note: fields.note,
            };
          }
          const keys = [trainee.userId && `u:${trainee.userId}`, trainee.phone && `p:${trainee.phone}`].filter(
            (k): k is string => Boolean(k),
          );
          const earlier = keys.map((k) => seen.get(k)).find((r) => r !== undefined);
          if (earlier !== undefined) {
            reject([
              {
                field: trainee.userId ? 'username' : 'phone',
                code: 'validation.duplicate_in_file',
                params: { row: earlier },
              },
            ]);
            continue;
          }
          const key = { userId: trainee.userId ?? null, phone: trainee.phone ?? null };
          if (await deps.repo.findDuplicateTrainee(tx, courseId, key, null)) {
            reject([{ field: trainee.userId ? 'username' : 'phone', code: 'training.duplicate_trainee' }]);
            continue;
          }
          for (const k of keys) seen.set(k, row);
          trainees.push(trainee);
        }
        outcome.created = trainees.length;
        if (outcome.rejected.length > 0 || options.dryRun) return outcome;
        for (const trainee of trainees) {
          const id = await deps.repo.insertTrainee(tx, trainee);
          await deps.recordAudit(tx, actor, {
            action: 'import_trainees',
            entityType: 'training_course',
            entityId: courseId,
            orgUnitId: course.orgUnitId,
            summary: `${course.title}: ${trainee.fullName}`.slice(0, 300),
            after: { id, ...traineeSnapshot(trainee) },
          });
        }
        outcome.applied = true;
        return outcome;
      });
    },
  };
}
