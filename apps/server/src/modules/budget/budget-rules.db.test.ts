import type { TAllocation, TExpenditure, TNorm, TNormException } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let admin: Session;
let hanoi: Session;
let hanoiLeader: Session;
let district: Session;
let root: string;
let p01: string;
let d001: string;
const YEAR = 2030;
const HELD = 20_000_000;

const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
const balance = async (unitId: string, year = YEAR) => {
  const { rows } = await t.db.pool.query<{ allocated_in: number; allocated_out: number; spent: number }>(
    `SELECT allocated_in::int, allocated_out::int, spent::int FROM budget_balances
      WHERE unit_id = $1 AND fiscal_year = $2 AND category = 'dialogue'`,
    [unitId, year],
  );
  return rows[0];
};
const allocate = async (session: Session, from: string | null, to: string, amount: number, year = YEAR) => {
  const response = await session.post('/api/budget/allocations', {
    year,
    ...(from ? { fromUnitId: from } : { source: 'bhxh' }),
    toUnitId: to,
    category: 'dialogue',
    amount,
    decisionNo: `QĐ-${amount}`,
    decidedOn: `${year}-01-10`,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TAllocation>();
};
const spend = (session: Session, overrides: Record<string, unknown>) =>
  session.post('/api/budget/expenditures', {
    unitId: d001,
    category: 'dialogue',
    spentOn: `${YEAR}-04-02`,
    description: 'Đối thoại chính sách với người lao động tự do',
    ...overrides,
  });

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'hn.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'hn.leader', roles: ['leader'], unitCode: 'P01' });
  await t.createUser({ username: 'bd.officer', roles: ['district_officer'], unitCode: 'D001' });
  [admin, hanoi, hanoiLeader, district] = await Promise.all([
    t.loginAdmin(),
    t.login('hn.officer'),
    t.login('hn.leader'),
    t.login('bd.officer'),
  ]);
  [root, p01, d001] = await Promise.all([t.unitId('BHXHVN'), t.unitId('P01'), t.unitId('D001')]);
  expect((await admin.post('/api/budget/years', { year: YEAR })).statusCode).toBe(201);
  await allocate(admin, null, root, 100_000_000);
  await allocate(admin, root, p01, 50_000_000);
  await allocate(hanoi, p01, d001, HELD);
});
afterAll(async () => t?.close());

const normByCode = async (code: string) => {
  const page = (await district.get(`/api/budget/norms?q=${code}`)).json<{ items: TNorm[] }>();
  return page.items.find((n) => n.code === code)!;
};

describe('norms and exceptions', () => {
  it('seeds the norms of the domain facts and lets only administrators edit them', async () => {
    const meal = await normByCode('TT40-MEAL-PROV');
    expect(meal).toMatchObject({ maxAmount: 150_000, unit: 'per_person_day', category: null, validFrom: '2017-07-01' });
    expect((await normByCode('ND18-FEATURE')).maxAmount).toBe(30 * 234_000);
    const refused = await hanoi.patch(`/api/budget/norms/${meal.id}`, { version: meal.version, validTo: '2035-12-31' });
    expect(refused.statusCode).toBe(403);
    const created = await admin.post('/api/budget/norms', {
      code: 'HN-PRINT',
      name: 'In tờ gấp',
      category: 'printing',
      unit: 'per_item',
      maxAmount: 3_000,
      legalBasis: 'Quyết định của Giám đốc BHXH',
      validFrom: '2030-01-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const duplicate = await admin.post('/api/budget/norms', { ...created.json<TNorm>(), id: undefined });
    expect(duplicate.statusCode).toBe(400);
    const again = await admin.post('/api/budget/norms', {
      code: 'HN-PRINT',
      name: 'In tờ gấp',
      category: 'printing',
      unit: 'per_item',
      maxAmount: 3_000,
      legalBasis: 'Quyết định',
      validFrom: '2030-01-01',
    });
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again.json())).toEqual(['code:validation.duplicate']);
  });

  it('accepts spending within the norm and refuses spending above it with 422 on amount', async () => {
    const meal = await normByCode('TT40-MEAL-PROV');
    const within = await spend(district, { normId: meal.id, quantity: 10, amount: 1_500_000, voucherNo: 'N-01' });
    expect(within.statusCode, within.body).toBe(201);
    expect(within.json<TExpenditure>()).toMatchObject({ normLimit: 1_500_000, exception: null });
    const noQuantity = await spend(district, { normId: meal.id, amount: 100_000, voucherNo: 'N-02' });
    expect(fieldsOf(noQuantity.json())).toEqual(['quantity:validation.required']);
    const over = await spend(district, { normId: meal.id, quantity: 10, amount: 1_500_001, voucherNo: 'N-03' });
    expect(over.statusCode).toBe(422);
    expect(over.json().code).toBe('budget.over_norm');
    expect(fieldsOf(over.json())).toEqual(['amount:validation.budget_over_norm']);
    const royalty = await normByCode('ND18-NEWS');
    const wrongCategory = await spend(district, { normId: royalty.id, quantity: 1, amount: 1_000, voucherNo: 'N-04' });
    expect(fieldsOf(wrongCategory.json())).toEqual(['normId:validation.budget_norm_not_applicable']);
  });

  it('records an over-norm expenditure once a leader who did not ask approves it', async () => {
    const meal = await normByCode('TT40-MEAL-PROV');
    const before = (await balance(d001))!.spent;
    const request = {
      unitId: d001,
      category: 'dialogue',
      spentOn: `${YEAR}-04-09`,
      description: 'Đối thoại với 40 hộ kinh doanh',
      normId: meal.id,
      quantity: 10,
      amount: 1_800_000,
      voucherNo: 'N-05',
      justification: 'Hội nghị kéo dài cả ngày, giá tại địa phương cao hơn định mức',
    };
    const asked = await district.post('/api/budget/exceptions', request);
    expect(asked.statusCode, asked.body).toBe(201);
    const pending = asked.json<TNormException>();
    expect(pending).toMatchObject({ status: 'pending', normLimit: 1_500_000, expenditureId: null });
    expect((await balance(d001))!.spent).toBe(before);
    const { rows: notices } = await t.db.pool.query(
      `SELECT 1 FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'hn.leader' AND n.entity_id = $1`,
      [pending.id],
    );
    expect(notices).toHaveLength(1);
    expect((await hanoi.post(`/api/budget/exceptions/${pending.id}/approve`, { reason: 'Đồng ý' })).statusCode).toBe(
      403,
    );
    const approved = await hanoiLeader.post(`/api/budget/exceptions/${pending.id}/approve`, { reason: 'Đồng ý chi' });
    expect(approved.statusCode, approved.body).toBe(200);
    const decided = approved.json<TNormException>();
    expect(decided.status).toBe('approved');
    const spent = (await district.get(`/api/budget/expenditures/${decided.expenditureId}`)).json<TExpenditure>();
    expect(spent).toMatchObject({ amount: request.amount, normLimit: 1_500_000 });
    expect(spent.exception).toMatchObject({ reason: 'Đồng ý chi', approvedBy: { name: 'Người dùng hn.leader' } });
    expect((await balance(d001))!.spent).toBe(before + request.amount);
    const twice = await hanoiLeader.post(`/api/budget/exceptions/${pending.id}/approve`, { reason: 'Lại' });
    expect(twice.json().code).toBe('budget.exception_decided');

    const own = await hanoiLeader.post('/api/budget/exceptions', { ...request, voucherNo: 'N-06' });
    expect(own.statusCode, own.body).toBe(201);
    const self = await hanoiLeader.post(`/api/budget/exceptions/${own.json<TNormException>().id}/approve`, {
      reason: 'Tự duyệt',
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('budget.self_decision');
    const within = await district.post('/api/budget/exceptions', { ...request, amount: 1_000_000, voucherNo: 'N-07' });
    expect(within.json().code).toBe('budget.not_over_norm');
  });
});

describe('reversals, closed years and the database itself', () => {
  it('restores the balance on reversal, once, and never reverses a reversal', async () => {
    const before = (await balance(d001))!;
    const created = await spend(district, { amount: 700_000, voucherNo: 'R-01' });
    expect((await balance(d001))!.spent).toBe(before.spent + 700_000);
    const id = created.json<TExpenditure>().id;
    const reversal = await district.post(`/api/budget/expenditures/${id}/reverse`, { reason: 'Trùng chứng từ' });
    expect(reversal.statusCode, reversal.body).toBe(201);
    expect((await balance(d001))!.spent).toBe(before.spent);
    const second = await district.post(`/api/budget/expenditures/${id}/reverse`, { reason: 'Lần nữa' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('budget.already_reversed');
    const ofReversal = await district.post(`/api/budget/expenditures/${reversal.json<TExpenditure>().id}/reverse`, {
      reason: 'Đảo lại',
    });
    expect(ofReversal.json().code).toBe('budget.not_reversible');

    const extra = await allocate(hanoi, p01, d001, 1_000_000);
    const back = await hanoi.post(`/api/budget/allocations/${extra.id}/reverse`, { reason: 'Giao nhầm' });
    expect(back.statusCode, back.body).toBe(201);
    expect(back.json<TAllocation>().amount).toBe(-1_000_000);
    expect((await balance(d001))!.allocated_in).toBe(before.allocated_in);
  });

  it('refuses to edit or delete an entry, and to allocate to a grandchild, at the SQL level', async () => {
    const { rows } = await t.db.pool.query<{ id: string }>('SELECT id FROM budget_expenditures LIMIT 1');
    await expect(
      t.db.pool.query('UPDATE budget_expenditures SET amount = 1 WHERE id = $1', [rows[0]!.id]),
    ).rejects.toThrow('budget.history_immutable');
    await expect(t.db.pool.query('DELETE FROM budget_expenditures WHERE id = $1', [rows[0]!.id])).rejects.toThrow(
      'budget.history_immutable',
    );
    await expect(t.db.pool.query('DELETE FROM budget_allocations')).rejects.toThrow('budget.history_immutable');
    await expect(
      t.db.pool.query(
        `INSERT INTO budget_allocations (fiscal_year, from_unit_id, to_unit_id, category, amount, decision_no,
           decided_on, created_by_name) VALUES ($1, $2, $3, 'dialogue', 1, 'X', '2030-01-01', 'x')`,
        [YEAR, root, d001],
      ),
    ).rejects.toThrow('budget.not_direct_child');
    await expect(
      t.db.pool.query(`UPDATE budget_balances SET spent = allocated_in + 1 WHERE unit_id = $1`, [d001]),
    ).rejects.toThrow('budget_balances_not_overspent');
  });

  it('refuses every entry in a closed year, and closing is final', async () => {
    const closedYear = 2029;
    expect((await admin.post('/api/budget/years', { year: closedYear })).statusCode).toBe(201);
    await allocate(admin, null, root, 5_000_000, closedYear);
    await allocate(admin, root, p01, 5_000_000, closedYear);
    const seq = await t.lastAuditSeq();
    const closed = await admin.post(`/api/budget/years/${closedYear}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedBy: { name: 'Quản trị hệ thống' } });
    expect((await t.auditSince(seq)).map((e) => `${e.entity_type}:${e.action}`)).toEqual([
      'budget_fiscal_year:close_year',
    ]);
    const allocation = await admin.post('/api/budget/allocations', {
      year: closedYear,
      source: 'bhxh',
      toUnitId: root,
      category: 'dialogue',
      amount: 1,
      decisionNo: 'X',
      decidedOn: `${closedYear}-12-01`,
    });
    expect(allocation.statusCode).toBe(409);
    expect(allocation.json().code).toBe('budget.year_closed');
    const expenditure = await hanoi.post('/api/budget/expenditures', {
      unitId: p01,
      category: 'dialogue',
      amount: 1,
      spentOn: `${closedYear}-12-01`,
      voucherNo: 'C-01',
      description: 'Chi sau khóa sổ',
    });
    expect(expenditure.statusCode).toBe(409);
    expect(expenditure.json().code).toBe('budget.year_closed');
    expect((await admin.post(`/api/budget/years/${closedYear}/close`)).statusCode).toBe(409);
    await expect(
      t.db.pool.query(`UPDATE budget_fiscal_years SET status = 'open', closed_at = NULL WHERE year = $1`, [closedYear]),
    ).rejects.toThrow('budget.year_closed');
  });
});
