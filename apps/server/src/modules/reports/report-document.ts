// What a generated report says, independent of the file format: the header lines of Nghị định 30/2020, the body's
// sections, the generated tables (as formatted text), the chart, the recipients and the signature. The DOCX and PDF
// builders lay this out; the XLSX takes the same figures as numbers.
import type { DASHBOARD_FIGURES } from '@loa/contracts';
import {
  FIGURE_LABELS,
  FIGURE_UNITS,
  PLAN_ACTUAL_STATUS_LABELS,
  PLAN_METRIC_LABELS,
  REPORT_STATUS_LABELS,
  reportPeriodLabel,
  type TDashboard,
  type TGuidanceCoverage,
  type TPlanActual,
  type TReportPeriod,
  type TReportSection,
  type TReportStatus,
} from '@loa/contracts';
import { placeDateLine, viChange, viNumber, viPercent } from './report-format.js';
import { numberLine } from './report-rules.js';

export type ReportTableKind = Exclude<TReportSection['table'], 'none'>;

export interface TableColumn {
  header: string;
  /** Relative width; the builders scale the columns to the text width. */
  width: number;
  align: 'left' | 'right' | 'center';
}

export interface TableSpec {
  columns: TableColumn[];
  rows: string[][];
  /** Said instead of the table when it has no rows. */
  empty: string;
}

export interface ChartSpec {
  title: string;
  categories: string[];
  series: { name: string; color: string; values: number[] }[];
}

/** A child unit with its figures and its own report of the same period, if any. */
export interface ChildWithReport {
  unit: { id: string; code: string; name: string; kind: string };
  values: TDashboard['children'][number]['values'];
  report: { id: string; status: TReportStatus; number: string | null } | null;
}

/** Everything a report's documents are made from (the report as saved, with its subject and sections filled). */
export interface ReportContent {
  period: TReportPeriod;
  from: string;
  to: string;
  unitName: string;
  number: string | null;
  subject: string;
  parentAgency: string;
  issuer: string;
  place: string;
  signedOn: string | null;
  recipients: string[];
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
  sections: TReportSection[];
  dashboard: TDashboard;
  children: ChildWithReport[];
  planActual: TPlanActual | null;
  coverage: TGuidanceCoverage | null;
  /** When the figures were read. */
  generatedAt: Date;
}

export interface ReportDocument {
  header: { parentAgency: string; issuer: string; numberLine: string; placeDate: string };
  title: string;
  subject: string;
  sections: TReportSection[];
  tables: Record<ReportTableKind, TableSpec>;
  chart: ChartSpec;
  recipients: string[];
  signature: { authority: string; title: string; name: string };
  /** For the documents' properties and the workbook's title line. */
  meta: { unitName: string; periodLabel: string; from: string; to: string; generatedAt: Date };
}

const UNIT_NAMES = { count: 'Số lượng', people: 'Người', vnd: 'Đồng' } as const;
const col = (header: string, width: number, align: TableColumn['align'] = 'right'): TableColumn => ({
  header,
  width,
  align,
});
const share = (part: number, whole: number) => (whole > 0 ? viPercent(part / whole) : '');

function figuresTable(dashboard: TDashboard): TableSpec {
  return {
    columns: [
      col('STT', 7, 'center'),
      col('Chỉ tiêu', 36, 'left'),
      col('Đơn vị tính', 11, 'center'),
      col('Kỳ này', 16),
      col('Cùng kỳ năm trước', 16),
      col('Tăng/giảm', 12),
    ],
    rows: dashboard.figures.map((f, index) => [
      String(index + 1),
      FIGURE_LABELS[f.figure].vi,
      UNIT_NAMES[FIGURE_UNITS[f.figure]],
      viNumber(f.value),
      viNumber(f.previous),
      viChange(f.value, f.previous),
    ]),
    empty: '',
  };
}

const CHILD_FIGURES = ['products', 'publications', 'events', 'attendance', 'budgetSpent'] as const;

function childrenTable(children: ChildWithReport[]): TableSpec {
  return {
    columns: [
      col('STT', 7, 'center'),
      col('Đơn vị', 28, 'left'),
      col('Sản phẩm', 10),
      col('Lượt đăng tải', 11),
      col('Hoạt động trực tiếp', 11),
      col('Người tham dự', 11),
      col('Kinh phí đã chi (đồng)', 15),
      col('Báo cáo kỳ này', 12, 'center'),
    ],
    rows: children.map((child, index) => [
      String(index + 1),
      child.unit.name,
      ...CHILD_FIGURES.map((figure) => viNumber(child.values[figure] ?? 0)),
      child.report ? REPORT_STATUS_LABELS[child.report.status].vi : 'Chưa có',
    ]),
    empty: 'Đơn vị không có đơn vị trực thuộc trong kỳ báo cáo.',
  };
}

function planActualTable(planActual: TPlanActual | null): TableSpec {
  const metrics = planActual?.scope.metrics.filter((m) => m.status !== 'no_target') ?? [];
  return {
    columns: [
      col('STT', 7, 'center'),
      col('Chỉ tiêu kế hoạch', 33, 'left'),
      col('Kế hoạch năm', 14),
      col('Lũy kế thực hiện', 14),
      col('Tỷ lệ hoàn thành', 13),
      col('Đánh giá', 21, 'center'),
    ],
    rows: metrics.map((m, index) => [
      String(index + 1),
      PLAN_METRIC_LABELS[m.metric].vi,
      m.target === null ? '' : viNumber(m.target),
      m.actual === null ? '' : viNumber(m.actual),
      m.completion === null ? '' : viPercent(m.completion),
      PLAN_ACTUAL_STATUS_LABELS[m.status].vi,
    ]),
    empty: planActual
      ? `Kế hoạch năm ${planActual.year} của đơn vị chưa giao chỉ tiêu.`
      : 'Chưa có số liệu kế hoạch của đơn vị.',
  };
}

function coverageTable(coverage: TGuidanceCoverage | null): TableSpec {
  const rows =
    coverage?.themes.map((theme) => {
      const cells = coverage.cells.filter((c) => c.theme === theme.code);
      const sum = (key: 'products' | 'publications' | 'events') => cells.reduce((total, c) => total + c[key], 0);
      return [theme.code, theme.name.vi, sum('products'), sum('publications'), sum('events')] as const;
    }) ?? [];
  return {
    columns: [
      col('Mục', 8, 'center'),
      col('Chủ đề hướng dẫn', 46, 'left'),
      col('Sản phẩm', 12),
      col('Lượt đăng tải', 12),
      col('Hoạt động', 12),
      col('Tổng', 10),
    ],
    rows: rows.map(([code, name, products, publications, events]) => [
      code,
      name,
      viNumber(products),
      viNumber(publications),
      viNumber(events),
      products + publications + events === 0 ? 'Chưa đề cập' : viNumber(products + publications + events),
    ]),
    empty: 'Chưa có số liệu về mức độ bao phủ nội dung hướng dẫn.',
  };
}

function breakdownTable(
  items: TDashboard['breakdowns']['spentByCategory'],
  header: string,
  valueHeader: string,
  empty: string,
): TableSpec {
  const total = items.reduce((sum, item) => sum + item.value, 0);
  return {
    columns: [col('STT', 7, 'center'), col(header, 50, 'left'), col(valueHeader, 24), col('Tỷ trọng', 14)],
    rows: items.map((item, index) => [
      String(index + 1),
      item.label.vi,
      viNumber(item.value),
      share(item.value, total),
    ]),
    empty,
  };
}

/** The figures this period against the same period last year, for those counted in records (not people or money). */
const CHART_FIGURES = [
  'products',
  'publications',
  'events',
  'pressArticles',
  'pressNegative',
  'incidentsOpened',
] as const;
const CHART_NAMES: Record<(typeof CHART_FIGURES)[number], string> = {
  products: 'Sản phẩm',
  publications: 'Lượt đăng tải',
  events: 'Hoạt động',
  pressArticles: 'Tin bài',
  pressNegative: 'Tin tiêu cực',
  incidentsOpened: 'Sự cố',
};

function chartOf(dashboard: TDashboard): ChartSpec {
  const value = (figure: (typeof DASHBOARD_FIGURES)[number], key: 'value' | 'previous') =>
    dashboard.figures.find((f) => f.figure === figure)?.[key] ?? 0;
  return {
    title: 'Biểu đồ: kết quả kỳ này so với cùng kỳ năm trước',
    categories: CHART_FIGURES.map((figure) => CHART_NAMES[figure]),
    series: [
      { name: 'Kỳ này', color: '#1F4E79', values: CHART_FIGURES.map((f) => value(f, 'value')) },
      { name: 'Cùng kỳ năm trước', color: '#9DB7D5', values: CHART_FIGURES.map((f) => value(f, 'previous')) },
    ],
  };
}

/** The format-independent document of a report. */
export function buildReportDocument(content: ReportContent): ReportDocument {
  const { dashboard } = content;
  return {
    header: {
      parentAgency: content.parentAgency,
      issuer: content.issuer,
      numberLine: numberLine(content.number),
      placeDate: placeDateLine(content.place, content.signedOn, Number(content.to.slice(0, 4))),
    },
    title: 'BÁO CÁO',
    subject: content.subject,
    sections: content.sections,
    tables: {
      figures: figuresTable(dashboard),
      children: childrenTable(content.children),
      plan_actual: planActualTable(content.planActual),
      coverage: coverageTable(content.coverage),
      budget: breakdownTable(
        dashboard.breakdowns.spentByCategory,
        'Nội dung chi',
        'Số tiền (đồng)',
        'Trong kỳ chưa phát sinh khoản chi.',
      ),
      press: breakdownTable(
        dashboard.breakdowns.pressBySentiment,
        'Sắc thái tin bài báo chí',
        'Số tin bài',
        'Trong kỳ chưa ghi nhận tin bài báo chí về ngành.',
      ),
    },
    chart: chartOf(dashboard),
    recipients: content.recipients,
    signature: { authority: content.signerAuthority, title: content.signerTitle, name: content.signerName },
    meta: {
      unitName: content.unitName,
      periodLabel: reportPeriodLabel(content.period, 'vi'),
      from: content.from,
      to: content.to,
      generatedAt: content.generatedAt,
    },
  };
}

/** The paragraphs of a section's text: blank lines and line breaks both start a new paragraph. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
}
