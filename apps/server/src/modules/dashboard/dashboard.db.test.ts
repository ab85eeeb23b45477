import { DASHBOARD_FIGURES, type TDashboard, type TDashboardFigure } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { EXPECTED, PERIOD, storeDashboardData } from './dashboard.fixtures.js';
import { createDashboardService } from './dashboard.service.js';
import { dashboardRepository } from './dashboard.repository.js';

let t: TestApp;
let leader: Session;
let hanoi: Session;
let badinh: Session;
let hcm: Session;
let types: { typeA: string; typeB: string };

const period = `from=${PERIOD.from}&to=${PERIOD.to}`;
const valuesOf = (dashboard: TDashboard, key: 'value' | 'previous') =>
  Object.fromEntries(dashboard.figures.map((f) => [f.figure, f[key]])) as Record<TDashboardFigure, number>;

async function dashboard(session: Session, query: string): Promise<TDashboard> {
  const response = await session.get(`/api/dashboard?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TDashboard>();
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'dash.leader', roles: ['leader'], unitCode: 'BHXHVN' });
  await t.createUser({ username: 'dash.hanoi', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'dash.badinh', roles: ['district_officer'], unitCode: 'D001' });
  await t.createUser({ username: 'dash.hcm', roles: ['viewer'], unitCode: 'P79' });
  types = await storeDashboardData(t);
  [leader, hanoi, badinh, hcm] = await Promise.all([
    t.login('dash.leader'),
    t.login('dash.hanoi'),
    t.login('dash.badinh'),
    t.login('dash.hcm'),
  ]);
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/dashboard', () => {
  it('gives every figure of the whole agency against the same quarter a year earlier', async () => {
    const body = await dashboard(leader, period);
    expect(body.scope.code).toBe('BHXHVN');
    expect(body.figures.map((f) => f.figure)).toEqual([...DASHBOARD_FIGURES]);
    expect(valuesOf(body, 'value')).toEqual(EXPECTED.BHXHVN.value);
    expect(valuesOf(body, 'previous')).toEqual(EXPECTED.BHXHVN.previous);
  });

  it("defaults to the caller's unit: a province and a district see their own subtree", async () => {
    const province = await dashboard(hanoi, period);
    expect(province.scope.code).toBe('P01');
    expect(valuesOf(province, 'value')).toEqual(EXPECTED.P01.value);
    expect(valuesOf(province, 'previous')).toEqual(EXPECTED.P01.previous);
    const district = await dashboard(badinh, period);
    expect(district.scope.code).toBe('D001');
    expect(valuesOf(district, 'value')).toEqual(EXPECTED.D001.value);
    expect(valuesOf(district, 'previous')).toEqual(EXPECTED.D001.previous);
  });

  it('lets a leader look at any unit below, with the same figures its own officers see', async () => {
    const d001 = await t.unitId('D001');
    const p79 = await t.unitId('P79');
    expect(valuesOf(await dashboard(leader, `${period}&orgUnitId=${d001}`), 'value')).toEqual(EXPECTED.D001.value);
    expect(valuesOf(await dashboard(hanoi, `${period}&orgUnitId=${d001}`), 'value')).toEqual(EXPECTED.D001.value);
    const hcmOwn = await dashboard(hcm, period);
    expect(valuesOf(hcmOwn, 'value')).toEqual(EXPECTED.P79.value);
    expect(valuesOf(await dashboard(leader, `${period}&orgUnitId=${p79}`), 'previous')).toEqual(EXPECTED.P79.previous);
  });

  it('breaks products down by type, publications by channel, events by kind, press by sentiment, spending by category', async () => {
    const { breakdowns } = await dashboard(leader, period);
    const pairs = (items: { key: string; value: number }[]) => items.map((i) => [i.key, i.value]);
    expect(pairs(breakdowns.productsByType)).toEqual([
      [types.typeA, 3],
      [types.typeB, 2],
    ]);
    expect(breakdowns.productsByType[0]!.label.vi).not.toBe(types.typeA);
    expect(pairs(breakdowns.publicationsByChannel)).toEqual([
      ['facebook', 1],
      ['press', 1],
      ['tv', 1],
    ]);
    expect(pairs(breakdowns.eventsByKind)).toEqual([
      ['conference', 1],
      ['dialogue', 1],
      ['group_household', 1],
    ]);
    expect(pairs(breakdowns.pressBySentiment)).toEqual([
      ['negative', 3],
      ['neutral', 1],
      ['positive', 1],
    ]);
    expect(breakdowns.pressBySentiment[0]!.label).toEqual({ vi: 'Tiêu cực', en: 'Negative' });
    expect(pairs(breakdowns.spentByCategory)).toEqual([
      ['event', 50_000_000],
      ['printing', 7_000_000],
    ]);
  });

  it('gives month by month figures on Vietnam days, months without records as zeros', async () => {
    const { months } = await dashboard(leader, period);
    expect(months).toEqual([
      { month: '2025-01', products: 1, publications: 0, events: 1, attendance: 22, spent: 10_000_000 },
      { month: '2025-02', products: 2, publications: 2, events: 1, attendance: 30, spent: 45_000_000 },
      { month: '2025-03', products: 2, publications: 1, events: 1, attendance: 10, spent: 2_000_000 },
    ]);
  });

  it('shows each child unit with every figure, press by the sources that cover or belong to it', async () => {
    const { children } = await dashboard(leader, period);
    const byCode = new Map(children.map((c) => [c.unit.code, c.values]));
    expect(byCode.get('P01')).toEqual(EXPECTED.P01.value);
    expect(byCode.get('P79')).toEqual(EXPECTED.P79.value);
    expect(byCode.get('TT')).toEqual(EXPECTED.TT.value);
    const others = children.filter((c) => !['P01', 'P79', 'TT'].includes(c.unit.code));
    expect(others.length).toBeGreaterThan(0);
    for (const other of others) expect(Object.values(other.values).every((v) => v === 0)).toBe(true);
    const province = await dashboard(hanoi, period);
    expect(province.children.find((c) => c.unit.code === 'D001')?.values).toEqual(EXPECTED.D001.value);
    const district = await dashboard(badinh, period);
    expect(district.children).toEqual([]);
  });

  it('counts allocations between two units of the scope once: what the scope received from outside', async () => {
    const { children, figures } = await dashboard(hanoi, period);
    expect(figures.find((f) => f.figure === 'budgetAllocated')?.value).toBe(300_000_000);
    expect(children.find((c) => c.unit.code === 'D001')?.values.budgetAllocated).toBe(50_000_000);
  });

  it('gives zeros for a period without records, not an error', async () => {
    const empty = await dashboard(badinh, 'from=2030-01-01&to=2030-02-15');
    expect(empty.figures.every((f) => f.value === 0 && f.previous === 0)).toBe(true);
    expect(empty.months).toEqual([
      { month: '2030-01', products: 0, publications: 0, events: 0, attendance: 0, spent: 0 },
      { month: '2030-02', products: 0, publications: 0, events: 0, attendance: 0, spent: 0 },
    ]);
    expect(Object.values(empty.breakdowns).every((items) => items.length === 0)).toBe(true);
    // Incidents still open are read now, whatever the period.
    const root = await dashboard(leader, 'from=2030-01-01&to=2030-01-31');
    expect(root.figures.filter((f) => f.value !== 0).map((f) => f.figure)).toEqual(['incidentsOpen']);
  });

  it('reads "still open" at the given instant and one year before it', async () => {
    const service = createDashboardService({
      db: t.db.db,
      repo: dashboardRepository,
      now: () => new Date('2025-02-10T00:00:00Z'),
    });
    const { rows } = await t.db.pool.query<{ id: string; path: string }>(
      `SELECT u.id, u.path FROM users u0 JOIN org_units u ON u.id = u0.org_unit_id WHERE u0.username = 'dash.hanoi'`,
    );
    const actor = {
      userId: null,
      username: 'dash.hanoi',
      fullName: 'Hà Nội',
      roles: ['province_officer' as const],
      orgUnitId: rows[0]!.id,
      scopePath: rows[0]!.path,
    };
    const body = await service.getDashboard(actor, PERIOD);
    // SC-1 (opened 1 February 2025, closed on the 20th) is open on 10 February; nothing was open a year before.
    expect(body.figures.find((f) => f.figure === 'incidentsOpen')).toEqual({
      figure: 'incidentsOpen',
      value: 1,
      previous: 0,
    });
  });
});

describe('GET /api/dashboard — refusals', () => {
  it('hides units outside the caller scope as not found', async () => {
    const p79 = await t.unitId('P79');
    const p01 = await t.unitId('P01');
    for (const [session, unit] of [
      [hanoi, p79],
      [badinh, p01],
      [hcm, p01],
    ] as const) {
      const response = await session.get(`/api/dashboard?${period}&orgUnitId=${unit}`);
      expect(response.statusCode).toBe(404);
      expect(response.json<{ code: string }>().code).toBe('resource.not_found');
    }
    const unknown = await leader.get(`/api/dashboard/drill?${period}&figure=events&orgUnitId=${crypto.randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses a period that ends before it starts, on the field `to`, in Vietnamese and English', async () => {
    const response = await leader.get('/api/dashboard?from=2025-03-01&to=2025-02-28');
    expect(response.statusCode).toBe(422);
    const problem = response.json<{ code: string; errors: { field: string; code: string; message: string }[] }>();
    expect(problem.code).toBe('dashboard.invalid_period');
    expect(problem.errors).toEqual([
      { field: 'to', code: 'validation.period_order', message: 'Ngày kết thúc không được trước ngày bắt đầu' },
    ]);
    const english = await leader.get('/api/dashboard/drill?from=2025-03-01&to=2025-02-28&figure=products', {
      'accept-language': 'en',
    });
    expect(english.statusCode).toBe(422);
    expect(english.json<{ errors: { message: string }[] }>().errors[0]?.message).toBe(
      'The end date cannot precede the start date',
    );
  });

  it('refuses a period longer than five years', async () => {
    const response = await leader.get('/api/dashboard/export.xlsx?from=2020-01-01&to=2025-01-01');
    expect(response.statusCode).toBe(422);
    expect(response.json<{ errors: { field: string; code: string; message: string }[] }>().errors).toEqual([
      { field: 'to', code: 'validation.period_too_long', message: 'Khoảng thời gian tối đa 5 năm' },
    ]);
    expect((await leader.get('/api/dashboard?from=2020-01-01&to=2024-12-31')).statusCode).toBe(200);
  });

  it('refuses dates that are not days, and asks for a sign-in', async () => {
    const bad = await leader.get('/api/dashboard?from=2025-02-30&to=2025-03-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('from');
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/dashboard?${period}` });
    expect(anonymous.statusCode).toBe(401);
  });
});
