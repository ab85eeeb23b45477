// How numbers and dates are written in a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP): digits grouped
// by dots, a decimal comma, "ngày 05 tháng 10 năm 2026" with a leading zero for days 1–9 and months 1–2.
import { changeRatio, groupDigits, viDate } from '@loa/contracts';

/** A whole number with dot-grouped digits: 1234567 → "1.234.567" (fractions are rounded). */
export function viNumber(value: number): string {
  return groupDigits(Math.round(value));
}

/** A ratio as a percentage with at most one decimal and a decimal comma: 0.625 → "62,5%", 0.5 → "50%". */
export function viPercent(ratio: number): string {
  const tenths = Math.round(ratio * 1000);
  const whole = Math.trunc(tenths / 10);
  const decimal = Math.abs(tenths % 10);
  const sign = tenths < 0 && whole === 0 ? '-' : '';
  return `${sign}${groupDigits(whole)}${decimal ? `,${decimal}` : ''}%`;
}

/** The change from `previous` to `value` as a signed percentage ("+12,5%", "-3%"); empty when last year was 0. */
export function viChange(value: number, previous: number): string {
  const ratio = changeRatio(value, previous);
  if (ratio === null) return '';
  const text = viPercent(ratio);
  return ratio >= 0 ? `+${text}` : text;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-10-05" → "ngày 05 tháng 10 năm 2026"; months 1–2 keep their zero ("tháng 02"), months 3–9 do not. */
export function viLongDate(isoDay: string): string {
  const match = ISO_DAY.exec(isoDay);
  if (!match) throw new Error(`A calendar day must be yyyy-mm-dd, got "${isoDay}"`);
  const month = Number(match[2]);
  return `ngày ${match[3]} tháng ${month <= 2 ? match[2] : String(month)} năm ${match[1]}`;
}

/** The place-and-date line: "Hà Nội, ngày 05 tháng 10 năm 2026"; without a date, blanks to fill in by hand. */
export function placeDateLine(place: string, signedOn: string | null, year: number): string {
  return signedOn ? `${place}, ${viLongDate(signedOn)}` : `${place}, ngày      tháng      năm ${year}`;
}

/** dd/mm/yyyy, as tables and the "từ ngày … đến ngày …" of the text write a day. */
export const viShortDate = viDate;

/** Upper case as Vietnamese writes it (Đ, ư, ơ …). */
export function viUpper(text: string): string {
  return text.toLocaleUpperCase('vi');
}
