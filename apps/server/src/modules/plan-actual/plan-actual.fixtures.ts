// A small known data set for the plan-versus-actual db tests, stored with raw SQL: plans of 2025 for the root,
// Hà Nội (P01), Ba Đình (D001, under P01) and Hồ Chí Minh City (P79), and the products, events and expenditures they
// are measured against. The figures the tests expect are worked out by hand in the tests, not read from the code.
import type { TestApp } from '../../../test/test-app.js';

export const YEAR = 2025;
export const FUTURE_YEAR = 2100;

export async function storePlanActualData(t: TestApp): Promise<void> {
  const q = async (text: string, values: unknown[] = []) => (await t.db.pool.query<{ id: string }>(text, values)).rows;
  const [root, p01, d001, p79, tt] = await Promise.all([
    t.unitId('BHXHVN'),
    t.unitId('P01'),
    t.unitId('D001'),
    t.unitId('P79'),
    t.unitId('TT'),
  ]);
  const guidance = (await q(`SELECT max(year)::text AS id FROM guidance_years`))[0]!.id;
  const type = (
    await q(`SELECT code AS id FROM guidance_items WHERE kind = 'product_type' AND year = $1 LIMIT 1`, [guidance])
  )[0]!.id;

  const plan = async (unit: string, year: number, status: string, targets: [string, string, number, string?][]) => {
    const id = (
      await q(
        `INSERT INTO plans (org_unit_id, year, guidance_year, title, status, submitted_at, approved_at)
         VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 IN ('submitted', 'approved') THEN now() END,
                 CASE WHEN $5 = 'approved' THEN now() END) RETURNING id`,
        [unit, year, Number(guidance), `Kế hoạch truyền thông ${year}`, status],
      )
    )[0]!.id;
    let order = 0;
    for (const [metric, period, value, theme] of targets)
      await q(
        `INSERT INTO plan_targets (plan_id, metric, period, theme_code, value, sort_order) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, metric, period, theme ?? null, value, (order += 1)],
      );
  };
  await plan(root, YEAR, 'approved', [
    ['products', 'year', 20],
    ['events', 'year', 10],
  ]);
  await plan(p01, YEAR, 'approved', [
    ['products', 'year', 10],
    ['products', 'M02', 3],
    ['products', 'year', 5, 'II.1.a'], // a theme's target: not the unit's overall target
    ['events', 'Q1', 3],
    ['events', 'Q2', 3],
    ['budget_vnd', 'year', 100_000_000],
  ]);
  await plan(d001, YEAR, 'draft', [
    ['products', 'year', 2],
    ['events', 'year', 1],
  ]);
  await plan(p79, YEAR, 'submitted', [
    ['products', 'year', 4],
    ['events', 'year', 4],
    ['budget_vnd', 'year', 120_000_000],
  ]);
  await plan(p79, FUTURE_YEAR, 'draft', [['events', 'year', 12]]);

  const product = (owner: string, createdAt: string) =>
    q(
      `INSERT INTO products (guidance_year, type_code, title, owner_unit_id, created_at, updated_at)
       VALUES ($1, $2, 'Sản phẩm truyền thông', $3, $4, $4)`,
      [Number(guidance), type, owner, createdAt],
    );
  await product(p01, '2025-01-31T17:30:00Z'); // 1 February in Vietnam
  await product(p01, '2025-03-10T03:00:00Z');
  await product(p01, '2025-07-01T03:00:00Z');
  await product(d001, '2025-02-15T03:00:00Z');
  await product(p79, '2024-12-31T17:00:00Z'); // 00:00 on 1 January 2025 in Vietnam
  await product(p79, '2025-05-05T03:00:00Z');
  await product(p79, '2025-06-06T03:00:00Z');
  await product(p79, '2025-08-08T03:00:00Z');
  await product(tt, '2025-12-31T16:59:00Z'); // 23:59 on 31 December: inside
  await product(tt, '2025-12-31T17:00:00Z'); // 2026 in Vietnam: outside
  await product(p01, '2024-06-01T03:00:00Z');

  const event = async (org: string, status: string, at: string, extra: number, voluntary = 0) =>
    (
      await q(
        `INSERT INTO events (kind, title, org_unit_id, status, starts_at, extra_attendance, new_voluntary)
         VALUES ('conference', 'Hội nghị', $1, $2, $3, $4, $5) RETURNING id`,
        [org, status, at, extra, voluntary],
      )
    )[0]!.id;
  const e1 = await event(p01, 'held', '2025-01-10T02:00:00Z', 20);
  for (const name of ['Nguyễn Văn A', 'Trần Thị B'])
    await q(`INSERT INTO event_check_ins (event_id, full_name, sex) VALUES ($1, $2, 'male')`, [e1, name]);
  await event(d001, 'reported', '2025-04-20T02:00:00Z', 30, 5);
  await event(p01, 'planned', '2025-03-01T02:00:00Z', 40);
  await event(p01, 'cancelled', '2025-03-02T02:00:00Z', 15);
  await event(p79, 'reported', '2025-03-15T02:00:00Z', 10, 2);
  await event(p79, 'held', '2025-06-01T02:00:00Z', 0);
  await event(p79, 'held', '2025-09-01T02:00:00Z', 0);

  await q(`INSERT INTO budget_fiscal_years (year) VALUES (2025) ON CONFLICT DO NOTHING`);
  const allocate = (from: string | null, to: string, amount: number, decision: string) =>
    q(
      `INSERT INTO budget_allocations (fiscal_year, from_unit_id, to_unit_id, category, source, amount, decision_no,
         decided_on, created_by_name)
       VALUES (2025, $1, $2, 'event', $3, $4, $5, '2025-01-05', 'Kế toán')`,
      [from, to, from ? null : 'bhxh', amount, decision],
    );
  await allocate(null, root, 1_000_000_000, '1/QĐ-BHXH');
  await allocate(root, p01, 300_000_000, '2/QĐ-BHXH');
  await allocate(root, p79, 200_000_000, '3/QĐ-BHXH');
  await allocate(p01, d001, 50_000_000, '4/QĐ-BHXH');
  const spend = async (org: string, amount: number, on: string, voucher: string, reverses?: string) =>
    (
      await q(
        `INSERT INTO budget_expenditures (unit_id, fiscal_year, category, amount, spent_on, voucher_no, description,
           reverses_id, reason, created_by_name)
         VALUES ($1, 2025, 'event', $2, $3, $4, 'Chi hội nghị', $5, $6, 'Kế toán') RETURNING id`,
        [org, amount, on, voucher, reverses ?? null, reverses ? 'Sai số tiền' : null],
      )
    )[0]!.id;
  await spend(p01, 40_000_000, '2025-01-20', 'HN-01');
  await spend(d001, 5_000_000, '2025-02-25', 'BD-01');
  await spend(p79, 50_000_000, '2025-02-10', 'HCM-01');
  const wrong = await spend(p79, 10_000_000, '2025-03-03', 'HCM-02');
  await spend(p79, -10_000_000, '2025-06-15', 'HCM-02-HUY', wrong);
  await spend(p79, 80_000_000, '2025-10-10', 'HCM-03');
}
