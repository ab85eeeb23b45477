import type { TOrgUnit } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { buildUnitTree, filterUnitTree, subtreeIds, unitSortName } from './unit-tree';

let next = 0;
function unit(fields: Partial<TOrgUnit> & Pick<TOrgUnit, 'name' | 'kind'>): TOrgUnit {
  next += 1;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    code: `U${next}`,
    shortName: null,
    parentId: null,
    adminUnitCode: null,
    activeFrom: null,
    activeTo: null,
    depth: 0,
    childCount: 0,
    userCount: 0,
    version: 1,
    ...fields,
  };
}

const root = unit({ name: 'Bảo hiểm xã hội Việt Nam', kind: 'agency', code: 'BHXH' });
const thu = unit({ name: 'Ban Thu', kind: 'central_unit', code: 'THU', parentId: root.id });
const tt = unit({ name: 'Trung tâm Truyền thông', kind: 'central_unit', code: 'TT', parentId: root.id });
const danang = unit({ name: 'BHXH thành phố Đà Nẵng', kind: 'province', code: 'P48', parentId: root.id });
const angiang = unit({ name: 'BHXH tỉnh An Giang', kind: 'province', code: 'P89', parentId: root.id });
const dienbien = unit({ name: 'BHXH tỉnh Điện Biên', kind: 'province', code: 'P11', parentId: root.id });
const haichau = unit({ name: 'BHXH quận Hải Châu', kind: 'district', code: 'D490', parentId: danang.id });
const units = [root, tt, dienbien, thu, danang, haichau, angiang];

describe('unitSortName', () => {
  it('drops the agency and administrative type words', () => {
    expect(unitSortName({ name: 'BHXH tỉnh An Giang', shortName: null })).toBe('An Giang');
    expect(unitSortName({ name: 'BHXH thành phố Đà Nẵng', shortName: null })).toBe('Đà Nẵng');
    expect(unitSortName({ name: 'BHXH huyện Điện Biên Đông', shortName: null })).toBe('Điện Biên Đông');
    expect(unitSortName({ name: 'Ban Thu', shortName: null })).toBe('Ban Thu');
  });
});

describe('buildUnitTree', () => {
  it('nests units under their parent', () => {
    const tree = buildUnitTree(units);
    expect(tree.map((node) => node.key)).toEqual([root.id]);
    const danangNode = tree[0]?.children?.find((node) => node.key === danang.id);
    expect(danangNode?.children?.map((node) => node.title)).toEqual(['BHXH quận Hải Châu']);
  });

  it('puts central units first by code, then provinces in Vietnamese alphabetical order', () => {
    const names = buildUnitTree(units)[0]?.children?.map((node) => node.title);
    expect(names).toEqual([
      'Ban Thu',
      'Trung tâm Truyền thông',
      'BHXH tỉnh An Giang',
      'BHXH thành phố Đà Nẵng',
      'BHXH tỉnh Điện Biên',
    ]);
  });

  it('makes a unit whose parent is out of scope a root', () => {
    const tree = buildUnitTree([danang, haichau]);
    expect(tree.map((node) => node.key)).toEqual([danang.id]);
  });
});

describe('filterUnitTree', () => {
  it('finds units without accents and expands their ancestors', () => {
    const result = filterUnitTree(buildUnitTree(units), 'da nang');
    expect(result.matchCount).toBe(1);
    expect(result.expandedKeys).toEqual([root.id]);
    expect(result.nodes[0]?.children?.map((node) => node.title)).toEqual(['BHXH thành phố Đà Nẵng']);
    expect(result.nodes[0]?.children?.[0]?.children?.length).toBe(1);
  });

  it('matches "d" against "đ" and searches codes', () => {
    expect(filterUnitTree(buildUnitTree(units), 'dien bien').matchCount).toBe(1);
    expect(filterUnitTree(buildUnitTree(units), 'd490').matchCount).toBe(1);
  });

  it('returns nothing when nothing matches', () => {
    expect(filterUnitTree(buildUnitTree(units), 'ha giang').nodes).toEqual([]);
  });
});

describe('subtreeIds', () => {
  it('collects a unit and everything below it', () => {
    expect(subtreeIds(units, danang.id)).toEqual(new Set([danang.id, haichau.id]));
  });
});
