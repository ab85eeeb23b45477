import type { TLocale } from '@loa/contracts';

// Counts shown inside messages ("1–20 trên tổng số 12.345"), grouped as the UI language groups them. The language is
// set with dayjs's and the page's (i18n.tsx applyLocale); message templates themselves never format numbers, since a
// year or a code is a number too.
const formats: Record<TLocale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
};
let current: TLocale = 'vi';

export function setNumberLocale(locale: TLocale): void {
  current = locale;
}

export function formatCount(n: number): string {
  return formats[current].format(n);
}
