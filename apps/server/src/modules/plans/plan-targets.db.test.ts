import type { TPlanDetail, TPlanTree, TPlanTreeMetric } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let comms: Session;
let hanoi: Session;
let badinh: Session;
let hoankiem: Session;
let danang: Session;
let p01: string;
let d001: string;
let d002: string;
let province: TPlanDetail;
let district1: TPlanDetail;
let district2: TPlanDetail;

const YEAR = 2026;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'tt.officer', roles: ['comms_center'], unitCode: 'TT' });
  await t.createUser({ username: 'hn.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'bd.officer', roles: ['district_officer'], unitCode: 'D001' });
  await t.createUser({ username: 'hk.officer', roles: ['district_officer'], unitCode: 'D002' });
  await t.createUser({ username: 'dn.officer', roles: ['province_officer'], unitCode: 'P48' });
  [comms, hanoi, badinh, hoankiem, danang] = await Promise.all([
    t.login('tt.officer'),
    t.login('hn.officer'),
    t.login('bd.officer'),
    t.login('hk.officer'),
    t.login('dn.officer'),
  ]);
  [p01, d001, d002] = await Promise.all([t.unitId('P01'), t.unitId('D001'), t.unitId('D002')]);
  const start = async (session: Session, orgUnitId: string, title: string) => {
    const response = await session.post('/api/plans', { orgUnitId, year: YEAR, title });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<TPlanDetail>();
  };
  province = await start(hanoi, p01, 'Kế hoạch truyền thông BHXH Hà Nội 2026');
  district1 = await start(badinh, d001, 'Kế hoạch Ba Đình 2026');
  district2 = await start(hoankiem, d002, 'Kế hoạch Hoàn Kiếm 2026');
});
afterAll(async () => t?.close());

const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
const latest = async (session: Session, plan: TPlanDetail) => {
  const response = await session.get(`/api/plans/${plan.id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TPlanDetail>();
};
const put = async (session: Session, plan: TPlanDetail, targets: Record<string, unknown>[], headers = {}) =>
  session.put(`/api/plans/${plan.id}/targets`, { version: (await latest(session, plan)).version, targets }, headers);
const putOk = async (session: Session, plan: TPlanDetail, targets: Record<string, unknown>[]) => {
  const response = await put(session, plan, targets);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TPlanDetail>();
};
const yearly = (metric: string, value: number, extra: Record<string, unknown> = {}) => ({
  metric,
  period: 'year',
  value,
  ...extra,
});
/** The plan's current targets as a request, with `target` added or replacing the one of the same key. */
const plus = async (session: Session, plan: TPlanDetail, target: ReturnType<typeof yearly>) => {
  const kept = (await latest(session, plan)).targets
    .filter((x) => !(x.metric === target.metric && x.period === target.period && !x.themeCode && !x.audienceCode))
    .map(({ metric, period, themeCode, audienceCode, value, note }) => ({
      metric,
      period,
      themeCode,
      audienceCode,
      value,
      note,
    }));
  return [...kept, target];
};
const storedTargets = async (planId: string) =>
  (
    await t.db.pool.query<{ metric: string; period: string; value: number }>(
      'SELECT metric, period, value::float8 AS value FROM plan_targets WHERE plan_id = $1 ORDER BY sort_order',
      [planId],
    )
  ).rows;
const tree = async (session: Session, query = `year=${YEAR}`) => {
  const response = await session.get(`/api/plans/tree?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TPlanTree>();
};
const metricOf = (plans: TPlanTree, code: string, metric: string): TPlanTreeMetric =>
  plans.nodes.find((n) => n.unit.code === code)!.metrics.find((m) => m.metric === metric)!;

describe('PUT /api/plans/:id/targets', () => {
  it('replaces the whole set, in order, with themes and audiences of the guidance, audited', async () => {
    const seq = await t.lastAuditSeq();
    const saved = await putOk(hanoi, province, [
      yearly('products', 100),
      yearly('products', 40, { themeCode: 'II.1.a', note: 'Chuyên đề BHXH tự nguyện' }),
      yearly('people_reached', 20_000, { audienceCode: 'I.3' }),
      yearly('budget_vnd', 1_500_000_000),
      { metric: 'products', period: 'Q1', value: 25 },
    ]);
    expect(saved.targets.map((x) => [x.metric, x.period, x.themeCode, x.audienceCode, x.value])).toEqual([
      ['products', 'year', null, null, 100],
      ['products', 'year', 'II.1.a', null, 40],
      ['people_reached', 'year', null, 'I.3', 20_000],
      ['budget_vnd', 'year', null, null, 1_500_000_000],
      ['products', 'Q1', null, null, 25],
    ]);
    expect(saved.totals).toMatchObject({ products: 100, budget_vnd: 1_500_000_000, events: null });
    expect(saved.version).toBe(province.version + 1);
    const [event] = await t.auditSince(seq);
    expect(event).toMatchObject({ action: 'set_targets', entity_id: province.id, org_unit_id: p01, before: [] });
    expect(event!.after).toHaveLength(5);
  });

  it('writes nothing when one row is wrong, and names every wrong field in Vietnamese or English', async () => {
    const before = await latest(hanoi, province);
    const seq = await t.lastAuditSeq();
    const response = await put(
      hanoi,
      province,
      [
        yearly('products', 100),
        { metric: 'products', period: 'Q1', value: 70 },
        { metric: 'products', period: 'Q2', value: 50 },
        yearly('events', 5, { themeCode: 'II.9.z' }),
        yearly('products', 6, { audienceCode: '' }),
      ],
      { 'accept-language': 'en' },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation.failed',
      errors: expect.arrayContaining([
        {
          field: 'targets.0.value',
          code: 'validation.quarters_exceed_year',
          message: "The quarters add up to 120, more than the year's 100",
        },
        {
          field: 'targets.3.themeCode',
          code: 'validation.unknown_guidance_code',
          message: 'Code "II.9.z" is not in the guidance of the chosen year',
        },
      ]),
    });
    expect(fieldsOf(response.json())).toHaveLength(3);
    expect(fieldsOf(response.json())).toContain('targets.4.metric:validation.duplicate');
    const vietnamese = await put(hanoi, province, [
      yearly('products', 10),
      { metric: 'products', period: 'M01', value: 11 },
    ]);
    expect(vietnamese.json().errors[0].message).toBe('Tổng các tháng (11) vượt chỉ tiêu cả năm (10)');
    expect(await storedTargets(province.id)).toHaveLength(5);
    expect((await latest(hanoi, province)).version).toBe(before.version);
    expect(await t.auditSince(seq)).toEqual([]);
  });

  it('refuses a stale version, a value past 10^13 or below 0, and a plan of another province', async () => {
    const stale = await hanoi.put(`/api/plans/${province.id}/targets`, { version: 1, targets: [] });
    expect(stale.statusCode).toBe(409);
    const huge = await put(hanoi, province, [yearly('budget_vnd', 10_000_000_000_001), yearly('events', -1)]);
    expect(fieldsOf(huge.json())).toEqual([
      'targets.0.value:validation.too_big',
      'targets.1.value:validation.too_small',
    ]);
    const foreign = await danang.put(`/api/plans/${province.id}/targets`, { version: province.version, targets: [] });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('splitting a parent target among the child units', () => {
  it("lets the districts take the province's target and refuses a split beyond it", async () => {
    await putOk(badinh, district1, [yearly('products', 60)]);
    const over = await put(hoankiem, district2, [yearly('products', 50), yearly('events', 999)]);
    expect(over.statusCode).toBe(400);
    expect(over.json().errors).toEqual([
      {
        field: 'targets.0.value',
        code: 'validation.split_exceeds_parent',
        message:
          'Tổng chỉ tiêu giao cho các đơn vị cấp dưới (110) vượt chỉ tiêu của đơn vị cấp trên (100); còn lại tối đa 40',
      },
    ]);
    const fits = await putOk(hoankiem, district2, [yearly('products', 40), yearly('events', 999)]);
    expect(fits.parentPlan).toMatchObject({ id: province.id, orgUnit: { code: 'P01' } });
    expect(fits.parentLimits.find((l) => l.metric === 'products' && l.period === 'year' && !l.themeCode)).toEqual({
      metric: 'products',
      period: 'year',
      themeCode: null,
      audienceCode: null,
      parentValue: 100,
      siblingsSum: 60,
    });
  });

  it('refuses to lower a parent target below what its children hold', async () => {
    const response = await put(hanoi, province, [yearly('products', 90)]);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'targets.0.value', code: 'validation.below_children_sum' }),
    ]);
    const detail = await latest(hanoi, province);
    expect(detail.childrenSums).toContainEqual({
      metric: 'products',
      period: 'year',
      themeCode: null,
      audienceCode: null,
      sum: 100,
    });
    expect(detail.targets.find((x) => x.metric === 'products' && x.period === 'year' && !x.themeCode)).toMatchObject({
      value: 100,
      childrenSum: 100,
      shortfall: 0,
      progress: { status: 'measured', actual: 0 },
    });
  });

  it('lets only one of two concurrent district splits through when together they would exceed the parent', async () => {
    await putOk(badinh, district1, await plus(badinh, district1, yearly('voluntary_participants', 0)));
    await putOk(hoankiem, district2, await plus(hoankiem, district2, yearly('voluntary_participants', 0)));
    await putOk(hanoi, province, await plus(hanoi, province, yearly('voluntary_participants', 500)));
    const [one, two] = await Promise.all([
      plus(badinh, district1, yearly('voluntary_participants', 300)),
      plus(hoankiem, district2, yearly('voluntary_participants', 300)),
    ]);
    const results = await Promise.all([put(badinh, district1, one), put(hoankiem, district2, two)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    const sums = await t.db.pool.query<{ total: number }>(
      `SELECT sum(value)::int AS total FROM plan_targets t JOIN plans p ON p.id = t.plan_id
        WHERE p.id IN ($1, $2) AND t.metric = 'voluntary_participants'`,
      [district1.id, district2.id],
    );
    expect(sums.rows[0]!.total).toBe(300);
  });
});

describe('GET /api/plans/tree', () => {
  it('shows a province its districts with plan status, the children’s sum and the shortfall', async () => {
    const plans = await tree(hanoi);
    expect(plans.nodes[0]).toMatchObject({
      unit: { code: 'P01' },
      parentId: null,
      plan: { id: province.id, status: 'draft' },
    });
    expect(plans.nodes.slice(1).every((n) => n.parentId === p01 && !n.hasChildren)).toBe(true);
    expect(plans.nodes.find((n) => n.unit.id === d002)).toMatchObject({ plan: { status: 'draft' }, canCreate: false });
    expect(plans.nodes.find((n) => n.unit.code === 'D003')).toMatchObject({ plan: null, canCreate: true });
    expect(metricOf(plans, 'P01', 'products')).toEqual({
      metric: 'products',
      target: 100,
      childrenSum: 100,
      shortfall: 0,
      progress: { status: 'measured', actual: 0 },
    });
    expect(metricOf(plans, 'P01', 'budget_vnd')).toMatchObject({
      target: 1_500_000_000,
      childrenSum: 0,
      shortfall: 1_500_000_000,
    });
    expect(metricOf(plans, 'D001', 'products')).toMatchObject({ target: 60, childrenSum: null, shortfall: null });
    // Every metric has a source (events and their outcomes, products, expenditures): measured, nothing recorded yet.
    const metrics = plans.nodes.flatMap((n) => n.metrics);
    expect(metrics.every((m) => m.progress.status === 'measured' && m.progress.actual === 0)).toBe(true);
  });

  it('keeps each province to its own subtree; the Communication Center sees the whole tree', async () => {
    const danangTree = await tree(danang);
    expect(danangTree.nodes[0]!.unit.code).toBe('P48');
    expect(danangTree.nodes.some((n) => n.plan !== null)).toBe(false);
    expect((await danang.get(`/api/plans/tree?year=${YEAR}&unitId=${p01}`)).statusCode).toBe(404);
    const district = await tree(badinh);
    expect(district.nodes.map((n) => n.unit.code)).toEqual(['D001']);
    const whole = await tree(comms);
    expect(whole.nodes[0]).toMatchObject({ unit: { code: 'BHXHVN' }, parentId: null });
    expect(whole.nodes.find((n) => n.unit.code === 'P01')!.parentId).toBe(whole.nodes[0]!.unit.id);
    const branch = await tree(comms, `year=${YEAR}&unitId=${p01}`);
    expect(branch.nodes.map((n) => n.unit.code)).toEqual((await tree(hanoi)).nodes.map((n) => n.unit.code));
    expect((await comms.get('/api/plans/tree')).statusCode).toBe(400);
  });
});

describe('progress sources', () => {
  it("counts the products a unit's subtree created in the period, a themed target those naming the theme", async () => {
    const product = (createdAt: string, themes: string[]) =>
      t.db.pool.query(
        `INSERT INTO products (guidance_year, type_code, title, owner_unit_id, theme_codes, created_at, updated_at)
         SELECT year, code, 'Tin bài Hoàn Kiếm', $1, $2, $3, $3 FROM guidance_items
          WHERE kind = 'product_type' ORDER BY year DESC, sort_order LIMIT 1`,
        [d002, themes, createdAt],
      );
    await product(`${YEAR}-03-01T03:00:00Z`, ['II.1.a']);
    await product(`${YEAR}-06-01T03:00:00Z`, []);
    await product(`${YEAR - 1}-12-31T16:00:00Z`, ['II.1.a']); // 23:00 on 31 December in Vietnam: the year before
    const plans = await tree(hanoi);
    expect(metricOf(plans, 'D002', 'products').progress).toEqual({ status: 'measured', actual: 2 });
    expect(metricOf(plans, 'P01', 'products').progress).toEqual({ status: 'measured', actual: 2 });
    expect(metricOf(plans, 'D001', 'products').progress).toEqual({ status: 'measured', actual: 0 });
    const detail = await latest(hanoi, province);
    const themed = detail.targets.find((x) => x.metric === 'products' && x.themeCode === 'II.1.a');
    expect(themed?.progress).toEqual({ status: 'measured', actual: 1 });
  });

  it('uses a registered source for its metric only; a unit the source does not answer for has "no data"', async () => {
    const asked: { from: string; to: string; units: number }[] = [];
    t.services.plans.registerProgressSource('events', async (_tx, query) => {
      asked.push({ from: query.from, to: query.to, units: query.units.length });
      return new Map(query.units.filter((u) => u.id === d002).map((u) => [u.id, 321]));
    });
    const plans = await tree(hanoi);
    expect(metricOf(plans, 'D002', 'events').progress).toEqual({ status: 'measured', actual: 321 });
    expect(metricOf(plans, 'D001', 'events').progress).toEqual({ status: 'no_data' });
    expect(metricOf(plans, 'D002', 'products').progress).toEqual({ status: 'measured', actual: 2 });
    expect(asked[0]).toEqual({ from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, units: plans.nodes.length });
    const detail = await latest(hoankiem, district2);
    expect(detail.targets.map((x) => [x.metric, x.progress])).toEqual([
      ['products', { status: 'measured', actual: 2 }],
      ['events', { status: 'measured', actual: 321 }],
      ['voluntary_participants', { status: 'measured', actual: 0 }],
    ]);
  });
});
