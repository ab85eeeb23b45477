import { randomUUID } from 'node:crypto';
import type { TNotification, TNotificationPreference, TOutboxMessage, TRole } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/smtp-catcher.js';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { compose, jobDefinitions, type Services } from '../../composition-root.js';
import { SYSTEM_ACTOR, type Actor } from '../../platform/actor.js';
import type { Tx } from '../../platform/db/transaction.js';
import type { JobDefinition } from '../../platform/jobs/jobs.js';
import type { DueItem, NotifyInput } from './index.js';

let catcher: SmtpCatcher;
let t: TestApp;
let admin: Session;
let hanoiAdmin: Session;
let hanoiOfficer: Session;
let danangOfficer: Session;
let viewer: Session;
let p01: string;
let p48: string;
let d001: string;
const id: Record<string, string> = {};

const PUBLIC_URL = 'https://loa.bhxh.gov.vn';
const MAIL_FROM = 'Loa BHXH <no-reply@bhxh.gov.vn>';

beforeAll(async () => {
  catcher = await startSmtpCatcher();
  t = await createTestApp({ smtpUrl: catcher.url, mailFrom: MAIL_FROM, publicUrl: PUBLIC_URL });
  [p01, p48, d001] = await Promise.all([t.unitId('P01'), t.unitId('P48'), t.unitId('D001')]);
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
  [admin, hanoiAdmin, hanoiOfficer, danangOfficer, viewer] = await Promise.all([
    t.loginAdmin(),
    t.login('qt.hanoi'),
    t.login('nv.hanoi'),
    t.login('nv.danang'),
    t.login('hop.thu'),
  ]);
});
afterAll(async () => {
  await t?.close();
  await catcher?.close();
});

/** What a module's transaction would pass as the actor: a user's identity and scope. */
async function actorFor(username: string): Promise<Actor> {
  const { rows } = await t.db.pool.query<{
    id: string;
    full_name: string;
    roles: TRole[];
    org_unit_id: string;
    path: string;
  }>(
    `SELECT u.id, u.full_name, u.roles, u.org_unit_id, o.path FROM users u JOIN org_units o ON o.id = u.org_unit_id
      WHERE u.username = $1`,
    [username],
  );
  const row = rows[0]!;
  return {
    userId: row.id,
    username,
    fullName: row.full_name,
    roles: row.roles,
    orgUnitId: row.org_unit_id,
    scopePath: row.path,
  };
}

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

const usernameOf = (userId: string) => Object.entries(id).find(([, value]) => value === userId)?.[0] ?? userId;
const inboxOf = async (entityId: string) =>
  (
    await t.db.pool.query<{ id: string; user_id: string; kind: string; title_vi: string; dedupe_key: string | null }>(
      'SELECT id, user_id, kind, title_vi, dedupe_key FROM notifications WHERE entity_id = $1',
      [entityId],
    )
  ).rows;
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
const recipientsOf = (rows: { user_id: string }[]) => rows.map((r) => usernameOf(r.user_id)).sort();

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

const list = async (session: Session, query = '') => {
  const response = await session.get(`/api/notifications?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: TNotification[]; total: number }>();
};
const unreadCount = async (session: Session) =>
  (await session.get('/api/notifications/unread-count')).json<{ count: number }>().count;
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);

describe('NotificationsService', () => {
  describe('notify', () => {
    it('notifies named users and the users of named units, never disabled users, those below, or the actor', async () => {
      const input = about({ recipients: { orgUnitIds: [p01], userIds: [id['nv.danang']!] } });
      const notified = await notify(input, await actorFor('ld.hanoi'));
      const inbox = await inboxOf(input.entityId!);
      expect(recipientsOf(inbox)).toEqual(['nv.danang', 'nv.hanoi', 'nv.khongmail', 'qt.hanoi']);
      expect(notified).toBe(4);
      const outbox = await outboxAbout(input.entityId!);
      expect(recipientsOf(outbox)).toEqual(['nv.danang', 'nv.hanoi', 'qt.hanoi']);
      expect(outbox.every((row) => row.status === 'pending' && row.notification_id !== null)).toBe(true);
      expect(outbox.map((row) => row.to_address)).toEqual([
        'nv.danang@bhxh.gov.vn',
        'nv.hanoi@bhxh.gov.vn',
        'qt.hanoi@bhxh.gov.vn',
      ]);
    });

    it('narrows the users of the units to the given roles', async () => {
      const input = about({
        recipients: { orgUnitIds: [p01, d001], roles: ['province_officer', 'district_officer'] },
      });
      expect(await notify(input)).toBe(3);
      expect(recipientsOf(await inboxOf(input.entityId!))).toEqual(['nv.badinh', 'nv.hanoi', 'nv.khongmail']);
    });

    it("stores and sends nothing when the caller's transaction rolls back", async () => {
      const input = about({ recipients: { orgUnitIds: [p01] }, dedupeKey: `rollback:${randomUUID()}` });
      let notifiedInside = 0;
      await expect(
        t.services.runInTransaction(async (tx: Tx) => {
          notifiedInside = await t.services.notifications.notify(tx, SYSTEM_ACTOR, input);
          throw new Error('the change itself failed');
        }),
      ).rejects.toThrow('the change itself failed');
      expect(notifiedInside).toBeGreaterThan(0);
      expect(await inboxOf(input.entityId!)).toEqual([]);
      const { rows } = await t.db.pool.query('SELECT 1 FROM email_outbox WHERE dedupe_key = $1', [input.dedupeKey]);
      expect(rows).toEqual([]);
      // The key was never used, so the retried change notifies normally.
      expect(await notify(input)).toBe(notifiedInside);
    });

    it('never stores or sends the same dedupe key twice to the same user', async () => {
      const dedupeKey = `status:${randomUUID()}:approved`;
      const first = about({ recipients: { userIds: [id['nv.hanoi']!, id['nv.khongmail']!] }, dedupeKey });
      expect(await notify(first)).toBe(2);
      expect(await notify(first)).toBe(0);
      const widened = { ...first, recipients: { userIds: [id['nv.hanoi']!, id['nv.khongmail']!, id['nv.danang']!] } };
      expect(await notify(widened)).toBe(1);
      const { rows } = await t.db.pool.query<{ user_id: string; n: number }>(
        `SELECT user_id, count(*)::int AS n FROM notifications WHERE dedupe_key = $1 GROUP BY user_id`,
        [dedupeKey],
      );
      expect(rows.map((r) => [usernameOf(r.user_id), r.n]).sort()).toEqual([
        ['nv.danang', 1],
        ['nv.hanoi', 1],
        ['nv.khongmail', 1],
      ]);
      const emails = await t.db.pool.query<{ to_address: string }>(
        'SELECT to_address FROM email_outbox WHERE dedupe_key = $1 ORDER BY to_address',
        [dedupeKey],
      );
      expect(emails.rows.map((r) => r.to_address)).toEqual(['nv.danang@bhxh.gov.vn', 'nv.hanoi@bhxh.gov.vn']);
    });

    it("respects each user's preferences: no in-app row when in-app is off, no e-mail when e-mail is off", async () => {
      const changed = await danangOfficer.put('/api/notifications/preferences', [
        { kind: 'status_change', inApp: false, email: true },
        { kind: 'deadline_missed', inApp: true, email: false },
        { kind: 'proposal_decision', inApp: false, email: false },
      ]);
      expect(changed.statusCode, changed.body).toBe(200);
      const to = { userIds: [id['nv.danang']!] };

      const emailOnly = about({ kind: 'status_change', recipients: to, dedupeKey: `pref:${randomUUID()}` });
      expect(await notify(emailOnly)).toBe(1);
      expect(await inboxOf(emailOnly.entityId!)).toEqual([]);
      const emails = await t.db.pool.query<{ notification_id: string | null; subject: string }>(
        'SELECT notification_id, subject FROM email_outbox WHERE dedupe_key = $1',
        [emailOnly.dedupeKey],
      );
      expect(emails.rows).toEqual([{ notification_id: null, subject: 'You were assigned a communication task' }]);
      // The e-mail-only copy is deduplicated too.
      expect(await notify(emailOnly)).toBe(0);
      expect(
        (await t.db.pool.query('SELECT 1 FROM email_outbox WHERE dedupe_key = $1', [emailOnly.dedupeKey])).rowCount,
      ).toBe(1);

      const inAppOnly = about({ kind: 'deadline_missed', recipients: to });
      expect(await notify(inAppOnly)).toBe(1);
      expect(recipientsOf(await inboxOf(inAppOnly.entityId!))).toEqual(['nv.danang']);
      const inAppEmails = await t.db.pool.query('SELECT 1 FROM email_outbox WHERE notification_id = $1', [
        (await inboxOf(inAppOnly.entityId!))[0]!.id,
      ]);
      expect(inAppEmails.rowCount).toBe(0);

      expect(await notify(about({ kind: 'proposal_decision', recipients: to }))).toBe(0);
    });
  });

  describe('notifyDueDeadlines', () => {
    const due: DueItem[] = [];
    let askedAt: Date | null = null;

    beforeAll(() => {
      t.services.notifications.registerDeadlineSource({
        name: 'test_tasks',
        async findDue(tx, now) {
          askedAt = now;
          // Sources read their records in the job's transaction.
          await tx.execute('SELECT 1');
          return [...due];
        },
      });
    });

    it('notifies approaching and missed deadlines once each, however often the daily job runs', async () => {
      const soon = randomUUID();
      const late = randomUUID();
      due.push(
        {
          id: soon,
          state: 'approaching',
          dueOn: '2026-12-01',
          subject: { vi: 'Thông cáo báo chí', en: 'Press release' },
          recipients: { userIds: [id['nv.hanoi']!] },
          link: `/tasks?id=${soon}`,
          entityType: 'regulation_task',
        },
        {
          id: late,
          state: 'missed',
          dueOn: '2026-11-20',
          subject: { vi: 'Bộ hỏi – đáp', en: 'Q&A' },
          recipients: { orgUnitIds: [p48], roles: ['province_officer'] },
          entityType: 'regulation_task',
        },
      );
      const { run } = jobsOf(t.services);
      await run('notifications.deadlines');
      await run('notifications.deadlines');
      expect(askedAt).toBeInstanceOf(Date);
      expect(await inboxOf(soon)).toEqual([
        {
          id: expect.any(String),
          user_id: id['nv.hanoi'],
          kind: 'deadline_approaching',
          title_vi: 'Sắp đến hạn 01/12/2026: Thông cáo báo chí',
          dedupe_key: `deadline:test_tasks:${soon}:approaching`,
        },
      ]);
      expect(await inboxOf(late)).toEqual([
        expect.objectContaining({
          user_id: id['nv.danang'],
          kind: 'deadline_missed',
          dedupe_key: `deadline:test_tasks:${late}:missed`,
        }),
      ]);

      due[0] = { ...due[0]!, state: 'missed' };
      await run('notifications.deadlines');
      expect((await inboxOf(soon)).map((n) => n.kind).sort()).toEqual(['deadline_approaching', 'deadline_missed']);
      due.length = 0;
    });

    it('refuses a second source with the same name', () => {
      expect(() =>
        t.services.notifications.registerDeadlineSource({ name: 'test_tasks', findDue: async () => [] }),
      ).toThrow(/twice/);
    });

    it('lets a failing source fail the run without stopping the others', async () => {
      const services = compose(t.db.db, { sessionHours: 12, smtpUrl: catcher.url });
      const item = randomUUID();
      services.notifications.registerDeadlineSource({
        name: 'broken',
        findDue: async () => {
          throw new Error('the source is broken');
        },
      });
      services.notifications.registerDeadlineSource({
        name: 'working',
        findDue: async () => [
          {
            id: item,
            state: 'approaching',
            dueOn: '2026-12-24',
            subject: { vi: 'Kịch bản truyền thanh', en: 'Loudspeaker script' },
            recipients: { userIds: [id['nv.badinh']!] },
          },
        ],
      });
      await expect(jobsOf(services).run('notifications.deadlines')).rejects.toThrow(/broken \(the source is broken\)/);
      expect(recipientsOf(await inboxOf(item))).toEqual(['nv.badinh']);
    });
  });
});

describe('notifications routes', () => {
  const titles = [
    { vi: 'Hạn chót nộp báo cáo quý', en: 'Quarterly report deadline' },
    { vi: 'Giao nhiệm vụ thông cáo báo chí', en: 'Press release assigned' },
    { vi: 'Kế hoạch truyền thông đã được duyệt', en: 'Communication plan approved' },
  ];
  let mine: TNotification[] = [];

  beforeAll(async () => {
    for (const title of titles) await notify(about({ recipients: { userIds: [id['hop.thu']!] }, title }));
    mine = (await list(viewer)).items;
  });

  describe('GET /api/notifications', () => {
    it('lists my notifications, newest first, in both languages', async () => {
      const page = await list(viewer);
      expect(page.total).toBe(3);
      expect(page.items.map((n) => n.title)).toEqual([...titles].reverse());
      expect(page.items[0]).toMatchObject({
        kind: 'assignment',
        body: null,
        readAt: null,
        entityType: 'regulation_task',
      });
    });

    it('searches the titles ignoring accents, in either language', async () => {
      expect((await list(viewer, 'q=han%20chot')).items.map((n) => n.title.vi)).toEqual(['Hạn chót nộp báo cáo quý']);
      expect((await list(viewer, `q=${encodeURIComponent('THÔNG CÁO')}`)).total).toBe(1);
      expect((await list(viewer, 'q=approved')).items.map((n) => n.title.vi)).toEqual([
        'Kế hoạch truyền thông đã được duyệt',
      ]);
      expect((await list(viewer, 'q=khong%20co')).total).toBe(0);
    });

    it('pages and sorts, refusing an unknown sort and a page over 1000', async () => {
      const first = await list(viewer, 'pageSize=2&page=1&sort=createdAt');
      const second = await list(viewer, 'pageSize=2&page=2&sort=createdAt');
      expect(first.total).toBe(3);
      expect([...first.items, ...second.items].map((n) => n.title.vi)).toEqual(titles.map((title) => title.vi));
      const badSort = await viewer.get('/api/notifications?sort=password');
      expect(badSort.statusCode).toBe(400);
      expect(fieldsOf(badSort.json())).toEqual(['sort:validation.invalid_sort']);
      expect((await viewer.get('/api/notifications?pageSize=1001')).statusCode).toBe(400);
    });

    it("shows only the caller's own notifications", async () => {
      const others = await list(hanoiOfficer, 'pageSize=1000');
      expect(others.items.map((n) => n.id)).not.toContain(mine[0]!.id);
      const { rows } = await t.db.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1',
        [id['nv.hanoi']],
      );
      expect(others.total).toBe(rows[0]!.n);
    });
  });

  describe('reading', () => {
    it('marks one read, keeps the first read time, and counts the unread, without auditing', async () => {
      expect(await unreadCount(viewer)).toBe(3);
      const seq = await t.lastAuditSeq();
      const target = mine[1]!;
      const read = await viewer.post(`/api/notifications/${target.id}/read`);
      expect(read.statusCode, read.body).toBe(200);
      const readAt = read.json<TNotification>().readAt;
      expect(readAt).not.toBeNull();
      const again = await viewer.post(`/api/notifications/${target.id}/read`);
      expect(again.json<TNotification>().readAt).toBe(readAt);
      expect(await unreadCount(viewer)).toBe(2);
      expect((await list(viewer, 'unread=true')).items.map((n) => n.id)).toEqual([mine[0]!.id, mine[2]!.id]);
      expect((await list(viewer, 'unread=false')).items.map((n) => n.id)).toEqual([target.id]);
      expect(await t.auditSince(seq)).toEqual([]);
    });

    it("answers 404 for another user's notification and leaves it unread", async () => {
      const response = await hanoiOfficer.post(`/api/notifications/${mine[0]!.id}/read`);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'resource.not_found', title: 'Không tìm thấy thông báo' });
      expect((await list(viewer, 'unread=true')).items.map((n) => n.id)).toContain(mine[0]!.id);
      expect((await viewer.post(`/api/notifications/${randomUUID()}/read`)).statusCode).toBe(404);
      expect((await viewer.post('/api/notifications/not-an-id/read')).statusCode).toBe(400);
    });

    it('marks all read', async () => {
      const response = await viewer.post('/api/notifications/read-all');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ count: 2 });
      expect(await unreadCount(viewer)).toBe(0);
      expect((await viewer.post('/api/notifications/read-all')).json()).toEqual({ count: 0 });
    });

    it('needs a session', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/notifications/unread-count' });
      expect(response.statusCode).toBe(401);
    });
  });

  describe('preferences', () => {
    it('has every kind on by default', async () => {
      const response = await hanoiOfficer.get('/api/notifications/preferences');
      expect(response.statusCode).toBe(200);
      const preferences = response.json<TNotificationPreference[]>();
      expect(preferences.map((p) => p.kind)).toEqual([
        'assignment',
        'status_change',
        'proposal_decision',
        'deadline_approaching',
        'deadline_missed',
        'monitoring_alert',
        'incident',
        'press_review',
      ]);
      expect(preferences.every((p) => p.inApp && p.email)).toBe(true);
    });

    it('changes the given kinds, keeps the others, and audits the change in the same transaction', async () => {
      const seq = await t.lastAuditSeq();
      const response = await hanoiOfficer.put('/api/notifications/preferences', [
        { kind: 'deadline_approaching', inApp: true, email: false },
      ]);
      expect(response.statusCode, response.body).toBe(200);
      const after = response.json<TNotificationPreference[]>();
      expect(after.find((p) => p.kind === 'deadline_approaching')).toEqual({
        kind: 'deadline_approaching',
        inApp: true,
        email: false,
      });
      expect(after.filter((p) => p.kind !== 'deadline_approaching').every((p) => p.inApp && p.email)).toBe(true);
      expect((await hanoiOfficer.get('/api/notifications/preferences')).json()).toEqual(after);
      const events = await t.auditSince(seq);
      expect(events).toEqual([
        expect.objectContaining({
          action: 'update',
          entity_type: 'notification_preferences',
          entity_id: id['nv.hanoi'],
          actor_id: id['nv.hanoi'],
          org_unit_id: p01,
        }),
      ]);
      expect(events[0]!.before).toContainEqual({ kind: 'deadline_approaching', inApp: true, email: true });
      expect(events[0]!.after).toContainEqual({ kind: 'deadline_approaching', inApp: true, email: false });
      const { rows } = await t.db.pool.query<{ xmin: string }>(
        `SELECT xmin::text FROM notification_preferences WHERE user_id = $1 AND kind = 'deadline_approaching'`,
        [id['nv.hanoi']],
      );
      expect(rows[0]!.xmin).toBe(events[0]!.xmin);
    });

    it('refuses a kind given twice, an unknown kind and an empty list, changing nothing', async () => {
      const before = (await hanoiOfficer.get('/api/notifications/preferences')).json();
      const twice = await hanoiOfficer.put('/api/notifications/preferences', [
        { kind: 'assignment', inApp: false, email: false },
        { kind: 'assignment', inApp: true, email: true },
      ]);
      expect(twice.statusCode).toBe(400);
      expect(fieldsOf(twice.json())).toEqual(['1.kind:validation.duplicate']);
      const unknown = await hanoiOfficer.put('/api/notifications/preferences', [
        { kind: 'newsletter', inApp: false, email: false },
      ]);
      expect(fieldsOf(unknown.json())).toEqual(['0.kind:validation.invalid_value']);
      expect((await hanoiOfficer.put('/api/notifications/preferences', [])).statusCode).toBe(400);
      expect((await hanoiOfficer.get('/api/notifications/preferences')).json()).toEqual(before);
    });
  });

  describe('GET /api/notifications/outbox', () => {
    let entityId: string;

    beforeAll(async () => {
      const input = about({
        title: { vi: 'Thư kiểm tra phạm vi Đà Nẵng và Ba Đình', en: 'Scope check e-mail' },
        link: '/tasks',
        recipients: { userIds: [id['nv.danang']!, id['nv.badinh']!, id['nv.hanoi']!] },
      });
      entityId = input.entityId!;
      await notify(input);
    });

    const outbox = async (session: Session, query = '') => {
      const response = await session.get(`/api/notifications/outbox?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: TOutboxMessage[]; total: number }>();
    };

    it('is for administrators only', async () => {
      for (const session of [viewer, hanoiOfficer, await t.login('ld.hanoi')]) {
        const response = await session.get('/api/notifications/outbox');
        expect(response.statusCode).toBe(403);
        expect(response.json().code).toBe('access.role_forbidden');
      }
    });

    it('shows an administrator only e-mails to users of their subtree', async () => {
      const hanoi = await outbox(hanoiAdmin, 'pageSize=1000');
      const { rows } = await t.db.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM email_outbox o JOIN users u ON u.id = o.user_id JOIN org_units ou ON ou.id = u.org_unit_id
          WHERE ou.path LIKE (SELECT path FROM org_units WHERE code = 'P01') || '%'`,
      );
      expect(hanoi.total).toBe(rows[0]!.n);
      const mine = hanoi.items.filter((m) => m.subject === 'Thư kiểm tra phạm vi Đà Nẵng và Ba Đình');
      expect(mine.map((m) => m.recipient.username).sort()).toEqual(['nv.badinh', 'nv.hanoi']);
      expect(mine[0]).toMatchObject({ status: 'pending', attempts: 0, lastError: null, sentAt: null });
      expect(mine[0]!.text).toContain('Mở trong Loa: https://loa.bhxh.gov.vn/tasks');
      const all = (await outbox(admin, 'pageSize=1000')).items.filter((m) =>
        ['Thư kiểm tra phạm vi Đà Nẵng và Ba Đình', 'Scope check e-mail'].includes(m.subject),
      );
      expect(all.map((m) => m.recipient.username).sort()).toEqual(['nv.badinh', 'nv.danang', 'nv.hanoi']);
      expect(all.find((m) => m.recipient.username === 'nv.danang')!.subject).toBe('Scope check e-mail');
      // The subject is searchable without accents; the English copy is not found by Vietnamese words.
      const found = await outbox(admin, `q=${encodeURIComponent('kiem tra pham vi da nang')}`);
      expect(found.items.map((m) => m.recipient.username).sort()).toEqual(['nv.badinh', 'nv.hanoi']);
    });

    it('filters by status and searches addresses', async () => {
      const pending = await outbox(admin, 'status=pending&pageSize=1000');
      expect(pending.items.every((m) => m.status === 'pending')).toBe(true);
      expect((await outbox(admin, 'status=held')).total).toBe(0);
      const byAddress = await outbox(admin, 'q=nv.badinh%40bhxh&pageSize=1000');
      expect(byAddress.items.length).toBeGreaterThan(0);
      expect(byAddress.items.every((m) => m.toAddress === 'nv.badinh@bhxh.gov.vn')).toBe(true);
      expect((await admin.get('/api/notifications/outbox?status=lost')).statusCode).toBe(400);
    });

    it('answers 404 to an administrator retrying an e-mail outside their scope', async () => {
      const [toDanang] = (await outboxAbout(entityId)).filter((row) => row.user_id === id['nv.danang']);
      const response = await hanoiAdmin.post(`/api/notifications/outbox/${toDanang!.id}/retry`);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('resource.not_found');
    });
  });
});
