import type { TContact, TContactHistoryEntry, TImportReport, TOutlet, TPage } from '@loa/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let center: Session;
let hanoi: Session;
let danang: Session;
let viewer: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'tt.press', roles: ['comms_center'], unitCode: 'TT' });
  await t.createUser({ username: 'hanoi.press', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'danang.press', roles: ['province_officer'], unitCode: 'P48' });
  await t.createUser({ username: 'hanoi.reader', roles: ['viewer'], unitCode: 'P01' });
  [center, hanoi, danang, viewer] = await Promise.all([
    t.login('tt.press'),
    t.login('hanoi.press'),
    t.login('danang.press'),
    t.login('hanoi.reader'),
  ]);
});
afterAll(async () => t?.close());

const count = async (table: string) =>
  (await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

async function sheet(headers: string[], rows: (string | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Sheet');
  ws.addRow(headers);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('press outlets and contacts', () => {
  let hanoiMoi: TOutlet;
  let contact: TContact;

  it('adds a provincial outlet kept by the province, with its area named and audited', async () => {
    const since = await t.lastAuditSeq();
    const response = await hanoi.post('/api/press/outlets', {
      name: 'Báo Hà Nội Mới',
      kind: 'newspaper',
      governingBody: 'Thành ủy Hà Nội',
      area: '01',
      beats: ['an sinh xã hội', 'y tế'],
      phone: '024 3825 3067',
      email: 'ToaSoan@HanoiMoi.vn',
      website: 'https://hanoimoi.vn',
    });
    expect(response.statusCode).toBe(201);
    hanoiMoi = response.json<TOutlet>();
    expect(hanoiMoi).toMatchObject({
      area: '01',
      areaName: 'Thành phố Hà Nội',
      phone: '02438253067',
      email: 'toasoan@hanoimoi.vn',
      orgUnit: { code: 'P01' },
      canEdit: true,
      active: true,
    });
    const audit = await t.auditSince(since);
    expect(audit.map((a) => [a.action, a.entity_type, a.entity_id])).toEqual([['create', 'press_outlet', hanoiMoi.id]]);
  });

  it('finds the outlet by an accent-free search', async () => {
    const page = (await hanoi.get('/api/press/outlets?q=ha%20noi%20moi')).json<TPage<TOutlet>>();
    expect(page.items.map((o) => o.id)).toEqual([hanoiMoi.id]);
    const byBeat = (await hanoi.get('/api/press/outlets?q=an%20sinh')).json<TPage<TOutlet>>();
    expect(byBeat.items.map((o) => o.id)).toContain(hanoiMoi.id);
  });

  it('refuses the same name in the same unit with a 409 on name, but allows it in another unit', async () => {
    const again = await hanoi.post('/api/press/outlets', { name: 'BÁO HA NOI MOI', kind: 'online', area: '01' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['name']);
    const national = await center.post('/api/press/outlets', {
      name: 'Báo Hà Nội Mới',
      kind: 'newspaper',
      area: 'national',
    });
    expect(national.statusCode).toBe(201);
    expect(national.json<TOutlet>()).toMatchObject({ orgUnit: { code: 'TT' }, areaName: null });
  });

  it('refuses bad input field by field', async () => {
    const response = await hanoi.post('/api/press/outlets', {
      name: '',
      kind: 'blog',
      area: 'Hà Nội',
      phone: '12345',
      email: 'not-an-email',
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'kind', 'area', 'phone', 'email']));
  });

  it('adds a contact with validated phones and e-mails', async () => {
    const bad = await hanoi.post('/api/press/contacts', {
      outletId: hanoiMoi.id,
      fullName: 'Nguyễn Thu Hà',
      role: 'reporter',
      phones: ['0912'],
      emails: ['ha@'],
    });
    expect(bad.statusCode).toBe(400);
    const response = await hanoi.post('/api/press/contacts', {
      outletId: hanoiMoi.id,
      fullName: 'Nguyễn Thu Hà',
      role: 'reporter',
      beats: ['BHYT'],
      phones: ['+84 912 345 678'],
      emails: ['ha.nt@hanoimoi.vn'],
    });
    expect(response.statusCode).toBe(201);
    contact = response.json<TContact>();
    expect(contact).toMatchObject({ outlet: { id: hanoiMoi.id }, phones: ['0912345678'], lastContactOn: null });
    const outlet = (await hanoi.get(`/api/press/outlets/${hanoiMoi.id}`)).json<TOutlet>();
    expect(outlet.contactCount).toBe(1);
  });

  it('appends history entries by the officer, audited, never edited', async () => {
    const since = await t.lastAuditSeq();
    const first = await hanoi.post(`/api/press/contacts/${contact.id}/history`, {
      contactedOn: '2026-03-02',
      channel: 'call',
      summary: 'Hẹn phỏng vấn về BHXH tự nguyện',
    });
    expect(first.statusCode).toBe(201);
    await hanoi.post(`/api/press/contacts/${contact.id}/history`, {
      contactedOn: '2026-03-09',
      channel: 'meeting',
      summary: 'Gặp tại hội nghị',
    });
    const entries = (await hanoi.get(`/api/press/contacts/${contact.id}/history`)).json<TContactHistoryEntry[]>();
    expect(entries.map((e) => [e.contactedOn, e.channel])).toEqual([
      ['2026-03-09', 'meeting'],
      ['2026-03-02', 'call'],
    ]);
    expect(entries[0]!.officer.name).not.toBe('');
    const audit = await t.auditSince(since);
    expect(audit.map((a) => [a.action, a.entity_type, a.entity_id])).toEqual([
      ['log_contact', 'press_contact', contact.id],
      ['log_contact', 'press_contact', contact.id],
    ]);
    expect((await hanoi.get(`/api/press/contacts/${contact.id}`)).json<TContact>().lastContactOn).toBe('2026-03-09');
    const edit = await hanoi.patch(`/api/press/contacts/${contact.id}/history`, { summary: 'x' });
    expect(edit.statusCode).toBe(404);
  });

  it("keeps P48 out of P01's outlet and contacts; a viewer reads but cannot log", async () => {
    expect((await danang.get(`/api/press/outlets/${hanoiMoi.id}`)).statusCode).toBe(404);
    const patch = await danang.patch(`/api/press/outlets/${hanoiMoi.id}`, { version: hanoiMoi.version, note: 'x' });
    expect(patch.statusCode).toBe(404);
    expect((await danang.get('/api/press/outlets')).json<TPage<TOutlet>>().items).toEqual([]);
    const history = await danang.post(`/api/press/contacts/${contact.id}/history`, {
      contactedOn: '2026-03-10',
      channel: 'email',
      summary: 'x',
    });
    expect(history.statusCode).toBe(404);
    const foreign = await danang.post('/api/press/contacts', { outletId: hanoiMoi.id, fullName: 'A', role: 'other' });
    expect(foreign.statusCode).toBe(400);
    expect((await viewer.get(`/api/press/contacts/${contact.id}`)).statusCode).toBe(200);
    const viewerLog = await viewer.post(`/api/press/contacts/${contact.id}/history`, {
      contactedOn: '2026-03-10',
      channel: 'email',
      summary: 'x',
    });
    expect(viewerLog.statusCode).toBe(403);
  });

  it('updates an outlet optimistically and marks it inactive', async () => {
    const response = await hanoi.patch(`/api/press/outlets/${hanoiMoi.id}`, {
      version: hanoiMoi.version,
      active: false,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<TOutlet>()).toMatchObject({ active: false, version: hanoiMoi.version + 1 });
    const stale = await hanoi.patch(`/api/press/outlets/${hanoiMoi.id}`, { version: hanoiMoi.version, active: true });
    expect(stale.statusCode).toBe(409);
  });

  it('imports contacts all or nothing: an unknown outlet is reported and nothing is written', async () => {
    const before = await count('press_contacts');
    const body = await sheet(
      ['Cơ quan báo chí', 'Họ và tên', 'Chức danh', 'Số điện thoại', 'Thư điện tử'],
      [
        ['bao ha noi moi', 'Trần Văn Bình', 'Biên tập viên', '0987654321', 'binh@hanoimoi.vn'],
        ['Báo Không Tồn Tại', 'Lê Thị Cúc', 'Phóng viên', '0987000111', null],
      ],
    );
    const response = await hanoi.post('/api/press/contacts/import', body, { 'content-type': XLSX });
    expect(response.statusCode).toBe(422);
    const report = response.json<TImportReport>();
    expect(report.applied).toBe(false);
    expect(report.rejected.map((r) => [r.row, r.field])).toEqual([[3, 'outlet']]);
    expect(report.rejected[0]!.message).toContain('Báo Không Tồn Tại');
    expect(await count('press_contacts')).toBe(before);

    const good = await hanoi.post(
      '/api/press/contacts/import',
      await sheet(['Cơ quan báo chí', 'Họ và tên', 'Chức danh'], [['bao ha noi moi', 'Trần Văn Bình', 'editor']]),
      { 'content-type': XLSX },
    );
    expect(good.statusCode).toBe(200);
    expect(good.json<TImportReport>()).toMatchObject({ applied: true, created: 1 });
    expect(await count('press_contacts')).toBe(before + 1);
  });

  it('imports outlets into the actor unit, refusing duplicates and unknown provinces, then exports them', async () => {
    const before = await count('press_outlets');
    const bad = await sheet(
      ['Tên cơ quan báo chí', 'Loại hình', 'Phạm vi'],
      [
        ['Đài PT-TH Đà Nẵng', 'Truyền hình', 'Đà Nẵng'],
        ['Báo Đà Nẵng', 'Báo in', 'Xứ Sở Thần Tiên'],
        ['dai pt-th da nang', 'tv', null],
      ],
    );
    const rejected = await danang.post('/api/press/outlets/import', bad, { 'content-type': XLSX });
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json<TImportReport>().rejected.map((r) => [r.row, r.field])).toEqual([
      [3, 'area'],
      [4, 'name'],
    ]);
    expect(await count('press_outlets')).toBe(before);
    const good = await sheet(
      ['Tên cơ quan báo chí', 'Loại hình', 'Phạm vi'],
      [['Đài PT-TH Đà Nẵng', 'Truyền hình', 'Đà Nẵng']],
    );
    expect((await danang.post('/api/press/outlets/import', good, { 'content-type': XLSX })).statusCode).toBe(200);
    const list = (await danang.get('/api/press/outlets')).json<TPage<TOutlet>>();
    expect(list.items.map((o) => [o.name, o.kind, o.area, o.orgUnit.code])).toEqual([
      ['Đài PT-TH Đà Nẵng', 'tv', '48', 'P48'],
    ]);
    const exported = await danang.get('/api/press/outlets/export.xlsx');
    expect(exported.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getRow(2).getCell(1).value).toBe('Đài PT-TH Đà Nẵng');
  });
});
