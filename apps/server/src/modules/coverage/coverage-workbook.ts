// The coverage matrix as a workbook, with Vietnamese headers: the matrix the heatmap colours, every cell with its three
// counts, and the themes nobody addressed — built from the same TGuidanceCoverage the screen gets, so the numbers match.
import ExcelJS from 'exceljs';
import { viDate, type TCoverageMeasure, type TGuidanceCoverage } from '@loa/contracts';

const NUMBER_FORMAT = '#,##0';

export const MEASURE_NAMES: Record<TCoverageMeasure, string> = {
  all: 'Tổng số sản phẩm, lượt đăng tải và hoạt động trực tiếp',
  products: 'Sản phẩm truyền thông',
  publications: 'Lượt đăng tải, phát sóng',
  events: 'Hoạt động truyền thông trực tiếp',
};

const AXIS_NAMES = { audiences: 'Đối tượng', provinces: 'Tỉnh, thành phố' } as const;
const EVENTS_NOTE =
  'Hoạt động truyền thông trực tiếp không gắn đối tượng theo hướng dẫn nên chỉ được tính ở bảng theo tỉnh, thành phố.';

type Cell = string | number | null;

/** A sheet: title lines, a bold frozen header on row 4 with filters, then the rows. */
function addSheet(
  book: ExcelJS.Workbook,
  name: string,
  titles: string[],
  columns: { header: string; width: number; format?: string }[],
  rows: Cell[][],
) {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 4, xSplit: 2 }] });
  titles.forEach((title, index) => {
    sheet.getCell(index + 1, 1).value = title;
    if (index === 0) sheet.getCell(1, 1).font = { bold: true, size: 13 };
  });
  const header = sheet.getRow(4);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  columns.forEach((c, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = c.width;
    if (c.format) column.numFmt = c.format;
  });
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: columns.length } };
  return sheet;
}

/** The workbook of one coverage matrix: "Ma tran", "Chi tiet", "Chua truyen thong". */
export async function coverageWorkbook(coverage: TGuidanceCoverage): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Loa';
  const heading = `${coverage.scope.name} — từ ${viDate(coverage.from)} đến ${viDate(coverage.to)}`;
  const source = `Nội dung theo hướng dẫn công tác truyền thông năm ${coverage.guidanceYear}; số liệu: ${MEASURE_NAMES[coverage.measure]}`;
  const note = coverage.axis === 'audiences' ? EVENTS_NOTE : '';
  const themeName = new Map(coverage.themes.map((t) => [t.code, t.name.vi]));
  const columnName = new Map(coverage.columns.map((c) => [c.key, c.name.vi]));
  const cellOf = new Map(coverage.cells.map((cell) => [`${cell.theme}\u0000${cell.column}`, cell]));

  addSheet(
    book,
    'Ma tran',
    [`Độ phủ nội dung truyền thông theo ${AXIS_NAMES[coverage.axis].toLowerCase()} — ${heading}`, source, note],
    [
      { header: 'Mã nội dung', width: 12 },
      { header: 'Nội dung', width: 48 },
      ...coverage.columns.map((c) => ({ header: c.name.vi, width: 16, format: NUMBER_FORMAT })),
    ],
    coverage.themes.map((theme) => [
      theme.code,
      theme.name.vi,
      ...coverage.columns.map((c) => cellOf.get(`${theme.code}\u0000${c.key}`)?.value ?? 0),
    ]),
  );

  addSheet(
    book,
    'Chi tiet',
    [`Số liệu từng ô — ${heading}`, source, note],
    [
      { header: 'Mã nội dung', width: 12 },
      { header: 'Nội dung', width: 48 },
      { header: AXIS_NAMES[coverage.axis], width: 36 },
      { header: MEASURE_NAMES.products, width: 16, format: NUMBER_FORMAT },
      { header: MEASURE_NAMES.publications, width: 16, format: NUMBER_FORMAT },
      { header: MEASURE_NAMES.events, width: 16, format: NUMBER_FORMAT },
      { header: 'Giá trị trên bản đồ nhiệt', width: 16, format: NUMBER_FORMAT },
    ],
    coverage.cells.map((cell) => [
      cell.theme,
      themeName.get(cell.theme) ?? cell.theme,
      columnName.get(cell.column) ?? cell.column,
      cell.products,
      cell.publications,
      cell.events,
      cell.value,
    ]),
  );

  addSheet(
    book,
    'Chua truyen thong',
    [`Nội dung chưa được truyền thông — ${heading}`, source, note],
    [
      { header: 'Mã nội dung', width: 12 },
      { header: 'Nội dung', width: 80 },
    ],
    coverage.uncoveredThemes.map((code) => [code, themeName.get(code) ?? code]),
  );

  return Buffer.from(await book.xlsx.writeBuffer());
}
