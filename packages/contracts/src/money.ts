/**
 * Money in Loa is an integer number of đồng (issue 6 §2): never a float, never a fraction. These helpers show it the
 * way Vietnamese finance documents do — `1.234.567 ₫` in screens and sheets, and in words on documents
 * ("Một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy đồng").
 */

/** The largest amount Loa accepts: 10^15 đồng (a thousand trillion), well inside JavaScript's exact integers. */
export const MAX_DONG = 1_000_000_000_000_000;

/** True for a whole, non-negative number of đồng no larger than MAX_DONG. */
export function isDongAmount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value <= MAX_DONG;
}

/** Digits grouped by dots, as Vietnamese documents write them: 1234567 → "1.234.567"; negatives keep their sign. */
export function groupDigits(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`An amount in đồng must be a whole number, got ${value}`);
  const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return value < 0 ? `-${digits}` : digits;
}

/** An amount for screens and sheets: 1234567 → "1.234.567 ₫". */
export function formatDong(value: number): string {
  return `${groupDigits(value)} ₫`;
}

/** Reads "1.234.567", "1 234 567", "1234567" or "1,234,567" back to 1234567; null when it is not a whole amount. */
export function parseDong(text: string): number | null {
  const compact = text.replace(/[\s\u00a0.,₫đ]|VND|vnd/g, '');
  if (!/^-?\d{1,16}$/.test(compact)) return null;
  const value = Number(compact);
  return Number.isSafeInteger(value) ? value : null;
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
/** Names of the groups of three digits, from the right: units, thousands, millions, billions, then again. */
const GROUPS = ['', 'nghìn', 'triệu', 'tỷ', 'nghìn tỷ', 'triệu tỷ'];

/** Reads one group of three digits; `full` when a higher group precedes it, so "không trăm" and "linh" are said. */
function readGroup(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  const words: string[] = [];
  if (full || hundreds > 0) words.push(DIGITS[hundreds]!, 'trăm');
  if (tens === 0) {
    if (ones > 0) {
      if (words.length > 0) words.push('linh');
      words.push(DIGITS[ones]!);
    }
  } else {
    words.push(...(tens === 1 ? ['mười'] : [DIGITS[tens]!, 'mươi']));
    if (ones === 1 && tens > 1) words.push('mốt');
    else if (ones === 4 && tens > 1) words.push('tư');
    else if (ones === 5) words.push('lăm');
    else if (ones > 0) words.push(DIGITS[ones]!);
  }
  return words;
}

/**
 * An amount in Vietnamese words with a capital first letter, as written under the figures of a budget document:
 * 0 → "Không đồng", 1000 → "Một nghìn đồng", 1000000005 → "Một tỷ không trăm linh năm đồng",
 * 21000000000 → "Hai mươi mốt tỷ đồng". Groups of three zeros are skipped; a group after a higher one is read in full.
 */
export function dongInWords(value: number): string {
  if (!Number.isSafeInteger(value) || Math.abs(value) > MAX_DONG) {
    throw new Error(`An amount in đồng must be a whole number up to ${MAX_DONG}, got ${value}`);
  }
  if (value === 0) return 'Không đồng';
  let rest = Math.abs(value);
  const groups: number[] = [];
  do {
    groups.push(rest % 1000);
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  const words: string[] = [];
  for (let index = groups.length - 1; index >= 0; index -= 1) {
    const group = groups[index]!;
    if (group === 0) continue;
    words.push(...readGroup(group, index < groups.length - 1));
    if (GROUPS[index]) words.push(GROUPS[index]!);
  }
  if (value < 0) words.unshift('âm');
  const sentence = `${words.join(' ')} đồng`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
