import {
  ARTICLE_SORTS,
  MONITORING_FLAGS,
  OWNING_UNITS,
  RELEVANCE_LEVELS,
  SENTIMENTS,
  type TFacetValue,
} from '@loa/contracts';

/** The list facets kept in the URL (comma-separated values, OR'ed within a facet); `day` lives in from/to. */
export const LIST_FACETS = ['source', 'relevance', 'sentiment', 'flag', 'unit', 'query'] as const;
export type ListFacet = (typeof LIST_FACETS)[number];

const ALLOWED: Partial<Record<ListFacet, readonly string[]>> = {
  relevance: RELEVANCE_LEVELS,
  sentiment: [...SENTIMENTS, 'na'],
  flag: MONITORING_FLAGS,
  unit: OWNING_UNITS,
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The search of the /monitoring page as the URL holds it (page and pageSize are kept by useUrlListState). */
export interface ArticleFilters {
  q?: string | undefined;
  source: string[];
  relevance: string[];
  sentiment: string[];
  flag: string[];
  unit: string[];
  query: string[];
  from?: string | undefined;
  to?: string | undefined;
  cluster?: string | undefined;
  /** One row per cluster (the default) unless the URL says `collapse=false`. */
  collapse: boolean;
  corrected: boolean;
  sort: (typeof ARTICLE_SORTS)[number];
}

/** Splits a comma-separated URL value; values the server would reject (unknown vocabulary) are dropped. */
export function listParam(params: URLSearchParams, facet: ListFacet): string[] {
  const raw = params.get(facet);
  if (!raw) return [];
  const allowed = ALLOWED[facet];
  const values = raw
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return [...new Set(allowed ? values.filter((value) => allowed.includes(value)) : values)];
}

/** Reads the filters from the page's URL. */
export function filtersFromParams(params: URLSearchParams): ArticleFilters {
  const day = (key: string) => {
    const value = params.get(key);
    return value && ISO_DAY.test(value) ? value : undefined;
  };
  const sort = ARTICLE_SORTS.find((value) => value === params.get('sort')) ?? '-publishedAt';
  return {
    q: params.get('q')?.trim() || undefined,
    source: listParam(params, 'source'),
    relevance: listParam(params, 'relevance'),
    sentiment: listParam(params, 'sentiment'),
    flag: listParam(params, 'flag'),
    unit: listParam(params, 'unit'),
    query: listParam(params, 'query'),
    from: day('from'),
    to: day('to'),
    cluster: params.get('cluster') || undefined,
    collapse: params.get('collapse') !== 'false',
    corrected: params.get('corrected') === 'true',
    sort,
  };
}

/** The query string of the search API (and of the Excel export): lists joined by commas, empty values left out. */
export function searchQuery(filters: ArticleFilters): Record<string, string | undefined> {
  const list = (values: string[]) => (values.length > 0 ? values.join(',') : undefined);
  return {
    q: filters.q,
    source: list(filters.source),
    relevance: list(filters.relevance),
    sentiment: list(filters.sentiment),
    flag: list(filters.flag),
    unit: list(filters.unit),
    query: list(filters.query),
    from: filters.from,
    to: filters.to,
    cluster: filters.cluster,
    collapse: filters.collapse ? 'true' : 'false',
    corrected: filters.corrected ? 'true' : undefined,
    sort: filters.sort,
  };
}

/** Adds `value` to a facet's selection, or removes it when it is already there; the URL value (empty = none). */
export function toggleValue(selected: readonly string[], value: string): string {
  const next = selected.includes(value) ? selected.filter((item) => item !== value) : [...selected, value];
  return next.join(',');
}

/**
 * The days facet narrows the from/to range, which must stay one contiguous range: checking a day outside it
 * stretches the range to cover it, unchecking an end day shrinks it by that day, unchecking a day inside it keeps
 * that day only, and unchecking the only day clears the range.
 */
export function toggleDay(
  range: { from?: string | undefined; to?: string | undefined },
  day: string,
): { from: string | undefined; to: string | undefined } {
  const { from, to } = range;
  if (!isDayInRange(range, day)) {
    if (!from && !to) return { from: day, to: day };
    return { from: from && from < day ? from : day, to: to && to > day ? to : day };
  }
  if (from === day && to === day) return { from: undefined, to: undefined };
  if (from === day) return { from: shiftDay(day, 1), to };
  if (to === day) return { from, to: shiftDay(day, -1) };
  return { from: day, to: day };
}

/** Whether a day is inside the from/to range (an open end counts as unbounded; no range at all selects nothing). */
export function isDayInRange(range: { from?: string | undefined; to?: string | undefined }, day: string): boolean {
  if (!range.from && !range.to) return false;
  return (!range.from || day >= range.from) && (!range.to || day <= range.to);
}

function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * A facet's rows: the server's counts, plus the selected values the current result no longer contains (count 0),
 * so that a checked box never disappears from under the officer.
 */
export function facetRows(
  values: readonly TFacetValue[] | undefined,
  selected: readonly string[],
  labelOf: (value: string) => string,
): TFacetValue[] {
  const rows = [...(values ?? [])];
  for (const value of selected) {
    if (!rows.some((row) => row.value === value)) rows.push({ value, label: labelOf(value), count: 0 });
  }
  return rows;
}

/** The search a saved view keeps: the URL's query string without page, keys in a stable order. */
export function viewParams(params: URLSearchParams): string {
  const entries = [...params.entries()].filter(([key, value]) => key !== 'page' && value !== '');
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(entries).toString();
}

/** The URL of the articles of one cluster (every article, not only the first). */
export function clusterHref(clusterId: string): string {
  return `/monitoring?${new URLSearchParams({ cluster: clusterId, collapse: 'false' }).toString()}`;
}
