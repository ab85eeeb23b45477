import { CALENDAR_ENTRY_KINDS, CALENDAR_STATUSES, type TCalendarEntryKind, type TCalendarStatus } from '@loa/contracts';
import { CALENDAR_VIEWS, isDay, visibleRange, type CalendarView } from './calendar-days';

/** The filters every view shares; all of them live in the URL. */
export interface CalendarFilters {
  q?: string | undefined;
  theme?: string | undefined;
  audience?: string | undefined;
  channel?: string | undefined;
  unitId?: string | undefined;
  status?: TCalendarStatus | undefined;
  kind?: TCalendarEntryKind | undefined;
}

export interface CalendarUrlState {
  view: CalendarView;
  /** A day of the period shown (today unless the URL says otherwise). */
  date: string;
  filters: CalendarFilters;
  /** List view sorting ("startsOn", "-title" …). */
  sort: string | undefined;
  /** The calendar item open in the drawer (`?id=`, as the notifications link to it). */
  itemId: string | undefined;
  /** The regulation open in its drawer (a task entry was clicked). */
  regulationId: string | undefined;
}

/** The filter keys, as they appear in the URL and in the API query. */
export const FILTER_KEYS = ['q', 'theme', 'audience', 'channel', 'unitId', 'status', 'kind'] as const;

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);
const text = (value: string | null) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** Reads the calendar's state from the URL; anything missing or malformed falls back (month view, `today`). */
export function readCalendarUrl(params: URLSearchParams, today: string): CalendarUrlState {
  const date = params.get('date');
  return {
    view: pick(params.get('view'), CALENDAR_VIEWS) ?? 'month',
    date: isDay(date) ? date : today,
    filters: {
      q: text(params.get('q')),
      theme: text(params.get('theme')),
      audience: text(params.get('audience')),
      channel: text(params.get('channel')),
      unitId: text(params.get('unitId')),
      status: pick(params.get('status'), CALENDAR_STATUSES),
      kind: pick(params.get('kind'), CALENDAR_ENTRY_KINDS),
    },
    sort: /^-?[a-zA-Z]+$/.test(params.get('sort') ?? '') ? params.get('sort')! : undefined,
    itemId: text(params.get('id')),
    regulationId: text(params.get('regulation')),
  };
}

/** Whether any filter is set (the "clear filters" button shows then). */
export function hasFilters(filters: CalendarFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== undefined);
}

/** The API query of a view: its window, the filters, and paging (the grid views take one page of up to 1000). */
export function calendarQuery(
  state: Pick<CalendarUrlState, 'view' | 'date' | 'filters' | 'sort'>,
  paging: { page: number; pageSize: number },
) {
  const range = visibleRange(state.view, state.date);
  const grid = state.view !== 'list';
  return {
    ...state.filters,
    ...range,
    page: grid ? 1 : paging.page,
    pageSize: grid ? GRID_PAGE_SIZE : paging.pageSize,
    sort: grid ? 'startsOn' : state.sort,
  };
}

/** The most entries the month and week views fetch at once (the API's largest page). */
export const GRID_PAGE_SIZE = 1000;
