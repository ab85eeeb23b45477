// Plan versus actual as a workbook: the scope's metrics, one row per child unit with every metric's target, expected,
// actual, completion and status, and the months of the scope and each child — the same TPlanActual the screen shows.
import ExcelJS from 'exceljs';
import { addTitledSheet, type SheetCell } from '../../platform/sheets.js';
import {
  PLAN_ACTUAL_STATUS_LABELS,
  PLAN_METRIC_LABELS,
  PLAN_METRICS,
  PLAN_STATUS_LABELS,
  viDate,
  type TPlanActual,
  type TPlanActualMetric,
  type TPlanActualUnit,
} from '@loa/contracts';

const COUNT = '#,##0';
const DECIMAL = '#,##0.0';
const PERCENT = '0.0%';

const metricOf = (unit: TPlanActualUnit, index: number) => unit.metrics[index]!;
const figures = (m: TPlanActualMetric): SheetCell[] => [
  m.target,
  m.expected,
  m.actual,
  m.completion,
  PLAN_ACTUAL_STATUS_LABELS[m.status].vi,
];
const planCell = (unit: TPlanActualUnit) => (unit.plan ? PLAN_STATUS_LABELS[unit.plan.status].vi : 'Chưa có kế hoạch');

/** The workbook of one plan-versus-actual view (children as filtered on the screen). */
export async function planActualWorkbook(data: TPlanActual): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Loa';
  const heading = `${data.scope.unit.name} — năm ${data.year}, tính đến ngày ${viDate(data.asOf)}`;

  addTitledSheet(
    book,
    'Chi tieu',
    `Kế hoạch và kết quả thực hiện — ${heading}`,
    [
      { header: 'Chỉ tiêu', width: 44 },
      { header: 'Kế hoạch năm', width: 18, format: COUNT },
      { header: 'Kế hoạch đến ngày', width: 18, format: DECIMAL },
      { header: 'Thực hiện', width: 18, format: COUNT },
      { header: 'Tỷ lệ hoàn thành', width: 16, format: PERCENT },
      { header: 'Tình trạng', width: 20 },
    ],
    data.scope.metrics.map((m) => [PLAN_METRIC_LABELS[m.metric].vi, ...figures(m)]),
  );

  addTitledSheet(
    book,
    'Don vi truc thuoc',
    `Các đơn vị trực thuộc, xếp hạng theo tỷ lệ hoàn thành "${PLAN_METRIC_LABELS[data.metric].vi}" — ${heading}`,
    [
      { header: 'Hạng', width: 8 },
      { header: 'Mã đơn vị', width: 12 },
      { header: 'Tên đơn vị', width: 36 },
      { header: 'Kế hoạch', width: 20 },
      ...PLAN_METRICS.flatMap((metric) => {
        const label = PLAN_METRIC_LABELS[metric].vi;
        return [
          { header: `${label} — kế hoạch năm`, width: 18, format: COUNT },
          { header: `${label} — kế hoạch đến ngày`, width: 18, format: DECIMAL },
          { header: `${label} — thực hiện`, width: 18, format: COUNT },
          { header: `${label} — tỷ lệ hoàn thành`, width: 16, format: PERCENT },
          { header: `${label} — tình trạng`, width: 20 },
        ];
      }),
    ],
    data.children.map((child) => [
      child.rank,
      child.unit.code,
      child.unit.name,
      planCell(child),
      ...PLAN_METRICS.flatMap((_, index) => figures(metricOf(child, index))),
    ]),
  );

  addTitledSheet(
    book,
    'Theo thang',
    `Kế hoạch và thực hiện theo tháng — ${heading}`,
    [
      { header: 'Mã đơn vị', width: 12 },
      { header: 'Tên đơn vị', width: 36 },
      { header: 'Tháng', width: 10 },
      ...PLAN_METRICS.flatMap((metric) => {
        const label = PLAN_METRIC_LABELS[metric].vi;
        return [
          { header: `${label} — kế hoạch`, width: 18, format: DECIMAL },
          { header: `${label} — thực hiện`, width: 18, format: COUNT },
        ];
      }),
    ],
    [data.scope, ...data.children].flatMap((unit) =>
      unit.metrics[0]!.months.map((month, monthIndex) => {
        const [year, number] = month.month.split('-');
        return [
          unit.unit.code,
          unit.unit.name,
          `${number}/${year}`,
          ...unit.metrics.flatMap((m) => [m.months[monthIndex]!.target, m.months[monthIndex]!.actual]),
        ];
      }),
    ),
  );

  return Buffer.from(await book.xlsx.writeBuffer());
}
