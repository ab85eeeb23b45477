import ExcelJS from 'exceljs';
import { DASHBOARD_FIGURES, FIGURE_LABELS, type TDashboard, type TDrillRecord } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { EXPECTED, PERIOD, storeDashboardData } from './dashboard.fixtures.js';

let t: TestApp;
let leader: Session;
let hanoi: Session;
let badinh: Session;

const period = `from=${PERIOD.from}&to=${PERIOD.to}`;
type Page = { items: TDrillRecord[]; total: number };

async function drill(session: Session, query: string): Promise<Page> {
  const response = await session.get(`/api/dashboard/drill?${period}&${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page>();
}

async function openBook(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}

/** The rows of a sheet below its header row, as plain values. */
function rowsBelow(sheet: ExcelJS.Worksheet, headerRow: number): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row, number) => {
    if (number > headerRow) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'drill.leader', roles: ['leader'], unitCode: 'BHXHVN' });
  await t.createUser({ username: 'drill.hanoi', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'drill.badinh', roles: ['district_officer'], unitCode: 'D001' });
  await storeDashboardData(t);
  [leader, hanoi, badinh] = await Promise.all([
    t.login('drill.leader'),
    t.login('drill.hanoi'),
    t.login('drill.badinh'),
  ]);
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/dashboard/drill', () => {
  it('lists records whose values add up to every figure, for the agency, a province and a district', async () => {
    for (const [session, code] of [
      [leader, 'BHXHVN'],
      [hanoi, 'P01'],
      [badinh, 'D001'],
    ] as const) {
      for (const figure of DASHBOARD_FIGURES) {
        const page = await drill(session, `figure=${figure}&pageSize=1000`);
        expect(page.items).toHaveLength(page.total);
        const sum = page.items.reduce((total, item) => total + item.value, 0);
        expect([code, figure, sum]).toEqual([code, figure, EXPECTED[code].value[figure]]);
      }
    }
  });

  it('shows the newest first, with the unit, the Vietnam day and a link into Loa', async () => {
    const page = await drill(leader, 'figure=products');
    expect(page.total).toBe(5);
    expect(page.items.map((i) => i.date)).toEqual([
      '2025-03-31',
      '2025-03-10',
      '2025-02-15',
      '2025-02-01',
      '2025-01-01',
    ]);
    const last = page.items[4]!;
    expect(last.title).toBe('Video TP.HCM');
    expect(last.unit?.code).toBe('P79');
    expect(last.link).toBe(`/products/${last.id}`);
    const reach = await drill(hanoi, 'figure=reach');
    expect(reach.items.map((i) => i.value)).toEqual([50, 1000, 150]);
    expect(reach.items[0]!.link).toMatch(/^\/products\/[0-9a-f-]{36}\?tab=publications$/);
  });

  it('keeps reversals beside what they reverse, and allocations between units of the scope out', async () => {
    const spent = await drill(badinh, 'figure=budgetSpent');
    expect(spent.items.map((i) => i.value).sort()).toEqual([-5_000_000, 5_000_000]);
    expect(spent.items[0]!.link).toBe(`/budget/expenditures/${spent.items[0]!.id}`);
    const allocated = await drill(hanoi, 'figure=budgetAllocated');
    expect(allocated.items.map((i) => [i.unit?.code, i.value])).toEqual([['P01', 300_000_000]]);
    expect(allocated.items[0]!.link).toBe('/budget?tab=allocations&year=2025&q=300%2FQ%C4%90-2025');
  });

  it('lists articles without a source for the agency only, and open incidents with their pages', async () => {
    const press = await drill(leader, 'figure=pressNegative');
    expect(press.items.map((i) => i.unit?.code ?? null)).toEqual([null, 'P79', 'P01']);
    expect(press.items[0]!.link).toBe(`/monitoring/articles/${press.items[0]!.id}`);
    const open = await drill(leader, 'figure=incidentsOpen');
    expect(open.items.map((i) => [i.title, i.link])).toEqual([
      ['SC-3 — Sự cố SC-3', `/incidents/${open.items[0]!.id}`],
    ]);
  });

  it('pages through the records without repeating or losing one', async () => {
    const all = await drill(leader, 'figure=products&pageSize=1000');
    const pages = await Promise.all([1, 2, 3].map((n) => drill(leader, `figure=products&pageSize=2&page=${n}`)));
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(all.items.map((i) => i.id));
    expect(pages.every((p) => p.total === 5)).toBe(true);
  });
});

describe('Excel exports', () => {
  it('exports the dashboard with the numbers of the screen: figures, breakdowns, months, children', async () => {
    const response = await leader.get(`/api/dashboard/export.xlsx?${period}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('bang-dieu-khien.xlsx');
    const screen = (await leader.get(`/api/dashboard?${period}`)).json<TDashboard>();
    const book = await openBook(response.rawPayload);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Chi tieu',
      'San pham theo loai',
      'Dang tai theo kenh',
      'Hoat dong theo hinh thuc',
      'Bao chi theo sac thai',
      'Chi theo noi dung',
      'Theo thang',
      'Don vi truc thuoc',
    ]);
    const figures = rowsBelow(book.getWorksheet('Chi tieu')!, 3);
    expect(figures.map((r) => [r[0], r[2], r[3]])).toEqual(
      DASHBOARD_FIGURES.map((f) => [FIGURE_LABELS[f].vi, EXPECTED.BHXHVN.value[f], EXPECTED.BHXHVN.previous[f]]),
    );
    // 5 products against 1: +400 %; allocations 1.3 billion against 0.5: +160 %; nothing last year: blank.
    expect(figures[0]![4]).toBeCloseTo(4);
    expect(figures[7]![4]).toBeCloseTo(1.6);
    expect(figures[5]![4]).toBeUndefined();
    const sentiment = rowsBelow(book.getWorksheet('Bao chi theo sac thai')!, 3);
    expect(sentiment).toEqual(screen.breakdowns.pressBySentiment.map((i) => [i.label.vi, i.key, i.value]));
    const months = rowsBelow(book.getWorksheet('Theo thang')!, 3);
    expect(months).toEqual([
      ['01/2025', 1, 0, 1, 22, 10_000_000],
      ['02/2025', 2, 2, 1, 30, 45_000_000],
      ['03/2025', 2, 1, 1, 10, 2_000_000],
    ]);
    const children = rowsBelow(book.getWorksheet('Don vi truc thuoc')!, 3);
    expect(children).toHaveLength(screen.children.length);
    const p01 = children.find((r) => r[0] === 'P01')!;
    expect(p01.slice(2)).toEqual(DASHBOARD_FIGURES.map((f) => EXPECTED.P01.value[f]));
  });

  it('exports every record of a drill, with the same total', async () => {
    const response = await hanoi.get(`/api/dashboard/drill/export.xlsx?${period}&figure=attendance&pageSize=1`);
    expect(response.statusCode).toBe(200);
    const sheet = (await openBook(response.rawPayload)).worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Ngày',
      'Nội dung',
      'Mã đơn vị',
      'Đơn vị',
      'Số người',
      'Đường dẫn trong Loa',
    ]);
    const rows = rowsBelow(sheet, 1);
    expect(rows.map((r) => [r[0], r[2], r[4]])).toEqual([
      ['20/02/2025', 'D001', 30],
      ['10/01/2025', 'P01', 22],
    ]);
    expect(rows.reduce((total, r) => total + Number(r[4]), 0)).toBe(EXPECTED.P01.value.attendance);
  });

  it('refuses to export a drill outside the scope before anything is sent', async () => {
    const p79 = await t.unitId('P79');
    const response = await hanoi.get(`/api/dashboard/drill/export.xlsx?${period}&figure=events&orgUnitId=${p79}`);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
