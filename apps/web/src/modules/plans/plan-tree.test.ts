import type { TPlanTreeNode } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { formatTargetValue, nestTree, percentOf, targetMessages, yearOptions } from './plan-tree';

const node = (id: string, parentId: string | null): TPlanTreeNode => ({
  unit: { id, code: id.toUpperCase(), name: `Đơn vị ${id}`, kind: 'district' },
  parentId,
  hasChildren: false,
  plan: null,
  metrics: [],
  canCreate: false,
});

describe('nestTree', () => {
  it('nests children under their parents in the order given, leaves without children', () => {
    const rows = nestTree([node('p01', null), node('d1', 'p01'), node('d2', 'p01'), node('p48', null)]);
    expect(rows.map((r) => r.key)).toEqual(['p01', 'p48']);
    expect(rows[0]!.children!.map((r) => r.key)).toEqual(['d1', 'd2']);
    expect(rows[0]!.children![0]!.children).toBeUndefined();
    expect(rows[1]!.children).toBeUndefined();
  });
});

describe('formatTargetValue and percentOf', () => {
  it('groups digits the way each language does and marks đồng', () => {
    expect(formatTargetValue(1_500_000, 'budget_vnd', 'vi')).toBe('1.500.000 đ');
    expect(formatTargetValue(1_500_000, 'budget_vnd', 'en')).toBe('VND 1,500,000');
    expect(formatTargetValue(12_000, 'people_reached', 'vi')).toBe('12.000');
  });

  it('rounds progress down and has none without a positive target', () => {
    expect(percentOf(2, 3)).toBe(66);
    expect(percentOf(5, 0)).toBeNull();
    expect(percentOf(5, null)).toBeNull();
  });
});

describe('yearOptions', () => {
  it('offers recent and coming years, newest first, keeping a chosen year outside the range', () => {
    expect(yearOptions(2026, 2026)).toEqual([2029, 2028, 2027, 2026, 2025, 2024]);
    expect(yearOptions(2026, 2020).at(-1)).toBe(2020);
  });
});

describe('targetMessages', () => {
  it('puts each problem on its row, skipping rows not filled in, with numbers in the user’s language', () => {
    const messages = targetMessages(
      [
        { metric: 'products', period: 'year', value: 1000 },
        { metric: 'products', period: 'Q1' },
        { metric: 'products', period: 'Q2', value: 1200 },
        undefined,
        { metric: 'events', period: 'year', value: 7 },
      ],
      [{ metric: 'events', period: 'year', themeCode: null, audienceCode: null, parentValue: 10, siblingsSum: 5 }],
      [],
      'vi',
    );
    expect([...messages.keys()]).toEqual(['0.value', '4.value']);
    expect(messages.get('0.value')).toBe('Tổng các quý (1.200) vượt chỉ tiêu cả năm (1.000)');
    expect(messages.get('4.value')).toContain('còn lại tối đa 5');
  });

  it('names the quarter as a number, not a formatted amount', () => {
    const messages = targetMessages(
      [
        { metric: 'events', period: 'Q3', value: 1 },
        { metric: 'events', period: 'M07', value: 2 },
      ],
      [],
      [],
      'en',
    );
    expect(messages.get('0.value')).toBe("The months of quarter 3 add up to 2, more than the quarter's 1");
  });
});
