import { randomUUID } from 'node:crypto';
import type { TOutboxMessage, TRole } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/smtp-catcher.js';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { buildApp } from '../../app.js';
import { compose, jobDefinitions, type Services } from '../../composition-root.js';
import { SYSTEM_ACTOR, type Actor } from '../../platform/actor.js';
import { startJobs, type JobDefinition } from '../../platform/jobs/jobs.js';
import { MAX_EMAIL_ATTEMPTS, type NotifyInput } from './index.js';

let catcher: SmtpCatcher;
let t: TestApp;
let admin: Session;
let hanoiAdmin: Session;
let p01: string;
const id: Record<string, string> = {};

const PUBLIC_URL = 'https://loa.bhxh.gov.vn';
const MAIL_FROM = 'Loa BHXH <no-reply@bhxh.gov.vn>';

beforeAll(async () => {
  catcher = await startSmtpCatcher();
  t = await createTestApp({ smtpUrl: catcher.url, mailFrom: MAIL_FROM, publicUrl: PUBLIC_URL });
  p01 = await t.unitId('P01');
  const users: { username: string; roles: TRole[]; unitCode: string; fullName?: string; email?: boolean }[] = [
    { username: 'qt.hanoi', roles: ['admin'], unitCode: 'P01' },
    { username: 'ld.hanoi', roles: ['leader'], unitCode: 'P01' },
    { username: 'nv.hanoi', roles: ['province_officer'], unitCode: 'P01', fullName: 'Nguyễn Thị Hằng' },
    { username: 'nv.khongmail', roles: ['province_officer'], unitCode: 'P01', email: false },
    { username: 'nghi.viec', roles: ['province_officer'], unitCode: 'P01' },
    { username: 'nv.badinh', roles: ['district_officer'], unitCode: 'D001' },
    { username: 'nv.danang', roles: ['province_officer'], unitCode: 'P48', fullName: 'Trần Văn Nẵng' },
    { username: 'hop.thu', roles: ['viewer'], unitCode: 'P48' },
  ];
  for (const u of users) {
    id[u.username] = await t.createUser({
      username: u.username,
      roles: u.roles,
      unitCode: u.unitCode,
      ...(u.fullName ? { fullName: u.fullName } : {}),
      ...(u.email === false ? {} : { email: `${u.username}@bhxh.gov.vn` }),
    });
  }
  await t.db.pool.query(`UPDATE users SET disabled = true WHERE username = 'nghi.viec'`);
  await t.db.pool.query(`UPDATE users SET locale = 'en' WHERE username = 'nv.danang'`);
  [admin, hanoiAdmin] = await Promise.all([t.loginAdmin(), t.login('qt.hanoi')]);
});
afterAll(async () => {
  await t?.close();
  await catcher?.close();
});

const notifyIn = (services: Services, input: NotifyInput, actor: Actor = SYSTEM_ACTOR) =>
  services.runInTransaction((tx) => services.notifications.notify(tx, actor, input));
const notify = (input: NotifyInput, actor?: Actor) => notifyIn(t.services, input, actor);

/** A notification about a fresh record, so each test counts only its own rows. */
const about = (overrides: Partial<NotifyInput> = {}): NotifyInput => ({
  recipients: {},
  kind: 'assignment',
  title: { vi: 'Bạn được giao nhiệm vụ truyền thông', en: 'You were assigned a communication task' },
  entityType: 'regulation_task',
  entityId: randomUUID(),
  ...overrides,
});

type OutboxDbRow = {
  id: string;
  user_id: string;
  notification_id: string | null;
  to_address: string;
  subject: string;
  status: string;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
};
const outboxOf = async (db: TestApp['db'], where: string, value: string) =>
  (
    await db.pool.query<OutboxDbRow>(
      `SELECT o.id, o.user_id, o.notification_id, o.to_address, o.subject, o.status, o.attempts, o.last_error, o.sent_at
         FROM email_outbox o LEFT JOIN notifications n ON n.id = o.notification_id
        WHERE ${where} = $1 ORDER BY o.to_address`,
      [value],
    )
  ).rows;
/** The e-mails that accompany in-app notifications about `entityId`. */
const outboxAbout = (entityId: string) => outboxOf(t.db, 'n.entity_id', entityId);
const outboxWithSubject = (subject: string) => outboxOf(t.db, 'o.subject', subject);

/** The job definitions of `services`, with a queue that only records what jobs would send. */
function jobsOf(services: Services) {
  const queued: { name: string; payload: unknown; key: string | undefined }[] = [];
  const definitions = jobDefinitions(services, {
    async send(definition, payload, options) {
      queued.push({ name: definition.name, payload, key: options?.idempotencyKey });
      return randomUUID();
    },
  });
  const run = (name: string, payload: unknown = {}) => {
    const definition = definitions.find((d) => d.name === name) as JobDefinition<unknown> | undefined;
    if (!definition) throw new Error(`no job ${name}`);
    return definition.handler(definition.payload.parse(payload), { jobId: randomUUID(), attempt: 0 });
  };
  return { queued, run, send: (outboxId: string) => run('notifications.send-email', { outboxId }) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
const mailsTo = (address: string, subject: string) =>
  catcher.messages.filter((m) => m.envelopeTo.includes(address) && m.subject === subject);

describe('e-mail delivery over SMTP', () => {
  it("sends a multipart e-mail in the recipient's language, exactly once even when the job runs twice", async () => {
    const task = randomUUID();
    const input = about({
      entityId: task,
      title: {
        vi: 'Bạn được giao: Thông cáo về Nghị định 158/2025/NĐ-CP <b>gấp</b>',
        en: 'You were assigned: press release on Decree 158/2025/ND-CP <b>urgent</b>',
      },
      body: {
        vi: 'Người giao: Nguyễn Văn Ánh.\nHạn hoàn thành: 25/11/2026.',
        en: 'Assigned by Nguyễn Văn Ánh.\nDue: 25/11/2026.',
      },
      link: `/tasks?id=${task}`,
      recipients: { userIds: [id['nv.hanoi']!, id['nv.danang']!] },
    });
    expect(await notify(input)).toBe(2);
    const rows = await outboxAbout(task);
    const jobs = jobsOf(t.services);
    for (const row of rows) {
      await jobs.send(row.id);
      await jobs.send(row.id);
    }

    const toHanoi = mailsTo('nv.hanoi@bhxh.gov.vn', input.title.vi);
    expect(toHanoi).toHaveLength(1);
    const vi = toHanoi[0];
    expect(vi).toMatchObject({
      envelopeFrom: 'no-reply@bhxh.gov.vn',
      from: MAIL_FROM,
      to: 'nv.hanoi@bhxh.gov.vn',
      subject: 'Bạn được giao: Thông cáo về Nghị định 158/2025/NĐ-CP <b>gấp</b>',
    });
    expect(vi!.contentType).toMatch(/^multipart\/alternative/);
    expect(vi!.text).toContain('Người giao: Nguyễn Văn Ánh.\nHạn hoàn thành: 25/11/2026.');
    expect(vi!.text).toContain(`Mở trong Loa: ${PUBLIC_URL}/tasks?id=${task}`);
    expect(vi!.html).toContain('<html lang="vi">');
    expect(vi!.html).toContain('Thông cáo về Nghị định 158/2025/NĐ-CP &lt;b&gt;gấp&lt;/b&gt;</h1>');
    expect(vi!.html).not.toContain('<b>');
    expect(vi!.html).toContain(`href="${PUBLIC_URL}/tasks?id=${task}"`);

    const en = mailsTo('nv.danang@bhxh.gov.vn', input.title.en);
    expect(en).toHaveLength(1);
    expect(en[0]!.html).toContain('<html lang="en">');
    expect(en[0]!.text).toContain('Assigned by Nguyễn Văn Ánh.');
    expect(mailsTo('nv.danang@bhxh.gov.vn', input.title.vi)).toEqual([]);

    for (const row of await outboxAbout(task)) {
      expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
      expect(row.sent_at).toBeInstanceOf(Date);
    }
  });

  it('records each refused attempt for the queue to retry, fails after the last one, and sends after a retry', async () => {
    const subject = `Thư bị từ chối ${randomUUID()}`;
    await notify(about({ title: { vi: subject, en: subject }, recipients: { userIds: [id['nv.hanoi']!] } }));
    const [row] = await outboxWithSubject(subject);
    const jobs = jobsOf(t.services);
    catcher.refuseNext(MAX_EMAIL_ATTEMPTS);
    for (let attempt = 1; attempt < MAX_EMAIL_ATTEMPTS; attempt++) {
      await expect(jobs.send(row!.id)).rejects.toThrow(/451/);
      expect((await outboxWithSubject(subject))[0]).toMatchObject({
        status: 'pending',
        attempts: attempt,
        last_error: expect.stringContaining('Mailbox busy'),
      });
    }
    await jobs.send(row!.id);
    expect((await outboxWithSubject(subject))[0]).toMatchObject({ status: 'failed', attempts: MAX_EMAIL_ATTEMPTS });
    await jobs.send(row!.id);
    expect(mailsTo('nv.hanoi@bhxh.gov.vn', subject)).toEqual([]);

    const seq = await t.lastAuditSeq();
    const retried = await hanoiAdmin.post(`/api/notifications/outbox/${row!.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
    const events = await t.auditSince(seq);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'retry',
        entity_type: 'outbox_message',
        entity_id: row!.id,
        actor_id: id['qt.hanoi'],
        org_unit_id: p01,
        before: expect.objectContaining({ status: 'failed', attempts: MAX_EMAIL_ATTEMPTS }),
        after: expect.objectContaining({ status: 'pending', attempts: 0 }),
      }),
    ]);
    await jobs.send(row!.id);
    expect(mailsTo('nv.hanoi@bhxh.gov.vn', subject)).toHaveLength(1);
    expect((await outboxWithSubject(subject))[0]).toMatchObject({ status: 'sent', attempts: 1 });

    const again = await admin.post(`/api/notifications/outbox/${row!.id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('notification.already_sent');
  });

  it('queues each pending e-mail once from the flush job, and the worker sends it', { timeout: 60_000 }, async () => {
    // Its own database, so that only this test's e-mail waits in the outbox.
    const q = await createTestApp({ smtpUrl: catcher.url, mailFrom: MAIL_FROM });
    const quiet = { error: () => undefined, info: () => undefined };
    const jobs = await startJobs({ connectionString: q.db.url, schedule: false, log: quiet, pollingSeconds: 0.5 });
    try {
      const userId = await q.createUser({
        username: 'qua.hang.doi',
        roles: ['viewer'],
        unitCode: 'P48',
        email: 'qua.hang.doi@bhxh.gov.vn',
      });
      const subject = `Thư qua hàng đợi ${randomUUID()}`;
      await notifyIn(q.services, about({ title: { vi: subject, en: subject }, recipients: { userIds: [userId] } }));
      const [row] = await outboxOf(q.db, 'o.subject', subject);
      const definitions = jobDefinitions(q.services, jobs);
      const flush = definitions.find((d) => d.name === 'notifications.flush-outbox')!;
      const queuedJobs = async () =>
        (
          await q.db.pool.query<{ state: string }>(
            `SELECT state FROM pgboss.job WHERE name = 'notifications.send-email' AND singleton_key = $1`,
            [row!.id],
          )
        ).rows.map((r) => r.state);
      await flush.handler({} as never, { jobId: randomUUID(), attempt: 0 });
      await flush.handler({} as never, { jobId: randomUUID(), attempt: 0 });
      expect(await queuedJobs()).toEqual(['created']);

      await jobs.work(definitions);
      await waitFor(
        'the outbox to record it sent',
        async () => (await outboxOf(q.db, 'o.subject', subject))[0]!.status === 'sent',
      );
      expect(mailsTo('qua.hang.doi@bhxh.gov.vn', subject)).toHaveLength(1);
      await flush.handler({} as never, { jobId: randomUUID(), attempt: 0 });
      expect(await queuedJobs()).toEqual(['completed']);
    } finally {
      await jobs.stop();
      await q.close();
    }
  });
});

describe('without SMTP_URL', () => {
  let h: TestApp;

  beforeAll(async () => {
    h = await createTestApp();
    await h.createUser({ username: 'cho.gui', roles: ['viewer'], unitCode: 'P01', email: 'cho.gui@bhxh.gov.vn' });
  });
  afterAll(async () => h?.close());

  it('keeps e-mails held, visible to administrators, and sends them when retried once SMTP is configured', async () => {
    const subject = `Thư giữ lại ${randomUUID()}`;
    const userId = (await h.db.pool.query<{ id: string }>(`SELECT id FROM users WHERE username = 'cho.gui'`)).rows[0]!
      .id;
    expect(
      await notifyIn(h.services, about({ title: { vi: subject, en: subject }, recipients: { userIds: [userId] } })),
    ).toBe(1);
    const [row] = await outboxOf(h.db, 'o.subject', subject);
    expect(row).toMatchObject({ status: 'held', attempts: 0 });

    await jobsOf(h.services).send(row!.id);
    expect((await outboxOf(h.db, 'o.subject', subject))[0]!.status).toBe('held');
    expect(catcher.messages.filter((m) => m.subject === subject)).toEqual([]);

    const hAdmin = await h.loginAdmin();
    const held = await hAdmin.get('/api/notifications/outbox?status=held');
    expect(held.json<{ items: TOutboxMessage[] }>().items.map((m) => m.subject)).toEqual([subject]);
    const seq = await h.lastAuditSeq();
    const refused = await hAdmin.post(`/api/notifications/outbox/${row!.id}/retry`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('notification.smtp_not_configured');
    expect(await h.auditSince(seq)).toEqual([]);

    // An administrator configures SMTP_URL and restarts Loa: same database, new configuration.
    const configured = compose(h.db.db, { sessionHours: 12, smtpUrl: catcher.url, mailFrom: MAIL_FROM });
    const restarted = await buildApp({ services: configured, pingDatabase: async () => undefined });
    try {
      const retried = await restarted.inject({
        method: 'POST',
        url: `/api/notifications/outbox/${row!.id}/retry`,
        headers: { cookie: hAdmin.cookie, 'x-csrf-token': hAdmin.csrfToken },
      });
      expect(retried.statusCode, retried.body).toBe(200);
      expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
      await jobsOf(configured).send(row!.id);
    } finally {
      await restarted.close();
    }
    expect(mailsTo('cho.gui@bhxh.gov.vn', subject)).toHaveLength(1);
    expect((await outboxOf(h.db, 'o.subject', subject))[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
