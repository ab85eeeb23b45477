import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  bhxhName,
  buildPreset,
  flattenAdminUnits,
  ROOT_CODE,
  type AdminUnits34,
  type AdminUnits63,
  type CentralUnits,
  type PresetUnit,
} from './org-presets.js';

const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../reference-data');
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8')) as T;

const units63 = readJson<AdminUnits63>('admin-units/units-63-provinces.json');
const units34 = readJson<AdminUnits34>('admin-units/units-34-provinces.json');
const central = readJson<CentralUnits>('bhxh-central-units.json');

const countKinds = (units: PresetUnit[]) =>
  units.reduce<Record<string, number>>((counts, u) => ({ ...counts, [u.kind]: (counts[u.kind] ?? 0) + 1 }), {});
const byCode = (units: PresetUnit[], code: string) => units.find((u) => u.code === code);

describe('bhxhName', () => {
  it('names a local office after its administrative unit, lower-casing the unit type', () => {
    expect(bhxhName('Thành phố Hà Nội')).toBe('BHXH thành phố Hà Nội');
    expect(bhxhName('Quận Ba Đình')).toBe('BHXH quận Ba Đình');
    expect(bhxhName('Tỉnh Đắk Lắk')).toBe('BHXH tỉnh Đắk Lắk');
  });
});

describe('buildPreset', () => {
  describe('63-provinces', () => {
    const units = buildPreset('63-provinces', central, units63, units34);

    it('has the agency, 16 central units, 3 press offices, 63 provinces and 696 districts', () => {
      expect(countKinds(units)).toEqual({
        agency: 1,
        central_unit: 16,
        press_office: 3,
        province: 63,
        district: 696,
      });
      expect(units).toHaveLength(1 + 16 + 3 + 63 + 696);
    });

    it('starts with the agency as the only unit without a parent', () => {
      expect(units[0]).toMatchObject({
        code: ROOT_CODE,
        name: 'Bảo hiểm xã hội Việt Nam',
        shortName: 'BHXH Việt Nam',
        kind: 'agency',
        parentCode: null,
      });
      expect(units.filter((u) => u.parentCode === null)).toHaveLength(1);
    });

    it('defines every parent before its children', () => {
      const defined = new Set<string>();
      for (const unit of units) {
        if (unit.parentCode !== null) expect(defined.has(unit.parentCode), unit.code).toBe(true);
        defined.add(unit.code);
      }
    });

    it('uses unique codes', () => {
      expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
    });

    it('codes provinces P + GSO code and districts D + GSO code, named the BHXH way', () => {
      expect(byCode(units, 'P01')).toMatchObject({
        name: 'BHXH thành phố Hà Nội',
        kind: 'province',
        parentCode: ROOT_CODE,
        adminUnitCode: '01',
      });
      expect(byCode(units, 'D001')).toMatchObject({
        name: 'BHXH quận Ba Đình',
        kind: 'district',
        parentCode: 'P01',
        adminUnitCode: '001',
      });
      expect(byCode(units, 'P48')?.name).toBe('BHXH thành phố Đà Nẵng');
      expect(byCode(units, 'P79')?.name).toBe('BHXH thành phố Hồ Chí Minh');
    });

    it('puts the 30 districts of Hà Nội under P01', () => {
      expect(units.filter((u) => u.parentCode === 'P01')).toHaveLength(30);
    });

    it('includes the Communication Center and the press offices', () => {
      expect(byCode(units, 'TT')).toMatchObject({ name: 'Trung tâm Truyền thông', kind: 'central_unit' });
      expect(units.filter((u) => u.kind === 'press_office').map((u) => u.code)).toEqual(['BAO', 'TAPCHI', 'CONG']);
    });

    it('leaves the units of the 2020 structure without an activity period', () => {
      expect(units.every((u) => u.activeFrom === null && u.activeTo === null)).toBe(true);
    });
  });

  describe('34-provinces', () => {
    const units = buildPreset('34-provinces', central, units63, units34);

    it('has 34 provinces and no districts', () => {
      expect(countKinds(units)).toEqual({ agency: 1, central_unit: 13, press_office: 3, province: 34 });
    });

    it('uses the central units of the 2025 structure', () => {
      const codes = units.filter((u) => u.kind === 'central_unit').map((u) => u.code);
      expect(codes).toEqual(central['34-provinces'].map((c) => c.code));
      expect(codes).toContain('LT');
      expect(codes).not.toContain('ST');
      expect(byCode(units, 'THU')?.name).toBe('Ban Quản lý thu và phát triển người tham gia');
    });

    it('names the merged provinces and starts them on 1 July 2025', () => {
      expect(byCode(units, 'P48')).toMatchObject({ name: 'BHXH thành phố Đà Nẵng', activeFrom: '2025-07-01' });
      expect(byCode(units, 'P49')).toBeUndefined();
      expect(units.every((u) => u.activeFrom === '2025-07-01')).toBe(true);
    });

    it('defines every parent before its children', () => {
      const defined = new Set<string>();
      for (const unit of units) {
        if (unit.parentCode !== null) expect(defined.has(unit.parentCode), unit.code).toBe(true);
        defined.add(unit.code);
      }
    });
  });
});

describe('flattenAdminUnits', () => {
  const { units, merges } = flattenAdminUnits(units63, units34);
  const count = (structure: '63' | '34', level: number) =>
    units.filter((u) => u.structure === structure && u.level === level).length;

  it('lists 63 provinces, 696 districts and 10,047 communes of the old structure', () => {
    expect([count('63', 1), count('63', 2), count('63', 3)]).toEqual([63, 696, 10_047]);
  });

  it('lists 34 provinces and 3,321 communes, without districts, of the new structure', () => {
    expect([count('34', 1), count('34', 2), count('34', 3)]).toEqual([34, 0, 3_321]);
  });

  it('keeps (structure, code) unique', () => {
    expect(new Set(units.map((u) => `${u.structure}:${u.code}`)).size).toBe(units.length);
  });

  it('links each old-structure unit to its parent', () => {
    expect(units.find((u) => u.structure === '63' && u.code === '001')).toMatchObject({
      name: 'Quận Ba Đình',
      level: 2,
      parentCode: '01',
    });
  });

  it('derives the type of new-structure units from their names', () => {
    expect(units.find((u) => u.structure === '34' && u.code === '48')).toMatchObject({
      name: 'Thành phố Đà Nẵng',
      type: 'Thành phố',
    });
    expect(units.find((u) => u.structure === '34' && u.code === '00004')).toMatchObject({
      name: 'Phường Ba Đình',
      type: 'Phường',
      level: 3,
      parentCode: '01',
    });
  });

  it('maps old Đà Nẵng (48) and Quảng Nam (49) into the new Đà Nẵng', () => {
    const intoDaNang = merges.filter((m) => m.level === 1 && m.newCode === '48').map((m) => m.oldCode);
    expect(intoDaNang.sort()).toEqual(['48', '49']);
    expect(merges.filter((m) => m.oldCode === '48' && m.level === 1)).toEqual([
      { newCode: '48', oldCode: '48', level: 1, type: 'full' },
    ]);
  });

  it('maps every old province into exactly one new province', () => {
    const provinceMerges = merges.filter((m) => m.level === 1);
    const old = units63.data.map((p) => p.level1_id).sort();
    expect(provinceMerges.map((m) => m.oldCode).sort()).toEqual(old);
    const newCodes = new Set(units34.data.map((p) => p.level1_id));
    expect(provinceMerges.every((m) => newCodes.has(m.newCode))).toBe(true);
  });
});
