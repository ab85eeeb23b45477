import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../errors.js';
import { zipRefusal } from './zip-limits.js';

export interface ExcelColumn<T> {
  key: string;
  header: string;
  width?: number;
  /** A `{ text, hyperlink }` value makes a clickable link. */
  value: (row: T) => string | number | boolean | Date | { text: string; hyperlink: string } | null;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_IMPORT_ROWS = 20_000;

/** One-sheet workbook with a bold, frozen header row and filters. */
export async function workbook<T>(sheetName: string, columns: ExcelColumn<T>[], rows: T[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Loa';
  book.created = new Date();
  const sheet = book.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(row)])));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Resolves when `stream` can take more, or is gone. */
function drainedOrClosed(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/**
 * The same one-sheet workbook as `workbook`, written while the rows arrive: each chunk is committed to the returned
 * stream, and the next is asked for only once the stream has drained, so an export of any size stays small in memory.
 * A failing source or a closed stream ends it (the response is cut short rather than silently incomplete).
 */
export function streamWorkbook<T>(
  sheetName: string,
  columns: ExcelColumn<T>[],
  chunks: AsyncIterable<readonly T[]>,
): Readable {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'Loa';
  book.created = new Date();
  const sheet = book.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  void (async () => {
    try {
      for await (const chunk of chunks) {
        if (out.destroyed) return;
        for (const row of chunk) sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(row)]))).commit();
        if (out.writableNeedDrain) await drainedOrClosed(out);
      }
      sheet.commit();
      await book.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

/** What a cell says, as text (dates as yyyy-mm-dd, formulas by their result, links by their text or address). */
export function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('hyperlink' in value && typeof value.hyperlink === 'string') return value.hyperlink;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    return null;
  }
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** The first sheet of an .xlsx; a file that is not one is `import.invalid_file`. */
async function firstSheet(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const refusal = zipRefusal(buffer);
  if (refusal) throw new AppError('import.invalid_file', { reason: refusal });
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('import.invalid_file', { reason: (error as Error).message.slice(0, 200) });
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new AppError('import.invalid_file', { reason: 'no sheet' });
  return sheet;
}

/** The first sheet as rows of cell texts, row 1 first, for imports that find their columns by rules of their own. */
export async function readGrid(buffer: Buffer): Promise<(string | null)[][]> {
  const sheet = await firstSheet(buffer);
  const grid: (string | null)[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    grid[number - 1] = Array.from({ length: row.cellCount }, (_, i) => cellText(row.getCell(i + 1).value));
  });
  return Array.from(grid, (row) => row ?? []);
}

/**
 * Reads the first sheet: the header row names the columns (by header text or key, accents and case ignored),
 * each following non-empty row becomes `{row, values}` keyed by column key.
 */
export async function readSheet<T>(buffer: Buffer, columns: ExcelColumn<T>[]) {
  const sheet = await firstSheet(buffer);
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1)
    throw new AppError('import.invalid_file', { reason: `more than ${MAX_IMPORT_ROWS} rows` });
  const norm = (s: string) => s.normalize('NFC').trim().toLowerCase();
  const byHeader = new Map<string, string>();
  for (const c of columns) {
    byHeader.set(norm(c.header), c.key);
    byHeader.set(norm(c.key), c.key);
  }
  const keyOfColumn = new Map<number, string>();
  sheet.getRow(1).eachCell((cell, col) => {
    const key = byHeader.get(norm(cellText(cell.value) ?? ''));
    if (key) keyOfColumn.set(col, key);
  });
  if (keyOfColumn.size === 0) throw new AppError('import.invalid_file', { reason: 'no known column headers in row 1' });
  const rows: { row: number; values: Record<string, string | null> }[] = [];
  sheet.eachRow((sheetRow, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string | null> = {};
    for (const [col, key] of keyOfColumn) values[key] = cellText(sheetRow.getCell(col).value);
    if (Object.values(values).some((v) => v !== null)) rows.push({ row: rowNumber, values });
  });
  return rows;
}

/** `attachment; filename=…` with a UTF-8 name for Vietnamese file names. */
export function attachment(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
