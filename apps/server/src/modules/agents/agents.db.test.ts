import type { TAgent, TImportReport, TPublicAgentArea, TPublicAgentPage } from '@loa/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let hanoi: Session;
let badinh: Session;
let danang: Session;
let viewer: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'hanoi.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'badinh.officer', roles: ['district_officer'], unitCode: 'D001' });
  await t.createUser({ username: 'danang.officer', roles: ['province_officer'], unitCode: 'P48' });
  await t.createUser({ username: 'hanoi.viewer', roles: ['viewer'], unitCode: 'P01' });
  [hanoi, badinh, danang, viewer] = await Promise.all([
    t.login('hanoi.officer'),
    t.login('badinh.officer'),
    t.login('danang.officer'),
    t.login('hanoi.viewer'),
  ]);
});
afterAll(async () => t?.close());

const hoaBinh = {
  type: 'commune_agent',
  name: 'Đại lý thu xã Hòa Bình',
  address: 'Nhà văn hóa thôn Đông, xã Hòa Bình',
  provinceCode: '01',
  communeCode: '10198',
  phones: ['+84 912 000 111', '024 3000 0111'],
  workingHours: 'Thứ Hai – Thứ Sáu, 7:30–17:00',
  note: 'Người phụ trách: chị Lan',
};
const agentCount = async () =>
  (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM collection_agents')).rows[0]!.n;
const anonymous = (url: string, remoteAddress = '127.0.0.1') => t.app.inject({ method: 'GET', url, remoteAddress });

async function sheet(headers: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Đại lý');
  ws.addRow(headers);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('agents routes', () => {
  let created: TAgent;

  describe('POST /api/agents', () => {
    it('adds an agent with its place named by the administrative units, kept by the district office', async () => {
      const since = await t.lastAuditSeq();
      const response = await hanoi.post('/api/agents', hoaBinh);
      expect(response.statusCode).toBe(201);
      created = response.json<TAgent>();
      expect(created).toMatchObject({
        province: { code: '01', name: 'Thành phố Hà Nội' },
        district: { code: '279', name: 'Huyện Thường Tín' },
        commune: { code: '10198', name: 'Xã Hòa Bình' },
        phones: ['0912000111', '02430000111'],
        orgUnit: { code: 'D279' },
        active: true,
        canEdit: true,
      });
      const audit = await t.auditSince(since);
      expect(audit.map((a) => [a.action, a.entity_type, a.entity_id])).toEqual([
        ['create', 'collection_agent', created.id],
      ]);
    });

    it('refuses the same agent twice with a 409 on the name', async () => {
      const response = await hanoi.post('/api/agents', {
        ...hoaBinh,
        name: 'đại lý thu XA HOA BINH',
        phones: ['0912000111'],
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'conflict.duplicate', errors: [{ field: 'name' }] });
      expect(await agentCount()).toBe(1);
    });

    it('reports bad phone numbers and unknown or mismatched places field by field', async () => {
      const badPhone = await hanoi.post('/api/agents', { ...hoaBinh, phones: ['0912000111', '0123'] });
      expect(badPhone.statusCode).toBe(400);
      expect(badPhone.json().errors).toEqual([
        expect.objectContaining({ field: 'phones.1', code: 'validation.invalid_phone' }),
      ]);
      const wrongPlace = await hanoi.post('/api/agents', { ...hoaBinh, districtCode: '001' });
      expect(wrongPlace.json().errors).toEqual([
        expect.objectContaining({ field: 'communeCode', code: 'validation.place_mismatch' }),
      ]);
      const unknown = await hanoi.post('/api/agents', { ...hoaBinh, provinceCode: '99', communeCode: null });
      expect(unknown.json().errors).toEqual([
        expect.objectContaining({ field: 'provinceCode', code: 'validation.unknown_place' }),
      ]);
    });

    it('refuses a place outside the officer’s scope and a viewer altogether', async () => {
      const response = await danang.post('/api/agents', {
        ...hoaBinh,
        name: 'Bưu điện Thường Tín',
        type: 'post_office',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        expect.objectContaining({ field: 'districtCode', code: 'validation.unit_out_of_scope' }),
      ]);
      expect((await viewer.post('/api/agents', hoaBinh)).statusCode).toBe(403);
    });
  });

  describe('GET /api/agents', () => {
    it('finds "Xã Hòa Bình" by typing "xa hoa" without accents, within the scope only', async () => {
      const found = (await hanoi.get('/api/agents?q=xa%20hoa')).json<{ items: TAgent[]; total: number }>();
      expect(found.items.map((a) => a.id)).toEqual([created.id]);
      expect((await danang.get('/api/agents?q=xa%20hoa')).json()).toEqual({ items: [], total: 0 });
      expect((await badinh.get('/api/agents')).json().total).toBe(0);
    });

    it('exports the list as Excel', async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/agents/export.xlsx',
        headers: { cookie: hanoi.cookie },
      });
      expect(response.headers['content-type']).toBe(XLSX);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const row = book.worksheets[0]!.getRow(2);
      expect(row.getCell(2).value).toBe('Đại lý thu xã Hòa Bình');
      expect(row.getCell(7).value).toBe('0912 000 111; 024 3000 0111');
    });
  });

  describe('PATCH and DELETE /api/agents/:id', () => {
    it('hides another province’s agent from an officer (404) and keeps the version honest', async () => {
      expect(
        (await danang.patch(`/api/agents/${created.id}`, { version: created.version, name: 'X' })).statusCode,
      ).toBe(404);
      expect((await danang.delete(`/api/agents/${created.id}?version=${created.version}`)).statusCode).toBe(404);
      const stale = await hanoi.patch(`/api/agents/${created.id}`, { version: created.version + 5, name: 'X' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('conflict.version');
    });

    it('ends the active period, which takes the agent off the public page', async () => {
      const response = await hanoi.patch(`/api/agents/${created.id}`, {
        version: created.version,
        activeFrom: '2020-01-01',
        activeTo: '2020-12-31',
      });
      expect(response.statusCode).toBe(200);
      created = response.json<TAgent>();
      expect(created.active).toBe(false);
      expect(created.commune?.code).toBe('10198');
      const page = (await anonymous('/api/public/agents?q=xa%20hoa')).json<TPublicAgentPage>();
      expect(page.total).toBe(0);
    });

    it('deletes an agent with an audit record', async () => {
      const since = await t.lastAuditSeq();
      expect((await hanoi.delete(`/api/agents/${created.id}?version=${created.version}`)).statusCode).toBe(204);
      expect(await agentCount()).toBe(0);
      expect((await t.auditSince(since)).map((a) => [a.action, a.entity_type])).toEqual([
        ['delete', 'collection_agent'],
      ]);
    });
  });

  describe('POST /api/agents/import', () => {
    const headers = [
      'Loại đại lý',
      'Tên đại lý',
      'Địa chỉ',
      'Tỉnh, thành phố',
      'Quận, huyện',
      'Xã, phường',
      'Số điện thoại',
    ];
    const good: (string | number | null)[] = [
      'Đại lý thu xã, phường',
      'Đại lý thu xã Hòa Bình',
      'Thôn Đông',
      'Ha Noi',
      'Thường Tín',
      'xa hoa binh',
      912000111,
    ];

    it('reports bad phones, unknown places and repeats per row and writes nothing, also when dry-run is off', async () => {
      const body = await sheet(headers, [
        good,
        ['Bưu điện', 'Bưu điện Phúc Xá', '1 Phúc Xá', 'Hà Nội', 'Ba Đình', 'Phúc Xá', '0123 456'],
        ['Bưu điện', 'Bưu điện Hòa Vang', 'Hòa Vang', 'Hà Nội', 'Huyện Không Có', null, '0236 3000 111'],
        [...good.slice(0, 6), '0912000111; 0912000222'],
      ]);
      const response = await hanoi.post('/api/agents/import?dryRun=false', body, { 'content-type': XLSX });
      expect(response.statusCode).toBe(422);
      const report = response.json<TImportReport>();
      expect(report.applied).toBe(false);
      expect(report.rejected.map((r) => [r.row, r.field])).toEqual([
        [3, 'phones'],
        [4, 'district'],
        [5, 'name'],
      ]);
      expect(report.rejected[1]!.message).toContain('Huyện Không Có');
      expect(await agentCount()).toBe(0);
    });

    it('checks a good file in a dry run, then imports it with one audit record per agent', async () => {
      const body = await sheet(headers, [
        good,
        ['post_office', 'Bưu cục Phúc Xá', '1 Phúc Xá', '01', '001', '00001', '024 3823 0000'],
      ]);
      const dry = await hanoi.post('/api/agents/import?dryRun=true', body, { 'content-type': XLSX });
      expect(dry.json()).toEqual({ applied: false, created: 2, updated: 0, rejected: [] });
      expect(await agentCount()).toBe(0);
      const since = await t.lastAuditSeq();
      const real = await hanoi.post('/api/agents/import', body, { 'content-type': XLSX });
      expect(real.json()).toMatchObject({ applied: true, created: 2 });
      expect((await t.auditSince(since)).map((a) => a.action)).toEqual(['import', 'import']);
    });

    it('refuses rows of another province for a province officer', async () => {
      const body = await sheet(headers, [
        ['Bưu điện', 'Bưu điện Hòa Vang', 'Hòa Vang', 'Đà Nẵng', 'Hòa Vang', null, '0236 3000 111'],
      ]);
      const report = (await hanoi.post('/api/agents/import', body, { 'content-type': XLSX })).json<TImportReport>();
      expect(report.rejected.map((r) => [r.row, r.field])).toEqual([[2, 'district']]);
    });
  });

  describe('public endpoints', () => {
    it('finds active agents without a session, with only the public fields and cache headers', async () => {
      const response = await anonymous('/api/public/agents?province=01&q=xa%20hoa');
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=300');
      const page = response.json<TPublicAgentPage>();
      expect(page.total).toBe(1);
      expect(Object.keys(page.items[0]!).sort()).toEqual(
        ['address', 'communeName', 'districtName', 'name', 'phones', 'provinceName', 'type', 'workingHours'].sort(),
      );
      expect(page.items[0]).toMatchObject({ name: 'Đại lý thu xã Hòa Bình', phones: ['0912000111'] });
      expect(response.body).not.toContain('orgUnit');
    });

    it('lists the provinces and districts having active agents', async () => {
      const provinces = (await anonymous('/api/public/agents/provinces')).json<TPublicAgentArea[]>();
      expect(provinces).toEqual([{ code: '01', name: 'Thành phố Hà Nội', level: 1, count: 2 }]);
      const places = (await anonymous('/api/public/agents/places?province=01')).json<TPublicAgentArea[]>();
      // In Vietnamese order of their names: Huyện Thường Tín, Quận Ba Đình.
      expect(places.map((p) => [p.code, p.count])).toEqual([
        ['279', 1],
        ['001', 1],
      ]);
      const inBaDinh = (await anonymous('/api/public/agents?province=01&district=001')).json<TPublicAgentPage>();
      expect(inBaDinh.items.map((a) => a.name)).toEqual(['Bưu cục Phúc Xá']);
    });

    it('puts agents whose name holds the typed phrase first', async () => {
      const other = await hanoi.post('/api/agents', {
        type: 'post_office',
        name: 'Bưu điện huyện Ba Vì',
        address: 'Gần chợ, đường về xã Hòa',
        provinceCode: '01',
        districtCode: '271',
        phones: ['0243 000 0444'],
      });
      expect(other.statusCode).toBe(201);
      const plain = (await anonymous('/api/public/agents?province=01')).json<TPublicAgentPage>();
      expect(plain.items[0]!.name).toBe('Bưu điện huyện Ba Vì');
      const typed = (await anonymous('/api/public/agents?province=01&q=xa%20hoa')).json<TPublicAgentPage>();
      expect(typed.items.map((a) => a.name)).toEqual(['Đại lý thu xã Hòa Bình', 'Bưu điện huyện Ba Vì']);
    });

    it('answers 429 with a problem once an address passes 60 requests a minute', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 61; i++)
        statuses.push((await anonymous('/api/public/agents/provinces', '10.9.8.7')).statusCode);
      expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
      const limited = await anonymous('/api/public/agents/provinces', '10.9.8.7');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('request.rate_limited');
      expect((await anonymous('/api/public/agents/provinces', '10.9.8.8')).statusCode).toBe(200);
    });
  });
});
