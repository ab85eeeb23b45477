import type { TListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import type { FieldError } from '../../platform/errors.js';
import type { UnitLookup } from '../org-units/index.js';

/** The administrative units (agents module's repository provides them). */
export interface PlaceLookup {
  placeStructure(tx: Executor): Promise<'63' | '34'>;
  findPlace(
    tx: Executor,
    structure: string,
    level: number,
    code: string,
  ): Promise<{ code: string; name: string; parentCode: string | null } | null>;
}

/** The guidance catalog: its years and the theme codes of a year. */
export interface ThemeLookup {
  listYears(tx: Executor, query: TListQuery): Promise<{ rows: { year: number }[] }>;
  listItems(
    tx: Executor,
    year: number,
    kind: 'theme',
    group: undefined,
    query: TListQuery,
  ): Promise<{ rows: { code: string }[] }>;
}

export interface PlaceFields {
  provinceCode: string | null;
  provinceName: string | null;
  districtCode: string | null;
  districtName: string | null;
  communeCode: string | null;
  communeName: string | null;
}

const ALL: TListQuery = { page: 1, pageSize: 1000, q: undefined, sort: undefined };

/**
 * Checks an event's place against the administrative units and finds the office whose territory holds it (the
 * district office, else the province office); a commune without its district gets its district.
 */
export async function resolveEventPlace(
  tx: Executor,
  deps: { places: PlaceLookup; units: UnitLookup },
  codes: { provinceCode: string | null; districtCode: string | null; communeCode: string | null },
): Promise<{ place: PlaceFields; keeperPath: string | null; problems: FieldError[] }> {
  const problems: FieldError[] = [];
  const empty: PlaceFields = {
    provinceCode: null,
    provinceName: null,
    districtCode: null,
    districtName: null,
    communeCode: null,
    communeName: null,
  };
  if (!codes.provinceCode) {
    if (codes.districtCode || codes.communeCode) problems.push({ field: 'provinceCode', code: 'validation.required' });
    return { place: empty, keeperPath: null, problems };
  }
  const structure = await deps.places.placeStructure(tx);
  const unknown = (field: string, value: string) =>
    problems.push({ field, code: 'validation.unknown_place', params: { value } });
  const province = await deps.places.findPlace(tx, structure, 1, codes.provinceCode);
  if (!province) unknown('provinceCode', codes.provinceCode);
  let district = null;
  if (codes.districtCode) {
    district = structure === '63' ? await deps.places.findPlace(tx, structure, 2, codes.districtCode) : null;
    if (!district) unknown('districtCode', codes.districtCode);
    else if (province && district.parentCode !== province.code)
      problems.push({ field: 'districtCode', code: 'validation.place_mismatch' });
  }
  let commune = null;
  if (codes.communeCode) {
    commune = await deps.places.findPlace(tx, structure, 3, codes.communeCode);
    if (!commune) unknown('communeCode', codes.communeCode);
    else if (structure === '63') {
      if (!district && problems.length === 0)
        district = await deps.places.findPlace(tx, structure, 2, commune.parentCode ?? '');
      if (!district || commune.parentCode !== district.code || (province && district.parentCode !== province.code))
        problems.push({ field: 'communeCode', code: 'validation.place_mismatch' });
    } else if (province && commune.parentCode !== province.code)
      problems.push({ field: 'communeCode', code: 'validation.place_mismatch' });
  }
  if (problems.length > 0 || !province) return { place: empty, keeperPath: null, problems };
  let keeperPath: string | null = null;
  for (const code of district ? [`D${district.code}`, `P${province.code}`] : [`P${province.code}`]) {
    const unit = await deps.units.findByCode(tx, code);
    if (unit) {
      keeperPath = unit.path;
      break;
    }
  }
  return {
    place: {
      provinceCode: province.code,
      provinceName: province.name,
      districtCode: district?.code ?? null,
      districtName: district?.name ?? null,
      communeCode: commune?.code ?? null,
      communeName: commune?.name ?? null,
    },
    keeperPath,
    problems,
  };
}

/** The theme codes of the guidance in force in `year` (the latest year up to it), or null when there is none. */
export async function themeCodesFor(tx: Executor, guidance: ThemeLookup, year: number): Promise<Set<string> | null> {
  const years = (await guidance.listYears(tx, ALL)).rows.map((r) => r.year).filter((y) => y <= year);
  if (years.length === 0) return null;
  const rows = (await guidance.listItems(tx, Math.max(...years), 'theme', undefined, ALL)).rows;
  return new Set(rows.map((r) => r.code));
}
