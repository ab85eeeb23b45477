import type { TGuidanceItem } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { sectionsByGroup } from './guidance-groups';

function item(code: string, group: string | null, sortOrder: number): TGuidanceItem {
  return {
    id: `00000000-0000-4000-8000-${String(sortOrder).padStart(12, '0')}`,
    year: 2020,
    kind: 'theme',
    code,
    parentCode: null,
    group,
    nameVi: code,
    nameEn: code,
    textVi: '',
    textEn: '',
    sortOrder,
    version: 1,
  };
}

describe('sectionsByGroup', () => {
  it('groups themes into regular and peak, keeping the guidance order', () => {
    const sections = sectionsByGroup([
      item('II.2.a', 'peak', 11),
      item('II.1.b', 'regular', 3),
      item('II.1.a', 'regular', 2),
    ]);
    expect(sections.map((s) => [s.group, s.items.map((i) => i.code)])).toEqual([
      ['regular', ['II.1.a', 'II.1.b']],
      ['peak', ['II.2.a']],
    ]);
  });

  it('keeps ungrouped items in one section', () => {
    expect(sectionsByGroup([item('I.1', null, 1), item('I.2', null, 2)])).toHaveLength(1);
  });
});
