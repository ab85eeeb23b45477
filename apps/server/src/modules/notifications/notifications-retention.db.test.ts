import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { NOTIFICATION_RETENTION } from './notifications.service.js';

let t: TestApp;
let userId: string;
beforeAll(async () => {
  t = await createTestApp();
  userId = await t.createUser({ username: 'luu.tru', roles: ['viewer'], unitCode: 'P01', email: 'luu.tru@example.vn' });
});
afterAll(async () => t?.close());

const DAY = 86_400_000;
const NOW = new Date('2026-11-25T03:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

async function notification(title: string, createdAt: Date, readAt: Date | null): Promise<void> {
  await t.db.pool.query(
    `INSERT INTO notifications (user_id, kind, title_vi, title_en, created_at, read_at)
     VALUES ($1, 'assignment', $2, $2, $3, $4)`,
    [userId, title, createdAt, readAt],
  );
}
async function email(subject: string, status: string, at: Date): Promise<void> {
  await t.db.pool.query(
    `INSERT INTO email_outbox (user_id, to_address, subject, text, html, status, created_at, last_attempt_at, sent_at)
     VALUES ($1, 'luu.tru@example.vn', $2, 'x', '<p>x</p>', $3, $4, $4, CASE WHEN $3 = 'sent' THEN $4::timestamptz END)`,
    [userId, subject, status, at],
  );
}
const titles = async () =>
  (
    await t.db.pool.query<{ t: string }>(`SELECT title_vi AS t FROM notifications WHERE user_id = $1 ORDER BY 1`, [
      userId,
    ])
  ).rows.map((r) => r.t);
const subjects = async () =>
  (
    await t.db.pool.query<{ s: string }>(`SELECT subject AS s FROM email_outbox WHERE user_id = $1 ORDER BY 1`, [
      userId,
    ])
  ).rows.map((r) => r.s);

describe('notifications retention', () => {
  it('removes read notifications after 180 days, any after 365, and sent or failed e-mails after 90; keeps the rest', async () => {
    const { readDays, keepDays, mailDays } = NOTIFICATION_RETENTION;
    await notification('a: read long ago', ago(readDays + 30), ago(readDays + 1));
    await notification('b: read recently', ago(readDays + 30), ago(readDays - 1));
    await notification('c: unread, old', ago(keepDays - 1), null);
    await notification('d: unread, older than a year', ago(keepDays + 1), null);
    await email('e: sent long ago', 'sent', ago(mailDays + 1));
    await email('f: sent recently', 'sent', ago(mailDays - 1));
    await email('g: failed long ago', 'failed', ago(mailDays + 1));
    await email('h: pending long ago', 'pending', ago(mailDays + 100));
    await email('i: held long ago', 'held', ago(mailDays + 100));

    expect(await t.services.notifications.deleteOld(NOW)).toEqual({ notifications: 2, emails: 2 });
    expect(await titles()).toEqual(['b: read recently', 'c: unread, old']);
    expect(await subjects()).toEqual(['f: sent recently', 'h: pending long ago', 'i: held long ago']);
    // Idempotent: a second run the same day removes nothing more.
    expect(await t.services.notifications.deleteOld(NOW)).toEqual({ notifications: 0, emails: 0 });
  });
});
