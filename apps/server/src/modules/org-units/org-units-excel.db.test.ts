import ExcelJS from 'exceljs';
import { foldVi, type TOrgUnit } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { XLSX_TYPE } from '../../platform/http/excel.js';

let t: TestApp;
let admin: Session;
let officer: Session;
let p01: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'hanoi.officer', roles: ['province_officer'], unitCode: 'P01' });
  admin = await t.loginAdmin();
  officer = await t.login('hanoi.officer');
  p01 = await t.unitId('P01');
});
afterAll(async () => t?.close());

const lastSeq = () => t.lastAuditSeq();
const auditSince = (seq: number) => t.auditSince(seq);
const unitRow = async (code: string) =>
  (
    await t.db.pool.query<{ id: string; name: string; path: string; depth: number; parent_id: string; xmin: string }>(
      'SELECT id, name, path, depth, parent_id, xmin::text FROM org_units WHERE code = $1',
      [code],
    )
  ).rows[0];
const list = async (session: Session, query: string) => {
  const response = await session.get(`/api/org-units?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: TOrgUnit[]; total: number }>();
};

async function xlsx(headers: string[], rows: (string | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Đơn vị');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const importFile = (body: Buffer, query = '', session = admin) =>
  session.post(`/api/org-units/import${query}`, body, { 'content-type': XLSX_TYPE });

describe('org-units spreadsheets and mapping', () => {
  describe('GET /api/org-units/export.xlsx', () => {
    it('exports the tree of the caller as a spreadsheet with Vietnamese headers', async () => {
      const response = await admin.get('/api/org-units/export.xlsx');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX_TYPE);
      expect(response.headers['content-disposition']).toContain('attachment');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
      expect(values(1)).toEqual([
        'Mã đơn vị',
        'Tên đơn vị',
        'Tên viết tắt',
        'Loại',
        'Mã đơn vị cấp trên',
        'Mã ĐVHC',
        'Hoạt động từ',
        'Hoạt động đến',
      ]);
      const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => values(i + 2));
      const units = (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM org_units')).rows[0]!.n;
      expect(rows).toHaveLength(units);
      expect(rows.find((r) => r[0] === 'P01')?.slice(0, 6)).toEqual([
        'P01',
        'BHXH thành phố Hà Nội',
        undefined,
        'province',
        'BHXHVN',
        '01',
      ]);
      expect(rows[0]?.[0]).toBe('BHXHVN');
    });

    it("exports only the caller's subtree", async () => {
      const response = await officer.get('/api/org-units/export.xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const codes = book.worksheets[0]!.getColumn(1).values.slice(2);
      expect(codes[0]).toBe('P01');
      expect(codes).not.toContain('P48');
      expect(codes).toHaveLength((await list(officer, 'pageSize=1')).total);
    });
  });

  describe('POST /api/org-units/import', () => {
    const VI_HEADERS = ['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên'];
    const NEW_ROW = ['DIMP1', 'BHXH nhập từ Excel', 'district', 'P01'];
    const RENAME_ROW = ['D001', 'BHXH quận Ba Đình, Hà Nội', 'district', 'P01'];

    it('rejects the whole file when any row is wrong, reporting each bad row and writing nothing', async () => {
      const seq = await lastSeq();
      const file = await xlsx(VI_HEADERS, [
        NEW_ROW,
        RENAME_ROW,
        ['DBAD', 'BHXH loại sai', 'ward', 'P01'],
        ['DORPH', 'BHXH không có cấp trên', 'district', 'PXX'],
      ]);
      const response = await importFile(file);
      expect(response.statusCode).toBe(422);
      const report = response.json();
      expect(report.applied).toBe(false);
      expect(report.rejected.map((r: { row: number; field?: string }) => `${r.row}:${r.field}`)).toEqual([
        '4:kind',
        '5:parentCode',
      ]);
      expect(report.rejected[1].message).toBe('Giá trị không nằm trong danh sách cho phép');
      expect(await unitRow('DIMP1')).toBeUndefined();
      expect((await unitRow('D001'))!.name).toBe('BHXH quận Ba Đình');
      expect(await auditSince(seq)).toEqual([]);
    });

    it('applies a clean file: creates new codes, updates existing ones, audits each row', async () => {
      const seq = await lastSeq();
      const response = await importFile(await xlsx(VI_HEADERS, [NEW_ROW, RENAME_ROW]));
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ applied: true, created: 1, updated: 1, rejected: [] });
      const created = (await unitRow('DIMP1'))!;
      expect(created).toMatchObject({ name: 'BHXH nhập từ Excel', parent_id: p01, depth: 2 });
      const renamed = (await unitRow('D001'))!;
      expect(renamed.name).toBe('BHXH quận Ba Đình, Hà Nội');
      const events = await auditSince(seq);
      expect(events.map((e) => `${e.action}:${e.entity_id}`)).toEqual([`create:${created.id}`, `update:${renamed.id}`]);
      // Each row runs in a savepoint of the import's transaction: its audit event shares the row's (sub)transaction.
      expect(events.map((e) => e.xmin)).toEqual([created.xmin, renamed.xmin]);
    });

    it('only reports on a dry run', async () => {
      const seq = await lastSeq();
      const file = await xlsx(['code', 'name', 'kind', 'parentCode'], [['DDRY', 'BHXH chạy thử', 'district', 'P48']]);
      const response = await importFile(file, '?dryRun=true');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ applied: false, created: 1, updated: 0, rejected: [] });
      expect(await unitRow('DDRY')).toBeUndefined();
      expect(await auditSince(seq)).toEqual([]);
    });

    it('accepts a child row listed before the row of its parent', async () => {
      const file = await xlsx(
        ['code', 'name', 'kind', 'parentCode'],
        [
          ['DKID', 'BHXH huyện mới', 'district', 'PNEW'],
          ['PNEW', 'BHXH tỉnh mới', 'province', 'BHXHVN'],
        ],
      );
      const response = await importFile(file);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ applied: true, created: 2, rejected: [] });
      const parent = (await unitRow('PNEW'))!;
      expect(await unitRow('DKID')).toMatchObject({ parent_id: parent.id, depth: 2 });
    });

    it('answers a body that is not a spreadsheet with import.invalid_file', async () => {
      const response = await importFile(Buffer.from('this is not a zip file, only some random bytes'));
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('import.invalid_file');
    });

    it('does not let a non-administrator import', async () => {
      const response = await importFile(await xlsx(VI_HEADERS, [['DNOPE', 'BHXH x', 'district', 'P01']]), '', officer);
      expect(response.statusCode).toBe(403);
      expect(await unitRow('DNOPE')).toBeUndefined();
    });
  });

  describe('GET /api/org-units/successors', () => {
    it('names the new province that old Đà Nẵng (48) became', async () => {
      const response = await admin.get('/api/org-units/successors?oldCode=48');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        items: [
          { oldCode: '48', oldName: 'Thành phố Đà Nẵng', newCode: '48', newName: 'Thành phố Đà Nẵng', type: 'full' },
        ],
        total: 1,
      });
    });

    it('names the new province that old Quảng Nam (49) was merged into', async () => {
      const { items } = (await admin.get('/api/org-units/successors?oldCode=49')).json();
      expect(items.map((i: { newCode: string }) => i.newCode)).toEqual(['48']);
      expect(foldVi(items[0].oldName)).toBe('tinh quang nam');
    });
  });
});
