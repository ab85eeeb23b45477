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
