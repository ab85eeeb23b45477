// Building blocks of the several-sheet workbooks (dashboard, plan versus actual, reports): no I/O, so pure rule files
// and services may both use them; `platform/http/excel.ts` keeps the one-sheet list exports and the uploads.
import type ExcelJS from 'exceljs';

export type SheetCell = string | number | null;

export interface SheetColumn {
  header: string;
  width: number;
  /** An Excel number format, e.g. '#,##0' or '0.0%'. */
  format?: string;
}

/** A sheet with a bold title on row 1, a bold, wrapped, frozen header on row 3 with filters, then the rows. */
export function addTitledSheet(
  book: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: SheetColumn[],
  rows: SheetCell[][],
): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { bold: true, size: 13 };
  const header = sheet.getRow(3);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  columns.forEach((c, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = c.width;
    if (c.format) column.numFmt = c.format;
  });
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: columns.length } };
  return sheet;
}
