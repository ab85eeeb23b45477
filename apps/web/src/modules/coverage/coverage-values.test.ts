import type { TGuidanceCoverage } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { matrixRows, shortUnitName, valueBands } from './coverage-values';

const cell = (theme: string, column: string, value: number) => ({
  theme,
  column,
  products: value,
  publications: 0,
  events: 0,
  value,
});

describe('matrixRows', () => {
  it('puts the cells of each theme in the columns’ order, a missing cell as zero, with the row total', () => {
    const coverage = {
      themes: [
        { code: 'II.1.a', name: { vi: 'a', en: 'a' } },
        { code: 'II.2.a', name: { vi: 'b', en: 'b' } },
      ],
      columns: [
        { key: 'I.1', name: { vi: 'x', en: 'x' } },
        { key: 'I.2', name: { vi: 'y', en: 'y' } },
      ],
      cells: [cell('II.1.a', 'I.2', 3), cell('II.1.a', 'I.1', 1), cell('II.2.a', 'I.1', 0)],
    } as unknown as TGuidanceCoverage;
    const rows = matrixRows(coverage);
    expect(rows.map((r) => [r.code, r.cells.map((c) => [c.column, c.value]), r.total])).toEqual([
      [
        'II.1.a',
        [
          ['I.1', 1],
          ['I.2', 3],
        ],
        4,
      ],
      [
        'II.2.a',
        [
          ['I.1', 0],
          ['I.2', 0],
        ],
        0,
      ],
    ]);
  });
});

describe('valueBands', () => {
  it('has no band when nothing was covered', () => {
    expect(valueBands(0)).toEqual([]);
  });

  it('gives one band per value while there are few', () => {
    expect(valueBands(3)).toEqual([
      { min: 1, max: 1 },
      { min: 2, max: 2 },
      { min: 3, max: 3 },
    ]);
  });

  it('splits larger values into four bands that cover 1 … max without gaps', () => {
    const bands = valueBands(10);
    expect(bands).toHaveLength(4);
    expect(bands[0]!.min).toBe(1);
    expect(bands[3]!.max).toBe(10);
    for (let i = 1; i < bands.length; i += 1) expect(bands[i]!.min).toBe(bands[i - 1]!.max + 1);
  });
});

describe('shortUnitName', () => {
  it('drops the agency prefix and the kind of province', () => {
    expect(shortUnitName('BHXH thành phố Đà Nẵng')).toBe('Đà Nẵng');
    expect(shortUnitName('Bảo hiểm xã hội tỉnh Lào Cai')).toBe('Lào Cai');
    expect(shortUnitName('Trung tâm Truyền thông')).toBe('Trung tâm Truyền thông');
  });
});
