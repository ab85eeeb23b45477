import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { openDatabase } from '../../platform/db/client.js';

let t: TestApp;
let admin: Session;
let district: Session;
let root: string;
let p01: string;
let d001: string;
const YEAR = 2030;
const AMOUNT = 125_000;
const ALLOWED = 37;
const ATTEMPTS = 100;

const balance = async (category: string) => {
  const { rows } = await t.db.pool.query<{ allocated_in: number; spent: number }>(
    `SELECT allocated_in::bigint::float8 AS allocated_in, spent::bigint::float8 AS spent FROM budget_balances
      WHERE unit_id = $1 AND fiscal_year = $2 AND category = $3`,
    [d001, YEAR, category],
  );
  return rows[0]!;
};

/** Brings `amount` down the tree to Ba Đình in `category`. */
async function fund(category: string, amount: number) {
  for (const [from, to] of [
    [null, root],
    [root, p01],
    [p01, d001],
  ] as const) {
    const response = await admin.post('/api/budget/allocations', {
      year: YEAR,
      ...(from ? { fromUnitId: from } : { source: 'bhyt' }),
      toUnitId: to,
      category,
      amount,
      decisionNo: `QĐ-${category}`,
      decidedOn: `${YEAR}-01-02`,
    });
    expect(response.statusCode, response.body).toBe(201);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'bd.officer', roles: ['district_officer'], unitCode: 'D001' });
  [admin, district] = await Promise.all([t.loginAdmin(), t.login('bd.officer')]);
  [root, p01, d001] = await Promise.all([t.unitId('BHXHVN'), t.unitId('P01'), t.unitId('D001')]);
  expect((await admin.post('/api/budget/years', { year: YEAR })).statusCode).toBe(201);
});
afterAll(async () => t?.close());

describe('concurrent expenditures on one balance', () => {
  it(`lets exactly ${ALLOWED} of ${ATTEMPTS} simultaneous requests through, the others 409, nothing lost`, async () => {
    await fund('dialogue', ALLOWED * AMOUNT);
    const responses = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) =>
        district.post('/api/budget/expenditures', {
          unitId: d001,
          category: 'dialogue',
          amount: AMOUNT,
          spentOn: `${YEAR}-05-20`,
          voucherNo: `CC-${String(i).padStart(3, '0')}`,
          description: `Đối thoại lần ${i + 1}`,
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(ALLOWED);
    expect(statuses.filter((s) => s === 409)).toHaveLength(ATTEMPTS - ALLOWED);
    for (const refused of responses.filter((r) => r.statusCode === 409))
      expect(refused.json().code).toBe('budget.insufficient');
    expect((await balance('dialogue')).spent).toBe(ALLOWED * AMOUNT);
    const { rows } = await t.db.pool.query<{ n: number; total: number }>(
      `SELECT count(*)::int AS n, sum(amount)::float8 AS total FROM budget_expenditures
        WHERE unit_id = $1 AND category = 'dialogue' AND fiscal_year = $2`,
      [d001, YEAR],
    );
    expect(rows[0]).toEqual({ n: ALLOWED, total: ALLOWED * AMOUNT });
    // The requests were spread over several connections of the pool, not run one after another on one.
    expect(t.db.pool.totalCount).toBeGreaterThan(1);
    const audit = await t.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'budget_expenditure' AND action = 'create'`,
    );
    expect(audit.rows[0]!.n).toBe(ALLOWED);
  });

  it('keeps the invariant in the database alone: raw inserts on separate connections never overspend', async () => {
    await fund('event', ALLOWED * AMOUNT);
    const raw = openDatabase(t.db.url, 25);
    try {
      // Hold 25 connections open first, so the inserts really start together on separate sessions.
      const clients = await Promise.all(Array.from({ length: 25 }, () => raw.pool.connect()));
      const insert = (client: (typeof clients)[number], i: number) =>
        client.query(
          `INSERT INTO budget_expenditures (unit_id, fiscal_year, category, amount, spent_on, voucher_no, description,
             created_by_name) VALUES ($1, $2, 'event', $3, $4, $5, 'Sự kiện', 'Kiểm thử')`,
          [d001, YEAR, AMOUNT, `${YEAR}-06-01`, `RAW-${i}`],
        );
      // Each connection runs its share one after another; the 25 connections run side by side.
      const results = (
        await Promise.all(
          clients.map(async (client, c) => {
            const own: PromiseSettledResult<unknown>[] = [];
            for (let i = c; i < ATTEMPTS; i += clients.length)
              own.push(...(await Promise.allSettled([insert(client, i)])));
            return own;
          }),
        )
      ).flat();
      expect(results).toHaveLength(ATTEMPTS);
      for (const client of clients) client.release();
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(ALLOWED);
      const reasons = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
      expect(new Set(reasons)).toEqual(new Set(['budget.insufficient']));
      expect(await balance('event')).toEqual({ allocated_in: ALLOWED * AMOUNT, spent: ALLOWED * AMOUNT });
    } finally {
      await raw.close();
    }
  });
});
