import ExcelJS from 'exceljs';
import { BUDGET_CATEGORY_LABELS, dongInWords, type TBudgetFigures, type TBudgetSummary } from '@loa/contracts';

const MONEY_FORMAT = '#,##0';
const FIGURE_HEADERS: [keyof TBudgetFigures, string][] = [
  ['estimated', 'Dự toán'],
  ['allocatedIn', 'Được phân bổ'],
  ['allocatedOut', 'Đã phân bổ tiếp'],
  ['spent', 'Đã chi'],
  ['committed', 'Đã cam kết (hợp đồng)'],
  ['remaining', 'Còn lại'],
];

/** A sheet of rows with a label column and money columns: whole-number cells in `#,##0`, a total line, then words. */
function moneySheet(
  book: ExcelJS.Workbook,
  name: string,
  title: string,
  label: string,
  columns: [string, string][],
  rows: { label: string; values: Record<string, unknown> }[],
  total: { values: Record<string, unknown>; wordsOf: string },
) {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { bold: true, size: 13 };
  const header = sheet.getRow(3);
  header.values = [label, ...columns.map(([, text]) => text)];
  header.font = { bold: true };
  sheet.getColumn(1).width = 42;
  columns.forEach((_, index) => {
    const column = sheet.getColumn(index + 2);
    column.width = 20;
    column.numFmt = MONEY_FORMAT;
  });
  const amount = (values: Record<string, unknown>, key: string) => Number(values[key] ?? 0);
  for (const row of rows) sheet.addRow([row.label, ...columns.map(([key]) => amount(row.values, key))]);
  const totalRow = sheet.addRow(['Tổng cộng', ...columns.map(([key]) => amount(total.values, key))]);
  totalRow.font = { bold: true };
  const words = sheet.addRow([`Còn lại bằng chữ: ${dongInWords(amount(total.values, total.wordsOf))}`]);
  words.font = { italic: true };
  return sheet;
}

/**
 * The summary of a unit and year as a workbook: one sheet per view (categories, months, units below), amounts as
 * whole numbers formatted `#,##0`, each with its total and the remaining amount in Vietnamese words.
 */
export async function summaryWorkbook(summary: TBudgetSummary): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Loa';
  const heading = `${summary.unit.name} — năm ngân sách ${summary.year}`;
  const figures = FIGURE_HEADERS.map(([key, text]) => [key, text] as [string, string]);
  moneySheet(
    book,
    'Theo noi dung chi',
    `Kinh phí truyền thông theo nội dung chi — ${heading}`,
    'Nội dung chi',
    figures,
    summary.byCategory.map((row) => ({ label: BUDGET_CATEGORY_LABELS[row.category].vi, values: { ...row } })),
    { values: { ...summary.totals }, wordsOf: 'remaining' },
  );
  const monthTotals = summary.byMonth.reduce(
    (acc, m) => ({
      allocatedIn: acc.allocatedIn + m.allocatedIn,
      allocatedOut: acc.allocatedOut + m.allocatedOut,
      spent: acc.spent + m.spent,
    }),
    { allocatedIn: 0, allocatedOut: 0, spent: 0 },
  );
  moneySheet(
    book,
    'Theo thang',
    `Kinh phí truyền thông theo tháng — ${heading}`,
    'Tháng',
    [
      ['allocatedIn', 'Được phân bổ'],
      ['allocatedOut', 'Đã phân bổ tiếp'],
      ['spent', 'Đã chi'],
    ],
    summary.byMonth.map((m) => ({ label: `Tháng ${m.month}`, values: { ...m } })),
    { values: { ...monthTotals, remaining: summary.totals.remaining }, wordsOf: 'remaining' },
  );
  const childTotals = Object.fromEntries(
    FIGURE_HEADERS.map(([key]) => [key, summary.children.reduce((sum, c) => sum + c[key], 0)]),
  );
  moneySheet(
    book,
    'Don vi truc thuoc',
    `Kinh phí truyền thông của các đơn vị trực thuộc — ${heading}`,
    'Đơn vị',
    figures,
    summary.children.map((c) => ({ label: `${c.unit.code} — ${c.unit.name}`, values: { ...c } })),
    { values: childTotals, wordsOf: 'remaining' },
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
