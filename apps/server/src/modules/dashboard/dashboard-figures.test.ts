import { describe, expect, it } from 'vitest';
import { changeRatio } from '@loa/contracts';
import { breakdown, drillLink, sumOf, toDrillRecord } from './dashboard-figures.js';

describe('dashboard figures', () => {
  describe('breakdown', () => {
    it('labels keys from the contracts, drops zeros and puts the largest first', () => {
      const items = breakdown('publications', [
        { key: 'tv', value: 2 },
        { key: 'facebook', value: 5 },
        { key: 'radio', value: 0 },
        { key: 'press', value: 2 },
      ]);
      expect(items.map((i) => [i.key, i.value])).toEqual([
        ['facebook', 5],
        ['press', 2],
        ['tv', 2],
      ]);
      expect(items[0]!.label.vi).toBe('Facebook');
    });

    it('takes labels given by the caller and shows an unknown key as itself', () => {
      const labels = new Map([['video', { vi: 'Video clip', en: 'Video' }]]);
      const items = breakdown(
        'products',
        [
          { key: 'video', value: 3 },
          { key: 'X9', value: 1 },
        ],
        labels,
      );
      expect(items).toEqual([
        { key: 'video', label: { vi: 'Video clip', en: 'Video' }, value: 3 },
        { key: 'X9', label: { vi: 'X9', en: 'X9' }, value: 1 },
      ]);
    });

    it('keeps negative spending (a reversal larger than the spending of a category)', () => {
      expect(breakdown('budgetSpent', [{ key: 'other', value: -500 }])[0]?.value).toBe(-500);
    });
  });

  it('sums values and computes the change against last year', () => {
    expect(sumOf([{ value: 2 }, { value: -1 }, { value: 4 }])).toBe(5);
    expect(changeRatio(150, 100)).toBe(0.5);
    expect(changeRatio(50, 100)).toBe(-0.5);
    expect(changeRatio(7, 0)).toBeNull();
  });

  describe('drillLink', () => {
    const row = { id: 'r1', ref: null, refYear: null };
    it('opens each record on its own page', () => {
      expect(drillLink('products', row)).toBe('/products/r1');
      expect(drillLink('attendance', row)).toBe('/events/r1');
      expect(drillLink('budgetSpent', row)).toBe('/budget/expenditures/r1');
      expect(drillLink('pressNegative', row)).toBe('/monitoring/articles/r1');
      expect(drillLink('incidentsOpen', row)).toBe('/incidents/r1');
    });

    it("opens a publication on its product's publications tab", () => {
      expect(drillLink('reach', { ...row, ref: 'p7' })).toBe('/products/p7?tab=publications');
    });

    it('finds an allocation by year and decision number in the budget page', () => {
      expect(drillLink('budgetAllocated', { ...row, ref: '12/QĐ-BHXH', refYear: 2025 })).toBe(
        '/budget?tab=allocations&year=2025&q=12%2FQ%C4%90-BHXH',
      );
    });
  });

  it('builds a drill record without a unit when the record has none', () => {
    const record = toDrillRecord('pressArticles', {
      id: 'a1',
      title: 'Bài báo',
      day: '2025-03-02',
      value: 1,
      ref: null,
      refYear: null,
      unitId: null,
      unitCode: null,
      unitName: null,
    });
    expect(record).toEqual({
      id: 'a1',
      title: 'Bài báo',
      date: '2025-03-02',
      unit: null,
      value: 1,
      link: '/monitoring/articles/a1',
    });
  });
});
