import type { TPlanActual, TPlanActualMetric, TPlanActualUnit, TPlanMetric } from '@loa/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { FUTURE_YEAR, storePlanActualData, YEAR } from './plan-actual.fixtures.js';
import { createPlanActualService } from './plan-actual.service.js';
import { planActualRepository } from './plan-actual.repository.js';

let t: TestApp;
let leader: Session;
let hanoi: Session;
let hcm: Session;
let badinh: Session;
let p01: string;
let p79: string;

async function view(session: Session, query: string): Promise<TPlanActual> {
  const response = await session.get(`/api/dashboard/plan-actual?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TPlanActual>();
}
const metricOf = (unit: TPlanActualUnit, metric: TPlanMetric): TPlanActualMetric =>
  unit.metrics.find((m) => m.metric === metric)!;
const childOf = (data: TPlanActual, code: string) => data.children.find((c) => c.unit.code === code)!;
const figures = (m: TPlanActualMetric) => ({
  target: m.target,
  expected: m.expected,
  actual: m.actual,
  completion: m.completion,
  status: m.status,
});

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'pa.leader', roles: ['leader'], unitCode: 'BHXHVN' });
  await t.createUser({ username: 'pa.hanoi', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'pa.hcm', roles: ['viewer'], unitCode: 'P79' });
  await t.createUser({ username: 'pa.badinh', roles: ['district_officer'], unitCode: 'D001' });
  await storePlanActualData(t);
  [leader, hanoi, hcm, badinh] = await Promise.all([
    t.login('pa.leader'),
    t.login('pa.hanoi'),
    t.login('pa.hcm'),
    t.login('pa.badinh'),
  ]);
  [p01, p79] = await Promise.all([t.unitId('P01'), t.unitId('P79')]);
});
afterAll(async () => t?.close());

describe('GET /api/dashboard/plan-actual — a past year', () => {
  it('measures the whole agency against its plan and ranks its children by the first metric with a target', async () => {
    const data = await view(leader, `year=${YEAR}`);
    expect(data).toMatchObject({ year: YEAR, asOf: '2025-12-31', metric: 'products' });
    expect(data.scope.unit.code).toBe('BHXHVN');
    expect(data.scope.plan).toMatchObject({ status: 'approved' });
    // Products created in 2025 (Vietnam days) by the whole tree: 3 + 1 + 4 + 1; events held or reported: 5.
    expect(figures(metricOf(data.scope, 'products'))).toEqual({
      target: 20,
      expected: 20,
      actual: 9,
      completion: 0.45,
      status: 'late',
    });
    expect(metricOf(data.scope, 'products').months.map((m) => m.actual)).toEqual([1, 2, 1, 0, 1, 1, 1, 1, 0, 0, 0, 1]);
    expect(figures(metricOf(data.scope, 'events'))).toMatchObject({ target: 10, actual: 5, status: 'late' });
    expect(metricOf(data.scope, 'budget_vnd')).toMatchObject({
      target: null,
      actual: 175_000_000,
      status: 'no_target',
    });

    expect(data.children.slice(0, 2).map((c) => [c.unit.code, c.rank, metricOf(c, 'products').status])).toEqual([
      ['P79', 1, 'done'],
      ['P01', 2, 'late'],
    ]);
    expect(data.children.slice(2).every((c) => c.rank === null && c.plan === null)).toBe(true);
    expect(metricOf(childOf(data, 'TT'), 'products')).toMatchObject({ target: null, actual: 1, status: 'no_target' });
    expect(data.counts).toEqual({
      done: 1,
      on_track: 0,
      at_risk: 0,
      late: 1,
      no_target: data.children.length - 2,
      no_data: 0,
    });
  });

  it('ranks by the chosen metric and filters the children by status, counting all of them', async () => {
    const data = await view(leader, `year=${YEAR}&metric=budget_vnd&status=late`);
    expect(data.metric).toBe('budget_vnd');
    expect(data.children.map((c) => [c.unit.code, c.rank])).toEqual([['P01', 2]]);
    expect(data.counts).toMatchObject({ done: 1, late: 1 });
    const all = await view(leader, `year=${YEAR}&metric=budget_vnd&status=done,late`);
    // 50 + 10 − 10 (reversed) + 80 million of 120 million.
    expect(all.children.map((c) => [c.unit.code, c.rank, metricOf(c, 'budget_vnd').actual])).toEqual([
      ['P79', 1, 130_000_000],
      ['P01', 2, 45_000_000],
    ]);
    expect(metricOf(all.children[0]!, 'budget_vnd').completion).toBeCloseTo(130 / 120, 12);
  });

  it("gives a province its own plan's month targets and its districts", async () => {
    const data = await view(hanoi, `year=${YEAR}`);
    expect(data.scope.unit.code).toBe('P01');
    const products = metricOf(data.scope, 'products');
    // 10 for the year with February given as 3: the other eleven months share 7; the theme's target is not counted.
    expect(products.months[1]).toEqual({ month: '2025-02', target: 3, actual: 2 });
    expect(products.months[0]!.target).toBe(0.64); // 7 / 11, to two decimals
    expect(figures(products)).toMatchObject({ target: 10, actual: 4, completion: 0.4, status: 'late' });
    const events = metricOf(data.scope, 'events');
    expect(events.months.map((m) => m.target)).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect(figures(events)).toMatchObject({ target: 6, expected: 6, actual: 2, status: 'late' });
    // No target, but measured: 20 counted by hand + 2 check-ins, and 30 at Ba Đình.
    expect(metricOf(data.scope, 'people_reached')).toMatchObject({ target: null, actual: 52, status: 'no_target' });
    expect(childOf(data, 'D001')).toMatchObject({ rank: 1, plan: { status: 'draft' } });
    expect(figures(metricOf(childOf(data, 'D001'), 'events'))).toMatchObject({ actual: 1, status: 'done' });
    expect(data.children.filter((c) => c.rank !== null)).toHaveLength(1);
  });

  it('keeps each caller to its subtree and refuses a bad filter field by field', async () => {
    expect((await hcm.get(`/api/dashboard/plan-actual?year=${YEAR}&orgUnitId=${p01}`)).statusCode).toBe(404);
    expect((await badinh.get(`/api/dashboard/plan-actual?year=${YEAR}&orgUnitId=${p01}`)).statusCode).toBe(404);
    expect((await leader.get(`/api/dashboard/plan-actual?year=${YEAR}&orgUnitId=${p01}`)).statusCode).toBe(200);
    const bad = await leader.get(`/api/dashboard/plan-actual?year=${YEAR}&status=late,behind`);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'status', code: 'validation.invalid_value' })]);
    expect((await leader.get('/api/dashboard/plan-actual')).statusCode).toBe(400);
  });
});

describe('plan versus actual during a year and before it', () => {
  const service = (today: string, noSource?: TPlanMetric) =>
    createPlanActualService({
      db: t.db.db,
      repo: planActualRepository,
      measure: (metric, query) =>
        metric === noSource ? Promise.resolve(null) : t.services.plans.measureProgress(metric, query),
      now: () => new Date(`${today}T10:00:00+07:00`),
    });

  it('expects by the day and marks on-track, at-risk and late units', async () => {
    const data = (await service('2025-06-30').internal.compute(p79, YEAR))!;
    expect(data.asOf).toBe('2025-06-30');
    // Two of four products expected by the end of June, three made; 60 of 120 million expected, 50 spent.
    expect(figures(metricOf(data.scope, 'products'))).toEqual({
      target: 4,
      expected: 2,
      actual: 3,
      completion: 0.75,
      status: 'on_track',
    });
    expect(figures(metricOf(data.scope, 'budget_vnd'))).toMatchObject({
      expected: 60_000_000,
      actual: 50_000_000,
      status: 'at_risk',
    });
    expect(metricOf(data.scope, 'budget_vnd').months.slice(4, 7)).toEqual([
      { month: '2025-05', target: 10_000_000, actual: 0 },
      { month: '2025-06', target: 10_000_000, actual: -10_000_000 },
      { month: '2025-07', target: 10_000_000, actual: null },
    ]);
    const hanoiMid = (await service('2025-06-30').internal.compute(p01, YEAR))!;
    expect(metricOf(hanoiMid.scope, 'products')).toMatchObject({ actual: 3, status: 'late' });
    expect(metricOf(hanoiMid.scope, 'products').expected).toBe(6.18); // 3 + 5 × 7 / 11
  });

  it("counts the day's own month by its days, and says when no module keeps records", async () => {
    const data = (await service('2025-06-15', 'events').internal.compute(p79, YEAR))!;
    expect(data.asOf).toBe('2025-06-15');
    expect(metricOf(data.scope, 'budget_vnd')).toMatchObject({ expected: 55_000_000, actual: 50_000_000 });
    expect(metricOf(data.scope, 'budget_vnd').status).toBe('on_track');
    const events = metricOf(data.scope, 'events');
    expect(events).toMatchObject({ target: 4, actual: null, completion: null, status: 'no_data' });
    expect(events.months.every((m) => m.actual === null)).toBe(true);
    expect(await service('2025-06-15').internal.compute('00000000-0000-4000-8000-000000000000', YEAR)).toBeNull();
  });

  it('shows a year to come with targets and no actuals, on track', async () => {
    const data = await view(hcm, `year=${FUTURE_YEAR}`);
    expect(data.asOf < `${FUTURE_YEAR}-01-01`).toBe(true);
    const events = metricOf(data.scope, 'events');
    expect(figures(events)).toEqual({ target: 12, expected: 0, actual: null, completion: null, status: 'on_track' });
    expect(events.months.every((m) => m.actual === null && m.target === 1)).toBe(true);
    expect(metricOf(data.scope, 'products').status).toBe('no_target');
    expect(data.metric).toBe('events');
  });
});

describe('GET /api/dashboard/plan-actual/export.xlsx', () => {
  it('exports the numbers of the screen: the scope, one row per child and the months', async () => {
    const query = `year=${YEAR}&orgUnitId=${p01}`;
    const data = await view(leader, query);
    const response = await leader.get(`/api/dashboard/plan-actual/export.xlsx?${query}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(`ke-hoach-thuc-hien-${YEAR}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Chi tieu', 'Don vi truc thuoc', 'Theo thang']);

    const values = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    const scope = book.getWorksheet('Chi tieu')!;
    expect(values(scope, 4)).toEqual(['Tin, bài và sản phẩm truyền thông', 10, 10, 4, 0.4, 'Chậm tiến độ']);

    const children = book.getWorksheet('Don vi truc thuoc')!;
    expect(children.rowCount).toBe(3 + data.children.length);
    const first = values(children, 4);
    expect(first.slice(0, 4)).toEqual([1, 'D001', childOf(data, 'D001').unit.name, 'Đang soạn thảo']);
    expect(first.slice(4, 9)).toEqual([2, 2, 1, 0.5, 'Chậm tiến độ']);
    expect(values(children, 5).slice(1, 4)).toEqual([
      data.children[1]!.unit.code,
      data.children[1]!.unit.name,
      'Chưa có kế hoạch',
    ]);

    const months = book.getWorksheet('Theo thang')!;
    expect(months.rowCount).toBe(3 + 12 * (1 + data.children.length));
    expect(values(months, 5).slice(0, 5)).toEqual(['P01', data.scope.unit.name, '02/2025', 3, 2]);
  });

  it('refuses a unit outside the caller’s scope before making a file', async () => {
    const response = await hcm.get(`/api/dashboard/plan-actual/export.xlsx?year=${YEAR}&orgUnitId=${p01}`);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect((await hcm.get(`/api/dashboard/plan-actual/export.xlsx?year=${YEAR}&orgUnitId=${p79}`)).statusCode).toBe(
      200,
    );
  });
});
