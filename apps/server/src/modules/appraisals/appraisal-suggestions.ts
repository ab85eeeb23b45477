/**
 * Which central units own the subject of a theme of the guidance, so the owner of a product on it asks them to
 * appraise it (1191/BHXH-TT §V.1.a). Keyed by theme code; a sub-theme without its own entry takes its parent's.
 * Codes are those of the central units (bhxh-central-units.json).
 */
export const THEME_APPRAISERS: Readonly<Record<string, readonly string[]>> = {
  // Policies of the Party and laws of the State on social and health insurance.
  'II.1.a': ['PC'],
  // The political system's involvement; international cooperation.
  'II.1.b': ['HTQT'],
  // Meaning, role and benefits of the policies.
  'II.1.c': ['CSXH', 'CSYT'],
  // Each regime, contribution rates, procedures to join and support.
  'II.1.d': ['THU', 'CSXH', 'CSYT', 'ST'],
  // Articles 214–216 of the Criminal Code, sanctions, compliance.
  'II.1.đ': ['PC', 'TTKT'],
  // IT, administrative reform, online public services.
  'II.1.e': ['CNTT'],
  // Good people and good deeds, outstanding collectives and initiatives.
  'II.1.g': ['TDKT'],
  // Bad, toxic or false information; reporting violations.
  'II.1.h': ['PC', 'TTKT'],
  // Voluntary social insurance and household health insurance.
  'II.2.a': ['THU', 'CSXH'],
  // 25 years of social and health insurance.
  'II.2.b': ['VP'],
  // Covid-19 (1007/BHXH-TT).
  'II.2.c': ['CSYT', 'CSXH'],
};

/** The entry for `code` or its nearest ancestor ("II.1.d.2" → "II.1.d"). */
function appraisersOf(code: string): readonly string[] {
  for (let parts = code.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
    const entry = THEME_APPRAISERS[parts.join('.')];
    if (entry) return entry;
  }
  return [];
}

/**
 * The unit codes to suggest for a product's themes, each once, in theme order; only codes in `existing` (the
 * central units of the org tree) and not in `excluded` (already asked, or the owner itself).
 */
export function suggestAppraisers(
  themeCodes: readonly string[],
  existing: ReadonlySet<string>,
  excluded: ReadonlySet<string> = new Set(),
): string[] {
  const codes = new Set<string>();
  for (const theme of themeCodes) {
    for (const code of appraisersOf(theme)) if (existing.has(code) && !excluded.has(code)) codes.add(code);
  }
  return [...codes];
}
