import { describe, expect, it } from 'vitest';
import { calendarQuery, hasFilters, readCalendarUrl } from './calendar-url';

const read = (query: string) => readCalendarUrl(new URLSearchParams(query), '2026-12-17');

describe('readCalendarUrl', () => {
  it('opens this month’s grid by default', () => {
    const state = read('');
    expect(state.view).toBe('month');
    expect(state.date).toBe('2026-12-17');
    expect(hasFilters(state.filters)).toBe(false);
  });

  it('reads the view, the day and every filter', () => {
    const state = read(
      'view=week&date=2027-01-04&q=%20l%C6%B0%C6%A1ng%20h%C6%B0u%20&theme=II.1.a&audience=I.2&channel=press' +
        '&unitId=u1&status=in_production&kind=item&sort=-title&id=i1&regulation=r1',
    );
    expect(state).toEqual({
      view: 'week',
      date: '2027-01-04',
      filters: {
        q: 'lương hưu',
        theme: 'II.1.a',
        audience: 'I.2',
        channel: 'press',
        unitId: 'u1',
        status: 'in_production',
        kind: 'item',
      },
      sort: '-title',
      itemId: 'i1',
      regulationId: 'r1',
    });
    expect(hasFilters(state.filters)).toBe(true);
  });

  it('ignores what it does not understand', () => {
    const state = read('view=year&date=2026-02-30&status=done&kind=event&sort=title;drop&q=%20');
    expect(state.view).toBe('month');
    expect(state.date).toBe('2026-12-17');
    expect(state.filters.status).toBeUndefined();
    expect(state.filters.kind).toBeUndefined();
    expect(state.filters.q).toBeUndefined();
    expect(state.sort).toBeUndefined();
  });
});

describe('calendarQuery', () => {
  const paging = { page: 3, pageSize: 50 };

  it('asks the grid views for the whole window in date order, on one page', () => {
    const state = read('view=month&date=2026-12-01&status=planned&sort=-title');
    expect(calendarQuery(state, paging)).toEqual({
      ...state.filters,
      from: '2026-11-30',
      to: '2027-01-10',
      page: 1,
      pageSize: 1000,
      sort: 'startsOn',
    });
  });

  it('pages and sorts the list view over the month', () => {
    const state = read('view=list&date=2026-02-10&sort=-title');
    expect(calendarQuery(state, paging)).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
      page: 3,
      pageSize: 50,
      sort: '-title',
    });
  });
});
