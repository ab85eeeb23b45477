// Guidance coverage (decision 0044), the pure part: which guidance catalog names the rows and columns, which of its
// clauses are leaves, and how the grouped counts of products, publications and events become the full matrix (zeros
// included) and the list of themes nobody addressed in the period.
import type { TCoverageMeasure, TGuidanceCoverage } from '@loa/contracts';

/** One item of a guidance catalog (a theme or an audience), as stored. */
export type CatalogItem = {
  code: string;
  parentCode: string | null;
  nameVi: string;
  nameEn: string;
  sortOrder: number;
};

/** How many records of one measure address a theme in a column (audience code or province unit id). */
export type CountRow = {
  theme: string;
  column: string;
  count: number;
};

export interface MeasureCounts {
  products: readonly CountRow[];
  publications: readonly CountRow[];
  events: readonly CountRow[];
}

/**
 * The guidance year whose catalog names the matrix: the newest year not after the period's last year, or — when
 * every catalog is newer than the period — the oldest one; null when there is no catalog at all.
 */
export function chooseGuidanceYear(years: readonly number[], endYear: number): number | null {
  if (years.length === 0) return null;
  const notAfter = years.filter((year) => year <= endYear);
  return notAfter.length > 0 ? Math.max(...notAfter) : Math.min(...years);
}

/**
 * The leaf clauses of a catalog, in the guidance's order: items no other item names as its parent (II.1 and II.2 are
 * headings of II.1.a … II.2.c, and are not rows themselves).
 */
export function leafItems(items: readonly CatalogItem[]): CatalogItem[] {
  const parents = new Set(items.map((item) => item.parentCode).filter((code): code is string => code !== null));
  return items.filter((item) => !parents.has(item.code)).sort((a, b) => a.sortOrder - b.sortOrder);
}

type Cell = TGuidanceCoverage['cells'][number];

const keyOf = (theme: string, column: string) => `${theme}\u0000${column}`;

function tally(rows: readonly CountRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row.theme, row.column);
    counts.set(key, (counts.get(key) ?? 0) + row.count);
  }
  return counts;
}

/** What the heatmap colours for a cell: the chosen measure, or the sum of the three for `all`. */
export function cellValue(cell: Omit<Cell, 'value'>, measure: TCoverageMeasure): number {
  return measure === 'all' ? cell.products + cell.publications + cell.events : cell[measure];
}

/**
 * Every theme × column cell (rows in the themes' order, columns in the columns' order), zeros included; counts for
 * codes outside the catalog or columns outside the matrix are left out. A theme is uncovered when its value is 0 in
 * every column.
 */
export function buildMatrix(
  themes: readonly string[],
  columns: readonly string[],
  counts: MeasureCounts,
  measure: TCoverageMeasure,
): Pick<TGuidanceCoverage, 'cells' | 'uncoveredThemes'> {
  const products = tally(counts.products);
  const publications = tally(counts.publications);
  const events = tally(counts.events);
  const cells: Cell[] = [];
  const uncoveredThemes: string[] = [];
  for (const theme of themes) {
    let rowTotal = 0;
    for (const column of columns) {
      const key = keyOf(theme, column);
      const counted = {
        theme,
        column,
        products: products.get(key) ?? 0,
        publications: publications.get(key) ?? 0,
        events: events.get(key) ?? 0,
      };
      const value = cellValue(counted, measure);
      rowTotal += value;
      cells.push({ ...counted, value });
    }
    if (rowTotal === 0) uncoveredThemes.push(theme);
  }
  return { cells, uncoveredThemes };
}

/** The instants of an inclusive period of Vietnam calendar days (UTC+7): its first instant and the one after it. */
export function periodInstants(from: string, to: string): { start: Date; end: Date } {
  const start = new Date(`${from}T00:00:00+07:00`);
  const last = new Date(`${to}T00:00:00+07:00`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(last.getTime()))
    throw new Error(`A period needs two calendar days yyyy-mm-dd, got "${from}" and "${to}"`);
  return { start, end: new Date(last.getTime() + 24 * 60 * 60 * 1000) };
}
