import {
  type TCalendarFeedStatus,
  type TCalendarFeedToken,
  type TCalendarItem,
  type TCalendarPage,
  type TCreateCalendarItemRequest,
  type TEditScope,
  type TImportReport,
  type TUpdateCalendarItemRequest,
} from '@loa/contracts';
import { api, downloadFile, type QueryParams } from '../../shared/api';
import { postExcelImport } from '../../shared/excel-import';
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

/** Checks (`dryRun`) or imports an Excel file; rejected rows come back in the report and nothing is written. */
export function importCalendar(file: Blob, dryRun: boolean): Promise<TImportReport> {
  return postExcelImport('/api/calendar/import', file, dryRun);
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
