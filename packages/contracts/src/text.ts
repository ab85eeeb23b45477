/** Folds Vietnamese text for accent-insensitive matching: "Đà Nẵng" → "da nang". Mirrors SQL `loa_fold`. */
export function foldVi(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of `query` occurs in `text`, ignoring accents and case. */
export function matchesVi(text: string, query: string): boolean {
  const haystack = foldVi(text);
  return foldVi(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as officers write it: `2026-12-05` → `05/12/2026`. Anything but `yyyy-mm-dd` is a bug. */
export function viDate(isoDay: string): string {
  const match = ISO_DAY.exec(isoDay);
  if (!match) throw new Error(`A calendar day must be yyyy-mm-dd, got "${isoDay}"`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}
