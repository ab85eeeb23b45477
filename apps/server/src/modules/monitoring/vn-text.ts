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
/** "o" before a toned plain a/e, "u" before a toned y (composed): the only places OPEN_OA_OE / OPEN_UY can match. */
const MAYBE_MOVED = /[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ]/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const COMBINING = /[\u0300-\u036f]/g;

/** Unicode NFC, the tone placement unified ("hoà" → "hòa", "thuý" → "thúy", "qua" untouched), invisible characters
 *  dropped, whitespace collapsed. */
export function normaliseVi(text: string): string {
  const composed = text.replace(INVISIBLE, '').normalize('NFC');
  // Most text has no vowel pair the placement rule could move: skip the decomposition round trip.
  if (!MAYBE_MOVED.test(composed)) return composed.replace(/\s+/g, ' ').trim();
  return composed
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
  return foldChars(text).replace(/\s+/g, ' ').trim();
}

/** Folded form of each lower-case letter of the Latin blocks Vietnamese uses ('' for a combining mark). */
const FOLDED = new Map<number, string>();
for (const [from, to] of [
  [0x80, 0x24f],
  [0x300, 0x36f],
  [0x1e00, 0x1eff],
]) {
  for (let c = from!; c <= to!; c++) {
    const ch = String.fromCharCode(c);
    if (ch.toLowerCase() !== ch) continue;
    FOLDED.set(c, ch.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd'));
  }
}

/** foldVi without the whitespace collapse: a character table, the Unicode round trip only for other scripts. */
function foldChars(text: string): string {
  const lower = text.replace(INVISIBLE, '').toLowerCase();
  let out = '';
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 0x80) continue;
    const folded = FOLDED.get(c);
    if (folded === undefined) return foldSlowly(text);
    out += lower.slice(from, i) + folded;
    from = i + 1;
  }
  return from === 0 ? lower : out + lower.slice(from);
}

function foldSlowly(text: string): string {
  return text.replace(INVISIBLE, '').toLowerCase().normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd');
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
  const folded = foldChars(text);
  const push = (word: string) => {
    const expansion = VI_ABBREVIATIONS.get(word);
    if (expansion) tokens.push(...expansion);
    else tokens.push(word);
  };
  // Folded text is nearly all ASCII: split by hand, asking the Unicode classes only about other characters.
  let start = -1;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    const isWordChar =
      c < 128 ? (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) : isLetterOrDigit(folded, i);
    if (isWordChar) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      push(folded.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) push(folded.slice(start));
  return tokens;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Whether the UTF-16 unit at i (a surrogate pair counts as one letter when the pair is one) is a letter or digit. */
function isLetterOrDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
    const high = text.charCodeAt(i - 1);
    if (high >= 0xd800 && high <= 0xdbff) return LETTER_OR_DIGIT.test(text.slice(i - 1, i + 1));
  }
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2));
  return LETTER_OR_DIGIT.test(text[i]!);
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
