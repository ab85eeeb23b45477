import PgBoss from 'pg-boss';
import type { z } from 'zod';

export interface JobContext {
  jobId: string;
  /** 0 on the first run, then 1, 2 … on retries. */
  attempt: number;
}

/** A job type: a zod payload, an idempotent handler, retry policy and an optional cron schedule (Asia/Ho_Chi_Minh). */
export interface JobDefinition<P = unknown> {
  name: string;
  payload: z.ZodType<P>;
  handler(payload: P, context: JobContext): Promise<void>;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Cron expression; runs once per tick across all instances. */
  schedule?: string;
}

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

export interface SendOptions {
  /** Jobs with the same key are not queued twice while one is waiting or running. */
  idempotencyKey?: string;
  startAfterSeconds?: number;
}

export interface Jobs {
  send<P>(definition: JobDefinition<P>, payload: P, options?: SendOptions): Promise<string | null>;
  /** Processes jobs and runs schedules on this process (server by default, or `npm run worker`). */
  work(definitions: JobDefinition<never>[]): Promise<void>;
  stop(): Promise<void>;
}

export interface JobsOptions {
  connectionString: string;
  /** Whether this process runs cron schedules (all instances may; each tick still runs once). */
  schedule: boolean;
  log: { error(obj: unknown, msg: string): void; info(obj: unknown, msg: string): void };
  /** Seconds between polls; tests shorten it. */
  pollingSeconds?: number;
  cronMonitorSeconds?: number;
}

/** The database-backed queue and scheduler (pg-boss on Loa's own PostgreSQL, schema `pgboss`). */
export async function startJobs(options: JobsOptions): Promise<Jobs> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: 'pgboss',
    schedule: options.schedule,
    supervise: true,
    max: 4,
    application_name: 'loa-jobs',
    ...(options.cronMonitorSeconds
      ? {
          cronMonitorIntervalSeconds: options.cronMonitorSeconds,
          cronWorkerIntervalSeconds: options.cronMonitorSeconds,
        }
      : {}),
  });
  boss.on('error', (error) => options.log.error({ err: error }, 'job queue error'));
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (definition: JobDefinition<never>) => {
    if (created.has(definition.name)) return;
    const create = () =>
      boss.createQueue(definition.name, {
        name: definition.name,
        policy: 'stately',
        retryLimit: definition.retryLimit ?? 5,
        retryDelay: definition.retryDelaySeconds ?? 30,
        retryBackoff: true,
      });
    // Several processes starting together on a new database create queues at once, and pg-boss 10 attaches each
    // queue's partition without a lock: PostgreSQL may pick one of them as a deadlock victim. Creating is
    // idempotent, so the victim tries again (decision 0049).
    for (let attempt = 1; ; attempt++) {
      try {
        await create();
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
      }
    }
    created.add(definition.name);
  };
  return {
    async send(definition, payload, sendOptions = {}) {
      await ensureQueue(definition as JobDefinition<never>);
      const data = definition.payload.parse(payload) as object;
      return boss.send(definition.name, data, {
        ...(sendOptions.idempotencyKey ? { singletonKey: sendOptions.idempotencyKey } : {}),
        ...(sendOptions.startAfterSeconds ? { startAfter: sendOptions.startAfterSeconds } : {}),
      });
    },
    async work(definitions) {
      for (const definition of definitions) {
        await ensureQueue(definition);
        const workOptions = { pollingIntervalSeconds: options.pollingSeconds ?? 2, includeMetadata: true as const };
        await boss.work(definition.name, workOptions, async ([job]) => {
          if (!job) return;
          const payload = definition.payload.parse(job.data) as never;
          // pg-boss counts the retries it has started: 0 on the first run.
          await definition.handler(payload, { jobId: job.id, attempt: job.retryCount });
        });
        if (definition.schedule && options.schedule) {
          await boss.schedule(definition.name, definition.schedule, {}, { tz: 'Asia/Ho_Chi_Minh' });
        }
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
    },
  };
}
