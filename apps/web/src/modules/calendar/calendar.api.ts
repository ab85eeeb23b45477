import {
  ZImportReport,
  type TCalendarFeedStatus,
  type TCalendarFeedToken,
  type TCalendarItem,
  type TCalendarPage,
  type TCreateCalendarItemRequest,
  type TEditScope,
  type TImportReport,
  type TUpdateCalendarItemRequest,
} from '@loa/contracts';
import { api, ApiError, downloadFile, XLSX_CONTENT_TYPE, type QueryParams } from '../../shared/api';
import type { CalendarFilters } from './calendar-url';

/** What GET /api/calendar takes: a window, the filters, paging and sorting. */
export type CalendarQuery = CalendarFilters & {
  from: string;
  to: string;
  page: number;
  pageSize: number;
  sort?: string | undefined;
};

export const calendarKeys = {
  all: ['calendar'] as const,
  lists: ['calendar', 'list'] as const,
  list: (query: CalendarQuery) => ['calendar', 'list', query] as const,
  item: (id: string) => ['calendar', 'item', id] as const,
  feed: ['calendar', 'feed'] as const,
};

const itemPath = (id: string) => `/api/calendar/${encodeURIComponent(id)}`;

/** Entries (items and regulation tasks) overlapping the window, matching the filters. */
export function listCalendar(query: CalendarQuery, signal?: AbortSignal): Promise<TCalendarPage> {
  return api.get<TCalendarPage>('/api/calendar', { query: { ...query }, signal });
}

export function getCalendarItem(id: string): Promise<TCalendarItem> {
  return api.get<TCalendarItem>(itemPath(id));
}

/** A new item, or with `recurrence` a series; answers with the (first) item. */
export function createCalendarItem(request: TCreateCalendarItemRequest): Promise<TCalendarItem> {
  return api.post<TCalendarItem>('/api/calendar', request);
}

export function updateCalendarItem(id: string, request: TUpdateCalendarItemRequest): Promise<TCalendarItem> {
  return api.patch<TCalendarItem>(itemPath(id), request);
}

export function deleteCalendarItem(id: string, version: number, scope: TEditScope): Promise<void> {
  return api.delete(itemPath(id), { query: { version, scope } });
}

/** Downloads the entries matching the filters of the window as Excel. */
export function exportCalendar(query: Omit<CalendarQuery, 'page' | 'pageSize'>): Promise<void> {
  const params: QueryParams = { ...query };
  return downloadFile('/api/calendar/export.xlsx', params, 'lich-bien-tap.xlsx');
}

export function downloadImportTemplate(): Promise<void> {
  return downloadFile('/api/calendar/import-template.xlsx', {}, 'mau-lich-bien-tap.xlsx');
}

/**
 * Sends an Excel file as the raw request body; with `dryRun` nothing is written. The report comes back with 200,
 * or with 422 when rows are rejected (then nothing is written either).
 */
export async function importCalendar(file: Blob, dryRun: boolean): Promise<TImportReport> {
  try {
    return await api.post<TImportReport>('/api/calendar/import', undefined, {
      query: { dryRun: dryRun ? 'true' : 'false' },
      raw: { data: file, contentType: XLSX_CONTENT_TYPE },
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 422) {
      const report = ZImportReport.safeParse(error.body);
      if (report.success) return report.data;
    }
    throw error;
  }
}

/** Whether the user has a personal iCalendar feed. */
export function getFeedStatus(): Promise<TCalendarFeedStatus> {
  return api.get<TCalendarFeedStatus>('/api/calendar/feed-token');
}

/** Creates the user's feed link, or replaces it (the old one stops working); the token is shown once. */
export function rotateFeedToken(): Promise<TCalendarFeedToken> {
  return api.post<TCalendarFeedToken>('/api/calendar/feed-token');
}

export function revokeFeedToken(): Promise<void> {
  return api.delete('/api/calendar/feed-token');
}
