import { changeRatio, FIGURE_UNITS, formatDong, type TDashboardFigure, type TLocale } from '@loa/contracts';
import { formatCount } from '../../shared/format';

/**
 * Pure helpers of the dashboard screen: how a figure is written, how it changed against last year, and which
 * province of the map a child unit is.
 */

const percentFormats: Record<TLocale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 0 }),
};

export { formatCount };

/** A figure as the screen writes it: money as `1.234.567 ₫` (the agency's documents keep it in both languages). */
export function formatFigure(figure: TDashboardFigure, value: number, locale: TLocale): string {
  return FIGURE_UNITS[figure] === 'vnd' ? formatDong(Math.round(value)) : formatCount(value, locale);
}

/** How a figure moved against the same period of last year. */
export type Change = { kind: 'same' } | { kind: 'new' } | { kind: 'up' | 'down'; percent: number };

/** The change from `previous` to `value`: a percentage, "new" when last year had none, "same" when both are zero. */
export function changeOf(value: number, previous: number): Change {
  if (value === previous) return { kind: 'same' };
  const ratio = changeRatio(value, previous);
  if (ratio === null) return { kind: 'new' };
  const percent = ratio * 100;
  return { kind: percent > 0 ? 'up' : 'down', percent: Math.abs(percent) };
}

/** A percentage with one decimal at most, in the locale's notation: 12,5 % / 12.5 %. */
export function formatPercent(percent: number, locale: TLocale): string {
  return `${percentFormats[locale].format(percent)} %`;
}

/** The two boundary sets of the map: the 63 provinces before 1 July 2025 and the 34 since. */
export type ProvinceMapSet = '63' | '34';

/** The GSO province code of a province unit: `P01` → `01`; null for any other unit code. */
export function provinceCodeOf(unitCode: string): string | null {
  const match = /^P(\d{2})$/.exec(unitCode);
  return match ? (match[1] ?? null) : null;
}

/**
 * Which boundaries to draw for these child units: the 34-province map only holds codes that survived the 2025
 * merger, so any province code outside it means the 63-province organisation; otherwise the 34 provinces. Null when
 * no child is a province (the map is not shown).
 */
export function provinceMapSet(unitCodes: readonly string[], codesOf34: ReadonlySet<string>): ProvinceMapSet | null {
  const codes = unitCodes.map(provinceCodeOf).filter((code): code is string => code !== null);
  if (codes.length === 0) return null;
  return codes.some((code) => !codesOf34.has(code)) ? '63' : '34';
}

/**
 * The codes of the 34 provinces in force since 1 July 2025, as in `public/maps/provinces-34.geojson` (a test checks
 * they agree) — enough to choose the map before loading either file.
 */
export const PROVINCE_CODES_34: ReadonlySet<string> = new Set(
  '01 04 08 11 12 14 15 19 20 22 24 25 31 33 37 38 40 42 44 46 48 51 52 56 66 68 75 79 80 82 86 91 92 96'.split(' '),
);

/** Figures where a rise is bad news (shown in red when they go up, green when they go down). */
const RISE_IS_BAD: ReadonlySet<TDashboardFigure> = new Set(['pressNegative', 'incidentsOpened', 'incidentsOpen']);

/** Whether a change is good, bad or neither for this figure (spending and allocations are neither). */
export function changeTone(figure: TDashboardFigure, change: Change): 'good' | 'bad' | 'neutral' {
  if (change.kind === 'same' || figure === 'budgetSpent' || figure === 'budgetAllocated') return 'neutral';
  const rose = change.kind === 'new' || change.kind === 'up';
  return rose === RISE_IS_BAD.has(figure) ? 'bad' : 'good';
}
