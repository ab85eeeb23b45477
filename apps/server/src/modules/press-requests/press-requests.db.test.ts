import ExcelJS from 'exceljs';
import type { TPage, TPressConference, TPressRequest, TPressRequestDetail, TStoredFile } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let tt: Session;
let thu: Session;
let speaker: Session;
let hanoi: Session;
let danang: Session;
let speakerId: string;
let thuOfficerId: string;
let units: Record<'THU' | 'P01' | 'P48' | 'D001' | 'TT', string>;

beforeAll(async () => {
  t = await createTestApp();
  const people = [
    ['pr.tt', 'comms_center', 'TT'],
    ['pr.thu', 'unit_officer', 'THU'],
    ['pr.speaker', 'leader', 'THU'],
    ['pr.hanoi', 'province_officer', 'P01'],
    ['pr.danang', 'province_officer', 'P48'],
  ] as const;
  const ids: string[] = [];
  for (const [username, role, unitCode] of people)
    ids.push(await t.createUser({ username, roles: [role], unitCode, fullName: `Cán bộ ${username}` }));
  [, thuOfficerId, speakerId] = ids as [string, string, string];
  [tt, thu, speaker, hanoi, danang] = (await Promise.all(people.map(([username]) => t.login(username)))) as [
    Session,
    Session,
    Session,
    Session,
    Session,
  ];
  const codes = ['THU', 'P01', 'P48', 'D001', 'TT'] as const;
  const found = await Promise.all(codes.map((code) => t.unitId(code)));
  units = Object.fromEntries(codes.map((code, i) => [code, found[i]!])) as typeof units;
});
afterAll(async () => t?.close());

const ok = async <T>(response: Promise<{ statusCode: number; body: string; json<U>(): U }>, status = 200) => {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  return r.json<T>();
};
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
const notificationsOf = async (username: string) =>
  (
    await t.db.pool.query<{ title_vi: string; link: string | null }>(
      `SELECT n.title_vi, n.link FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE u.username = $1 ORDER BY n.created_at, n.id`,
      [username],
    )
  ).rows;

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
let serial = 0;
const receive = (session: Session, extra: Record<string, unknown> = {}) =>
  ok<TPressRequestDetail>(
    session.post('/api/press/requests', {
      outletName: 'Báo Lao Động',
      journalistName: 'Trần Thị Phóng Viên',
      journalistPhone: '0912 345 678',
      journalistEmail: 'pv@laodong.vn',
      topic: `Chậm đóng BHXH tại doanh nghiệp ${(serial += 1)}`,
      questions: '1. Số doanh nghiệp chậm đóng? 2. Biện pháp xử lý?',
      receivedAt: hoursFromNow(-1),
      deadline: hoursFromNow(48),
      ...extra,
    }),
    201,
  );

describe('press requests', () => {
  it('runs receive → route → draft → approve → answer, audited and notified', async () => {
    const seq = await t.lastAuditSeq();
    const created = await receive(tt);
    expect(created).toMatchObject({ status: 'received', receivingUnit: { code: 'TT' }, overdue: false });
    expect(created.can).toMatchObject({ route: true, draft: false, approve: false });

    const routed = await ok<TPressRequestDetail>(
      tt.post(`/api/press/requests/${created.id}/route`, {
        owningUnitId: units.THU,
        spokespersonId: speakerId,
        note: 'Ban Thu chủ trì, Phó Tổng Giám đốc phát ngôn',
        version: created.version,
      }),
    );
    expect(routed).toMatchObject({ status: 'routed', owningUnit: { code: 'THU' }, spokesperson: { id: speakerId } });
    expect((await notificationsOf('pr.speaker')).at(-1)?.link).toBe(`/press/requests/${created.id}`);
    expect((await notificationsOf('pr.thu')).at(-1)?.title_vi).toContain('Ban Thu');

    const drafted = await ok<TPressRequestDetail>(
      thu.post(`/api/press/requests/${created.id}/draft`, {
        draftAnswer: 'Năm 2025 có 1.200 doanh nghiệp chậm đóng; BHXH đã phối hợp thanh tra.',
        version: routed.version,
      }),
    );
    expect(drafted).toMatchObject({ status: 'drafted', draftedBy: 'Cán bộ pr.thu' });
    expect((await notificationsOf('pr.speaker')).at(-1)?.title_vi).toContain('chờ duyệt');

    // The Communication Center cannot approve: it is neither spokesperson nor leader.
    expect((await tt.post(`/api/press/requests/${created.id}/approve`, { version: drafted.version })).statusCode).toBe(
      403,
    );
    const approved = await ok<TPressRequestDetail>(
      speaker.post(`/api/press/requests/${created.id}/approve`, { version: drafted.version }),
    );
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'Cán bộ pr.speaker' });

    const early = await tt.post(`/api/press/requests/${created.id}/answer`, {
      sentOn: '2000-01-01',
      channel: 'email',
      version: approved.version,
    });
    expect(fieldsOf(early.json())).toEqual(['sentOn:press.sent_before_received']);
    const sentOn = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const answered = await ok<TPressRequestDetail>(
      tt.post(`/api/press/requests/${created.id}/answer`, { sentOn, channel: 'email', version: approved.version }),
    );
    expect(answered).toMatchObject({ status: 'answered', answerSentOn: sentOn, answerChannel: 'email' });
    expect(answered.steps.map((s) => s.kind)).toEqual(['receive', 'route', 'draft', 'approve', 'answer']);
    expect((await notificationsOf('pr.thu')).at(-1)?.title_vi).toContain('Đã gửi trả lời');

    const audit = (await t.auditSince(seq)).filter((a) => a.entity_type === 'press_request');
    expect(audit.map((a) => a.action)).toEqual(['receive', 'route', 'draft', 'approve', 'answer']);
    expect(audit.every((a) => a.entity_id === created.id && a.org_unit_id === units.TT)).toBe(true);
    expect(audit[3]!.after).toMatchObject({ status: 'approved', approvedBy: speakerId, draftedBy: thuOfficerId });
  });

  it('never lets the drafter approve their own draft, and returns it for rework', async () => {
    const created = await receive(tt);
    const routed = await ok<TPressRequestDetail>(
      tt.post(`/api/press/requests/${created.id}/route`, {
        owningUnitId: units.THU,
        // The officer is designated spokesperson and drafts too: still cannot approve their own draft.
        spokespersonId: thuOfficerId,
        version: created.version,
      }),
    );
    const drafted = await ok<TPressRequestDetail>(
      thu.post(`/api/press/requests/${created.id}/draft`, { draftAnswer: 'Tôi tự soạn.', version: routed.version }),
    );
    expect(drafted.can.approve).toBe(false);
    const seq = await t.lastAuditSeq();
    const self = await thu.post(`/api/press/requests/${created.id}/approve`, { version: drafted.version });
    expect(self.statusCode).toBe(400);
    expect(fieldsOf(self.json())).toEqual(['version:press.self_approval']);
    expect(await t.auditSince(seq)).toEqual([]);

    const blank = await thu.post(`/api/press/requests/${created.id}/return`, { comment: ' ', version: 3 });
    expect(fieldsOf(blank.json())).toEqual(['comment:validation.required']);
    const returned = await ok<TPressRequestDetail>(
      tt.post(`/api/press/requests/${created.id}/return`, {
        comment: 'Cần số liệu cập nhật',
        version: drafted.version,
      }),
    );
    expect(returned.status).toBe('routed');
    const declined = await ok<TPressRequestDetail>(
      tt.post(`/api/press/requests/${created.id}/decline`, {
        reason: 'Vụ việc đang thanh tra',
        version: returned.version,
      }),
    );
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'Vụ việc đang thanh tra' });
    const late = await tt.post(`/api/press/requests/${created.id}/route`, {
      owningUnitId: units.THU,
      spokespersonId: speakerId,
      version: declined.version,
    });
    expect(late.json<{ code: string }>().code).toBe('press_request.invalid_transition');
  });

  it('keeps provinces apart, routes local press within the province, and lists overdue ones', async () => {
    const local = await receive(hanoi, { receivedAt: hoursFromNow(-30), deadline: hoursFromNow(-2) });
    expect(local.overdue).toBe(true);
    expect((await danang.get(`/api/press/requests/${local.id}`)).statusCode).toBe(404);
    const seen = await ok<TPage<TPressRequest>>(danang.get('/api/press/requests?pageSize=100'));
    expect(seen.items.map((r) => r.id)).not.toContain(local.id);

    const elsewhere = await hanoi.post(`/api/press/requests/${local.id}/route`, {
      owningUnitId: units.P48,
      spokespersonId: speakerId,
      version: local.version,
    });
    expect(fieldsOf(elsewhere.json())).toEqual(['owningUnitId:press.owning_unit']);
    await ok(
      hanoi.post(`/api/press/requests/${local.id}/route`, {
        owningUnitId: units.D001,
        spokespersonId: speakerId,
        version: local.version,
      }),
    );
    const overdue = await ok<TPage<TPressRequest>>(hanoi.get('/api/press/requests?overdue=true&q=doanh%20nghiep'));
    expect(overdue.items.map((r) => r.id)).toEqual([local.id]);
    const empty = await danang.post('/api/press/requests', {});
    expect(empty.statusCode).toBe(400);
    expect(fieldsOf(empty.json())).toEqual(
      expect.arrayContaining(['outletName:validation.required', 'deadline:validation.invalid_date']),
    );
    const backwards = await danang.post('/api/press/requests', {
      outletName: 'Báo Đà Nẵng',
      journalistName: 'Phan Văn C',
      journalistEmail: 'pv@baodanang.vn',
      topic: 'Cấp thẻ BHYT học sinh',
      questions: 'Tiến độ?',
      receivedAt: hoursFromNow(0),
      deadline: hoursFromNow(-1),
    });
    expect(fieldsOf(backwards.json())).toEqual(['deadline:press.deadline_before_received']);
    // A unit officer does not receive the press: the route gate refuses the role before the body is read.
    const notReceiver = await thu.post('/api/press/requests', { outletName: 'x' });
    expect(notReceiver.statusCode).toBe(403);
    expect(notReceiver.json().code).toBe('access.role_forbidden');

    const due = await t.services.runInTransaction((tx) =>
      t.services.pressRequests.deadlineSource.findDue(tx, new Date()),
    );
    expect(due.find((d) => d.id === local.id)).toMatchObject({
      state: 'missed',
      recipients: { orgUnitIds: [units.D001] },
    });

    const xlsx = await hanoi.get('/api/press/requests/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const topics = book.worksheets[0]!.getColumn(4).values;
    expect(topics).toContain(local.topic);
  });
});

describe('press conferences', () => {
  it('records invitees, materials and coverage, scoped to the host unit', async () => {
    const seq = await t.lastAuditSeq();
    const created = await ok<TPressConference>(
      tt.post('/api/press/conferences', {
        title: 'Hội nghị cung cấp thông tin quý I/2026',
        heldAt: hoursFromNow(72),
        place: 'Trụ sở BHXH Việt Nam, 7 Tràng Thi',
        spokespersonIds: [speakerId],
        invitees: [
          { outletName: 'Báo Nhân Dân', personName: 'Lê Văn B' },
          { outletName: 'VTV1', personName: '' },
        ],
      }),
      201,
    );
    expect(created).toMatchObject({ status: 'planned', hostUnit: { code: 'TT' }, spokespersons: [{ id: speakerId }] });
    expect(created.invitees).toHaveLength(2);

    const pdf = Buffer.from('%PDF-1.7\n% Thông cáo báo chí\n%%EOF\n');
    const material = await ok<TStoredFile>(
      tt.post(`/api/press/conferences/${created.id}/materials`, pdf, {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('Thông cáo.pdf'),
      }),
      201,
    );
    const bad = await tt.patch(`/api/press/conferences/${created.id}`, {
      coverage: [{ url: 'ftp://x', outletName: 'VTV1', publishedOn: '2026-04-01' }],
      version: created.version,
    });
    expect(fieldsOf(bad.json())).toEqual(['coverage.0.url:validation.invalid_url']);
    const held = await ok<TPressConference>(
      tt.patch(`/api/press/conferences/${created.id}`, {
        status: 'held',
        coverage: [{ url: 'https://nhandan.vn/bai-viet', outletName: 'Báo Nhân Dân', publishedOn: '2026-04-01' }],
        version: created.version,
      }),
    );
    expect(held).toMatchObject({ status: 'held', materials: [{ id: material.id, name: 'Thông cáo.pdf' }] });
    expect(held.coverage).toEqual([
      {
        url: 'https://nhandan.vn/bai-viet',
        outletName: 'Báo Nhân Dân',
        publishedOn: '2026-04-01',
        publicationId: null,
        outletId: null,
      },
    ]);
    // The spokesperson reads it; a province does not, nor its materials.
    expect((await speaker.get(`/api/press/conferences/${created.id}`)).statusCode).toBe(200);
    expect((await danang.get(`/api/press/conferences/${created.id}`)).statusCode).toBe(404);
    expect((await danang.get(`/api/press/conferences/${created.id}/materials/${material.id}`)).statusCode).toBe(404);
    const download = await speaker.get(`/api/press/conferences/${created.id}/materials/${material.id}`);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await danang.patch(`/api/press/conferences/${created.id}`, { version: held.version })).statusCode).toBe(
      404,
    );

    const audit = (await t.auditSince(seq)).filter((a) => a.entity_type === 'press_conference');
    expect(audit.map((a) => a.action)).toEqual(['create', 'attach', 'change_status']);
  });
});
