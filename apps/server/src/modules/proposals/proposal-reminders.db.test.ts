import {
  firstOpenProposalMonth,
  nextProposalMonth,
  proposalDeadline,
  proposalMonthLabel,
  viDate,
  type TProposalDetail,
} from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/smtp-catcher.js';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { jobDefinitions } from '../../composition-root.js';
import { addDays, vnToday } from './proposal-reminders.js';

let catcher: SmtpCatcher;
let t: TestApp;
let badinh: Session;
let danang: Session;
let banThu: Session;
const users: Record<string, string> = {};

// The reminders of the first month still open for proposals, so that proposals for it can be made today.
const month = firstOpenProposalMonth(vnToday(new Date()), 20);
const deadline = proposalDeadline(month, 20);
/** 08:00 in Vietnam, `days` before the deadline: when the daily job runs. */
const morningBefore = (days: number) => new Date(`${addDays(deadline, -days)}T08:00:00+07:00`);

beforeAll(async () => {
  catcher = await startSmtpCatcher();
  t = await createTestApp({ smtpUrl: catcher.url, publicUrl: 'https://loa.bhxh.gov.vn' });
  const people = [
    ['thu.officer', 'unit_officer', 'THU'],
    ['hanoi.officer', 'province_officer', 'P01'],
    ['badinh.officer', 'district_officer', 'D001'],
    ['danang.officer', 'province_officer', 'P48'],
    ['danang.viewer', 'viewer', 'P48'],
    ['tt.officer', 'comms_center', 'TT'],
    ['tt.unit', 'unit_officer', 'TT'],
  ] as const;
  for (const [username, role, unitCode] of people) {
    users[username] = await t.createUser({ username, roles: [role], unitCode, email: `${username}@bhxh.gov.vn` });
  }
  [badinh, danang, banThu] = await Promise.all([
    t.login('badinh.officer'),
    t.login('danang.officer'),
    t.login('thu.officer'),
  ]);
});
afterAll(async () => {
  await t?.close();
  await catcher?.close();
});

const propose = async (session: Session) => {
  const response = await session.post('/api/proposals', {
    kind: 'monthly',
    title: `Đề xuất tháng ${proposalMonthLabel(month)} của ${session.user.username}`,
    description: 'Nội dung truyền thông hằng tháng.',
    guidanceYear: 2020,
    themeCodes: ['II.1.a'],
    periodFrom: `${month}-01`,
    periodTo: addDays(`${nextProposalMonth(month)}-01`, -1),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TProposalDetail>();
};
const reminded = async () =>
  (
    await t.db.pool.query<{ username: string; title_vi: string; link: string; kind: string }>(
      `SELECT u.username, n.title_vi, n.link, n.kind FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.dedupe_key LIKE 'proposal-reminder:%' ORDER BY n.created_at, u.username`,
    )
  ).rows;

describe('monthly proposal reminders', () => {
  it('is a daily job of every worker', () => {
    const job = jobDefinitions(t.services, { send: async () => null }).find(
      (definition) => definition.name === 'proposals.monthly-reminder',
    );
    expect(job?.schedule).toBe('0 8 * * *');
  });

  it('reminds, five days before the deadline, the officers of central units and provinces that have not proposed', async () => {
    // Ba Đình's proposal counts for Hà Nội; districts themselves are not reminded.
    await propose(badinh);
    const count = await t.services.proposals.sendMonthlyReminders(morningBefore(5));
    expect(count).toBe(2);
    const rows = await reminded();
    expect(rows.map((r) => r.username).sort()).toEqual(['danang.officer', 'thu.officer']);
    expect(rows[0]).toMatchObject({ kind: 'deadline_approaching', link: '/proposals/mine' });
    expect(rows[0]!.title_vi).toContain(proposalMonthLabel(month));
    expect(rows[0]!.title_vi).toContain(viDate(deadline));
  });

  it('sends each reminder once however often the job runs, and nothing on other days', async () => {
    expect(await t.services.proposals.sendMonthlyReminders(morningBefore(5))).toBe(0);
    expect(await t.services.proposals.sendMonthlyReminders(morningBefore(3))).toBe(0);
    expect(await t.services.proposals.sendMonthlyReminders(morningBefore(0))).toBe(0);
    expect(await reminded()).toHaveLength(2);
  });

  it('reminds again the day before, except units that have proposed since; a withdrawn proposal does not count', async () => {
    await propose(banThu);
    const withdrawn = await propose(danang);
    expect((await danang.post(`/api/proposals/${withdrawn.id}/withdraw`, { version: 1 })).statusCode).toBe(200);
    expect(await t.services.proposals.sendMonthlyReminders(morningBefore(1))).toBe(1);
    const last = (await reminded()).at(-1)!;
    expect(last.username).toBe('danang.officer');
  });

  it('e-mails the reminder to the officer, linking to Loa', async () => {
    const { rows } = await t.db.pool.query<{ id: string }>(
      `SELECT id FROM email_outbox WHERE user_id = $1 AND dedupe_key LIKE 'proposal-reminder:%' ORDER BY created_at`,
      [users['danang.officer']],
    );
    expect(rows).toHaveLength(2);
    expect(await t.services.notifications.deliverOutboxMessage(rows[0]!.id)).toBe('sent');
    const mail = catcher.messages.find((m) => m.envelopeTo.includes('danang.officer@bhxh.gov.vn'));
    expect(mail?.subject).toContain(proposalMonthLabel(month));
    expect(mail?.text).toContain('https://loa.bhxh.gov.vn/proposals/mine');
  });
});
