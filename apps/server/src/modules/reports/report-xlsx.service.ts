// The report's figures as a workbook: the figures against last year, the child units with their reports, the months,
// plan versus actual and guidance coverage — numbers as numbers (dot-grouped by the format), Vietnamese headers.
import ExcelJS from 'exceljs';
import { addTitledSheet } from '../../platform/sheets.js';
import {
  changeRatio,
  FIGURE_LABELS,
  FIGURE_UNITS,
  PLAN_ACTUAL_STATUS_LABELS,
  PLAN_METRIC_LABELS,
  REPORT_STATUS_LABELS,
  viDate,
} from '@loa/contracts';
import type { ReportContent, ReportDocument } from './report-document.js';

const NUMBER = '#,##0';
const PERCENT = '0.0%';
const UNIT_NAMES = { count: 'Số lượng', people: 'Người', vnd: 'Đồng' } as const;

/** The XLSX file of a report. */
export async function renderReportXlsx(document: ReportDocument, content: ReportContent): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Loa';
  book.created = content.generatedAt;
  const { dashboard } = content;
  const heading = `${content.unitName} — ${document.meta.periodLabel} (từ ${viDate(content.from)} đến ${viDate(content.to)})`;

  addTitledSheet(
    book,
    'Chi tieu',
    `Kết quả công tác truyền thông — ${heading}`,
    [
      { header: 'Chỉ tiêu', width: 44 },
      { header: 'Đơn vị tính', width: 14 },
      { header: 'Kỳ này', width: 18, format: NUMBER },
      { header: 'Cùng kỳ năm trước', width: 20, format: NUMBER },
      { header: 'Tăng/giảm', width: 12, format: PERCENT },
    ],
    dashboard.figures.map((f) => [
      FIGURE_LABELS[f.figure].vi,
      UNIT_NAMES[FIGURE_UNITS[f.figure]],
      f.value,
      f.previous,
      changeRatio(f.value, f.previous),
    ]),
  );

  addTitledSheet(
    book,
    'Don vi truc thuoc',
    `Kết quả của các đơn vị trực thuộc — ${heading}`,
    [
      { header: 'Mã đơn vị', width: 12 },
      { header: 'Đơn vị', width: 36 },
      ...dashboard.figures.map((f) => ({ header: FIGURE_LABELS[f.figure].vi, width: 16, format: NUMBER })),
      { header: 'Báo cáo kỳ này', width: 16 },
      { header: 'Số báo cáo', width: 16 },
    ],
    content.children.map((child) => [
      child.unit.code,
      child.unit.name,
      ...dashboard.figures.map((f) => child.values[f.figure] ?? 0),
      child.report ? REPORT_STATUS_LABELS[child.report.status].vi : 'Chưa có',
      child.report?.number ?? null,
    ]),
  );

  addTitledSheet(
    book,
    'Theo thang',
    `Kết quả theo tháng — ${heading}`,
    [
      { header: 'Tháng', width: 12 },
      { header: 'Sản phẩm', width: 14, format: NUMBER },
      { header: 'Lượt đăng tải', width: 14, format: NUMBER },
      { header: 'Hoạt động trực tiếp', width: 18, format: NUMBER },
      { header: 'Người tham dự', width: 16, format: NUMBER },
      { header: 'Kinh phí đã chi (đồng)', width: 22, format: NUMBER },
    ],
    dashboard.months.map((m) => [
      `${m.month.slice(5, 7)}/${m.month.slice(0, 4)}`,
      m.products,
      m.publications,
      m.events,
      m.attendance,
      m.spent,
    ]),
  );

  const planActual = content.planActual;
  addTitledSheet(
    book,
    'Ke hoach - thuc hien',
    planActual
      ? `Kế hoạch và thực hiện năm ${planActual.year} (đến ngày ${viDate(planActual.asOf)}) — ${content.unitName}`
      : `Kế hoạch và thực hiện — chưa có số liệu kế hoạch của ${content.unitName}`,
    [
      { header: 'Đơn vị', width: 36 },
      { header: 'Chỉ tiêu', width: 34 },
      { header: 'Kế hoạch năm', width: 16, format: NUMBER },
      { header: 'Lũy kế thực hiện', width: 18, format: NUMBER },
      { header: 'Tỷ lệ hoàn thành', width: 16, format: PERCENT },
      { header: 'Đánh giá', width: 20 },
    ],
    planActual
      ? [planActual.scope, ...planActual.children].flatMap((unit) =>
          unit.metrics.map((m) => [
            unit.unit.name,
            PLAN_METRIC_LABELS[m.metric].vi,
            m.target,
            m.actual,
            m.completion,
            PLAN_ACTUAL_STATUS_LABELS[m.status].vi,
          ]),
        )
      : [],
  );

  const coverage = content.coverage;
  const columnNames = new Map(coverage?.columns.map((c) => [c.key, c.name.vi]) ?? []);
  const themeNames = new Map(coverage?.themes.map((t) => [t.code, t.name.vi]) ?? []);
  addTitledSheet(
    book,
    'Bao phu huong dan',
    coverage
      ? `Mức độ bao phủ nội dung hướng dẫn năm ${coverage.guidanceYear} — ${heading}`
      : `Mức độ bao phủ nội dung hướng dẫn — chưa có số liệu`,
    [
      { header: 'Mục', width: 10 },
      { header: 'Chủ đề', width: 44 },
      { header: 'Đối tượng', width: 30 },
      { header: 'Sản phẩm', width: 12, format: NUMBER },
      { header: 'Lượt đăng tải', width: 14, format: NUMBER },
      { header: 'Hoạt động', width: 12, format: NUMBER },
      { header: 'Tổng', width: 10, format: NUMBER },
    ],
    coverage?.cells.map((c) => [
      c.theme,
      themeNames.get(c.theme) ?? c.theme,
      columnNames.get(c.column) ?? c.column,
      c.products,
      c.publications,
      c.events,
      c.products + c.publications + c.events,
    ]) ?? [],
  );

  return Buffer.from(await book.xlsx.writeBuffer());
}
