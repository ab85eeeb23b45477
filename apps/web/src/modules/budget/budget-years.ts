import type { TFiscalYearRow } from '@loa/contracts';

/**
 * The fiscal year a budget screen shows: the one in the URL when it is a plausible year, else this year when it is
 * known, else the newest year, else this year (nothing opened yet).
 */
export function pickYear(
  rows: readonly Pick<TFiscalYearRow, 'year'>[],
  fromUrl: string | null,
  thisYear: number,
): number {
  const asked = fromUrl === null || fromUrl.trim() === '' ? Number.NaN : Number(fromUrl);
  if (Number.isInteger(asked) && asked >= 2000 && asked <= 2100) return asked;
  if (rows.some((r) => r.year === thisYear)) return thisYear;
  const newest = rows.reduce<number | null>((max, r) => (max === null || r.year > max ? r.year : max), null);
  return newest ?? thisYear;
}
