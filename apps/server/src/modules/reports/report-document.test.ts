import { DASHBOARD_FIGURES, type TDashboard, type TDashboardFigure } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { buildReportDocument, paragraphsOf, type ReportContent } from './report-document.js';

const values = (value: number) =>
  Object.fromEntries(DASHBOARD_FIGURES.map((f) => [f, value])) as Record<TDashboardFigure, number>;

function content(overrides: Partial<ReportContent> = {}): ReportContent {
  const dashboard: TDashboard = {
    from: '2026-07-01',
    to: '2026-09-30',
    scope: { id: 'p', code: 'P48', name: 'BHXH thành phố Đà Nẵng', kind: 'province' },
    figures: DASHBOARD_FIGURES.map((figure) => ({
      figure,
      value: figure === 'budgetSpent' ? 1_250_000 : 45,
      previous: figure === 'products' ? 40 : 0,
    })),
    breakdowns: {
      productsByType: [],
      publicationsByChannel: [],
      eventsByKind: [],
      pressBySentiment: [],
      spentByCategory: [
        { key: 'print', label: { vi: 'In ấn', en: 'Print' }, value: 750_000 },
        { key: 'events', label: { vi: 'Hội nghị', en: 'Events' }, value: 250_000 },
      ],
    },
    months: [],
    children: [],
  };
  return {
    period: { kind: 'quarter', year: 2026, number: 3 },
    from: '2026-07-01',
    to: '2026-09-30',
    unitName: 'BHXH thành phố Đà Nẵng',
    number: null,
    subject: 'Kết quả quý III năm 2026',
    parentAgency: 'BẢO HIỂM XÃ HỘI VIỆT NAM',
    issuer: 'BẢO HIỂM XÃ HỘI THÀNH PHỐ ĐÀ NẴNG',
    place: 'Đà Nẵng',
    signedOn: '2026-10-05',
    recipients: ['- Như trên;'],
    signerAuthority: 'GIÁM ĐỐC',
    signerTitle: '',
    signerName: 'Trần Văn B',
    sections: [{ heading: 'I', text: 'a', table: 'figures' }],
    dashboard,
    children: [
      { unit: { id: 'a', code: 'D1', name: 'BHXH quận Hải Châu', kind: 'district' }, values: values(3), report: null },
      {
        unit: { id: 'b', code: 'D2', name: 'BHXH quận Sơn Trà', kind: 'district' },
        values: values(1234),
        report: { id: 'r', status: 'approved', number: '7' },
      },
    ],
    planActual: null,
    coverage: null,
    generatedAt: new Date('2026-10-05T02:00:00Z'),
    ...overrides,
  };
}

describe('buildReportDocument', () => {
  it('writes the header lines of the decree', () => {
    const doc = buildReportDocument(content());
    expect(doc.header).toEqual({
      parentAgency: 'BẢO HIỂM XÃ HỘI VIỆT NAM',
      issuer: 'BẢO HIỂM XÃ HỘI THÀNH PHỐ ĐÀ NẴNG',
      numberLine: 'Số:        /BC-BHXH',
      placeDate: 'Đà Nẵng, ngày 05 tháng 10 năm 2026',
    });
    expect(doc.title).toBe('BÁO CÁO');
    expect(doc.meta.periodLabel).toBe('quý III năm 2026');
  });

  it('tabulates the figures against last year, in Vietnamese formats', () => {
    const { figures } = buildReportDocument(content()).tables;
    expect(figures.rows).toHaveLength(DASHBOARD_FIGURES.length);
    expect(figures.rows[0]).toEqual(['1', 'Sản phẩm truyền thông', 'Số lượng', '45', '40', '+12,5%']);
    const spent = figures.rows.find((row) => row[1] === 'Kinh phí đã chi')!;
    expect(spent.slice(2)).toEqual(['Đồng', '1.250.000', '0', '']);
  });

  it('lists the child units with their own reports', () => {
    const { children } = buildReportDocument(content()).tables;
    expect(children.rows.map((row) => [row[1], row[2], row.at(-1)])).toEqual([
      ['BHXH quận Hải Châu', '3', 'Chưa có'],
      ['BHXH quận Sơn Trà', '1.234', 'Đã duyệt'],
    ]);
  });

  it('shares spending by category and says so when a table has nothing', () => {
    const doc = buildReportDocument(content({ children: [] }));
    expect(doc.tables.budget.rows).toEqual([
      ['1', 'In ấn', '750.000', '75%'],
      ['2', 'Hội nghị', '250.000', '25%'],
    ]);
    expect(doc.tables.children.rows).toEqual([]);
    expect(doc.tables.children.empty).toContain('không có đơn vị trực thuộc');
    expect(doc.tables.plan_actual.empty).toContain('Chưa có số liệu kế hoạch');
    expect(doc.tables.press.empty).toContain('chưa ghi nhận');
  });

  it('charts this period against last year', () => {
    const { chart } = buildReportDocument(content());
    expect(chart.categories[0]).toBe('Sản phẩm');
    expect(chart.series.map((s) => s.values[0])).toEqual([45, 40]);
  });
});

describe('paragraphsOf', () => {
  it('splits on blank lines and line breaks and drops empty lines', () => {
    expect(paragraphsOf('Một.\n\nHai.\nBa.\n\n  \n')).toEqual(['Một.', 'Hai.', 'Ba.']);
  });
});
