// Which part of a period the dashboard reads from the rollups and which directly (decision 0042): the whole months of
// the period whose rollups are up to date come from `dashboard_rollups`; the partial months at its edges come from the
// day cells `dashboard_rollup_days` when the units read have them (depth 1 and 2) and their month is up to date, else
// from the records; the months with a change not yet refreshed are aggregated from the records (decision 0041).
import type { TDashboardFigure } from '@loa/contracts';

/** The families of source tables a trigger marks dirty; one family feeds one or more figures. */
export type RollupSource = 'products' | 'publications' | 'events' | 'expenditures' | 'incidents';

/**
 * The figures kept in rollups and the family each is refreshed with: attribution to the record's own unit and a
 * value that does not depend on "now". Budget allocated (fiscal years, attribution "received from outside"), press
 * (attribution by the source's area) and incidents still open (a snapshot of now) are always aggregated directly.
 */
export const ROLLED_FIGURES: Partial<Record<TDashboardFigure, RollupSource>> = {
  products: 'products',
  publications: 'publications',
  reach: 'publications',
  events: 'events',
  attendance: 'events',
  newVoluntary: 'events',
  newHousehold: 'events',
  budgetSpent: 'expenditures',
  incidentsOpened: 'incidents',
};

export const figuresOf = (source: RollupSource): TDashboardFigure[] =>
  (Object.entries(ROLLED_FIGURES) as [TDashboardFigure, RollupSource][])
    .filter(([, family]) => family === source)
    .map(([figure]) => figure);

/** Inclusive calendar days. */
export interface DayRange {
  from: string;
  to: string;
}

/** How one period is read: whole months (yyyy-mm-01) from the rollups, `days` from the day cells, `direct` ranges
 * from the records. */
export interface PeriodPlan {
  months: string[];
  /** Present when the units read have day cells: the edge days of clean months. */
  days?: DayRange[];
  direct: DayRange[];
}

/** Units down to this depth (1: the root; 2: its children) have day cells (decision 0042). */
export const DAY_CELL_DEPTH = 2;

/** The depth of a unit by its materialised path ('/a/' is 1, '/a/b/' is 2). */
export const depthOf = (path: string): number => path.split('/').filter(Boolean).length;

const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (y: number, m: number) => `${String(y).padStart(4, '0')}-${pad(m)}-01`;

/** The last day of the month of `day` (yyyy-mm-dd). */
export function monthEnd(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The first day of the month of `day`. */
export const monthOf = (day: string): string => `${day.slice(0, 7)}-01`;

/** Every month (its first day) from the month of `from` to the month of `to`. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = monthOf(to);
  for (let month = monthStart(y, m); month <= last; month = monthStart(y, m)) {
    months.push(month);
    if (m === 12) [y, m] = [y + 1, 1];
    else m += 1;
  }
  return months;
}

/**
 * Splits `from`..`to` into the whole calendar months inside it and the partial months at its edges (at most two day
 * ranges; one when the period lies within a single month and does not cover it whole).
 */
export function splitPeriod(from: string, to: string): PeriodPlan {
  const months = monthsBetween(from, to).filter((month) => month >= from && monthEnd(month) <= to);
  if (months.length === 0) return { months, direct: [{ from, to }] };
  const direct: DayRange[] = [];
  const first = months[0]!;
  const last = months[months.length - 1]!;
  if (from < first) direct.push({ from, to: monthEnd(from) });
  if (monthEnd(last) < to) direct.push({ from: monthOf(to), to });
  return { months, direct };
}

/** A day range cut at month boundaries: one range per month it touches. */
function perMonth(range: DayRange): DayRange[] {
  const out: DayRange[] = [];
  for (let from = range.from; from <= range.to; from = dayAfter(monthEnd(from)))
    out.push({ from, to: monthEnd(from) < range.to ? monthEnd(from) : range.to });
  return out;
}

/**
 * The plan of a period when the rollups of `dirty` months (yyyy-mm-01: a change in the scope not refreshed yet) must
 * not be trusted: those months join the direct ranges, adjacent ranges merged so each is one indexed scan. With
 * `dayCells` (the units read have day cells), the partial edge months that are clean are read from the day cells.
 */
export function planPeriod(from: string, to: string, dirty: ReadonlySet<string>, dayCells = false): PeriodPlan {
  const split = splitPeriod(from, to);
  const months = split.months.filter((month) => !dirty.has(month));
  const edges = split.direct.flatMap(perMonth);
  const days = dayCells ? edges.filter((range) => !dirty.has(monthOf(range.from))) : [];
  const ranges = [
    ...edges.filter((range) => !days.includes(range)),
    ...split.months.filter((month) => dirty.has(month)).map((month) => ({ from: month, to: monthEnd(month) })),
  ].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const direct: DayRange[] = [];
  for (const range of ranges) {
    const previous = direct[direct.length - 1];
    if (previous && dayAfter(previous.to) === range.from) previous.to = range.to;
    else direct.push({ ...range });
  }
  return dayCells ? { months, days, direct } : { months, direct };
}

function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The prefixes of a materialised path: its unit and every ancestor ('/a/', '/a/b/', '/a/b/c/'). */
export function pathPrefixes(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}
