import { describe, expect, it } from 'vitest';
import {
  buildMatrix,
  cellValue,
  chooseGuidanceYear,
  leafItems,
  periodInstants,
  type CatalogItem,
} from './coverage-matrix.js';

const item = (code: string, parentCode: string | null, sortOrder: number): CatalogItem => ({
  code,
  parentCode,
  nameVi: `Nội dung ${code}`,
  nameEn: `Theme ${code}`,
  sortOrder,
});

describe('chooseGuidanceYear', () => {
  it('takes the newest catalog not after the period’s last year', () => {
    expect(chooseGuidanceYear([2020, 2021, 2023], 2022)).toBe(2021);
    expect(chooseGuidanceYear([2023, 2020, 2021], 2023)).toBe(2023);
    expect(chooseGuidanceYear([2020, 2024], 2030)).toBe(2024);
  });

  it('falls back to the oldest catalog when every catalog is newer than the period', () => {
    expect(chooseGuidanceYear([2022, 2021, 2025], 2019)).toBe(2021);
  });

  it('has nothing to choose without a catalog', () => {
    expect(chooseGuidanceYear([], 2025)).toBeNull();
  });
});

describe('leafItems', () => {
  it('keeps the clauses without sub-clauses, in the guidance’s order', () => {
    const items = [
      item('II.2.a', 'II.2', 11),
      item('II.1', null, 1),
      item('II.1.b', 'II.1', 3),
      item('II.1.a', 'II.1', 2),
      item('II.2', null, 10),
      item('II.3', null, 20),
    ];
    expect(leafItems(items).map((i) => i.code)).toEqual(['II.1.a', 'II.1.b', 'II.2.a', 'II.3']);
  });
});

describe('buildMatrix', () => {
  const themes = ['II.1.a', 'II.1.b', 'II.2.a'];
  const columns = ['I.1', 'I.2'];
  const counts = {
    products: [
      { theme: 'II.1.a', column: 'I.1', count: 2 },
      { theme: 'II.1.b', column: 'I.2', count: 1 },
      { theme: 'II.9.z', column: 'I.1', count: 5 }, // not in the catalog
      { theme: 'II.2.a', column: 'I.7', count: 4 }, // not a column
    ],
    publications: [{ theme: 'II.1.a', column: 'I.1', count: 3 }],
    events: [{ theme: 'II.1.b', column: 'I.1', count: 1 }],
  };

  it('gives every theme × column cell in order, zeros included, with the three counts', () => {
    const { cells } = buildMatrix(themes, columns, counts, 'all');
    expect(cells.map((c) => [c.theme, c.column])).toEqual([
      ['II.1.a', 'I.1'],
      ['II.1.a', 'I.2'],
      ['II.1.b', 'I.1'],
      ['II.1.b', 'I.2'],
      ['II.2.a', 'I.1'],
      ['II.2.a', 'I.2'],
    ]);
    expect(cells[0]).toEqual({ theme: 'II.1.a', column: 'I.1', products: 2, publications: 3, events: 0, value: 5 });
    expect(cells[2]).toEqual({ theme: 'II.1.b', column: 'I.1', products: 0, publications: 0, events: 1, value: 1 });
    expect(cells[5]).toEqual({ theme: 'II.2.a', column: 'I.2', products: 0, publications: 0, events: 0, value: 0 });
  });

  it('colours the chosen measure and lists the themes no column addressed with it', () => {
    expect(buildMatrix(themes, columns, counts, 'all').uncoveredThemes).toEqual(['II.2.a']);
    const publications = buildMatrix(themes, columns, counts, 'publications');
    expect(publications.cells.map((c) => c.value)).toEqual([3, 0, 0, 0, 0, 0]);
    expect(publications.uncoveredThemes).toEqual(['II.1.b', 'II.2.a']);
    expect(buildMatrix(themes, columns, counts, 'events').uncoveredThemes).toEqual(['II.1.a', 'II.2.a']);
  });

  it('adds up rows of the same cell', () => {
    const { cells } = buildMatrix(
      ['II.1.a'],
      ['I.1'],
      {
        products: [
          { theme: 'II.1.a', column: 'I.1', count: 1 },
          { theme: 'II.1.a', column: 'I.1', count: 2 },
        ],
        publications: [],
        events: [],
      },
      'products',
    );
    expect(cells).toEqual([{ theme: 'II.1.a', column: 'I.1', products: 3, publications: 0, events: 0, value: 3 }]);
  });

  it('marks every theme uncovered when there are no columns', () => {
    expect(buildMatrix(themes, [], counts, 'all')).toEqual({ cells: [], uncoveredThemes: themes });
  });
});

describe('cellValue', () => {
  it('is one count, or the sum of the three', () => {
    const cell = { theme: 'II.1.a', column: 'I.1', products: 1, publications: 4, events: 2 };
    expect(cellValue(cell, 'all')).toBe(7);
    expect(cellValue(cell, 'events')).toBe(2);
  });
});

describe('periodInstants', () => {
  it('runs from 00:00 of the first day to 00:00 after the last day, in Vietnam', () => {
    const { start, end } = periodInstants('2025-01-01', '2025-03-31');
    expect(start.toISOString()).toBe('2024-12-31T17:00:00.000Z');
    expect(end.toISOString()).toBe('2025-03-31T17:00:00.000Z');
  });
});
