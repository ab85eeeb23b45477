import type { TOrgPreset, TUnitKind } from '@loa/contracts';

/** The shapes of the shipped data files (see apps/server/reference-data/README.md). */
export interface AdminUnits63 {
  data: {
    level1_id: string;
    name: string;
    type: string;
    level2s: {
      level2_id: string;
      name: string;
      type: string;
      level3s: { level3_id: string; name: string; type: string }[];
    }[];
  }[];
}
export interface AdminUnits34 {
  data: {
    level1_id: string;
    name: string;
    merges: Merge[];
    level2s: { level2_id: string; name: string; merges: Merge[] }[];
  }[];
}
interface Merge {
  old_id: string;
  name: string;
  type: 'full' | 'partial';
}
export interface CentralUnits {
  '63-provinces': { code: string; name: string }[];
  '34-provinces': { code: string; name: string }[];
  press_offices: { code: string; name: string }[];
}

export interface PresetUnit {
  code: string;
  name: string;
  shortName: string | null;
  kind: TUnitKind;
  parentCode: string | null;
  adminUnitCode: string | null;
  activeFrom: string | null;
  activeTo: string | null;
}

export interface AdminUnitRecord {
  structure: '63' | '34';
  code: string;
  level: 1 | 2 | 3;
  name: string;
  type: string;
  parentCode: string | null;
}

export interface MergeRecord {
  newCode: string;
  oldCode: string;
  level: 1 | 3;
  type: 'full' | 'partial';
}

export const ROOT_CODE = 'BHXHVN';
const TYPES = ['Thành phố', 'Tỉnh', 'Phường', 'Xã', 'Đặc khu', 'Thị trấn'];

/** "Thành phố Hà Nội" → "BHXH thành phố Hà Nội" (the agency's own naming of its local offices). */
export function bhxhName(adminName: string): string {
  return `BHXH ${adminName.charAt(0).toLocaleLowerCase('vi')}${adminName.slice(1)}`;
}

function typeOf(name: string): string {
  return TYPES.find((t) => name.startsWith(`${t} `)) ?? '';
}

/**
 * The org tree of a preset: BHXH Việt Nam, its central units and press offices, a BHXH unit per
 * province and, in the 2020 structure, per district. Parents come before their children.
 */
export function buildPreset(
  preset: TOrgPreset,
  central: CentralUnits,
  units63: AdminUnits63,
  units34: AdminUnits34,
): PresetUnit[] {
  const from = preset === '34-provinces' ? '2025-07-01' : null;
  const unit = (
    u: Omit<PresetUnit, 'activeFrom' | 'activeTo' | 'shortName'> & { shortName?: string | null },
  ): PresetUnit => ({
    shortName: null,
    activeFrom: from,
    activeTo: null,
    ...u,
  });
  const result: PresetUnit[] = [
    unit({
      code: ROOT_CODE,
      name: 'Bảo hiểm xã hội Việt Nam',
      shortName: 'BHXH Việt Nam',
      kind: 'agency',
      parentCode: null,
      adminUnitCode: null,
    }),
  ];
  for (const c of central[preset])
    result.push(unit({ code: c.code, name: c.name, kind: 'central_unit', parentCode: ROOT_CODE, adminUnitCode: null }));
  for (const p of central.press_offices)
    result.push(unit({ code: p.code, name: p.name, kind: 'press_office', parentCode: ROOT_CODE, adminUnitCode: null }));
  if (preset === '63-provinces') {
    for (const province of units63.data) {
      const code = `P${province.level1_id}`;
      result.push(
        unit({
          code,
          name: bhxhName(province.name),
          kind: 'province',
          parentCode: ROOT_CODE,
          adminUnitCode: province.level1_id,
        }),
      );
      for (const district of province.level2s) {
        result.push(
          unit({
            code: `D${district.level2_id}`,
            name: bhxhName(district.name),
            kind: 'district',
            parentCode: code,
            adminUnitCode: district.level2_id,
          }),
        );
      }
    }
  } else {
    for (const province of units34.data) {
      result.push(
        unit({
          code: `P${province.level1_id}`,
          name: bhxhName(province.name),
          kind: 'province',
          parentCode: ROOT_CODE,
          adminUnitCode: province.level1_id,
        }),
      );
    }
  }
  return result;
}

/** Every administrative unit of both structures, and the merges from the old structure into the new. */
export function flattenAdminUnits(
  units63: AdminUnits63,
  units34: AdminUnits34,
): { units: AdminUnitRecord[]; merges: MergeRecord[] } {
  const units: AdminUnitRecord[] = [];
  const merges: MergeRecord[] = [];
  for (const p of units63.data) {
    units.push({ structure: '63', code: p.level1_id, level: 1, name: p.name, type: p.type, parentCode: null });
    for (const d of p.level2s) {
      units.push({ structure: '63', code: d.level2_id, level: 2, name: d.name, type: d.type, parentCode: p.level1_id });
      for (const c of d.level3s) {
        units.push({
          structure: '63',
          code: c.level3_id,
          level: 3,
          name: c.name,
          type: c.type,
          parentCode: d.level2_id,
        });
      }
    }
  }
  for (const p of units34.data) {
    units.push({ structure: '34', code: p.level1_id, level: 1, name: p.name, type: typeOf(p.name), parentCode: null });
    for (const m of p.merges) merges.push({ newCode: p.level1_id, oldCode: m.old_id, level: 1, type: m.type });
    for (const c of p.level2s) {
      units.push({
        structure: '34',
        code: c.level2_id,
        level: 3,
        name: c.name,
        type: typeOf(c.name),
        parentCode: p.level1_id,
      });
      for (const m of c.merges) merges.push({ newCode: c.level2_id, oldCode: m.old_id, level: 3, type: m.type });
    }
  }
  return { units, merges };
}
