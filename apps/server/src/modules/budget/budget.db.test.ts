import ExcelJS from 'exceljs';
import {
  dongInWords,
  type TAllocation,
  type TBudgetSummary,
  type TExpenditure,
  type TFiscalYearRow,
} from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { vnToday } from './budget-figures.js';

let t: TestApp;
let admin: Session;
let hanoi: Session;
let district: Session;
let danang: Session;
let root: string;
let p01: string;
let p48: string;
let d001: string;
const YEAR = 2030;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'hn.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'bd.officer', roles: ['district_officer'], unitCode: 'D001' });
  await t.createUser({ username: 'dn.officer', roles: ['province_officer'], unitCode: 'P48' });
  [admin, hanoi, district, danang] = await Promise.all([
    t.loginAdmin(),
    t.login('hn.officer'),
    t.login('bd.officer'),
    t.login('dn.officer'),
  ]);
  [root, p01, p48, d001] = await Promise.all([t.unitId('BHXHVN'), t.unitId('P01'), t.unitId('P48'), t.unitId('D001')]);
  expect((await admin.post('/api/budget/years', { year: YEAR })).statusCode).toBe(201);
});
afterAll(async () => t?.close());

const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
const allocation = (overrides: Record<string, unknown>) => ({
  year: YEAR,
  category: 'dialogue',
  decisionNo: '15/QĐ-BHXH',
  decidedOn: `${YEAR}-01-20`,
  ...overrides,
});
const expenditure = (overrides: Record<string, unknown>) => ({
  unitId: d001,
  category: 'dialogue',
  spentOn: `${YEAR}-03-15`,
  description: 'Hội nghị đối thoại chính sách BHXH tự nguyện tại phường Kim Mã',
  ...overrides,
});

describe('budget routes', () => {
  const appropriation = 100_000_000;
  const toProvince = 30_000_000;
  const toDistrict = 8_000_000;
  const dialogueCost = 1_500_000;

  it('seeds the current fiscal year open and lets the administrator open another', async () => {
    const years = (await hanoi.get('/api/budget/years')).json<TFiscalYearRow[]>();
    const current = Number(vnToday().slice(0, 4));
    expect(years.find((y) => y.year === current)?.status).toBe('open');
    expect(years.find((y) => y.year === YEAR)?.status).toBe('open');
    expect((await hanoi.post('/api/budget/years', { year: 2040 })).statusCode).toBe(403);
    const again = await admin.post('/api/budget/years', { year: YEAR });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('budget.year_exists');
  });

  it('carries money from the appropriation to a district and shows exact figures down the tree', async () => {
    const seq = await t.lastAuditSeq();
    const a1 = await admin.post(
      '/api/budget/allocations',
      allocation({
        toUnitId: root,
        source: 'bhxh',
        amount: appropriation,
        decisionNo: '01/QĐ-BHXH',
        decidedOn: `${YEAR}-01-05`,
      }),
    );
    expect(a1.statusCode, a1.body).toBe(201);
    expect(a1.json<TAllocation>()).toMatchObject({ fromUnit: null, source: 'bhxh', amount: appropriation });
    const a2 = await admin.post(
      '/api/budget/allocations',
      allocation({ fromUnitId: root, toUnitId: p01, amount: toProvince }),
    );
    expect(a2.statusCode, a2.body).toBe(201);
    const a3 = await hanoi.post(
      '/api/budget/allocations',
      allocation({
        fromUnitId: p01,
        toUnitId: d001,
        amount: toDistrict,
        decisionNo: '07/QĐ-BHXH-HN',
        decidedOn: `${YEAR}-02-03`,
      }),
    );
    expect(a3.statusCode, a3.body).toBe(201);
    const e1 = await district.post(
      '/api/budget/expenditures',
      expenditure({ amount: dialogueCost, voucherNo: 'PC-01' }),
    );
    expect(e1.statusCode, e1.body).toBe(201);
    expect(e1.json<TExpenditure>()).toMatchObject({ amount: dialogueCost, year: YEAR, canReverse: true });

    const summary = (await hanoi.get(`/api/budget/summary?year=${YEAR}&unitId=${p01}`)).json<TBudgetSummary>();
    expect(summary.totals).toEqual({
      estimated: 0,
      allocatedIn: toProvince,
      allocatedOut: toDistrict,
      spent: 0,
      committed: 0,
      remaining: toProvince - toDistrict,
    });
    expect(summary.byCategory.find((c) => c.category === 'dialogue')?.remaining).toBe(toProvince - toDistrict);
    expect(summary.byCategory.find((c) => c.category === 'travel')?.allocatedIn).toBe(0);
    expect(summary.byMonth).toHaveLength(12);
    expect(summary.byMonth[0]).toEqual({ month: 1, allocatedIn: toProvince, allocatedOut: 0, spent: 0 });
    expect(summary.byMonth[1]).toEqual({ month: 2, allocatedIn: 0, allocatedOut: toDistrict, spent: 0 });
    expect(summary.children.find((c) => c.unit.id === d001)).toMatchObject({
      allocatedIn: toDistrict,
      spent: dialogueCost,
      remaining: toDistrict - dialogueCost,
    });
    expect(summary.parent).toBeNull();
    const districtView = (await district.get(`/api/budget/summary?year=${YEAR}`)).json<TBudgetSummary>();
    expect(districtView.unit.id).toBe(d001);
    expect(districtView.byMonth[2]!.spent).toBe(dialogueCost);
    const rootView = (await admin.get(`/api/budget/summary?year=${YEAR}&unitId=${p01}`)).json<TBudgetSummary>();
    expect(rootView.parent?.id).toBe(root);

    const events = await t.auditSince(seq);
    expect(events.filter((e) => e.entity_type === 'budget_allocation' && e.action === 'create')).toHaveLength(3);
    expect(events.filter((e) => e.entity_type === 'budget_expenditure' && e.action === 'create')).toHaveLength(1);
  });

  it('refuses allocations outside the subtree, to a grandchild, and beyond what the giver holds', async () => {
    const outside = await hanoi.post(
      '/api/budget/allocations',
      allocation({ fromUnitId: p01, toUnitId: p48, amount: 1 }),
    );
    expect(outside.statusCode).toBe(400);
    expect(fieldsOf(outside.json())).toEqual(['toUnitId:validation.unit_out_of_scope']);
    const grandchild = await admin.post(
      '/api/budget/allocations',
      allocation({ fromUnitId: root, toUnitId: d001, amount: 1 }),
    );
    expect(grandchild.statusCode).toBe(400);
    expect(fieldsOf(grandchild.json())).toEqual(['toUnitId:validation.budget_not_direct_child']);
    const over = await hanoi.post(
      '/api/budget/allocations',
      allocation({ fromUnitId: p01, toUnitId: d001, amount: toProvince - toDistrict + 1 }),
    );
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'budget.insufficient' });
    expect(fieldsOf(over.json())).toEqual(['amount:validation.budget_insufficient']);
    const noSource = await admin.post('/api/budget/allocations', allocation({ toUnitId: root, amount: 5 }));
    expect(fieldsOf(noSource.json())).toEqual(['source:validation.budget_source_required']);
    const notRoot = await hanoi.post(
      '/api/budget/allocations',
      allocation({ toUnitId: root, source: 'bhyt', amount: 5 }),
    );
    expect(notRoot.statusCode).toBe(403);
  });

  it('refuses an over-spend with 409, bad amounts field by field, and duplicate vouchers', async () => {
    const remaining = toDistrict - dialogueCost;
    const over = await district.post(
      '/api/budget/expenditures',
      expenditure({ amount: remaining + 1, voucherNo: 'PC-02' }),
    );
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('budget.insufficient');
    expect(over.json().title).toContain('6.500.000 ₫');
    for (const amount of [-5, 1.5, 0, '100']) {
      const bad = await district.post('/api/budget/expenditures', expenditure({ amount, voucherNo: 'PC-03' }));
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad.json())[0]).toMatch(/^amount:/);
    }
    const english = await district.post('/api/budget/expenditures', expenditure({ amount: 1.5, voucherNo: 'PC-03' }), {
      'accept-language': 'en',
    });
    expect(english.json().errors[0].message).toBe('The amount must be a positive whole number of đồng');
    const duplicate = await district.post(
      '/api/budget/expenditures',
      expenditure({ amount: 1000, voucherNo: 'PC-01' }),
    );
    expect(duplicate.statusCode).toBe(409);
    expect(fieldsOf(duplicate.json())).toEqual(['voucherNo:validation.duplicate']);
    const exact = await district.post(
      '/api/budget/expenditures',
      expenditure({ amount: remaining, voucherNo: 'PC-04' }),
    );
    expect(exact.statusCode, exact.body).toBe(201);
    const reversed = await district.post(`/api/budget/expenditures/${exact.json<TExpenditure>().id}/reverse`, {
      reason: 'Ghi nhầm khoản chi',
    });
    expect(reversed.statusCode, reversed.body).toBe(201);
    expect(reversed.json<TExpenditure>()).toMatchObject({
      amount: -remaining,
      voucherNo: 'PC-04/ĐC',
      canReverse: false,
    });
  });

  it('keeps each province to its own money (scope isolation)', async () => {
    const list = (await danang.get(`/api/budget/expenditures?year=${YEAR}`)).json<{
      items: TExpenditure[];
      total: number;
    }>();
    expect(list.total).toBe(0);
    const theirs = (await hanoi.get(`/api/budget/expenditures?year=${YEAR}&unitId=${p01}&subtree=true`)).json<{
      items: TExpenditure[];
    }>();
    expect(theirs.items.length).toBeGreaterThan(0);
    const one = await danang.get(`/api/budget/expenditures/${theirs.items[0]!.id}`);
    expect(one.statusCode).toBe(404);
    const spend = await danang.post('/api/budget/expenditures', expenditure({ amount: 1000, voucherNo: 'DN-01' }));
    expect(spend.statusCode).toBe(400);
    expect(fieldsOf(spend.json())).toEqual(['unitId:validation.unit_out_of_scope']);
    const summary = await danang.get(`/api/budget/summary?year=${YEAR}&unitId=${p01}`);
    expect(summary.statusCode).toBe(400);
    const allocations = (await danang.get(`/api/budget/allocations?year=${YEAR}`)).json<{ total: number }>();
    expect(allocations.total).toBe(0);
    const give = await danang.post(
      '/api/budget/allocations',
      allocation({ fromUnitId: p01, toUnitId: d001, amount: 1 }),
    );
    expect(fieldsOf(give.json())).toEqual(['fromUnitId:validation.unit_out_of_scope']);
  });

  it('exports the summary with whole-number cells in #,##0 and the remaining amount in words', async () => {
    const response = await hanoi.get(`/api/budget/summary/export.xlsx?year=${YEAR}&unitId=${p01}`);
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Theo noi dung chi', 'Theo thang', 'Don vi truc thuoc']);
    const sheet = book.worksheets[0]!;
    const texts: string[] = [];
    let totalRemaining: ExcelJS.Cell | null = null;
    sheet.eachRow((row) => {
      texts.push(String(row.getCell(1).value));
      if (row.getCell(1).value === 'Tổng cộng') totalRemaining = row.getCell(7);
    });
    expect(totalRemaining!.value).toBe(toProvince - toDistrict);
    expect(totalRemaining!.numFmt).toBe('#,##0');
    expect(texts).toContain(`Còn lại bằng chữ: ${dongInWords(toProvince - toDistrict)}`);
  });
});
