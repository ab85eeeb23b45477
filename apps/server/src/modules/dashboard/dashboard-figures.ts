// Presenting aggregated rows: breakdowns with their labels, the change against last year, and the drill records'
// links to their pages in the web app.
import {
  BUDGET_CATEGORY_LABELS,
  EVENT_KIND_LABELS,
  PUBLICATION_CHANNEL_LABELS,
  SENTIMENT_LABELS,
  type TDashboardFigure,
  type TDrillRecord,
} from '@loa/contracts';

type Label = { vi: string; en: string };
export interface BreakdownItem {
  key: string;
  label: Label;
  value: number;
}

/** Labels of the keys of the figures that have a breakdown (product types come from the guidance catalog). */
const KEY_LABELS: Partial<Record<TDashboardFigure, Record<string, Label>>> = {
  publications: PUBLICATION_CHANNEL_LABELS,
  events: EVENT_KIND_LABELS,
  pressArticles: SENTIMENT_LABELS,
  budgetSpent: BUDGET_CATEGORY_LABELS,
};

export function sumOf(rows: readonly { value: number }[]): number {
  return rows.reduce((total, row) => total + row.value, 0);
}

/**
 * A breakdown: every key with a non-zero value, largest first (ties by key), labelled from `labels` or the figure's
 * own label set; a key nobody named is shown as itself.
 */
export function breakdown(
  figure: TDashboardFigure,
  rows: readonly { key: string; value: number }[],
  labels: ReadonlyMap<string, Label> = new Map(),
): BreakdownItem[] {
  const known = KEY_LABELS[figure] ?? {};
  return rows
    .filter((row) => row.value !== 0)
    .map((row) => ({
      key: row.key,
      label: labels.get(row.key) ?? known[row.key] ?? { vi: row.key, en: row.key },
      value: row.value,
    }))
    .sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export interface DrillSourceRow {
  id: string;
  title: string;
  day: string;
  value: number;
  ref: string | null;
  refYear: number | null;
  unitId: string | null;
  unitCode: string | null;
  unitName: string | null;
}

/** Where a record behind a figure opens in the web app. */
export function drillLink(
  figure: TDashboardFigure,
  row: Pick<DrillSourceRow, 'id' | 'ref' | 'refYear'>,
): string | null {
  switch (figure) {
    case 'products':
      return `/products/${row.id}`;
    case 'publications':
    case 'reach':
      return row.ref ? `/products/${row.ref}?tab=publications` : null;
    case 'events':
    case 'attendance':
    case 'newVoluntary':
    case 'newHousehold':
      return `/events/${row.id}`;
    case 'budgetAllocated': {
      const query = new URLSearchParams({ tab: 'allocations' });
      if (row.refYear !== null) query.set('year', String(row.refYear));
      if (row.ref) query.set('q', row.ref);
      return `/budget?${query.toString()}`;
    }
    case 'budgetSpent':
      return `/budget/expenditures/${row.id}`;
    case 'pressArticles':
    case 'pressNegative':
      return `/monitoring/articles/${row.id}`;
    case 'incidentsOpened':
    case 'incidentsOpen':
      return `/incidents/${row.id}`;
  }
}

export function toDrillRecord(figure: TDashboardFigure, row: DrillSourceRow): TDrillRecord {
  return {
    id: row.id,
    title: row.title,
    date: row.day,
    unit:
      row.unitId && row.unitCode && row.unitName ? { id: row.unitId, code: row.unitCode, name: row.unitName } : null,
    value: row.value,
    link: drillLink(figure, row),
  };
}
