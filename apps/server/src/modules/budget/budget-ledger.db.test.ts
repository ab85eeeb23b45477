import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { Actor } from '../../platform/actor.js';
import { budgetLedgerRepository } from './budget-ledger.repository.js';

let t: TestApp;
let root: string;
let p01: string;
let hanoi: Actor;
let admin: Actor;
const YEAR = 2031;

const balance = async (unitId: string, category: string) => {
  const { rows } = await t.db.pool.query<{
    allocated_in: number;
    allocated_out: number;
    spent: number;
    committed: number;
  }>(
    'SELECT allocated_in::int, allocated_out::int, spent::int, committed::int FROM budget_balances WHERE unit_id = $1 AND fiscal_year = $2 AND category = $3',
    [unitId, YEAR, category],
  );
  return rows[0];
};

beforeAll(async () => {
  t = await createTestApp();
  [root, p01] = await Promise.all([t.unitId('BHXHVN'), t.unitId('P01')]);
  const userId = await t.createUser({ username: 'ledger.hanoi', roles: ['province_officer'], unitCode: 'P01' });
  const path = await t.db.pool.query<{ path: string }>('SELECT path FROM org_units WHERE id = $1', [p01]);
  hanoi = {
    userId,
    username: 'ledger.hanoi',
    fullName: 'Cán bộ Hà Nội',
    roles: ['province_officer'],
    orgUnitId: p01,
    scopePath: path.rows[0]!.path,
  };
  admin = { ...hanoi, userId: null, username: 'system', roles: ['admin'], orgUnitId: null, scopePath: '/' };
  await t.db.pool.query('INSERT INTO budget_fiscal_years (year) VALUES ($1) ON CONFLICT DO NOTHING', [YEAR]);
  await t.services.runInTransaction(async (tx) => {
    const common = {
      fiscalYear: YEAR,
      category: 'press_contract',
      decidedOn: `${YEAR}-01-05`,
      createdByName: 'Hệ thống',
    };
    await budgetLedgerRepository.insertAllocation(tx, {
      ...common,
      id: crypto.randomUUID(),
      toUnitId: root,
      source: 'bhxh',
      amount: 50_000_000,
      decisionNo: '01/QĐ-BHXH',
    });
    await budgetLedgerRepository.insertAllocation(tx, {
      ...common,
      id: crypto.randomUUID(),
      fromUnitId: root,
      toUnitId: p01,
      amount: 10_000_000,
      decisionNo: '02/QĐ-BHXH',
    });
  });
});
afterAll(async () => t?.close());

/** A signed press contract of P01 (the contracts module owns the table; the ledger only needs its id). */
async function pressContract(): Promise<string> {
  const outlet = await t.db.pool.query<{ id: string }>(
    `INSERT INTO press_outlets (org_unit_id, name, kind, area) VALUES ($1, 'Báo Hà Nội Mới', 'newspaper', '01') RETURNING id`,
    [p01],
  );
  const contract = await t.db.pool.query<{ id: string }>(
    `INSERT INTO press_contracts (org_unit_id, outlet_id, number, title, value, fiscal_year, period_from, period_to,
       status, signed_on, created_by_name)
     VALUES ($1, $2, '01/2031/HĐ', 'Tuyên truyền chính sách', 6000000, $3, '2031-01-01', '2031-12-31', 'signed',
       '2031-01-10', 'Hệ thống') RETURNING id`,
    [p01, outlet.rows[0]!.id, YEAR],
  );
  return contract.rows[0]!.id;
}

describe('BudgetLedger', () => {
  it('records an expenditure that updates the balance, and a contract commitment released by its payment', async () => {
    const ledger = t.services.budgetLedger;
    expect(await balance(p01, 'press_contract')).toEqual({
      allocated_in: 10_000_000,
      allocated_out: 0,
      spent: 0,
      committed: 0,
    });
    const contractId = await pressContract();
    await t.services.runInTransaction((tx) =>
      ledger.commit(tx, hanoi, {
        contractId,
        unitId: p01,
        year: YEAR,
        category: 'press_contract',
        amount: 6_000_000,
        note: 'HĐ 01/2031',
      }),
    );
    const { id } = await t.services.runInTransaction((tx) =>
      ledger.recordExpenditure(tx, hanoi, {
        unitId: p01,
        category: 'press_contract',
        amount: 2_500_000,
        spentOn: `${YEAR}-03-10`,
        voucherNo: 'PC-001',
        description: 'Thanh toán đợt 1',
        contractId,
      }),
    );
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await balance(p01, 'press_contract')).toEqual({
      allocated_in: 10_000_000,
      allocated_out: 0,
      spent: 2_500_000,
      committed: 3_500_000,
    });
    expect(await balance(root, 'press_contract')).toMatchObject({
      allocated_in: 50_000_000,
      allocated_out: 10_000_000,
    });
    expect(await t.services.runInTransaction((tx) => ledger.openCommitment(tx, contractId))).toBe(3_500_000);
    expect(await t.services.runInTransaction((tx) => ledger.paidOnContract(tx, contractId))).toBe(2_500_000);
    // Reversing the payment gives the money back and restores the reservation.
    await t.services.runInTransaction((tx) => ledger.reverseExpenditure(tx, hanoi, id, { reason: 'Sai số tiền' }));
    expect(await balance(p01, 'press_contract')).toMatchObject({ spent: 0, committed: 6_000_000 });
    expect(await t.services.runInTransaction((tx) => ledger.paidOnContract(tx, contractId))).toBe(0);
  });

  it('refuses to commit more than remains, with budget.insufficient naming the remaining amount', async () => {
    const error = await t.services
      .runInTransaction((tx) =>
        t.services.budgetLedger.commit(tx, admin, {
          contractId: crypto.randomUUID(),
          unitId: p01,
          year: YEAR,
          category: 'press_contract',
          amount: 4_000_001,
          note: 'HĐ quá lớn',
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'budget.insufficient', params: { remaining: '4.000.000 ₫' } });
  });
});
