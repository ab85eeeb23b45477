import type { TEvent, TEventDetail, TEventOverride, TImportReport, TProblem, TRestriction } from '@loa/contracts';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let badinh: Session;
let hanoiLeader: Session;
let hanoi: Session;
let danang: Session;
let p01: string;
let d001: string;
let restriction: TRestriction;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'badinh.officer', roles: ['district_officer'], unitCode: 'D001' });
  await t.createUser({ username: 'hanoi.leader', roles: ['leader'], unitCode: 'P01', fullName: 'Lãnh đạo Hà Nội' });
  await t.createUser({ username: 'hanoi.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'danang.officer', roles: ['province_officer'], unitCode: 'P48' });
  [badinh, hanoiLeader, hanoi, danang] = await Promise.all([
    t.login('badinh.officer'),
    t.login('hanoi.leader'),
    t.login('hanoi.officer'),
    t.login('danang.officer'),
  ]);
  [p01, d001] = await Promise.all([t.unitId('P01'), t.unitId('D001')]);
});
afterAll(async () => t?.close());

const dialogue = () => ({
  kind: 'dialogue',
  title: 'Đối thoại chính sách BHXH tự nguyện với hộ kinh doanh phường Điện Biên',
  orgUnitId: d001,
  startsAt: '2030-03-10T08:00:00+07:00',
  endsAt: '2030-03-10T11:00:00+07:00',
  provinceCode: '01',
  districtCode: '001',
  address: 'Nhà văn hóa tổ dân phố 5',
  segments: ['household_business', 'stable_income'],
  partners: ['post_office', 'commune_committee'],
  plannedAttendance: 40,
  costVnd: 4_500_000,
});
const eventCount = async () =>
  (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0]!.n;
const anonymous = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, ...(payload ? { payload } : {}), remoteAddress: '10.1.2.3' });

describe('restrictions', () => {
  it('lets a leader restrict direct forms in the province, and refuses an overlapping one', async () => {
    const seq = await t.lastAuditSeq();
    const created = await hanoiLeader.post('/api/restrictions', {
      orgUnitId: p01,
      startsOn: '2030-03-01',
      endsOn: '2030-03-31',
      basisText: 'Chỉ thị 05/CT-UBND về phòng, chống dịch Covid-19',
    });
    expect(created.statusCode).toBe(201);
    restriction = created.json<TRestriction>();
    expect(restriction.kinds).toContain('dialogue');
    expect(restriction.kinds).toHaveLength(8);
    expect((await t.auditSince(seq)).map((a) => [a.action, a.entity_type])).toEqual([['create', 'restriction']]);

    const overlap = await hanoiLeader.post('/api/restrictions', {
      orgUnitId: p01,
      startsOn: '2030-03-20',
      kinds: ['dialogue'],
      basisText: 'Thông báo của UBND thành phố',
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json<TProblem>().code).toBe('restriction.overlap');
  });

  it('refuses officers and areas outside the leader’s scope', async () => {
    const body = { orgUnitId: p01, startsOn: '2030-05-01', basisText: 'x' };
    expect((await hanoi.post('/api/restrictions', body)).statusCode).toBe(403);
    const outside = await hanoiLeader.post('/api/restrictions', { ...body, orgUnitId: await t.unitId('P48') });
    expect(outside.statusCode).toBe(400);
    expect(outside.json<TProblem>().errors?.[0]?.field).toBe('orgUnitId');
  });

  it('is inherited by the district: the active endpoint names it for Ba Đình', async () => {
    const active = await badinh.get(`/api/restrictions/active?unitId=${d001}&at=2030-03-10T01:00:00Z&kind=dialogue`);
    expect(active.json<TRestriction[]>().map((r) => r.id)).toEqual([restriction.id]);
    const after = await badinh.get(`/api/restrictions/active?unitId=${d001}&at=2030-04-10T01:00:00Z&kind=dialogue`);
    expect(after.json<TRestriction[]>()).toEqual([]);
    expect((await danang.get(`/api/restrictions/active?unitId=${d001}`)).statusCode).toBe(404);
  });
});

describe('events and the epidemic rule', () => {
  let event: TEvent;

  it('refuses a district officer’s dialogue during the restriction, naming it, and writes nothing', async () => {
    const before = await eventCount();
    const refused = await badinh.post('/api/events', { ...dialogue(), override: { reason: 'Xin tổ chức' } });
    expect(refused.statusCode).toBe(409);
    const problem = refused.json<TProblem>();
    expect(problem.code).toBe('event.restricted');
    expect(problem.title).toContain('Hà Nội');
    expect(problem.title).toContain('01/03/2030 – 31/03/2030');
    expect(problem.title).toContain('Chỉ thị 05/CT-UBND');
    expect(problem.errors?.map((e) => e.code)).toEqual(['event.restricted_by', 'event.override_leader_only']);
    expect(await eventCount()).toBe(before);
  });

  it('lets the leader go ahead with a written reason, recorded, audited and listed', async () => {
    const noReason = await hanoiLeader.post('/api/events', dialogue());
    expect(noReason.statusCode).toBe(409);
    const seq = await t.lastAuditSeq();
    const reason = 'Địa bàn đã 28 ngày không có ca nhiễm; UBND quận đồng ý bằng văn bản 12/UBND';
    const created = await hanoiLeader.post('/api/events', { ...dialogue(), override: { reason } });
    expect(created.statusCode).toBe(201);
    event = created.json<TEvent>();
    expect(event.status).toBe('planned');
    expect(event.overrides).toMatchObject([
      {
        action: 'create',
        reason,
        by: 'Lãnh đạo Hà Nội',
        restrictions: [{ id: restriction.id, area: restriction.orgUnit.name }],
      },
    ]);
    expect((await t.auditSince(seq)).map((a) => a.action)).toEqual(['create', 'override_restriction']);
    const overrides = (await badinh.get('/api/events/overrides')).json<TEventOverride[]>();
    expect(overrides.map((o) => o.eventId)).toEqual([event.id]);
    const listed = (await badinh.get('/api/events?overridden=true')).json<{ items: TEvent[] }>();
    expect(listed.items.map((e) => e.id)).toEqual([event.id]);
  });

  it('keeps events of other provinces out of reach', async () => {
    expect((await danang.get(`/api/events/${event.id}`)).statusCode).toBe(404);
    expect((await danang.get('/api/events')).json<{ total: number }>().total).toBe(0);
    const patch = await danang.patch(`/api/events/${event.id}`, { version: event.version, title: 'x' });
    expect(patch.statusCode).toBe(404);
  });

  it('refuses a place outside the organiser’s territory', async () => {
    const outside = await badinh.post('/api/events', {
      ...dialogue(),
      startsAt: '2030-06-10T08:00:00+07:00',
      endsAt: null,
      provinceCode: '48',
      districtCode: null,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json<TProblem>().errors).toMatchObject([
      { field: 'provinceCode', code: 'event.place_outside_territory' },
    ]);
  });

  it('counts QR check-ins without a session; forged or closed codes are refused', async () => {
    const opened = await badinh.post(`/api/events/${event.id}/check-in`, { hours: 4 });
    expect(opened.statusCode).toBe(200);
    const { token } = opened.json<{ token: string }>();
    const info = await anonymous('GET', `/api/public/check-in/${token}`);
    expect(info.json()).toMatchObject({ title: event.title, organiser: event.orgUnit.name });
    const first = await anonymous('POST', `/api/public/check-in/${token}`, {
      fullName: 'Nguyễn Thị Hoa',
      phone: '0912 345 678',
      sex: 'female',
      segment: 'household_business',
    });
    expect(first.json()).toEqual({ counted: true, attendance: 1 });
    const again = await anonymous('POST', `/api/public/check-in/${token}`, {
      fullName: 'Hoa',
      phone: '0912345678',
      sex: 'female',
    });
    expect(again.json()).toEqual({ counted: false, attendance: 1 });
    await anonymous('POST', `/api/public/check-in/${token}`, { fullName: 'Trần Văn Nam', sex: 'male' });
    const forged = `${token.slice(0, -3)}${token.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    expect((await anonymous('POST', `/api/public/check-in/${forged}`, { fullName: 'X', sex: 'male' })).statusCode).toBe(
      410,
    );
    expect((await badinh.delete(`/api/events/${event.id}/check-in`)).statusCode).toBe(204);
    expect((await anonymous('GET', `/api/public/check-in/${token}`)).statusCode).toBe(410);
    const detail = (await badinh.get(`/api/events/${event.id}`)).json<TEventDetail>();
    expect(detail.attendance).toMatchObject({
      total: 2,
      checkedIn: 2,
      male: 1,
      female: 1,
      bySegment: { household_business: 1 },
    });
    event = detail;
  });

  it('is held (the override still covers it) and reported with 12 new voluntary participants', async () => {
    const held = await badinh.post(`/api/events/${event.id}/status`, { to: 'held', version: event.version });
    expect(held.statusCode).toBe(200);
    event = held.json<TEvent>();
    const figures = {
      extraAttendance: 8,
      extraMale: 3,
      extraFemale: 5,
      questionsRaised: 9,
      questionsAnswered: 9,
      newVoluntary: 12,
      newHouseholdBhyt: 3,
    };
    const implausible = await badinh.patch(`/api/events/${event.id}`, { ...figures, version: event.version });
    expect(implausible.statusCode).toBe(422);
    expect(implausible.json<TProblem>().errors).toMatchObject([
      { field: 'newVoluntary', code: 'event.outcomes_exceed_attendance' },
    ]);
    const absurd = await badinh.patch(`/api/events/${event.id}`, {
      ...figures,
      extraAttendance: 5_000_000,
      version: event.version,
    });
    expect(absurd.json<TProblem>().errors?.[0]).toMatchObject({ field: 'extraAttendance', code: 'metric.absurd' });
    const saved = await badinh.patch(`/api/events/${event.id}`, {
      ...figures,
      extraAttendance: 20,
      version: event.version,
    });
    expect(saved.statusCode).toBe(200);
    event = saved.json<TEvent>();
    expect(event.attendance.total).toBe(22);
    const seq = await t.lastAuditSeq();
    const reported = await badinh.post(`/api/events/${event.id}/status`, { to: 'reported', version: event.version });
    expect(reported.statusCode).toBe(200);
    expect(reported.json<TEvent>()).toMatchObject({
      status: 'reported',
      outcomes: { voluntary: 12, householdBhyt: 3 },
    });
    expect((await t.auditSince(seq)).map((a) => [a.action, a.entity_type])).toEqual([['change_status', 'event']]);
    const locked = await badinh.patch(`/api/events/${event.id}`, { version: event.version + 1, title: 'Sửa' });
    expect(locked.json<TProblem>().code).toBe('event.locked');
  });

  it('counts towards plan progress: held events, people reached and new participants', async () => {
    const { rows } = await t.db.pool.query<{ path: string }>('SELECT path FROM org_units WHERE id = $1', [p01]);
    const query = {
      year: 2030,
      from: '2030-01-01',
      to: '2030-12-31',
      themeCode: null,
      audienceCode: null,
      units: [{ id: p01, path: rows[0]!.path }],
    };
    const sources = new Map(t.services.events.progressSources());
    expect((await sources.get('events')!(t.db.db, query)).get(p01)).toBe(1);
    expect((await sources.get('people_reached')!(t.db.db, query)).get(p01)).toBe(22);
    expect((await sources.get('voluntary_participants')!(t.db.db, query)).get(p01)).toBe(12);
    expect((await sources.get('household_bhyt_participants')!(t.db.db, query)).get(p01)).toBe(3);
    const other = (await sources.get('events')!(t.db.db, { ...query, from: '2031-01-01', to: '2031-12-31' })).get(p01);
    expect(other).toBe(0);
  });

  it('once lifted (recorded and audited), the restriction no longer blocks', async () => {
    const seq = await t.lastAuditSeq();
    const lifted = await hanoiLeader.post(`/api/restrictions/${restriction.id}/lift`, {
      version: restriction.version,
      reason: 'UBND thành phố công bố hết dịch',
    });
    expect(lifted.statusCode).toBe(200);
    expect(lifted.json<TRestriction>().lifted).toMatchObject({
      by: 'Lãnh đạo Hà Nội',
      reason: 'UBND thành phố công bố hết dịch',
    });
    expect((await t.auditSince(seq)).map((a) => a.action)).toEqual(['lift']);
    const again = await hanoiLeader.post(`/api/restrictions/${restriction.id}/lift`, {
      version: restriction.version + 1,
      reason: 'x',
    });
    expect(again.json<TProblem>().code).toBe('restriction.lifted');
    // The dialogue takes place after the lifting: nothing blocks it now.
    const later = await badinh.post('/api/events', {
      ...dialogue(),
      startsAt: '2031-03-10T08:00:00+07:00',
      endsAt: null,
    });
    expect(later.statusCode).toBe(201);
  });
});

describe('outcome lists from Excel', () => {
  async function sheet(rows: (string | number | null)[][]): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Người tham gia');
    ws.addRow(['Loại tham gia', 'Họ và tên', 'Mã số BHXH', 'Năm sinh', 'Số điện thoại', 'Địa chỉ']);
    for (const row of rows) ws.addRow(row);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it('reports every bad row and writes nothing; a good list replaces the old one and raises the counts', async () => {
    const created = (
      await badinh.post('/api/events', { ...dialogue(), startsAt: '2031-05-10T08:00:00+07:00', endsAt: null })
    ).json<TEvent>();
    const url = `/api/events/${created.id}/participants/import`;
    const bad = await badinh.post(
      url,
      await sheet([
        ['BHXH tự nguyện', 'Lê Văn A', '0123456789', 1975, '0912000111', null],
        ['Khác', 'Lê Văn B', '12', null, null, null],
        ['BHYT hộ gia đình', 'Lê Thị C', '0123456789', null, null, null],
      ]),
      { 'content-type': XLSX },
    );
    expect(bad.statusCode).toBe(422);
    const report = bad.json<TImportReport>();
    expect(report.applied).toBe(false);
    expect(report.rejected.map((r) => [r.row, r.field])).toEqual([
      [3, 'program'],
      [3, 'insuranceCode'],
    ]);
    expect((await badinh.get(`/api/events/${created.id}/participants`)).json()).toEqual([]);

    const good = await badinh.post(
      url,
      await sheet([
        ['BHXH tự nguyện', 'Lê Văn A', '0123456789', 1975, '912000111', null],
        ['BHXH tự nguyện', 'Lê Văn D', null, null, null, 'Tổ 5'],
        ['BHYT hộ gia đình', 'Lê Thị C', '0123456780', null, null, null],
      ]),
      { 'content-type': XLSX },
    );
    expect(good.json<TImportReport>()).toMatchObject({ applied: true, created: 3, rejected: [] });
    const people = (await badinh.get(`/api/events/${created.id}/participants`)).json<{ phone: string | null }[]>();
    expect(people.map((p) => p.phone)).toEqual(['0912000111', null, null]);
    const after = (await badinh.get(`/api/events/${created.id}`)).json<TEvent>();
    expect(after.outcomes).toEqual({ voluntary: 2, householdBhyt: 1, listedVoluntary: 2, listedHouseholdBhyt: 1 });
  });
});

describe('photos', () => {
  it('takes images only, shows their thumbnails to readers, and keeps other provinces out', async () => {
    const created = (
      await badinh.post('/api/events', { ...dialogue(), startsAt: '2031-06-10T08:00:00+07:00', endsAt: null })
    ).json<TEvent>();
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#1e88e5' } })
      .png()
      .toBuffer();
    const upload = (body: Buffer, name: string) =>
      badinh.post(`/api/events/${created.id}/photos`, body, {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(name),
      });
    const added = await upload(png, 'Đối thoại phường Điện Biên.png');
    expect(added.statusCode, added.body).toBe(201);
    const { fileId } = added.json<{ fileId: string }>();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    expect((await upload(pdf, 'bien-ban.pdf')).statusCode).toBe(400);
    const detail = (await hanoi.get(`/api/events/${created.id}`)).json<TEventDetail>();
    expect(detail.photos.map((p) => p.fileId)).toEqual([fileId]);
    const thumbnail = await hanoi.get(`/api/events/${created.id}/photos/${fileId}/thumbnail`);
    expect(thumbnail.headers['content-type']).toBe('image/webp');
    expect((await danang.get(`/api/events/${created.id}/photos/${fileId}/content`)).statusCode).toBe(404);
    expect((await badinh.delete(`/api/events/${created.id}/photos/${fileId}`)).statusCode).toBe(204);
    expect((await hanoi.get(`/api/events/${created.id}`)).json<TEventDetail>().photos).toEqual([]);
  });
});

describe('exports', () => {
  it('exports events and restrictions as Excel', async () => {
    for (const url of ['/api/events/export.xlsx', '/api/restrictions/export.xlsx']) {
      const response = await hanoi.get(url);
      expect(response.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      expect(book.worksheets[0]!.rowCount).toBeGreaterThan(1);
    }
  });
});
