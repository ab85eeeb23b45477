// The dashboard as a workbook: the figures with last year's value and the change, each breakdown, the months and
// the child units — the same numbers the screen shows, Vietnamese headers.
import ExcelJS from 'exceljs';
import { addTitledSheet } from '../../platform/sheets.js';
import { changeRatio, DASHBOARD_FIGURES, FIGURE_LABELS, FIGURE_UNITS, viDate, type TDashboard } from '@loa/contracts';

const NUMBER_FORMAT = '#,##0';
const UNIT_NAMES = { count: 'Số lượng', people: 'Người', vnd: 'Đồng' } as const;

/** The workbook of one dashboard: sheets of figures, breakdowns, months and child units. */
export async function dashboardWorkbook(dashboard: TDashboard): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Loa';
  const heading = `${dashboard.scope.name} — từ ${viDate(dashboard.from)} đến ${viDate(dashboard.to)}`;

  addTitledSheet(
    book,
    'Chi tieu',
    `Kết quả công tác truyền thông — ${heading}`,
    [
      { header: 'Chỉ tiêu', width: 44 },
      { header: 'Đơn vị tính', width: 14 },
      { header: 'Kỳ này', width: 18, format: NUMBER_FORMAT },
      { header: 'Cùng kỳ năm trước', width: 20, format: NUMBER_FORMAT },
      { header: 'Thay đổi', width: 12, format: '0.0%' },
    ],
    dashboard.figures.map((f) => [
      FIGURE_LABELS[f.figure].vi,
      UNIT_NAMES[FIGURE_UNITS[f.figure]],
      f.value,
      f.previous,
      changeRatio(f.value, f.previous),
    ]),
  );

  const breakdowns: [string, string, string, TDashboard['breakdowns'][keyof TDashboard['breakdowns']]][] = [
    ['San pham theo loai', 'Sản phẩm truyền thông theo loại', 'Loại sản phẩm', dashboard.breakdowns.productsByType],
    ['Dang tai theo kenh', 'Lượt đăng tải, phát sóng theo kênh', 'Kênh', dashboard.breakdowns.publicationsByChannel],
    [
      'Hoat dong theo hinh thuc',
      'Hoạt động truyền thông trực tiếp theo hình thức',
      'Hình thức',
      dashboard.breakdowns.eventsByKind,
    ],
    [
      'Bao chi theo sac thai',
      'Tin bài báo chí về ngành theo sắc thái',
      'Sắc thái',
      dashboard.breakdowns.pressBySentiment,
    ],
    [
      'Chi theo noi dung',
      'Kinh phí đã chi theo nội dung chi (đồng)',
      'Nội dung chi',
      dashboard.breakdowns.spentByCategory,
    ],
  ];
  for (const [name, title, label, items] of breakdowns)
    addTitledSheet(
      book,
      name,
      `${title} — ${heading}`,
      [
        { header: label, width: 44 },
        { header: 'Mã', width: 18 },
        { header: 'Giá trị', width: 18, format: NUMBER_FORMAT },
      ],
      items.map((item) => [item.label.vi, item.key, item.value]),
    );

  addTitledSheet(
    book,
    'Theo thang',
    `Diễn biến theo tháng — ${heading}`,
    [
      { header: 'Tháng', width: 12 },
      { header: FIGURE_LABELS.products.vi, width: 22, format: NUMBER_FORMAT },
      { header: FIGURE_LABELS.publications.vi, width: 22, format: NUMBER_FORMAT },
      { header: FIGURE_LABELS.events.vi, width: 22, format: NUMBER_FORMAT },
      { header: FIGURE_LABELS.attendance.vi, width: 22, format: NUMBER_FORMAT },
      { header: `${FIGURE_LABELS.budgetSpent.vi} (đồng)`, width: 22, format: NUMBER_FORMAT },
    ],
    dashboard.months.map((m) => {
      const [year, month] = m.month.split('-');
      return [`${month}/${year}`, m.products, m.publications, m.events, m.attendance, m.spent];
    }),
  );

  addTitledSheet(
    book,
    'Don vi truc thuoc',
    `Các đơn vị trực thuộc — ${heading}`,
    [
      { header: 'Mã đơn vị', width: 12 },
      { header: 'Tên đơn vị', width: 36 },
      ...DASHBOARD_FIGURES.map((figure) => ({ header: FIGURE_LABELS[figure].vi, width: 20, format: NUMBER_FORMAT })),
    ],
    dashboard.children.map((child) => [
      child.unit.code,
      child.unit.name,
      ...DASHBOARD_FIGURES.map((figure) => child.values[figure]),
    ]),
  );

  return Buffer.from(await book.xlsx.writeBuffer());
}
