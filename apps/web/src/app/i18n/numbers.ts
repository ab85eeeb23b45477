import type { TLocale } from '@loa/contracts';
import { formatCount } from '../../shared/format';

// Counts shown inside messages ("1–20 trên tổng số 12.345") where only a translator is at hand (table paging): the
// UI language is set along with dayjs's and the page's (i18n.tsx applyLocale). Message templates themselves never
// format numbers, since a year or a code is a number too.
let current: TLocale = 'vi';

export function setNumberLocale(locale: TLocale): void {
  current = locale;
}

/** A whole number grouped as the UI language groups it. */
export function formatUiCount(n: number): string {
  return formatCount(n, current);
}
