// Issue 10 §3: a real worker process is killed with SIGKILL at a known point of its work, a new one takes over, and
// nothing is lost or done twice. Kill points are observed states (an SMTP command received, a transaction waiting on
// a lock the test holds), never sleeps. See docs/decisions/0048-concurrency-and-crash-safety.md.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TReport } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireDeadWorkerLeases, jobStates } from '../test/crash/job-leases.js';
import { waitFor } from '../test/crash/race.js';
import { startStallingSmtp, type StallingSmtp } from '../test/crash/stalling-smtp.js';
import { killAllWorkers, startWorker, type WorkerProcess } from '../test/crash/worker-process.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { sendEmailJob } from './modules/notifications/send-email.job.js';
import { generateReportJob } from './modules/reports/index.js';
import { startJobs, type Jobs } from './platform/jobs/jobs.js';

let t: TestApp;
let smtp: StallingSmtp;
let filesDir: string;
let queue: Jobs;
const quiet = { error: () => undefined, info: () => undefined };

beforeAll(async () => {
  smtp = await startStallingSmtp();
  t = await createTestApp({ smtpUrl: smtp.url });
  filesDir = await mkdtemp(path.join(os.tmpdir(), 'loa-crash-'));
  // Only queues jobs (no work, no schedules): the workers under test do the work.
  queue = await startJobs({ connectionString: t.db.url, schedule: false, log: quiet });
});
afterAll(async () => {
  await killAllWorkers();
  await queue?.stop();
  await t?.close();
  await smtp?.close();
  if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

const worker = () => startWorker({ databaseUrl: t.db.url, filesDir, smtpUrl: smtp.url });
/** The worker that took over after the last kill serves as the next scenario's first one (a start costs seconds). */
let live: WorkerProcess | null = null;

describe('a worker killed while sending e-mail', () => {
  const RECIPIENTS = 6;

  it(
    'leaves the message it was sending pending; the next worker sends every message exactly once',
    { timeout: 150_000 },
    async () => {
      const userId = await t.createUser({ username: 'crash.mail', roles: ['viewer'], unitCode: 'P01' });
      const { rows } = await t.db.pool.query<{ id: string; to_address: string }>(
        `INSERT INTO email_outbox (user_id, to_address, subject, text, html)
       SELECT $1, 'nguoi.nhan.' || n || '@bhxh.gov.vn', 'Thong bao ' || n, 'Noi dung ' || n, '<p>Noi dung</p>'
         FROM generate_series(1, $2::int) AS n RETURNING id, to_address`,
        [userId, RECIPIENTS],
      );
      const stalled = smtp.stallAt(3);
      const first = await worker();
      const send = sendEmailJob(async () => 'skipped');
      for (const row of rows) await queue.send(send, { outboxId: row.id }, { idempotencyKey: row.id });

      // The third message: the worker holds its outbox row locked and waits for the server's answer to MAIL FROM.
      await waitFor('the worker to reach MAIL FROM of the third message', () => smtp.stalled(), {
        timeoutMs: 60_000,
        detail: first.output,
      });
      await stalled;
      expect(smtp.accepted).toHaveLength(2);
      await first.kill();

      // The killed transaction rolled back: the message in flight is pending, with no attempt counted.
      const inFlight = await t.db.pool.query<{ status: string; n: number }>(
        `SELECT status, count(*)::int AS n FROM email_outbox WHERE user_id = $1 GROUP BY status ORDER BY status`,
        [userId],
      );
      expect(inFlight.rows).toEqual([
        { status: 'pending', n: RECIPIENTS - 2 },
        { status: 'sent', n: 2 },
      ]);
      expect(await expireDeadWorkerLeases(t.db.pool)).toBeGreaterThanOrEqual(1);

      const second = (live = await worker());
      await waitFor(
        'every message to be sent',
        async () =>
          (await t.db.pool.query(`SELECT 1 FROM email_outbox WHERE user_id = $1 AND status <> 'sent'`, [userId]))
            .rowCount === 0,
        { timeoutMs: 60_000, detail: second.output },
      );
      await waitFor('the send jobs to complete', async () => {
        const states = await jobStates(t.db.pool, send.name);
        return !states.created && !states.retry && !states.active;
      });
      const received = smtp.accepted.flatMap((m) => m.to).sort();
      expect(received).toEqual(rows.map((r) => r.to_address).sort());
      const attempts = await t.db.pool.query<{ attempts: number }>(
        'SELECT DISTINCT attempts FROM email_outbox WHERE user_id = $1',
        [userId],
      );
      expect(attempts.rows).toEqual([{ attempts: 1 }]);
    },
  );
});

describe('a worker killed while generating a report', () => {
  it(
    'rolls back the half-stored documents; the next worker completes it with one set of documents',
    { timeout: 150_000 },
    async () => {
      await t.createUser({ username: 'crash.report', roles: ['province_officer'], unitCode: 'P01' });
      const officer = await t.login('crash.report');
      const created = await officer.post('/api/reports', { period: { kind: 'quarter', year: 2025, number: 2 } });
      expect(created.statusCode, created.body).toBe(201);
      const report = created.json<TReport>();

      // The test holds the documents table: the worker renders everything, opens its storing transaction, marks the
      // report done in it and then waits for the table — the last moment before its commit.
      const holder = await t.db.pool.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('LOCK TABLE report_documents IN ACCESS EXCLUSIVE MODE');
        const first = live ?? (await worker());
        live = null;
        await queue.send(
          generateReportJob(async () => 'done'),
          { reportId: report.id, version: report.version },
          { idempotencyKey: `${report.id}:${report.version}` },
        );
        await waitFor(
          'the worker to wait on report_documents inside its storing transaction',
          async () =>
            (
              await t.db.pool.query(
                `SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                WHERE c.relname = 'report_documents' AND NOT l.granted`,
              )
            ).rowCount! > 0,
          { timeoutMs: 60_000, detail: first.output },
        );
        await first.kill();
      } finally {
        await holder.query('ROLLBACK');
        holder.release();
      }
      const stopped = await t.db.pool.query<{ generation_state: string; generation_step: string | null; docs: number }>(
        `SELECT generation_state, generation_step,
              (SELECT count(*)::int FROM report_documents WHERE report_id = $1) AS docs
         FROM reports WHERE id = $1`,
        [report.id],
      );
      // The 'done' written inside the killed transaction is gone with it: the report shows where it stopped.
      expect(stopped.rows[0]).toEqual({ generation_state: 'running', generation_step: 'store', docs: 0 });
      expect(await expireDeadWorkerLeases(t.db.pool)).toBeGreaterThanOrEqual(1);

      const second = await worker();
      await waitFor(
        'the report to be generated',
        async () => {
          const response = await officer.get(`/api/reports/${report.id}`);
          return response.json<TReport>().generation.state === 'done';
        },
        { timeoutMs: 60_000, detail: second.output },
      );
      const { rows } = await t.db.pool.query<{ format: string; n: number }>(
        `SELECT format, count(*)::int AS n FROM report_documents WHERE report_id = $1 GROUP BY format ORDER BY format`,
        [report.id],
      );
      expect(rows).toEqual([
        { format: 'docx', n: 1 },
        { format: 'pdf', n: 1 },
        { format: 'xlsx', n: 1 },
      ]);
      expect(await jobStates(t.db.pool, generateReportJob(async () => 'done').name)).toEqual({ completed: 1 });
    },
  );
});
