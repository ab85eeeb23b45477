import type {
  TContact,
  TContactHistoryEntry,
  TOutlet,
  TPage,
  TPressConference,
  TPressRequest,
  TPressRequestDetail,
} from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let tt: Session;
let thu: Session;
let speaker: Session;
let danang: Session;
let speakerId: string;
let thuUnitId: string;
let laoDong: TOutlet;
let tuoiTre: TOutlet;
let reporter: TContact;
let otherReporter: TContact;
let danangOutlet: TOutlet;

const ok = async <T>(response: Promise<{ statusCode: number; body: string; json<U>(): U }>, status = 200) => {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  return r.json<T>();
};
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const vnToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  const people = [
    ['pl.tt', 'comms_center', 'TT'],
    ['pl.thu', 'unit_officer', 'THU'],
    ['pl.speaker', 'leader', 'THU'],
    ['pl.danang', 'province_officer', 'P48'],
  ] as const;
  const ids: string[] = [];
  for (const [username, role, unitCode] of people)
    ids.push(await t.createUser({ username, roles: [role], unitCode, fullName: `Cán bộ ${username}` }));
  speakerId = ids[2]!;
  thuUnitId = await t.unitId('THU');
  [tt, thu, speaker, danang] = (await Promise.all(people.map(([username]) => t.login(username)))) as [
    Session,
    Session,
    Session,
    Session,
  ];
  const outlet = (session: Session, name: string, area: string) =>
    ok<TOutlet>(session.post('/api/press/outlets', { name, kind: 'newspaper', area }), 201);
  const contact = (outletId: string, fullName: string) =>
    ok<TContact>(tt.post('/api/press/contacts', { outletId, fullName, role: 'journalist' }), 201);
  laoDong = await outlet(tt, 'Báo Lao Động', 'national');
  tuoiTre = await outlet(tt, 'Báo Tuổi Trẻ', 'national');
  danangOutlet = await outlet(danang, 'Báo Đà Nẵng', '48');
  reporter = await contact(laoDong.id, 'Trần Thị Phóng Viên');
  otherReporter = await contact(tuoiTre.id, 'Lê Văn Nhà Báo');
});
afterAll(async () => t?.close());

let serial = 0;
const request = (extra: Record<string, unknown>) =>
  tt.post('/api/press/requests', {
    outletName: 'Báo Lao Động',
    journalistName: 'Trần Thị Phóng Viên',
    topic: `Chậm đóng BHXH ${(serial += 1)}`,
    questions: 'Biện pháp xử lý?',
    receivedAt: hoursFromNow(-1),
    deadline: hoursFromNow(48),
    ...extra,
  });
const historyOf = (contactId: string) => ok<TContactHistoryEntry[]>(tt.get(`/api/press/contacts/${contactId}/history`));

describe('press requests linked to the media database', () => {
  it('refuses a contact of another outlet, a contact without outlet and an outlet out of scope', async () => {
    const before = await t.db.pool.query('SELECT count(*)::int AS n FROM press_requests');
    const wrong = await request({ outletId: laoDong.id, contactId: otherReporter.id });
    expect(wrong.statusCode).toBe(422);
    expect(fieldsOf(wrong.json())).toEqual(['contactId:press.contact_outlet']);
    // A contact without its outlet fails the contract itself.
    const orphan = await request({ contactId: reporter.id });
    expect(orphan.statusCode).toBe(400);
    expect(fieldsOf(orphan.json())).toEqual(['contactId:press.contact_outlet']);
    const outOfScope = await request({ outletId: danangOutlet.id });
    expect(outOfScope.statusCode).toBe(422);
    expect(fieldsOf(outOfScope.json())).toEqual(['outletId:validation.invalid_value']);
    const after = await t.db.pool.query('SELECT count(*)::int AS n FROM press_requests');
    expect(after.rows[0]).toEqual(before.rows[0]);
  });

  it('appends an audited contact history entry when a linked request is answered', async () => {
    const created = await ok<TPressRequestDetail>(request({ outletId: laoDong.id, contactId: reporter.id }), 201);
    expect(created).toMatchObject({ outletId: laoDong.id, contactId: reporter.id });
    const routed = await ok<TPressRequestDetail>(
      tt.post(`/api/press/requests/${created.id}/route`, {
        owningUnitId: thuUnitId,
        spokespersonId: speakerId,
        version: created.version,
      }),
    );
    const drafted = await ok<TPressRequestDetail>(
      thu.post(`/api/press/requests/${created.id}/draft`, { draftAnswer: 'Đã xử lý.', version: routed.version }),
    );
    const approved = await ok<TPressRequestDetail>(
      speaker.post(`/api/press/requests/${created.id}/approve`, { version: drafted.version }),
    );
    expect(await historyOf(reporter.id)).toEqual([]);
    const seq = await t.lastAuditSeq();
    const sentOn = vnToday();
    await ok(
      tt.post(`/api/press/requests/${created.id}/answer`, { sentOn, channel: 'phone', version: approved.version }),
    );

    const history = await historyOf(reporter.id);
    expect(history.map((h) => [h.contactedOn, h.channel, h.summary, h.officer.name])).toEqual([
      [sentOn, 'call', `Trả lời yêu cầu: ${created.topic}`, 'Cán bộ pl.tt'],
    ]);
    const audit = await t.auditSince(seq);
    expect(audit.map((a) => [a.action, a.entity_type, a.entity_id])).toEqual([
      ['log_contact', 'press_contact', reporter.id],
      ['answer', 'press_request', created.id],
    ]);
    expect(audit[0]!.after).toMatchObject({ channel: 'call', pressRequestId: created.id });
    expect(await historyOf(otherReporter.id)).toEqual([]);
  });

  it('logs a declined request as e-mail, and nothing for a request without contact', async () => {
    const linked = await ok<TPressRequestDetail>(request({ outletId: tuoiTre.id, contactId: otherReporter.id }), 201);
    const free = await ok<TPressRequestDetail>(request({ outletId: tuoiTre.id }), 201);
    for (const r of [linked, free])
      await ok(tt.post(`/api/press/requests/${r.id}/decline`, { reason: 'Ngoài phạm vi', version: r.version }));
    const history = await historyOf(otherReporter.id);
    expect(history.map((h) => [h.channel, h.summary])).toEqual([['email', `Từ chối yêu cầu: ${linked.topic}`]]);
    const { rows } = await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM press_contact_history');
    expect(rows[0]!.n).toBe(2);
  });

  it("lists a contact's and an outlet's requests", async () => {
    const byContact = await ok<TPage<TPressRequest>>(tt.get(`/api/press/requests?contactId=${reporter.id}`));
    expect(byContact.items.map((r) => r.contactId)).toEqual([reporter.id]);
    const byOutlet = await ok<TPage<TPressRequest>>(tt.get(`/api/press/requests?outletId=${tuoiTre.id}`));
    expect(byOutlet.total).toBe(2);
    expect(byOutlet.items.every((r) => r.outletId === tuoiTre.id)).toBe(true);
    const hidden = await ok<TPage<TPressRequest>>(danang.get(`/api/press/requests?contactId=${reporter.id}`));
    expect(hidden.total).toBe(0);
  });
});

describe('press conferences linked to the media database', () => {
  it('keeps linked invitees and coverage, refusing a contact of another outlet on its row', async () => {
    const base = {
      title: 'Hội nghị cung cấp thông tin quý II/2026',
      heldAt: hoursFromNow(72),
      place: 'Trụ sở BHXH Việt Nam',
      spokespersonIds: [speakerId],
    };
    const bad = await tt.post('/api/press/conferences', {
      ...base,
      invitees: [
        { outletName: 'Báo Lao Động', personName: 'Trần Thị Phóng Viên', outletId: laoDong.id, contactId: reporter.id },
        { outletName: 'Báo Lao Động', personName: 'Lê Văn Nhà Báo', outletId: laoDong.id, contactId: otherReporter.id },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad.json())).toEqual(['invitees.1.contactId:press.contact_outlet']);

    const created = await ok<TPressConference>(
      tt.post('/api/press/conferences', {
        ...base,
        invitees: [
          {
            outletName: 'Báo Lao Động',
            personName: 'Trần Thị Phóng Viên',
            outletId: laoDong.id,
            contactId: reporter.id,
          },
          { outletName: 'VTV1' },
        ],
      }),
      201,
    );
    expect(created.invitees).toEqual([
      { outletName: 'Báo Lao Động', personName: 'Trần Thị Phóng Viên', outletId: laoDong.id, contactId: reporter.id },
      { outletName: 'VTV1', personName: '', outletId: null, contactId: null },
    ]);
    const coverage = await tt.patch(`/api/press/conferences/${created.id}`, {
      version: created.version,
      coverage: [
        { url: 'https://dn.vn/bai-1', outletName: 'Báo Đà Nẵng', publishedOn: '2026-04-02', outletId: danangOutlet.id },
      ],
    });
    expect(coverage.statusCode).toBe(422);
    expect(fieldsOf(coverage.json())).toEqual(['coverage.0.outletId:validation.invalid_value']);
  });
});
