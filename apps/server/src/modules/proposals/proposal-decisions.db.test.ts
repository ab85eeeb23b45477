import { firstOpenProposalMonth, nextProposalMonth, viDate, type TProposalDetail } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { addDays, vnToday } from './proposal-reminders.js';

let t: TestApp;
let admin: Session;
let comms: Session;
let hanoi: Session;
let badinh: Session;
let danang: Session;
let danangAdmin: Session;
const users: Record<string, string> = {};
const units: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const people = [
    ['tt.officer', 'comms_center', 'TT'],
    ['hanoi.officer', 'province_officer', 'P01'],
    ['hanoi.colleague', 'province_officer', 'P01'],
    ['badinh.officer', 'district_officer', 'D001'],
    ['danang.officer', 'province_officer', 'P48'],
    ['danang.admin', 'admin', 'P48'],
  ] as const;
  for (const [username, role, unitCode] of people) {
    users[username] = await t.createUser({ username, roles: [role], unitCode, email: `${username}@bhxh.gov.vn` });
  }
  const login = (username: string) => t.login(username);
  [admin, comms, hanoi, badinh, danang, danangAdmin] = await Promise.all([
    t.loginAdmin(),
    login('tt.officer'),
    login('hanoi.officer'),
    login('badinh.officer'),
    login('danang.officer'),
    login('danang.admin'),
  ]);
  for (const code of ['P01', 'P48']) units[code] = await t.unitId(code);
});
afterAll(async () => t?.close());

const open = firstOpenProposalMonth(vnToday(new Date()), 20);
const lastDayOf = (month: string) => addDays(`${nextProposalMonth(month)}-01`, -1);
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
const notificationsOf = async (username: string, entityId: string) =>
  (
    await t.db.pool.query<{ kind: string; title_vi: string; body_vi: string | null; link: string }>(
      'SELECT kind, title_vi, body_vi, link FROM notifications WHERE user_id = $1 AND entity_id = $2 ORDER BY created_at',
      [users[username], entityId],
    )
  ).rows;
const calendarItemsOf = async (proposalId: string) =>
  (
    await t.db.pool.query<{
      id: string;
      owner_unit_id: string;
      starts_on: string;
      ends_on: string | null;
      channel_code: string | null;
      form_code: string | null;
      status: string;
      theme_codes: string[];
      guidance_year: number;
    }>(
      `SELECT id, owner_unit_id, starts_on::text, ends_on::text, channel_code, form_code, status, theme_codes, guidance_year
         FROM calendar_items WHERE proposal_id = $1`,
      [proposalId],
    )
  ).rows;

let serial = 0;
const propose = async (session: Session, overrides: Record<string, unknown> = {}) => {
  const response = await session.post('/api/proposals', {
    kind: 'monthly',
    title: `Đề xuất truyền thông BHYT hộ gia đình số ${(serial += 1)}`,
    description: 'Tọa đàm trên truyền hình và loạt bài trên Facebook về BHYT hộ gia đình.',
    guidanceYear: 2020,
    themeCodes: ['II.1.b'],
    audienceCodes: ['I.4'],
    formCodes: ['III.3'],
    channelCodes: ['facebook', 'tv'],
    periodFrom: `${open}-01`,
    periodTo: lastDayOf(open),
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TProposalDetail>();
};

describe('proposal decisions', () => {
  describe('POST /api/proposals/{id}/decline', () => {
    it('needs a reason, is for the Communication Center, and tells the proposer and their unit why', async () => {
      const created = await propose(hanoi);
      expect((await hanoi.post(`/api/proposals/${created.id}/decline`, { version: 1, reason: 'x' })).statusCode).toBe(
        403,
      );
      expect(
        (await danangAdmin.post(`/api/proposals/${created.id}/decline`, { version: 1, reason: 'x' })).statusCode,
      ).toBe(404);
      const blank = await comms.post(`/api/proposals/${created.id}/decline`, { version: 1, reason: '  ' });
      expect(fieldsOf(blank.json())).toEqual(['reason:validation.required']);
      const seq = await t.lastAuditSeq();
      const declined = await comms.post(`/api/proposals/${created.id}/decline`, {
        version: 1,
        reason: 'Trùng nội dung đã có trong kế hoạch tháng',
      });
      expect(declined.statusCode, declined.body).toBe(200);
      expect(declined.json()).toMatchObject({
        status: 'declined',
        decisionNote: 'Trùng nội dung đã có trong kế hoạch tháng',
        decidedBy: { id: users['tt.officer'] },
        actions: [],
      });
      expect((await t.auditSince(seq)).map((a) => a.action)).toEqual(['decline']);
      for (const username of ['hanoi.officer', 'hanoi.colleague']) {
        const [notice] = await notificationsOf(username, created.id);
        expect(notice, username).toMatchObject({
          kind: 'proposal_decision',
          body_vi: 'Lý do: Trùng nội dung đã có trong kế hoạch tháng',
          link: `/proposals/mine?id=${created.id}`,
        });
      }
      expect(await notificationsOf('danang.officer', created.id)).toEqual([]);
    });
  });

  describe('POST /api/proposals/{id}/merge', () => {
    it('merges into another proposal, which lists it; what was merged into the source follows it', async () => {
      const target = await propose(danang, { title: 'Đề xuất gốc của Đà Nẵng' });
      const source = await propose(hanoi);
      const earlier = await propose(badinh);
      expect(
        (await comms.post(`/api/proposals/${earlier.id}/merge`, { version: 1, targetId: source.id })).statusCode,
      ).toBe(200);
      const merged = await comms.post(`/api/proposals/${source.id}/merge`, {
        version: 1,
        targetId: target.id,
        note: 'Cùng chủ đề, gộp để làm một loạt bài',
      });
      expect(merged.statusCode, merged.body).toBe(200);
      expect(merged.json()).toMatchObject({
        status: 'merged',
        mergedInto: { id: target.id, title: target.title },
        decisionNote: 'Cùng chủ đề, gộp để làm một loạt bài',
      });
      const detail = (await comms.get(`/api/proposals/${target.id}`)).json<TProposalDetail>();
      expect(detail.mergedProposals.map((p) => p.id).sort()).toEqual([source.id, earlier.id].sort());
      const [notice] = await notificationsOf('hanoi.officer', source.id);
      expect(notice!.title_vi).toContain(target.title);
    });

    it('refuses itself and a target that is merged, with a field error on targetId', async () => {
      const a = await propose(hanoi);
      const b = await propose(hanoi);
      const c = await propose(hanoi);
      const self = await comms.post(`/api/proposals/${a.id}/merge`, { version: 1, targetId: a.id });
      expect(fieldsOf(self.json())).toEqual(['targetId:validation.merge_self']);
      await comms.post(`/api/proposals/${b.id}/merge`, { version: 1, targetId: c.id });
      const intoMerged = await comms.post(`/api/proposals/${a.id}/merge`, { version: 1, targetId: b.id });
      expect(fieldsOf(intoMerged.json())).toEqual(['targetId:validation.merge_target']);
      const missing = await comms.post(`/api/proposals/${a.id}/merge`, {
        version: 1,
        targetId: '00000000-0000-4000-8000-000000000000',
      });
      expect(fieldsOf(missing.json())).toEqual(['targetId:validation.invalid_value']);
      expect((await hanoi.get(`/api/proposals/${a.id}`)).json()).toMatchObject({ status: 'submitted', version: 1 });
    });
  });
  describe('POST /api/proposals/{id}/accept', () => {
    it('puts the proposal on the calendar in the same transaction, by default over its period and first channel', async () => {
      const created = await propose(hanoi);
      const seq = await t.lastAuditSeq();
      const response = await comms.post(`/api/proposals/${created.id}/accept`, { version: 1 });
      expect(response.statusCode, response.body).toBe(200);
      const accepted = response.json<TProposalDetail>();
      expect(accepted).toMatchObject({
        status: 'accepted',
        decidedBy: { id: users['tt.officer'] },
        decisionNote: null,
        actions: [],
        version: 2,
      });
      const [item] = await calendarItemsOf(created.id);
      expect(accepted.calendarItemId).toBe(item!.id);
      expect(item).toMatchObject({
        owner_unit_id: units.P01,
        starts_on: `${open}-01`,
        ends_on: lastDayOf(open),
        channel_code: 'facebook',
        form_code: 'III.3',
        status: 'planned',
        theme_codes: ['II.1.b'],
        guidance_year: 2020,
      });
      const audit = await t.auditSince(seq);
      expect(audit.map((a) => `${a.entity_type}:${a.action}`).sort()).toEqual([
        'calendar_item:create',
        'proposal:accept',
      ]);
      expect(new Set(audit.map((a) => a.xmin)).size).toBe(1);
      const [notice] = await notificationsOf('hanoi.officer', created.id);
      expect(notice).toMatchObject({ kind: 'proposal_decision', link: `/proposals/mine?id=${created.id}` });
      expect(notice!.title_vi).toContain(viDate(`${open}-01`));
      const calendar = await hanoi.get(`/api/calendar?from=${open}-01&to=${lastDayOf(open)}&proposalId=${created.id}`);
      expect(calendar.statusCode, calendar.body).toBe(200);
      expect(calendar.json().items).toMatchObject([{ kind: 'item', id: item!.id, title: created.title }]);
    });

    it('takes other dates, another channel of the year and a note for the proposer', async () => {
      const created = await propose(badinh);
      const startsOn = `${open}-15`;
      const response = await comms.post(`/api/proposals/${created.id}/accept`, {
        version: 1,
        startsOn,
        endsOn: null,
        channelCode: 'zalo',
        note: 'Đăng trên Zalo OA của Ngành',
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ decisionNote: 'Đăng trên Zalo OA của Ngành' });
      expect(await calendarItemsOf(created.id)).toMatchObject([
        { starts_on: startsOn, ends_on: null, channel_code: 'zalo' },
      ]);
      const [notice] = await notificationsOf('badinh.officer', created.id);
      expect(notice!.body_vi).toBe('Ghi chú: Đăng trên Zalo OA của Ngành');
    });

    it('writes nothing when the channel is unknown, the dates are out of order or the version is stale', async () => {
      const created = await propose(hanoi);
      const channel = await comms.post(`/api/proposals/${created.id}/accept`, { version: 1, channelCode: 'myspace' });
      expect(fieldsOf(channel.json())).toEqual(['channelCode:validation.unknown_guidance_code']);
      const order = await comms.post(`/api/proposals/${created.id}/accept`, {
        version: 1,
        endsOn: addDays(`${open}-01`, -1),
      });
      expect(fieldsOf(order.json())).toEqual(['endsOn:validation.date_order']);
      // The calendar item is written before the version check fails: the rollback must take it back.
      const stale = await comms.post(`/api/proposals/${created.id}/accept`, { version: 7 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('conflict.version');
      expect(await calendarItemsOf(created.id)).toEqual([]);
      expect(await notificationsOf('hanoi.officer', created.id)).toEqual([]);
      expect((await hanoi.get(`/api/proposals/${created.id}`)).json()).toMatchObject({
        status: 'submitted',
        version: 1,
      });
    });

    it('is for the Communication Center and administrators of the scope, once', async () => {
      const created = await propose(hanoi);
      expect((await hanoi.post(`/api/proposals/${created.id}/accept`, { version: 1 })).statusCode).toBe(403);
      expect((await danangAdmin.post(`/api/proposals/${created.id}/accept`, { version: 1 })).statusCode).toBe(404);
      expect((await admin.post(`/api/proposals/${created.id}/accept`, { version: 1 })).statusCode).toBe(200);
      const again = await comms.post(`/api/proposals/${created.id}/accept`, { version: 2 });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('proposal.not_pending');
      expect(await calendarItemsOf(created.id)).toHaveLength(1);
    });

    it('accepts a later proposal into an accepted one by merging', async () => {
      const accepted = await propose(danang);
      await comms.post(`/api/proposals/${accepted.id}/accept`, { version: 1 });
      const later = await propose(hanoi);
      const merged = await comms.post(`/api/proposals/${later.id}/merge`, { version: 1, targetId: accepted.id });
      expect(merged.statusCode, merged.body).toBe(200);
      expect(merged.json()).toMatchObject({ status: 'merged', mergedInto: { id: accepted.id } });
      expect(await calendarItemsOf(later.id)).toEqual([]);
    });
  });
});
