/**
 * The "số hiệu" of a Vietnamese administrative document: a serial number, sometimes the year, and the
 * symbol of its kind and issuer — `1007/BHXH-TT`, `30/2020/NĐ-CP`, `1059/TB-BHXH`, and the party's
 * `28-NQ/TW`. Documents print it with stray spaces (`Số: 1191 /BHXH-TT`); Loa stores one spelling.
 */
export interface RegulationNumber {
  /** The normalised spelling: no spaces, symbol in capitals. */
  text: string;
  serial: number;
  /** The year, for numbers that carry one (`30/2020/NĐ-CP`). */
  year: number | null;
  /** What follows the serial (and year): `BHXH-TT`, `NĐ-CP`, `NQ/TW`. */
  symbol: string;
}

const DASHES = /[\u2010-\u2015\u2212]/g;
// "Số:", "Số", "so." before the serial, as printed at the head of a document.
const PREFIX = /^s[ốôo]\s*[:.]?\s*(?=\d)/iu;
const SEGMENT = '[\\p{Lu}\\d]+';
const SYMBOL = `${SEGMENT}(?:-${SEGMENT})*`;
const STATE = new RegExp(`^(\\d{1,6})(?:/(\\d{4}))?/(${SYMBOL})$`, 'u');
const PARTY = new RegExp(`^(\\d{1,6})-(\\p{Lu}+/${SYMBOL})$`, 'u');
// "TTg" (Thủ tướng Chính phủ, as in 16/CT-TTg) is the one symbol written with a small letter.
const PRIME_MINISTER = /(^|[-/])TTG(?=$|[-/])/gu;

/** Reads a typed or printed "số hiệu"; null when it is not one. */
export function parseRegulationNumber(raw: string): RegulationNumber | null {
  const spaced = raw.normalize('NFC').replace(DASHES, '-').trim().replace(PREFIX, '');
  const compact = spaced.replace(/\s*([/-])\s*/g, '$1');
  if (/\s/.test(compact)) return null;
  const text = compact.toLocaleUpperCase('vi').replace(PRIME_MINISTER, '$1TTg');
  const upper = text.toLocaleUpperCase('vi');
  const state = STATE.exec(upper);
  if (state) {
    const [, serial, year, symbol] = state as unknown as [string, string, string | undefined, string];
    if (!/\p{L}/u.test(symbol)) return null;
    if (year !== undefined && (Number(year) < 1900 || Number(year) > 2100)) return null;
    return {
      text,
      serial: Number(serial),
      year: year === undefined ? null : Number(year),
      symbol: text.slice(text.length - symbol.length),
    };
  }
  const party = PARTY.exec(upper);
  if (party) {
    const [, serial, symbol] = party as unknown as [string, string, string];
    return { text, serial: Number(serial), year: null, symbol: text.slice(text.length - symbol.length) };
  }
  return null;
}

/** The one spelling Loa stores and compares (`1191 /bhxh-tt` → `1191/BHXH-TT`); null when malformed. */
export function normaliseRegulationNumber(raw: string): string | null {
  return parseRegulationNumber(raw)?.text ?? null;
}
