import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { TEstimate, TExpenditure, TNorm, TNormException, TStoredFile } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { SEED_NORMS } from './budget-norms.data.js';

let t: TestApp;
let filesDir: string;
let admin: Session;
let hanoi: Session;
let danang: Session;
let viewer: Session;
let root: string;
let p01: string;
const YEAR = 2030;

const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
const sheetRows = async (body: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

beforeAll(async () => {
  filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'loa-budget-files-'));
  t = await createTestApp({ filesDir });
  await t.createUser({ username: 'hn.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'dn.officer', roles: ['province_officer'], unitCode: 'P48' });
  await t.createUser({ username: 'hn.viewer', roles: ['viewer'], unitCode: 'P01' });
  [admin, hanoi, danang, viewer] = await Promise.all([
    t.loginAdmin(),
    t.login('hn.officer'),
    t.login('dn.officer'),
    t.login('hn.viewer'),
  ]);
  [root, p01] = await Promise.all([t.unitId('BHXHVN'), t.unitId('P01')]);
  expect((await admin.post('/api/budget/years', { year: YEAR })).statusCode).toBe(201);
  for (const [from, to] of [
    [null, root],
    [root, p01],
  ] as const) {
    const response = await admin.post('/api/budget/allocations', {
      year: YEAR,
      ...(from ? { fromUnitId: from } : { source: 'bhtn' }),
      toUnitId: to,
      category: 'printing',
      amount: 9_000_000,
      decisionNo: 'QĐ-IN',
      decidedOn: `${YEAR}-02-01`,
    });
    expect(response.statusCode, response.body).toBe(201);
  }
});
afterAll(async () => {
  await t?.close();
  await fs.rm(filesDir, { recursive: true, force: true });
});

describe('estimates', () => {
  it('replaces a unit’s estimate with optimistic versions, one line per category and source', async () => {
    const empty = (await hanoi.get(`/api/budget/estimates?year=${YEAR}&unitId=${p01}`)).json<TEstimate>();
    expect(empty).toMatchObject({ version: 0, total: 0, lines: [], canEdit: true });
    const lines = [
      { category: 'dialogue', source: 'bhxh', amount: 40_000_000 },
      { category: 'dialogue', source: 'bhyt', amount: 15_000_000, note: 'Đối thoại BHYT học sinh' },
    ];
    const saved = await hanoi.put(`/api/budget/estimates/${p01}/${YEAR}`, { lines, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<TEstimate>()).toMatchObject({ version: 1, total: 55_000_000 });
    const stale = await hanoi.put(`/api/budget/estimates/${p01}/${YEAR}`, { lines, version: 0 });
    expect(stale.json().code).toBe('conflict.version');
    const twice = await hanoi.put(`/api/budget/estimates/${p01}/${YEAR}`, { lines: [lines[0], lines[0]], version: 1 });
    expect(fieldsOf(twice.json())).toEqual(['lines.1.category:validation.duplicate']);
    const negative = await hanoi.put(`/api/budget/estimates/${p01}/${YEAR}`, {
      lines: [{ ...lines[0], amount: -1 }],
      version: 1,
    });
    expect(fieldsOf(negative.json())).toEqual(['lines.0.amount:validation.invalid_amount']);
    expect((await viewer.get(`/api/budget/estimates?year=${YEAR}&unitId=${p01}`)).json<TEstimate>().canEdit).toBe(
      false,
    );
    expect((await viewer.put(`/api/budget/estimates/${p01}/${YEAR}`, { lines, version: 1 })).statusCode).toBe(403);
    const outside = await danang.put(`/api/budget/estimates/${p01}/${YEAR}`, { lines, version: 1 });
    expect(fieldsOf(outside.json())).toEqual(['unitId:validation.unit_out_of_scope']);
    const summary = (await hanoi.get(`/api/budget/summary?year=${YEAR}`)).json<{ totals: { estimated: number } }>();
    expect(summary.totals.estimated).toBe(55_000_000);
  });
});

describe('expenditures with attachments, filters and exports', () => {
  it('links uploaded files of my scope and refuses files of another province', async () => {
    const upload = (session: Session, name: string) =>
      session.post('/api/files', Buffer.from(`%PDF-1.7\n% ${name}\n%%EOF\n`), {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(name),
      });
    const invoice = (await upload(hanoi, 'Hóa đơn in tờ gấp.pdf')).json<TStoredFile>();
    const foreign = (await upload(danang, 'Hóa đơn Đà Nẵng.pdf')).json<TStoredFile>();
    const base = {
      unitId: p01,
      category: 'printing',
      amount: 2_400_000,
      spentOn: `${YEAR}-07-14`,
      description: 'In 2.000 tờ gấp BHXH tự nguyện',
    };
    const refused = await hanoi.post('/api/budget/expenditures', {
      ...base,
      voucherNo: 'IN-00',
      fileIds: [foreign.id],
    });
    expect(fieldsOf(refused.json())).toEqual(['fileIds:validation.invalid_value']);
    const created = await hanoi.post('/api/budget/expenditures', {
      ...base,
      voucherNo: 'IN-01',
      fileIds: [invoice.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<TExpenditure>().attachments).toEqual([
      { fileId: invoice.id, name: 'Hóa đơn in tờ gấp.pdf', size: invoice.size, mimeType: expect.any(String) },
    ]);
    const unknownEvent = await hanoi.post('/api/budget/expenditures', {
      ...base,
      voucherNo: 'IN-02',
      eventId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownEvent.statusCode).toBe(400);
    expect(fieldsOf(unknownEvent.json())).toEqual(['eventId:validation.invalid_value']);
  });

  it('filters by month, category and words, and exports what it lists', async () => {
    const july = (await hanoi.get(`/api/budget/expenditures?year=${YEAR}&month=7&q=to gap`)).json<{
      items: TExpenditure[];
    }>();
    expect(july.items.map((e) => e.voucherNo)).toEqual(['IN-01']);
    const june = (await hanoi.get(`/api/budget/expenditures?year=${YEAR}&month=6`)).json<{ total: number }>();
    expect(june.total).toBe(0);
    const bad = await hanoi.get('/api/budget/expenditures?sort=nonsense');
    expect(fieldsOf(bad.json())).toEqual(['sort:validation.invalid_sort']);
    const exported = await hanoi.get(`/api/budget/expenditures/export.xlsx?year=${YEAR}&category=printing`);
    expect(exported.statusCode).toBe(200);
    const rows = await sheetRows(exported.rawPayload);
    expect(rows[1]).toEqual(expect.arrayContaining(['IN-01', 2_400_000]));
    const allocations = await sheetRows(
      (await hanoi.get(`/api/budget/allocations/export.xlsx?year=${YEAR}`)).rawPayload,
    );
    expect(allocations.slice(1).map((r) => r[7])).toEqual([9_000_000]);
  });
});

describe('norm catalogue', () => {
  it('seeds idempotently and exports the catalogue', async () => {
    const count = async () => (await admin.get('/api/budget/norms?pageSize=100')).json<{ total: number }>().total;
    const before = await count();
    expect(before).toBe(SEED_NORMS.length);
    await t.services.budget.years.seedBudget(SYSTEM_ACTOR);
    expect(await count()).toBe(before);
    const rows = await sheetRows((await viewer.get('/api/budget/norms/export.xlsx')).rawPayload);
    expect(rows.slice(1).map((r) => r[0])).toEqual([...SEED_NORMS.map((n) => n.code)].sort());
  });

  it('closes a norm by validTo, after which it no longer applies', async () => {
    const norms = (await admin.get('/api/budget/norms?q=TT40-PERDIEM')).json<{ items: TNorm[] }>();
    const perDiem = norms.items[0]!;
    const closed = await admin.patch(`/api/budget/norms/${perDiem.id}`, {
      version: perDiem.version,
      validTo: '2029-12-31',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<TNorm>()).toMatchObject({ validTo: '2029-12-31', version: perDiem.version + 1 });
    const valid = (await hanoi.get(`/api/budget/norms?validOn=${YEAR}-03-01&category=travel`)).json<{
      items: TNorm[];
    }>();
    expect(valid.items.map((n) => n.code)).not.toContain('TT40-PERDIEM');
    const backwards = await admin.patch(`/api/budget/norms/${perDiem.id}`, {
      version: perDiem.version + 1,
      validTo: '2010-01-01',
    });
    expect(fieldsOf(backwards.json())).toEqual(['validTo:validation.date_order']);
  });

  it('lists exception requests within scope only', async () => {
    const norms = (await hanoi.get('/api/budget/norms?q=ND18-NEWS')).json<{ items: TNorm[] }>();
    const asked = await hanoi.post('/api/budget/exceptions', {
      unitId: p01,
      category: 'royalty',
      amount: 3_000_000,
      spentOn: `${YEAR}-08-01`,
      voucherNo: 'NB-01',
      description: 'Nhuận bút tin về BHXH tự nguyện',
      normId: norms.items[0]!.id,
      quantity: 1,
      justification: 'Tin độc quyền, cần mức cao hơn',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const mine = (await viewer.get('/api/budget/exceptions?status=pending')).json<{ items: TNormException[] }>();
    expect(mine.items.map((e) => e.request.voucherNo)).toEqual(['NB-01']);
    expect(mine.items[0]!.canDecide).toBe(false);
    expect((await danang.get('/api/budget/exceptions')).json<{ total: number }>().total).toBe(0);
  });
});
