// Pure helpers of the coverage screen: how a matrix becomes table rows, the heatmap's colour bands and short column
// labels. The server sends every cell (zeros included) in theme-major order.
import type { TGuidanceCoverage } from '@loa/contracts';

type Cell = TGuidanceCoverage['cells'][number];

/** Colour of a cell nobody addressed: a red tint, visibly apart from every blue of the covered cells. */
export const NONE_COLOUR = '#ffccc7';
/** Colours of the covered bands, lightest first. */
export const BAND_COLOURS = ['#bae0ff', '#69b1ff', '#1677ff', '#003eb3'] as const;

/** One row of the table version: a theme with its cells in the columns' order. */
export interface MatrixRow {
  code: string;
  name: { vi: string; en: string };
  cells: Cell[];
  total: number;
}

/** The matrix as rows (themes in order) of cells (columns in order); a missing cell is a zero. */
export function matrixRows(coverage: TGuidanceCoverage): MatrixRow[] {
  const byKey = new Map(coverage.cells.map((cell) => [`${cell.theme}\u0000${cell.column}`, cell]));
  return coverage.themes.map((theme) => {
    const cells = coverage.columns.map(
      (column) =>
        byKey.get(`${theme.code}\u0000${column.key}`) ?? {
          theme: theme.code,
          column: column.key,
          products: 0,
          publications: 0,
          events: 0,
          value: 0,
        },
    );
    return { code: theme.code, name: theme.name, cells, total: cells.reduce((sum, cell) => sum + cell.value, 0) };
  });
}

/**
 * The covered values split into at most four bands of whole numbers from 1 to `max` (one per value while there are
 * few); none when nothing was covered.
 */
export function valueBands(max: number): { min: number; max: number }[] {
  if (max < 1) return [];
  const count = Math.min(BAND_COLOURS.length, max);
  const bands: { min: number; max: number }[] = [];
  let low = 1;
  for (let index = 1; index <= count; index += 1) {
    const high = index === count ? max : Math.max(low, Math.round((max * index) / count));
    if (high >= low) bands.push({ min: low, max: high });
    low = high + 1;
  }
  return bands;
}

/** A unit's name for a narrow axis: without the agency prefix ("BHXH", "Bảo hiểm xã hội") and "tỉnh"/"thành phố". */
export function shortUnitName(name: string): string {
  const short = name
    .replace(/^(BHXH|Bảo hiểm xã hội)\s+/i, '')
    .replace(/^(tỉnh|thành phố|TP\.?)\s+/i, '')
    .trim();
  return short.length > 0 ? short : name;
}
