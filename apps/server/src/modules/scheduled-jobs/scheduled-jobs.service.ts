// "Run now" for Loa's scheduled jobs: an administrator queues a run of the 06:30 press review, the deadline reminders
// or any other schedule at once, instead of waiting for its time. The run is the same job the schedule queues.
import { SCHEDULED_JOB_LABELS, type TRunJobResponse, type TScheduledJob } from '@loa/contracts';
import { hasRole, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import type { JobDefinition, Jobs } from '../../platform/jobs/jobs.js';
import type { ScheduledJobsRepository } from './scheduled-jobs.repository.js';

export interface ScheduledJobsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  recordAudit: RecordAudit;
  repo: ScheduledJobsRepository;
}

export type ScheduledJobsService = ReturnType<typeof createScheduledJobsService>;

export function createScheduledJobsService(deps: ScheduledJobsDeps) {
  const { db, runInTransaction, recordAudit, repo } = deps;
  let queue: Pick<Jobs, 'send'> | null = null;
  let scheduled: JobDefinition<never>[] = [];

  function assertAdmin(actor: Actor) {
    if (!hasRole(actor, 'admin')) throw forbidden();
  }

  return {
    /** Called once the queue has started (main.ts, worker.ts) with every job definition of Loa. */
    attach(jobs: Pick<Jobs, 'send'>, definitions: readonly JobDefinition<never>[]): void {
      queue = jobs;
      scheduled = definitions.filter((d) => d.schedule);
    },

    async list(actor: Actor): Promise<TScheduledJob[]> {
      assertAdmin(actor);
      const states = new Map(
        (
          await repo.runStates(
            db,
            scheduled.map((d) => d.name),
          )
        ).map((s) => [s.name, s]),
      );
      return scheduled
        .map((definition) => {
          const state = states.get(definition.name);
          return {
            name: definition.name,
            label: SCHEDULED_JOB_LABELS[definition.name] ?? { vi: definition.name, en: definition.name },
            schedule: definition.schedule ?? '',
            lastRunAt: state?.lastRunAt ?? null,
            lastState: state?.lastState ?? null,
            pending: state?.pending ?? 0,
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    /** Queues one run now with the schedule's (empty) payload; a run already waiting from "run now" is not doubled. */
    async run(actor: Actor, name: string): Promise<TRunJobResponse> {
      assertAdmin(actor);
      const definition = scheduled.find((d) => d.name === name);
      if (!definition) throw notFound('scheduled_job');
      if (!queue) throw new AppError('service.unavailable');
      const jobId = await queue.send(definition as JobDefinition<unknown>, {}, { idempotencyKey: `manual:${name}` });
      await runInTransaction(async (tx) => {
        await recordAudit(tx, actor, {
          action: 'run_job',
          entityType: 'scheduled_job',
          entityId: name,
          orgUnitId: null,
          summary: `Chạy ngay: ${SCHEDULED_JOB_LABELS[name]?.vi ?? name}`,
          after: { jobId },
        });
      });
      return { queued: jobId !== null };
    },
  };
}
