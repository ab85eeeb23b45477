import { foldVi } from '@loa/contracts';

/** An administrative unit an officer may name. */
export interface PlaceOption {
  code: string;
  name: string;
}

export type PlaceMatch<T extends PlaceOption> =
  { place: T } | { problem: 'validation.unknown_place' | 'validation.ambiguous_place' };

// Longest first, so that "thị xã" is not read as "xã".
const TYPE_PREFIXES = ['thanh pho', 'thi tran', 'thi xa', 'dac khu', 'phuong', 'huyen', 'quan', 'tinh', 'xa', 'tp']
  .sort((a, b) => b.length - a.length)
  .map((p) => new RegExp(`^${p}\\.?\\s+`));

/** "Xã Hòa Bình" → "hoa binh"; "TP. Hồ Chí Minh" → "ho chi minh": a name without its type, folded. */
export function bareName(name: string): string {
  let folded = foldVi(name).replace(/\s*\.\s*/g, '. ');
  for (const prefix of TYPE_PREFIXES) folded = folded.replace(prefix, '');
  return folded.replace(/\./g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Finds the place an officer wrote among `options`: its code ("00004"), its full name ("Phường Ba Đình") or its
 * name without the type ("Ba Đình"), accents and case ignored. A full name beats a bare one, so that "Thị xã Sơn
 * Tây" and "Phường Sơn Tây" stay apart; several candidates left is ambiguous.
 */
export function matchPlace<T extends PlaceOption>(options: readonly T[], input: string): PlaceMatch<T> {
  const text = input.trim();
  const byCode = options.find(
    (o) => o.code === text || (/^\d+$/.test(text) && o.code === text.padStart(o.code.length, '0')),
  );
  if (byCode) return { place: byCode };
  const full = options.filter((o) => foldVi(o.name) === foldVi(text));
  if (full.length === 1) return { place: full[0]! };
  if (full.length > 1) return { problem: 'validation.ambiguous_place' };
  const bare = bareName(text);
  const loose = bare ? options.filter((o) => bareName(o.name) === bare) : [];
  if (loose.length === 1) return { place: loose[0]! };
  return { problem: loose.length > 1 ? 'validation.ambiguous_place' : 'validation.unknown_place' };
}

/**
 * The org units that may keep an agent of this place, most specific first: the district office (`D` + district
 * code), then the province office (`P` + province code) — the codes both org presets give them.
 */
export function keepingUnitCodes(place: { provinceCode: string; districtCode: string | null }): string[] {
  return place.districtCode ? [`D${place.districtCode}`, `P${place.provinceCode}`] : [`P${place.provinceCode}`];
}
