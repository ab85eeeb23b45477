// Vietnamese text as every monitoring matcher sees it: one Unicode form, one tone-mark placement, accents folded,
// and the agency's abbreviations expanded, so "BHXH", "bảo hiểm xã hội" and "bao hiem xa hoi" compare equal.

/** The five tone marks as combining characters (grave, acute, tilde, hook above, dot below). */
const TONE = '[\\u0300\\u0301\\u0303\\u0309\\u0323]';
/**
 * Tone placement in "oa", "oe", "uy" without a final consonant differs between writers: "hòa", "khỏe", "thủy" (mark on
 * the first vowel, the placement the press and the agency's documents mostly use) against "hoà", "khoẻ", "thuỷ" (mark on
 * the second, the 1980s school rule). We unify to the first. In the decomposed form a tone follows its letter, so the
 * fix is a swap, made only at the end of a word: with a final consonant or a third vowel ("hoàng", "hoài", "thuyền")
 * both styles agree. After "q" the "u" is part of the onset and "y" is the nucleus ("quý", "quỳ" stay as written);
 * "qua", "quá", "gia", "giá" never match the pattern at all.
 */
const OPEN_OA_OE = new RegExp(`([oO])([aAeE])(${TONE})(?![\\p{L}\\p{M}])`, 'gu');
const OPEN_UY = new RegExp(`(?<![qQ])([uU])([yY])(${TONE})(?![\\p{L}\\p{M}])`, 'gu');
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const COMBINING = /[\u0300-\u036f]/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/u;

/** Unicode NFC, the tone placement unified ("hoà" → "hòa", "thuý" → "thúy", "qua" untouched), invisible characters
 *  dropped, whitespace collapsed. */
export function normaliseVi(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .normalize('NFD')
    .replace(OPEN_OA_OE, '$1$3$2')
    .replace(OPEN_UY, '$1$3$2')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

/** normaliseVi, lower case, accents folded, đ → d: the form every matcher compares. (Folding removes every tone,
 *  so the placement rule cannot change the result and is skipped on this hot path.) */
export function foldVi(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Abbreviations (folded, so "NLĐ" is "nld") and the folded tokens of their full forms. */
export const VI_ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['bhxh', ['bao', 'hiem', 'xa', 'hoi']],
  ['bhyt', ['bao', 'hiem', 'y', 'te']],
  ['bhtn', ['bao', 'hiem', 'that', 'nghiep']],
  ['nld', ['nguoi', 'lao', 'dong']],
  ['nsdld', ['nguoi', 'su', 'dung', 'lao', 'dong']],
  ['kcb', ['kham', 'chua', 'benh']],
]);

/** The matching tokens of a text: folded syllables/words split on anything that is not a letter or digit, with the
 *  abbreviations BHXH, BHYT, BHTN, NLĐ, NSDLĐ, KCB expanded to their full forms' tokens
 *  ("BHXH" → "bao","hiem","xa","hoi"), so "BHXH" and "bảo hiểm xã hội" match each other. */
export function matchTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const word of foldVi(text).split(NOT_LETTER_OR_DIGIT)) {
    if (word === '') continue;
    const expansion = VI_ABBREVIATIONS.get(word);
    if (expansion) tokens.push(...expansion);
    else tokens.push(word);
  }
  return tokens;
}

/** Syllable shingles of `size` consecutive matchTokens (for near-duplicate fingerprints); a text shorter than `size`
 *  tokens gives one shingle of all its tokens, an empty one none. */
export function shingles(tokens: readonly string[], size: number): string[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`A shingle size must be a positive integer, got ${size}`);
  if (tokens.length === 0) return [];
  if (tokens.length <= size) return [tokens.join(' ')];
  const out: string[] = new Array<string>(tokens.length - size + 1);
  for (let i = 0; i + size <= tokens.length; i++) out[i] = tokens.slice(i, i + size).join(' ');
  return out;
}
