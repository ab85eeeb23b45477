import ExcelJS from 'exceljs';
import type { TGuidanceCoverage } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

// The first quarter of 2025: products, publications and events of Hà Nội (P01, with Ba Đình D001), Hồ Chí Minh City
// (P79) and the Communication Center (TT), tagged with guidance themes and audiences. Nobody addresses II.2.a in it
// (its only records are outside the period, planned or cancelled); II.2.b only reaches an audience through the
// centre, not a province; II.2.c only through events, which carry no audiences.
const period = 'from=2025-01-01&to=2025-03-31';

let t: TestApp;
let leader: Session;
let hanoi: Session;
let units: Record<'P01' | 'D001' | 'P79' | 'TT', string>;

async function coverage(session: Session, query: string): Promise<TGuidanceCoverage> {
  const response = await session.get(`/api/dashboard/coverage?${period}&${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TGuidanceCoverage>();
}

/** The cells of a matrix as "theme column" → [products, publications, events, value], non-empty cells only. */
function filled(body: TGuidanceCoverage, columnName: (key: string) => string = (key) => key) {
  return Object.fromEntries(
    body.cells
      .filter((c) => c.value > 0 || c.products + c.publications + c.events > 0)
      .map((c) => [`${c.theme} ${columnName(c.column)}`, [c.products, c.publications, c.events, c.value]]),
  );
}

async function storeData() {
  const q = async (text: string, values: unknown[] = []) => (await t.db.pool.query<{ id: string }>(text, values)).rows;
  const [{ id: type }] = (await q(
    `SELECT code AS id FROM guidance_items WHERE kind = 'product_type' AND year = 2020 ORDER BY sort_order LIMIT 1`,
  )) as [{ id: string }];
  const product = async (owner: string, at: string, themes: string[], audiences: string[]) =>
    (
      await q(
        `INSERT INTO products (guidance_year, type_code, title, owner_unit_id, theme_codes, audience_codes, created_at,
           updated_at)
         VALUES (2020, $1, $2, $3, $4, $5, $6, $6) RETURNING id`,
        [type, `Sản phẩm ${themes.join(', ')}`, owner, themes, audiences, at],
      )
    )[0]!.id;
  const pr1 = await product(units.P01, '2025-02-01T03:00:00Z', ['II.1.a', 'II.1.b'], ['I.2', 'I.3']);
  const pr2 = await product(units.D001, '2025-02-10T03:00:00Z', ['II.1.a', 'II.1.a'], ['I.3']);
  await product(units.P79, '2025-03-05T03:00:00Z', ['II.1.c'], ['I.1']);
  await product(units.TT, '2025-01-10T03:00:00Z', ['II.2.b'], ['I.1']);
  const pr5 = await product(units.P01, '2024-12-31T16:59:00Z', ['II.2.a'], ['I.1']); // 23:59 on 31/12: outside
  await product(units.P01, '2025-03-01T03:00:00Z', ['II.1'], ['I.2']); // a heading, not a clause of the matrix
  await product(units.P79, '2025-03-02T03:00:00Z', [], ['I.1']); // no theme

  const publish = (productId: string, org: string, at: string) =>
    q(
      `INSERT INTO publications (product_id, channel, outlet, published_at, org_unit_id)
       VALUES ($1, 'press', 'Báo', $2, $3)`,
      [productId, at, org],
    );
  await publish(pr1, units.P79, '2025-02-15T03:00:00Z'); // Hà Nội's product published in Hồ Chí Minh City
  await publish(pr2, units.D001, '2025-03-01T03:00:00Z');
  await publish(pr5, units.P01, '2025-03-31T17:00:00Z'); // 00:00 on 1/4: outside

  const event = (org: string, status: string, at: string, themes: string[]) =>
    q(
      `INSERT INTO events (kind, title, org_unit_id, status, starts_at, theme_codes)
       VALUES ('conference', 'Hội nghị', $1, $2, $3, $4)`,
      [org, status, at, themes],
    );
  await event(units.P01, 'held', '2025-01-20T02:00:00Z', ['II.1.a', 'II.2.c']);
  await event(units.D001, 'reported', '2025-02-20T02:00:00Z', ['II.2.c']);
  await event(units.P79, 'planned', '2025-03-01T02:00:00Z', ['II.2.a']);
  await event(units.P79, 'cancelled', '2025-03-02T02:00:00Z', ['II.2.a']);
  await event(units.P79, 'reported', '2025-03-10T02:00:00Z', ['II.1.c']);
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'cov.leader', roles: ['leader'], unitCode: 'BHXHVN' });
  await t.createUser({ username: 'cov.hanoi', roles: ['province_officer'], unitCode: 'P01' });
  const [p01, d001, p79, tt] = await Promise.all(['P01', 'D001', 'P79', 'TT'].map((code) => t.unitId(code)));
  units = { P01: p01!, D001: d001!, P79: p79!, TT: tt! };
  await storeData();
  [leader, hanoi] = await Promise.all([t.login('cov.leader'), t.login('cov.hanoi')]);
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/dashboard/coverage', () => {
  it('names the rows and columns from the newest guidance catalog of the period, leaf clauses only', async () => {
    const { rows } = await t.db.pool.query<{ year: number }>(
      `SELECT max(year) AS year FROM guidance_items WHERE kind = 'theme' AND year <= 2025`,
    );
    const body = await coverage(leader, 'axis=audiences');
    expect(body.guidanceYear).toBe(Number(rows[0]!.year));
    const codes = body.themes.map((theme) => theme.code);
    expect(codes.slice(0, 3)).toEqual(['II.1.a', 'II.1.b', 'II.1.c']);
    expect(codes).toContain('II.2.a');
    expect(codes).not.toContain('II.1');
    expect(codes).not.toContain('II.2');
    expect(body.columns.map((c) => c.key)).toEqual(['I.1', 'I.2', 'I.3', 'I.4', 'I.5']);
    expect(body.cells).toHaveLength(codes.length * 5);
  });

  it('counts products and their publications per theme and audience; events carry no audience', async () => {
    const body = await coverage(leader, 'axis=audiences');
    expect(body.scope.code).toBe('BHXHVN');
    expect(filled(body)).toEqual({
      'II.1.a I.2': [1, 1, 0, 2],
      'II.1.a I.3': [2, 2, 0, 4],
      'II.1.b I.2': [1, 1, 0, 2],
      'II.1.b I.3': [1, 1, 0, 2],
      'II.1.c I.1': [1, 0, 0, 1],
      'II.2.b I.1': [1, 0, 0, 1],
    });
    expect(body.uncoveredThemes).toContain('II.2.a');
    expect(body.uncoveredThemes).toContain('II.2.c');
    expect(body.uncoveredThemes).not.toContain('II.2.b');
    const covered = ['II.1.a', 'II.1.b', 'II.1.c', 'II.2.b'];
    expect(body.uncoveredThemes).toEqual(body.themes.map((th) => th.code).filter((code) => !covered.includes(code)));
  });

  it('counts each province’s subtree on the provinces axis, events included — the gap of II.2.a shows', async () => {
    const body = await coverage(leader, 'axis=provinces');
    const keys = body.columns.map((c) => c.key);
    expect(keys).toContain(units.P01);
    expect(keys).toContain(units.P79);
    expect(keys).not.toContain(units.TT);
    expect(keys).not.toContain(units.D001);
    const name = (key: string) => (key === units.P01 ? 'P01' : key === units.P79 ? 'P79' : key);
    expect(filled(body, name)).toEqual({
      'II.1.a P01': [2, 1, 1, 4],
      'II.1.b P01': [1, 0, 0, 1],
      'II.2.c P01': [0, 0, 2, 2],
      'II.1.a P79': [0, 1, 0, 1],
      'II.1.b P79': [0, 1, 0, 1],
      'II.1.c P79': [1, 0, 1, 2],
    });
    const covered = ['II.1.a', 'II.1.b', 'II.1.c', 'II.2.c'];
    expect(body.uncoveredThemes).toEqual(body.themes.map((th) => th.code).filter((code) => !covered.includes(code)));
    expect(body.uncoveredThemes).toContain('II.2.a');
    expect(body.uncoveredThemes).toContain('II.2.b'); // only the centre addressed it
  });

  it('colours the chosen measure and lists the gaps for it', async () => {
    const body = await coverage(leader, 'axis=provinces&measure=events');
    expect(body.measure).toBe('events');
    const value = (theme: string, column: string) =>
      body.cells.find((c) => c.theme === theme && c.column === column)?.value;
    expect(value('II.1.a', units.P01)).toBe(1);
    expect(value('II.1.b', units.P01)).toBe(0);
    expect(body.uncoveredThemes).toContain('II.1.b');
    expect(body.uncoveredThemes).not.toContain('II.2.c');
  });

  it('keeps to the scope: a province is its own column, a district its own', async () => {
    const province = await coverage(hanoi, 'axis=provinces');
    expect(province.scope.code).toBe('P01');
    expect(province.columns).toEqual([{ key: units.P01, name: expect.objectContaining({}) }]);
    expect(filled(province, () => 'P01')).toEqual({
      'II.1.a P01': [2, 1, 1, 4],
      'II.1.b P01': [1, 0, 0, 1],
      'II.2.c P01': [0, 0, 2, 2],
    });
    const audiences = await coverage(hanoi, 'axis=audiences');
    expect(filled(audiences)).toEqual({
      'II.1.a I.2': [1, 0, 0, 1],
      'II.1.a I.3': [2, 1, 0, 3],
      'II.1.b I.2': [1, 0, 0, 1],
      'II.1.b I.3': [1, 0, 0, 1],
    });
    const district = await coverage(hanoi, `axis=provinces&orgUnitId=${units.D001}`);
    expect(district.columns.map((c) => c.key)).toEqual([units.D001]);
    expect(filled(district, () => 'D001')).toEqual({ 'II.1.a D001': [1, 1, 0, 2], 'II.2.c D001': [0, 0, 1, 1] });
  });

  it('answers 404 for a unit outside the caller’s scope or unknown', async () => {
    for (const id of [units.P79, units.TT, crypto.randomUUID()]) {
      const response = await hanoi.get(`/api/dashboard/coverage?${period}&orgUnitId=${id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json<{ code: string }>().code).toBe('resource.not_found');
    }
    const exported = await hanoi.get(`/api/dashboard/coverage/export.xlsx?${period}&orgUnitId=${units.P79}`);
    expect(exported.statusCode).toBe(404);
  });

  it('refuses a period that ends before it starts, or is longer than five years, on the field `to`', async () => {
    const order = await leader.get('/api/dashboard/coverage?from=2025-03-31&to=2025-01-01');
    expect(order.statusCode).toBe(422);
    const problem = order.json<{ code: string; errors: { field: string; code: string }[] }>();
    expect(problem.code).toBe('dashboard.invalid_period');
    expect(problem.errors.map((e) => [e.field, e.code])).toEqual([['to', 'validation.period_order']]);
    const long = await leader.get('/api/dashboard/coverage/export.xlsx?from=2020-01-01&to=2025-01-01');
    expect(long.statusCode).toBe(422);
    expect(long.json<{ errors: { field: string; code: string }[] }>().errors.map((e) => [e.field, e.code])).toEqual([
      ['to', 'validation.period_too_long'],
    ]);
    const badAxis = await leader.get(`/api/dashboard/coverage?${period}&axis=districts`);
    expect(badAxis.statusCode).toBe(400);
    expect(badAxis.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['axis']);
  });

  it('exports the same matrix and gaps as Excel, with Vietnamese headers', async () => {
    const body = await coverage(leader, 'axis=provinces');
    const response = await leader.get(`/api/dashboard/coverage/export.xlsx?${period}&axis=provinces`);
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const matrix = book.getWorksheet('Ma tran')!;
    const header = (matrix.getRow(4).values as unknown[]).slice(1);
    expect(header).toEqual(['Mã nội dung', 'Nội dung', ...body.columns.map((c) => c.name.vi)]);
    body.themes.forEach((theme, index) => {
      const row = (matrix.getRow(5 + index).values as unknown[]).slice(1);
      const values = body.columns.map(
        (c) => body.cells.find((x) => x.theme === theme.code && x.column === c.key)!.value,
      );
      expect(row).toEqual([theme.code, theme.name.vi, ...values]);
    });
    const p01Row = body.themes.findIndex((theme) => theme.code === 'II.1.a');
    const p01Column = body.columns.findIndex((c) => c.key === units.P01);
    expect(matrix.getRow(5 + p01Row).getCell(3 + p01Column).value).toBe(4);
    const gaps = book.getWorksheet('Chua truyen thong')!;
    const codes: unknown[] = [];
    gaps.eachRow((row, number) => {
      if (number > 4) codes.push(row.getCell(1).value);
    });
    expect(codes).toEqual(body.uncoveredThemes);
    expect(book.getWorksheet('Chi tiet')!.rowCount).toBe(4 + body.cells.length);
  });
});

describe('coverage for other modules', () => {
  it('computes a unit’s coverage with all three measures, without a caller; null for an unknown unit', async () => {
    const computed = await t.services.coverage.internal.compute(units.P01, '2025-01-01', '2025-03-31', 'provinces');
    expect(computed?.measure).toBe('all');
    expect(computed).toEqual(await coverage(hanoi, 'axis=provinces'));
    expect(
      await t.services.coverage.internal.compute(crypto.randomUUID(), '2025-01-01', '2025-03-31', 'audiences'),
    ).toBeNull();
  });
});
