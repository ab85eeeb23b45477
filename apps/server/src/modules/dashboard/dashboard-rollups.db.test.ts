import type { TDashboard } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { transactionRunner } from '../../platform/db/transaction.js';
import { dashboardRepository } from './dashboard.repository.js';
import { createDashboardService, type DashboardService } from './dashboard.service.js';
import { changeRandomly, storeRandomRecords, type RandomUnits } from './dashboard-rollups.fixtures.js';
import { dashboardRollupsRepository } from './dashboard-rollups.repository.js';
import { createDashboardRollupsService, type DashboardRollupsService } from './dashboard-rollups.service.js';
import { monthEnd } from './dashboard-rollup-plan.js';

let t: TestApp;
let units: RandomUnits;
let scopes: { code: string; id: string }[];
let withRollups: DashboardService;
let direct: DashboardService;
let maintenance: DashboardRollupsService;

const now = () => new Date('2025-03-10T05:00:00Z');

/** Deterministic periods: runs of whole months, parts of one month, and long spans with partial edge months. */
function periods(seed: number, count: number): { from: string; to: string }[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const day = (offset: number) => new Date(Date.UTC(2023, 7, 20 + offset)).toISOString().slice(0, 10);
  const out: { from: string; to: string }[] = [];
  for (let i = 0; i < count; i++) {
    const offset = next(680);
    const from = day(offset);
    if (i % 3 === 0) out.push({ from: `${from.slice(0, 7)}-01`, to: monthEnd(day(offset + next(420))) });
    else if (i % 3 === 1) {
      const to = day(offset + next(20));
      out.push({ from, to: to <= monthEnd(from) ? to : monthEnd(from) });
    } else out.push({ from, to: day(offset + 30 + next(570)) });
  }
  return out;
}

async function compareAll(seed: number, count = 9) {
  let compared = 0;
  for (const period of periods(seed, count)) {
    for (const scope of scopes) {
      const [rolled, reference] = await Promise.all([
        withRollups.internal.compute(scope.id, period.from, period.to),
        direct.internal.compute(scope.id, period.from, period.to),
      ]);
      expect(rolled, `${scope.code} ${period.from}..${period.to}`).toEqual(reference);
      compared += 1;
    }
  }
  return compared;
}

const count = async (table: string) =>
  Number((await t.db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
const nonZero = (d: TDashboard | null) => d!.figures.filter((f) => f.value !== 0).length;

beforeAll(async () => {
  t = await createTestApp();
  const { rows } = await t.db.pool.query<{ id: string; code: string }>(
    `SELECT id, code FROM org_units
      WHERE code IN ('BHXHVN', 'TT', 'P01', 'D001', 'P79')
         OR id = (SELECT id FROM org_units WHERE parent_id = (SELECT id FROM org_units WHERE code = 'P79')
                   ORDER BY code LIMIT 1)
      ORDER BY code`,
  );
  scopes = rows;
  const types = await t.db.pool.query<{ code: string; year: number }>(
    `SELECT code, year FROM guidance_items WHERE kind = 'product_type'
      AND year = (SELECT max(year) FROM guidance_items WHERE kind = 'product_type') ORDER BY sort_order LIMIT 2`,
  );
  units = {
    ids: rows.map((r) => r.id),
    types: types.rows.map((r) => r.code),
    year: types.rows[0]!.year,
  };
  withRollups = createDashboardService({
    db: t.db.db,
    repo: dashboardRepository,
    rollups: dashboardRollupsRepository,
    now,
  });
  direct = createDashboardService({ db: t.db.db, repo: dashboardRepository, now });
  maintenance = createDashboardRollupsService({
    runInTransaction: transactionRunner(t.db.db),
    repo: dashboardRollupsRepository,
  });
  const client = await t.db.pool.connect();
  try {
    await storeRandomRecords(client, units, 0.42);
  } finally {
    client.release();
  }
});

afterAll(async () => {
  await t?.close();
});

describe('dashboard rollups against direct aggregation on random data', () => {
  it('aggregates directly until the first build, and the first refresh builds them', async () => {
    expect(await count('dashboard_rollups')).toBe(0);
    expect(await count('dashboard_rollup_dirty')).toBeGreaterThan(0);
    expect(await compareAll(1, 3)).toBeGreaterThan(0);
    const outcome = await maintenance.refresh();
    expect(outcome.outcome).toBe('rebuilt');
    expect(await count('dashboard_rollups')).toBeGreaterThan(0);
    expect(await count('dashboard_rollup_dirty')).toBe(0);
  });

  it('gives every figure, breakdown, month and child exactly as the direct path after a rebuild', async () => {
    await maintenance.rebuild();
    const root = scopes.find((s) => s.code === 'BHXHVN')!;
    expect(nonZero(await withRollups.internal.compute(root.id, '2024-01-01', '2024-12-31'))).toBeGreaterThan(8);
    expect(await compareAll(2)).toBeGreaterThan(20);
  }, 120_000);

  it('really reads the rollups for whole months (a tampered cell shows), not the edges', async () => {
    const root = scopes.find((s) => s.code === 'BHXHVN')!;
    await t.db.pool.query(
      `UPDATE dashboard_rollups SET value = value + 1000 WHERE figure = 'products' AND month = '2024-05-01' AND unit_id = $1
         AND key = (SELECT key FROM dashboard_rollups WHERE figure = 'products' AND month = '2024-05-01'
                     AND unit_id = $1 LIMIT 1)`,
      [root.id],
    );
    const products = (d: TDashboard | null) => d!.figures.find((f) => f.figure === 'products')!.value;
    const whole = ['2024-04-15', '2024-06-10'] as const;
    expect(products(await withRollups.internal.compute(root.id, ...whole))).toBe(
      products(await direct.internal.compute(root.id, ...whole)) + 1000,
    );
    const edge = ['2024-05-02', '2024-06-10'] as const; // May is an edge month: read directly
    expect(products(await withRollups.internal.compute(root.id, ...edge))).toBe(
      products(await direct.internal.compute(root.id, ...edge)),
    );
    await maintenance.rebuild();
    expect(products(await withRollups.internal.compute(root.id, ...whole))).toBe(
      products(await direct.internal.compute(root.id, ...whole)),
    );
  });

  it('stays exact while changes wait for the refresh, and after it', async () => {
    const client = await t.db.pool.connect();
    try {
      await changeRandomly(client, units, 0.17);
    } finally {
      client.release();
    }
    expect(await count('dashboard_rollup_dirty')).toBeGreaterThan(0);
    expect(await compareAll(3)).toBeGreaterThan(20); // dirty months are read directly
    const outcome = await maintenance.refresh();
    expect(outcome).toMatchObject({ outcome: 'refreshed' });
    expect(await count('dashboard_rollup_dirty')).toBe(0);
    expect(await compareAll(4)).toBeGreaterThan(20);
    // The refreshed cells equal what a rebuild computes from scratch.
    const snapshot = `SELECT figure, unit_id, month, key, value FROM dashboard_rollups ORDER BY 1, 2, 3, 4`;
    const refreshed = (await t.db.pool.query(snapshot)).rows;
    await maintenance.rebuild();
    expect((await t.db.pool.query(snapshot)).rows).toEqual(refreshed);
  }, 120_000);

  it('reads the edge days of the root and its children from the day cells, not those of a district', async () => {
    const code = (c: string) => scopes.find((s) => s.code === c)!.id;
    const [root, p01, d001] = [code('BHXHVN'), code('P01'), code('D001')];
    // A fabricated day cell for each of three depths, on a day of an edge month.
    await t.db.pool.query(
      `INSERT INTO dashboard_rollup_days (figure, unit_id, day, key, value)
       SELECT 'products', u, '2024-05-20', 'tampered', 1000 FROM unnest($1::uuid[]) u`,
      [[root, p01, d001]],
    );
    const products = (d: TDashboard | null) => d!.figures.find((f) => f.figure === 'products')!.value;
    const child = (d: TDashboard | null, id: string) => d!.children.find((c) => c.unit.id === id)!.values.products;
    const edge = ['2024-05-02', '2024-06-10'] as const;
    const [rootRolled, rootDirect] = await Promise.all([
      withRollups.internal.compute(root, ...edge),
      direct.internal.compute(root, ...edge),
    ]);
    expect(products(rootRolled)).toBe(products(rootDirect) + 1000);
    expect(rootRolled!.months.find((m) => m.month === '2024-05')!.products).toBe(
      rootDirect!.months.find((m) => m.month === '2024-05')!.products + 1000,
    );
    expect(child(rootRolled, p01)).toBe(child(rootDirect, p01) + 1000); // the root's children are depth 2
    const [provinceRolled, provinceDirect] = await Promise.all([
      withRollups.internal.compute(p01, ...edge),
      direct.internal.compute(p01, ...edge),
    ]);
    expect(products(provinceRolled)).toBe(products(provinceDirect) + 1000);
    expect(child(provinceRolled, d001)).toBe(child(provinceDirect, d001)); // a district's edge days: direct
    expect(await withRollups.internal.compute(d001, ...edge)).toEqual(await direct.internal.compute(d001, ...edge));
    // Whole months come from the monthly cells, and a dirty edge month is read directly.
    const may = ['2024-05-01', '2024-05-31'] as const;
    expect(await withRollups.internal.compute(root, ...may)).toEqual(await direct.internal.compute(root, ...may));
    await t.db.pool.query(
      `INSERT INTO products (guidance_year, type_code, title, owner_unit_id, created_at, updated_at)
       VALUES ($1, $2, 'Tháng 5 chưa làm mới', $3, '2024-05-21T03:00:00Z', '2024-05-21T03:00:00Z')`,
      [units.year, units.types[0], p01],
    );
    expect(await withRollups.internal.compute(root, ...edge)).toEqual(await direct.internal.compute(root, ...edge));
    await maintenance.rebuild();
    expect(await count('dashboard_rollup_days')).toBeGreaterThan(0);
    expect(await withRollups.internal.compute(root, ...edge)).toEqual(await direct.internal.compute(root, ...edge));
  });

  it('keeps day cells for the root and its children only, equal to a rebuild after changes and a refresh', async () => {
    const depths = await t.db.pool.query<{ depth: number }>(
      `SELECT DISTINCT length(u.path) - length(replace(u.path, '/', '')) - 1 AS depth
         FROM dashboard_rollup_days d JOIN org_units u ON u.id = d.unit_id ORDER BY 1`,
    );
    expect(depths.rows.map((r) => r.depth)).toEqual([1, 2]);
    const client = await t.db.pool.connect();
    try {
      await changeRandomly(client, units, 0.61);
    } finally {
      client.release();
    }
    expect(await compareAll(7, 6)).toBeGreaterThan(10); // dirty months are read directly
    expect((await maintenance.refresh()).outcome).toBe('refreshed');
    expect(await compareAll(8, 9)).toBeGreaterThan(20);
    // Every day cell sums, over its month, to the monthly cell of its unit and key (and no cell is left out).
    const mismatched = await t.db.pool.query(
      `SELECT * FROM (SELECT figure, unit_id, date_trunc('month', day)::date AS month, key, sum(value) AS value
                        FROM dashboard_rollup_days GROUP BY 1, 2, 3, 4) d
         FULL JOIN (SELECT r.* FROM dashboard_rollups r WHERE r.unit_id IN (SELECT unit_id FROM dashboard_rollup_days)) m
           USING (figure, unit_id, month, key)
        WHERE d.value IS DISTINCT FROM m.value`,
    );
    expect(mismatched.rows).toEqual([]);
    const snapshot = `SELECT figure, unit_id, day, key, value FROM dashboard_rollup_days ORDER BY 1, 2, 3, 4`;
    const refreshed = (await t.db.pool.query(snapshot)).rows;
    await maintenance.rebuild();
    expect((await t.db.pool.query(snapshot)).rows).toEqual(refreshed);
  }, 120_000);

  it('aggregates directly after a unit moves in the tree until the rollups are rebuilt', async () => {
    const d001 = scopes.find((s) => s.code === 'D001')!;
    const p79 = scopes.find((s) => s.code === 'P79')!;
    await t.db.pool.query(
      `UPDATE org_units SET parent_id = $2,
              path = (SELECT path FROM org_units WHERE id = $2) || id || '/' WHERE id = $1`,
      [d001.id, p79.id],
    );
    const state = async () =>
      (await t.db.pool.query<{ stale: boolean }>(`SELECT stale FROM dashboard_rollup_state`)).rows[0]!.stale;
    expect(await state()).toBe(true);
    expect(await compareAll(5, 6)).toBeGreaterThan(10);
    expect((await maintenance.refresh()).outcome).toBe('rebuilt');
    expect(await state()).toBe(false);
    expect(await compareAll(6, 6)).toBeGreaterThan(10);
  }, 120_000);

  it('lets one refresh run at a time: a second one finds the lock taken', async () => {
    await t.db.db.transaction(async (tx) => {
      expect((await dashboardRollupsRepository.refresh(tx, 10)).outcome).toBe('refreshed');
      const other = await maintenance.refresh();
      expect(other.outcome).toBe('busy');
    });
  });
});
