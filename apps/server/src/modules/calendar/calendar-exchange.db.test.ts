import {
  CALENDAR_SHEET_HEADERS,
  type TCalendarFeedToken,
  type TCalendarItem,
  type TImportReport,
} from '@loa/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const H = CALENDAR_SHEET_HEADERS;

let t: TestApp;
let hanoi: Session;
let danang: Session;
let viewer: Session;
let hanoiId: string;

beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://loa.example.vn' });
  hanoiId = await t.createUser({ username: 'hanoi.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'badinh.staff', roles: ['district_officer'], unitCode: 'D001' });
  await t.createUser({ username: 'danang.officer', roles: ['province_officer'], unitCode: 'P48' });
  await t.createUser({ username: 'hanoi.viewer', roles: ['viewer'], unitCode: 'P01' });
  [hanoi, danang, viewer] = await Promise.all([
    t.login('hanoi.officer'),
    t.login('danang.officer'),
    t.login('hanoi.viewer'),
  ]);
});
afterAll(async () => t?.close());

const itemCount = async () =>
  (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM calendar_items')).rows[0]!.n;

/** A workbook whose first row holds `headers` and then one row per entry of `rows`. */
async function sheet(headers: string[], rows: (string | Date | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Lịch');
  ws.addRow(headers);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}
async function readBack(body: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}
const upload = (session: Session, body: Buffer, query = '', headers: Record<string, string> = {}) =>
  session.post(`/api/calendar/import${query}`, body, { 'content-type': XLSX, ...headers });
const binary = async (session: Session, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } }).then((r) => ({ ...r, raw: r.rawPayload }));

const HEADERS = [H.startsOn, H.endsOn, H.title, H.unitCode, H.themeCodes, H.channelCode, H.status, H.assignee];

describe('calendar Excel and iCalendar routes', () => {
  describe('GET /api/calendar/import-template.xlsx', () => {
    it('gives the columns the import reads', async () => {
      const response = await binary(hanoi, '/api/calendar/import-template.xlsx');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain(XLSX);
      expect((await readBack(response.raw))[0]).toEqual(Object.values(H));
    });
  });

  describe('POST /api/calendar/import', () => {
    it('writes every row when all are good, audited one by one', async () => {
      const before = await itemCount();
      const seq = await t.lastAuditSeq();
      const body = await sheet(HEADERS, [
        [
          '02/03/2026',
          '04/03/2026',
          'Tuần lễ BHYT học sinh',
          'P01',
          'II.2.a, II.1.a',
          'facebook',
          'Đang sản xuất',
          'badinh.staff',
        ],
        [new Date(Date.UTC(2026, 2, 9)), null, 'Phát thanh cơ sở Ba Đình', 'd001', null, null, null, null],
      ]);
      const response = await upload(hanoi, body);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<TImportReport>()).toEqual({ applied: true, created: 2, updated: 0, rejected: [] });
      expect(await itemCount()).toBe(before + 2);
      const page = (await hanoi.get('/api/calendar?from=2026-03-01&to=2026-03-31&kind=item')).json<{
        items: TCalendarItem[];
      }>().items;
      expect(page.map((i) => [i.title, i.startsOn, i.endsOn, i.ownerUnit.code, i.status, i.themeCodes])).toEqual([
        ['Tuần lễ BHYT học sinh', '2026-03-02', '2026-03-04', 'P01', 'in_production', ['II.2.a', 'II.1.a']],
        ['Phát thanh cơ sở Ba Đình', '2026-03-09', null, 'D001', 'planned', []],
      ]);
      expect(page[0]!.assignee).toMatchObject({ fullName: 'Người dùng badinh.staff' });
      const events = await t.auditSince(seq);
      expect(events.map((e) => [e.action, e.entity_type])).toEqual([
        ['import', 'calendar_item'],
        ['import', 'calendar_item'],
      ]);
    });

    it('writes nothing when a row is bad, and reports every problem of every bad row', async () => {
      const before = await itemCount();
      const seq = await t.lastAuditSeq();
      const body = await sheet(HEADERS, [
        ['10/04/2026', null, 'Dòng tốt', 'P01', 'II.1.a', null, null, null],
        ['11/04/2026', null, 'Đơn vị lạ', 'XYZ', null, null, null, null],
        ['12/04/2026', null, 'Ngoài phạm vi', 'P48', 'ZZ.1', null, null, null],
        ['31/04/2026', '01/04/2026', 'Ngày sai', 'P01', null, null, 'Chờ', 'khong.co'],
        ['15/04/2026', '14/04/2026', '', 'P01', null, 'pigeon', null, null],
      ]);
      const response = await upload(hanoi, body);
      expect(response.statusCode).toBe(422);
      const report = response.json<TImportReport>();
      expect(report.applied).toBe(false);
      expect(report.rejected.map((r) => [r.row, r.field])).toEqual([
        [3, 'unitCode'],
        [4, 'unitCode'],
        [4, 'themeCodes'],
        [5, 'startsOn'],
        [5, 'status'],
        [5, 'assignee'],
        [6, 'endsOn'],
        [6, 'title'],
        [6, 'channelCode'],
      ]);
      expect(report.rejected[0]!.message).toBe('Không có đơn vị mã "XYZ"');
      expect(report.rejected[1]!.message).toBe('Đơn vị không thuộc phạm vi của bạn');
      expect(report.rejected[2]!.message).toBe('Mã "ZZ.1" không có trong hướng dẫn của năm đã chọn');
      expect(await itemCount()).toBe(before);
      expect(await t.auditSince(seq)).toEqual([]);
      const en = await upload(hanoi, body, '', { 'accept-language': 'en' });
      expect(en.json<TImportReport>().rejected[0]!.message).toBe('No unit has code "XYZ"');
    });

    it('only reports on a dry run', async () => {
      const before = await itemCount();
      const body = await sheet(HEADERS, [['20/05/2026', null, 'Thử trước', 'P01', null, null, null, null]]);
      const response = await upload(hanoi, body, '?dryRun=true');
      expect(response.statusCode).toBe(200);
      expect(response.json<TImportReport>()).toEqual({ applied: false, created: 1, updated: 0, rejected: [] });
      expect(await itemCount()).toBe(before);
    });

    it('refuses what is not an Excel file, and a viewer', async () => {
      const text = await hanoi.post('/api/calendar/import', 'a,b', { 'content-type': 'text/csv' });
      expect(text.statusCode).toBe(415);
      const broken = await upload(hanoi, Buffer.from('not a workbook'));
      expect(broken.statusCode).toBe(400);
      expect(broken.json()).toMatchObject({ code: 'import.invalid_file' });
      const body = await sheet(HEADERS, [['20/05/2026', null, 'Không được', 'P01', null, null, null, null]]);
      expect((await upload(viewer, body)).statusCode).toBe(403);
    });
  });

  describe('GET /api/calendar/export.xlsx', () => {
    it('exports the filtered items of my scope in a sheet the import reads back', async () => {
      await danang.post('/api/calendar', { title: 'Của Đà Nẵng', startsOn: '2026-03-05' });
      const response = await binary(hanoi, '/api/calendar/export.xlsx?from=2026-03-01&to=2026-03-31');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toContain('lich-bien-tap.xlsx');
      const rows = await readBack(response.raw);
      expect(rows[0]!.slice(0, 11)).toEqual(Object.values(H));
      expect(rows.slice(1).map((r) => [r[0], r[2], r[4], r[9]])).toEqual([
        ['02/03/2026', 'Tuần lễ BHYT học sinh', 'P01', 'Đang sản xuất'],
        ['09/03/2026', 'Phát thanh cơ sở Ba Đình', 'D001', 'Kế hoạch'],
      ]);
      const filtered = await readBack(
        (await binary(hanoi, '/api/calendar/export.xlsx?from=2026-03-01&to=2026-03-31&channel=facebook')).raw,
      );
      expect(filtered.slice(1).map((r) => r[2])).toEqual(['Tuần lễ BHYT học sinh']);
      const again = await upload(hanoi, response.raw, '?dryRun=true');
      expect(again.json<TImportReport>()).toMatchObject({ created: 2, rejected: [] });
    });
  });

  describe('iCalendar feed', () => {
    const feed = (path: string) => t.app.inject({ method: 'GET', url: path });

    it('serves my items as all-day events to whoever holds the secret address, and only those', async () => {
      expect((await hanoi.get('/api/calendar/feed-token')).json()).toEqual({ active: false, createdAt: null });
      const seq = await t.lastAuditSeq();
      const created = await hanoi.post('/api/calendar/feed-token');
      expect(created.statusCode).toBe(201);
      const { token, path } = created.json<TCalendarFeedToken>();
      expect(path).toBe(`/api/calendar/feed/${token}.ics`);
      const stored = await t.db.pool.query<{ token_hash: string }>(
        'SELECT token_hash FROM calendar_feed_tokens WHERE user_id = $1',
        [hanoiId],
      );
      expect(stored.rows[0]!.token_hash).not.toContain(token);
      expect((await t.auditSince(seq)).map((e) => [e.action, e.entity_type])).toEqual([
        ['rotate_feed', 'calendar_feed'],
      ]);

      const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
      const item = (
        await hanoi.post('/api/calendar', {
          title: 'Họp báo, quý; tháng',
          startsOn: today,
          description: 'Dòng 1\nDòng 2',
        })
      ).json<TCalendarItem>();
      await danang.post('/api/calendar', { title: 'Sự kiện Đà Nẵng', startsOn: today });

      const response = await feed(path);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toContain('text/calendar');
      const text = response.body;
      expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      const unfolded = text.replace(/\r\n /g, '');
      expect(unfolded).toContain(`UID:calendar-item-${item.id}@loa`);
      expect(unfolded).toContain('SUMMARY:Họp báo\\, quý\\; tháng');
      expect(unfolded).toContain(`DTSTART;VALUE=DATE:${today.replace(/-/g, '')}`);
      expect(unfolded).toContain(`URL:https://loa.example.vn/calendar?id=${item.id}`);
      expect(unfolded).not.toContain('Sự kiện Đà Nẵng');
      expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    });

    it('stops the old address when a new one is made, and every address when revoked', async () => {
      const first = (await hanoi.post('/api/calendar/feed-token')).json<TCalendarFeedToken>();
      const second = (await hanoi.post('/api/calendar/feed-token')).json<TCalendarFeedToken>();
      expect((await feed(first.path)).statusCode).toBe(401);
      expect((await feed(second.path)).statusCode).toBe(200);
      expect((await hanoi.get('/api/calendar/feed-token')).json()).toMatchObject({ active: true });
      expect((await hanoi.delete('/api/calendar/feed-token')).statusCode).toBe(204);
      expect((await feed(second.path)).statusCode).toBe(401);
      expect((await feed('/api/calendar/feed/garbage.ics')).json()).toMatchObject({ code: 'auth.invalid_token' });
      expect((await hanoi.get('/api/calendar/feed-token')).json()).toEqual({ active: false, createdAt: null });
    });

    it("refuses a disabled user's feed", async () => {
      const userId = await t.createUser({ username: 'sap.nghi', roles: ['province_officer'], unitCode: 'P01' });
      const session = await t.login('sap.nghi');
      const { path } = (await session.post('/api/calendar/feed-token')).json<TCalendarFeedToken>();
      expect((await feed(path)).statusCode).toBe(200);
      await t.db.pool.query('UPDATE users SET disabled = true WHERE id = $1', [userId]);
      expect((await feed(path)).statusCode).toBe(401);
    });
  });
});
