import { describe, expect, it } from 'vitest';
import {
  clusterHref,
  facetRows,
  filtersFromParams,
  isDayInRange,
  searchQuery,
  toggleDay,
  toggleValue,
  viewParams,
} from './search-url';

describe('filtersFromParams', () => {
  it('reads lists, days, toggles and the sort from the URL', () => {
    const filters = filtersFromParams(
      new URLSearchParams({
        q: ' so bhxh ',
        source: 'VnExpress,Tuổi Trẻ',
        flag: 'book_trading,bogus',
        from: '2026-11-01',
        to: 'nope',
        collapse: 'false',
        corrected: 'true',
        sort: '-relevance',
      }),
    );
    expect(filters.q).toBe('so bhxh');
    expect(filters.source).toEqual(['VnExpress', 'Tuổi Trẻ']);
    expect(filters.flag).toEqual(['book_trading']);
    expect(filters.from).toBe('2026-11-01');
    expect(filters.to).toBeUndefined();
    expect(filters.collapse).toBe(false);
    expect(filters.corrected).toBe(true);
    expect(filters.sort).toBe('-relevance');
  });

  it('defaults to collapsed clusters, newest first, nothing filtered', () => {
    const filters = filtersFromParams(new URLSearchParams('sort=sideways&unit='));
    expect(filters).toMatchObject({ collapse: true, corrected: false, sort: '-publishedAt', unit: [], q: undefined });
  });
});

describe('searchQuery', () => {
  it('joins lists with commas and leaves empty ones out', () => {
    const query = searchQuery(filtersFromParams(new URLSearchParams('relevance=core,peripheral&q=BHXH')));
    expect(query).toMatchObject({ q: 'BHXH', relevance: 'core,peripheral', collapse: 'true', sort: '-publishedAt' });
    expect(query.source).toBeUndefined();
    expect(query.corrected).toBeUndefined();
  });
});

describe('toggleValue', () => {
  it('adds a value that is not selected and removes one that is', () => {
    expect(toggleValue(['core'], 'peripheral')).toBe('core,peripheral');
    expect(toggleValue(['core', 'peripheral'], 'core')).toBe('peripheral');
    expect(toggleValue(['core'], 'core')).toBe('');
  });
});

describe('toggleDay', () => {
  it('selects a single day when there is no range', () => {
    expect(toggleDay({}, '2026-11-05')).toEqual({ from: '2026-11-05', to: '2026-11-05' });
  });
  it('stretches the range to a day outside it', () => {
    expect(toggleDay({ from: '2026-11-05', to: '2026-11-06' }, '2026-11-09')).toEqual({
      from: '2026-11-05',
      to: '2026-11-09',
    });
    expect(toggleDay({ from: '2026-11-05', to: '2026-11-06' }, '2026-10-31')).toEqual({
      from: '2026-10-31',
      to: '2026-11-06',
    });
  });
  it('shrinks the range by an end day, across month ends', () => {
    expect(toggleDay({ from: '2026-10-31', to: '2026-11-03' }, '2026-10-31')).toEqual({
      from: '2026-11-01',
      to: '2026-11-03',
    });
    expect(toggleDay({ from: '2026-02-27', to: '2026-03-01' }, '2026-03-01')).toEqual({
      from: '2026-02-27',
      to: '2026-02-28',
    });
  });
  it('keeps only an inner day, and clears the only day', () => {
    expect(toggleDay({ from: '2026-11-01', to: '2026-11-09' }, '2026-11-04')).toEqual({
      from: '2026-11-04',
      to: '2026-11-04',
    });
    expect(toggleDay({ from: '2026-11-04', to: '2026-11-04' }, '2026-11-04')).toEqual({
      from: undefined,
      to: undefined,
    });
  });
  it('treats an open end as unbounded', () => {
    expect(isDayInRange({ from: '2026-11-04' }, '2027-01-01')).toBe(true);
    expect(isDayInRange({ to: '2026-11-04' }, '2026-11-05')).toBe(false);
    expect(isDayInRange({}, '2026-11-05')).toBe(false);
  });
});

describe('facetRows', () => {
  it('keeps a selected value the result no longer contains, with a zero count', () => {
    const rows = facetRows([{ value: 'core', label: 'Trọng tâm', count: 12 }], ['core', 'unrelated'], (v) => `L:${v}`);
    expect(rows).toEqual([
      { value: 'core', label: 'Trọng tâm', count: 12 },
      { value: 'unrelated', label: 'L:unrelated', count: 0 },
    ]);
  });
});

describe('viewParams', () => {
  it('drops page and empty values and orders the keys, so equal searches compare equal', () => {
    const a = viewParams(new URLSearchParams('q=so+bhxh&page=3&flag=book_trading&unit='));
    const b = viewParams(new URLSearchParams('flag=book_trading&q=so%20bhxh'));
    expect(a).toBe(b);
    expect(new URLSearchParams(a).get('page')).toBeNull();
    expect(new URLSearchParams(a).get('q')).toBe('so bhxh');
  });
});

describe('clusterHref', () => {
  it('lists every article of the cluster', () => {
    const url = new URL(clusterHref('c-1'), 'http://loa.test');
    expect(url.pathname).toBe('/monitoring');
    expect(url.searchParams.get('cluster')).toBe('c-1');
    expect(url.searchParams.get('collapse')).toBe('false');
  });
});
