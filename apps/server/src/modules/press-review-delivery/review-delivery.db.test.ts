import net from 'node:net';
import type { TPage, TProblem, TReviewDelivery, TRole } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCatcher, type CaughtMail, type SmtpCatcher } from '../../../test/smtp-catcher.js';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { buildApp } from '../../app.js';
import { compose, jobDefinitions } from '../../composition-root.js';
import { startJobs } from '../../platform/jobs/jobs.js';
import { MAX_DELIVERY_ATTEMPTS } from './index.js';
import { insertEdition, type FixtureEntry } from './review.fixtures.js';

let catcher: SmtpCatcher;
let t: TestApp;
let editor: Session;
const id: Record<string, string> = {};
const PUBLIC_URL = 'https://loa.bhxh.gov.vn';

const ENTRIES: FixtureEntry[] = [
  { section: 'risk', headline: 'Giả danh cán bộ BHXH gọi điện lừa đảo', flags: ['scam_impersonation'] },
  { section: 'agency', headline: 'Tăng lương hưu từ ngày 01/7', comment: 'Cần thông tin rộng rãi.' },
  { section: 'agency', headline: 'Tin bị biên tập viên bỏ ra', excluded: true },
  { section: 'theme', headline: 'Thông tuyến khám chữa bệnh BHYT', theme: 'cshyt' },
  { section: 'provincial', headline: 'Hà Nội đối thoại chính sách với doanh nghiệp', provinceCode: 'P01' },
  { section: 'provincial', headline: 'Đà Nẵng cấp thẻ BHYT cho học sinh', provinceCode: 'P48' },
];

beforeAll(async () => {
  catcher = await startSmtpCatcher();
  t = await createTestApp({ smtpUrl: catcher.url, publicUrl: PUBLIC_URL });
  const users: { username: string; roles: TRole[]; unitCode: string; email?: false }[] = [
    { username: 'tt.editor', roles: ['comms_center'], unitCode: 'TT' },
    { username: 'lanh.dao', roles: ['leader'], unitCode: 'BHXHVN' },
    { username: 'ban.thu', roles: ['unit_officer'], unitCode: 'THU' },
    { username: 'hn.officer', roles: ['province_officer'], unitCode: 'P01' },
    { username: 'khong.thu', roles: ['viewer'], unitCode: 'P79', email: false },
    { username: 'chi.app', roles: ['viewer'], unitCode: 'P48' },
  ];
  for (const { email, ...u } of users) {
    id[u.username] = await t.createUser({
      ...u,
      fullName: `Cán bộ ${u.username}`,
      ...(email === false ? {} : { email: `${u.username}@bhxh.gov.vn` }),
    });
  }
  editor = await t.login('tt.editor');
  const subscribe = async (body: Record<string, unknown>) => {
    const response = await editor.post('/api/review-subscriptions', { kind: 'review', ...body });
    expect(response.statusCode, response.body).toBe(201);
  };
  await subscribe({ userId: id['lanh.dao'] });
  await subscribe({ userId: id['ban.thu'], sections: ['risk'] });
  await subscribe({ userId: id['hn.officer'], provinceIds: [await t.unitId('P01')] });
  await subscribe({ userId: id['hn.officer'], kind: 'bulletin' });
  await subscribe({ userId: id['khong.thu'] });
  await subscribe({ userId: id['chi.app'], email: false });
});
afterAll(async () => {
  await t?.close();
  await catcher?.close();
});

/** A draft edition of the Communication Center for `day`, approved by the editor; its id. */
async function approvedEdition(day: string, kind: 'review' | 'bulletin' = 'review', app = t.app): Promise<string> {
  const reviewId = await insertEdition(t, { kind, day, entries: ENTRIES });
  const response = await app.inject({
    method: 'POST',
    url: `/api/${kind === 'review' ? 'reviews' : 'bulletins'}/${reviewId}/approve`,
    payload: { version: 1 },
    headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrfToken },
  });
  expect(response.statusCode, response.body).toBe(200);
  return reviewId;
}
const deliveriesOf = async (reviewId: string, session = editor, base = '/api/reviews') => {
  const response = await session.get(`${base}/${reviewId}/deliveries?pageSize=100&sort=user`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TPage<TReviewDelivery>>().items;
};
const deliveryTo = async (reviewId: string, username: string, base = '/api/reviews') =>
  (await deliveriesOf(reviewId, editor, base)).find((d) => d.user.id === id[username])!;
const mailsTo = (username: string, subject: string): CaughtMail[] =>
  catcher.messages.filter((m) => m.envelopeTo.includes(`${username}@bhxh.gov.vn`) && m.subject === subject);
const deliver = (deliveryId: string) => t.services.reviewDelivery.processDelivery(deliveryId);

async function sendAllPending(reviewId: string, base = '/api/reviews') {
  for (const d of await deliveriesOf(reviewId, editor, base)) if (d.status === 'pending') await deliver(d.id);
}

describe('delivery of an approved edition', () => {
  let reviewId: string;
  const subject = 'Điểm báo ngày 2026-11-01';

  beforeAll(async () => {
    reviewId = await approvedEdition('2026-11-01');
  });

  it('writes one e-mail delivery per subscriber who wants e-mail, in the approval’s transaction', async () => {
    const rows = await deliveriesOf(reviewId);
    expect(rows.map((d) => [d.user.username, d.status, d.toAddress])).toEqual(
      expect.arrayContaining([
        ['lanh.dao', 'pending', 'lanh.dao@bhxh.gov.vn'],
        ['ban.thu', 'pending', 'ban.thu@bhxh.gov.vn'],
        ['hn.officer', 'pending', 'hn.officer@bhxh.gov.vn'],
        ['khong.thu', 'failed', null],
      ]),
    );
    expect(rows).toHaveLength(4);
    expect(rows.find((d) => d.user.username === 'khong.thu')!.lastError).toMatch(/chưa có địa chỉ thư điện tử/);
    const { rows: events } = await t.db.pool.query<{ action: string; xmin: string; after: { emails: number } }>(
      `SELECT action, xmin::text, after FROM audit_events WHERE entity_id = $1 ORDER BY seq`,
      [reviewId],
    );
    expect(events.map((e) => e.action)).toEqual(['approve', 'deliver']);
    expect(events[0]!.xmin).toBe(events[1]!.xmin);
    expect(events[1]!.after.emails).toBe(4);
  });

  it('notifies every subscriber in the app, with no second e-mail announcing the edition', async () => {
    const { rows } = await t.db.pool.query<{ user_id: string; link: string }>(
      `SELECT user_id, link FROM notifications WHERE kind = 'press_review' AND entity_id = $1`,
      [reviewId],
    );
    const subscribers = ['lanh.dao', 'ban.thu', 'hn.officer', 'khong.thu', 'chi.app'].map((u) => id[u]);
    expect(rows.map((r) => r.user_id).sort()).toEqual([...subscribers].sort());
    expect(new Set(rows.map((r) => r.link))).toEqual(new Set([`/reviews/${reviewId}`]));
    const { rows: outbox } = await t.db.pool.query(`SELECT 1 FROM email_outbox WHERE dedupe_key = $1`, [
      `press_review:${reviewId}`,
    ]);
    expect(outbox).toEqual([]);
  });

  it('sends each recipient their own copy: HTML, text, the PDF and the DOCX, filtered by their choice', async () => {
    await sendAllPending(reviewId);
    const [leader] = mailsTo('lanh.dao', subject);
    expect(leader!.html).toContain('<html lang="vi">');
    expect(leader!.text).toContain('1. Giả danh cán bộ BHXH gọi điện lừa đảo');
    expect(leader!.text).toContain(`${PUBLIC_URL}/reviews/${reviewId}`);
    expect(leader!.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['diem-bao-2026-11-01.pdf', 'application/pdf'],
      ['diem-bao-2026-11-01.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ]);
    expect(leader!.attachments[0]!.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(leader!.attachments[1]!.content.subarray(0, 2).toString('latin1')).toBe('PK');
    for (const headline of ['Tăng lương hưu từ ngày 01/7', 'Hà Nội đối thoại', 'Đà Nẵng cấp thẻ BHYT'])
      expect(leader!.text).toContain(headline);
    expect(leader!.text).not.toContain('Tin bị biên tập viên bỏ ra');

    const [risksOnly] = mailsTo('ban.thu', subject);
    expect(risksOnly!.text).toContain('Giả danh cán bộ BHXH gọi điện lừa đảo');
    expect(risksOnly!.text).not.toContain('Tăng lương hưu từ ngày 01/7');
    const [hanoiOnly] = mailsTo('hn.officer', subject);
    expect(hanoiOnly!.html).toContain('Hà Nội đối thoại chính sách với doanh nghiệp');
    expect(hanoiOnly!.html).not.toContain('Đà Nẵng cấp thẻ BHYT');
    expect(mailsTo('chi.app', subject)).toEqual([]);

    const sent = await deliveryTo(reviewId, 'lanh.dao');
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(sent.sentAt).not.toBeNull();
  });

  it('never sends twice: the job run again, two jobs at once, a second approval', async () => {
    const leader = await deliveryTo(reviewId, 'lanh.dao');
    expect(await deliver(leader.id)).toBe('skipped');
    const again = await editor.post(`/api/reviews/${reviewId}/approve`, { version: 2 });
    expect(again.statusCode).toBe(409);
    expect(await deliveriesOf(reviewId)).toHaveLength(4);
    expect(mailsTo('lanh.dao', subject)).toHaveLength(1);

    const other = await approvedEdition('2026-11-02');
    const pending = await deliveryTo(other, 'lanh.dao');
    expect(await t.services.reviewDelivery.findDeliveriesToQueue()).toContain(pending.id);
    const outcomes = await Promise.all([deliver(pending.id), deliver(pending.id)]);
    expect(outcomes.sort()).toEqual(['sent', 'skipped']);
    expect(mailsTo('lanh.dao', 'Điểm báo ngày 2026-11-02')).toHaveLength(1);
    expect(await t.services.reviewDelivery.findDeliveriesToQueue()).not.toContain(pending.id);
  });

  it('records the first reading in the app; a recipient who does not edit sees only their own delivery', async () => {
    const reader = await t.login('hn.officer');
    expect((await reader.post(`/api/reviews/${reviewId}/read`)).statusCode).toBe(204);
    const own = await deliveriesOf(reviewId, reader);
    expect(own.map((d) => d.user.username)).toEqual(['hn.officer']);
    expect(own[0]!.readAt).not.toBeNull();
    expect((await deliveryTo(reviewId, 'lanh.dao')).readAt).toBeNull();
    expect((await reader.post(`/api/bulletins/${reviewId}/read`)).statusCode).toBe(404);
    // Leaders approve editions: they see every recipient's status.
    expect(await deliveriesOf(reviewId, await t.login('lanh.dao'))).toHaveLength(4);
  });
});

describe('retries', () => {
  it('tries a refused send again and sends it once', async () => {
    const bulletinId = await approvedEdition('2026-11-03', 'bulletin');
    const delivery = await deliveryTo(bulletinId, 'hn.officer', '/api/bulletins');
    catcher.refuseNext(1);
    await expect(deliver(delivery.id)).rejects.toThrow(/451/);
    expect(await deliveryTo(bulletinId, 'hn.officer', '/api/bulletins')).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringContaining('Mailbox busy'),
    });
    expect(await deliver(delivery.id)).toBe('sent');
    const mails = mailsTo('hn.officer', 'Thông tin báo chí – Bản tin 24 giờ ngày 2026-11-03');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.attachments.map((a) => a.filename)).toEqual([
      'ban-tin-24h-2026-11-03.pdf',
      'ban-tin-24h-2026-11-03.docx',
    ]);
    expect(mails[0]!.text).toContain('Đề nghị BHXH các tỉnh, thành phố theo dõi');
  });

  it('keeps a recipient without an address failed until one is set, then sends on retry (audited)', async () => {
    const reviewId = await approvedEdition('2026-11-04');
    const failed = await deliveryTo(reviewId, 'khong.thu');
    const url = `/api/reviews/${reviewId}/deliveries/${failed.id}/retry`;
    const refused = await editor.post(url);
    expect([refused.statusCode, refused.json<TProblem>().code]).toEqual([409, 'review_delivery.no_address']);

    await t.db.pool.query(`UPDATE users SET email = 'khong.thu@bhxh.gov.vn' WHERE id = $1`, [id['khong.thu']]);
    const outsider = await t.login('hn.officer');
    expect((await outsider.post(url)).statusCode).toBe(403);
    const seq = await t.lastAuditSeq();
    const retried = await editor.post(url);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0, toAddress: 'khong.thu@bhxh.gov.vn' });
    expect(await t.auditSince(seq)).toEqual([
      expect.objectContaining({ action: 'retry', entity_type: 'review_delivery', entity_id: failed.id }),
    ]);
    expect(await deliver(failed.id)).toBe('sent');
    expect(mailsTo('khong.thu', 'Điểm báo ngày 2026-11-04')).toHaveLength(1);
    const sentAgain = await editor.post(url);
    expect([sentAgain.statusCode, sentAgain.json<TProblem>().code]).toEqual([409, 'review_delivery.not_retryable']);
    await t.db.pool.query(`UPDATE users SET email = NULL WHERE id = $1`, [id['khong.thu']]);
  });

  it('an unreachable SMTP server: the delivery stays pending with the error, then failed, never lost', async () => {
    const reviewId = await approvedEdition('2026-11-05');
    const delivery = await deliveryTo(reviewId, 'lanh.dao');
    const down = compose(t.db.db, { sessionHours: 12, smtpUrl: `smtp://127.0.0.1:${await closedPort()}` });
    for (let attempt = 1; attempt < MAX_DELIVERY_ATTEMPTS; attempt++) {
      await expect(down.reviewDelivery.processDelivery(delivery.id)).rejects.toThrow(/ECONNREFUSED/);
      expect(await deliveryTo(reviewId, 'lanh.dao')).toMatchObject({
        status: 'pending',
        attempts: attempt,
        lastError: expect.stringContaining('ECONNREFUSED'),
      });
    }
    expect(await down.reviewDelivery.processDelivery(delivery.id)).toBe('failed');
    expect(await deliveryTo(reviewId, 'lanh.dao')).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS });
    expect(mailsTo('lanh.dao', 'Điểm báo ngày 2026-11-05')).toEqual([]);

    // The server is back: an editor sends it again.
    const retried = await editor.post(`/api/reviews/${reviewId}/deliveries/${delivery.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(await deliver(delivery.id)).toBe('sent');
    expect(mailsTo('lanh.dao', 'Điểm báo ngày 2026-11-05')).toHaveLength(1);
  });

  it('holds the e-mails while no SMTP server is configured, and refuses to retry them until one is', async () => {
    const noMail = await buildApp({ services: compose(t.db.db, { sessionHours: 12 }), pingDatabase: async () => {} });
    try {
      const reviewId = await approvedEdition('2026-11-06', 'review', noMail);
      const held = await deliveryTo(reviewId, 'lanh.dao');
      expect(held.status).toBe('held');
      const url = `/api/reviews/${reviewId}/deliveries/${held.id}/retry`;
      const headers = { cookie: editor.cookie, 'x-csrf-token': editor.csrfToken };
      const refused = await noMail.inject({ method: 'POST', url, headers });
      expect([refused.statusCode, refused.json<TProblem>().code]).toEqual([409, 'notification.smtp_not_configured']);
      expect((await editor.post(url)).statusCode).toBe(200);
      expect(await deliver(held.id)).toBe('sent');
    } finally {
      await noMail.close();
    }
  });
});

describe('the send job on the real queue', () => {
  it('is queued by the approval and sends every pending e-mail once', async () => {
    const quiet = { error: () => undefined, info: () => undefined };
    const jobs = await startJobs({ connectionString: t.db.url, schedule: false, log: quiet, pollingSeconds: 0.5 });
    try {
      await jobs.work(jobDefinitions(t.services, jobs));
      const reviewId = await approvedEdition('2026-11-07');
      await waitFor(async () => (await deliveriesOf(reviewId)).filter((d) => d.status === 'pending').length === 0);
      expect(mailsTo('lanh.dao', 'Điểm báo ngày 2026-11-07')).toHaveLength(1);
      expect(mailsTo('ban.thu', 'Điểm báo ngày 2026-11-07')).toHaveLength(1);
    } finally {
      await jobs.stop();
    }
  });
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the deliveries to be sent');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
