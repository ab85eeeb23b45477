import type {
  TCheckInLink,
  TCheckInRequest,
  TCheckInResult,
  TCreateEventRequest,
  TEvent,
  TEventDetail,
  TEventKind,
  TEventOverride,
  TEventParticipant,
  TEventStatus,
  TEventTransitionRequest,
  TImportReport,
  TPage,
  TPublicCheckInEvent,
  TUpdateEventRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';
import { postExcelImport } from '../../shared/excel-import';

export interface EventFilters {
  q?: string | undefined;
  kind?: TEventKind | undefined;
  status?: TEventStatus | undefined;
  unitId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  overridden?: 'true' | 'false' | undefined;
  sort?: string | undefined;
}

export const eventKeys = {
  all: ['events'] as const,
  list: (filters: EventFilters, page: number, pageSize: number) =>
    ['events', 'list', filters, { page, pageSize }] as const,
  detail: (id: string) => ['events', 'detail', id] as const,
  participants: (id: string) => ['events', 'participants', id] as const,
  overrides: ['events', 'overrides'] as const,
  publicCheckIn: (token: string) => ['public-check-in', token] as const,
};

const eventPath = (id: string) => `/api/events/${encodeURIComponent(id)}`;

export function listEvents(filters: EventFilters, page: number, pageSize: number) {
  return api.get<TPage<TEvent>>('/api/events', { query: { ...filters, page, pageSize } });
}

export function getEvent(id: string) {
  return api.get<TEventDetail>(eventPath(id));
}

export function createEvent(request: TCreateEventRequest) {
  return api.post<TEvent>('/api/events', request);
}

export function updateEvent(id: string, request: TUpdateEventRequest) {
  return api.patch<TEvent>(eventPath(id), request);
}

export function changeEventStatus(id: string, request: TEventTransitionRequest) {
  return api.post<TEvent>(`${eventPath(id)}/status`, request);
}

export function listOverrides() {
  return api.get<TEventOverride[]>('/api/events/overrides');
}

export function exportEvents(filters: EventFilters): Promise<void> {
  return downloadFile('/api/events/export.xlsx', { ...filters }, 'su-kien-truyen-thong.xlsx');
}

export function openCheckIn(id: string, hours: number) {
  return api.post<TCheckInLink>(`${eventPath(id)}/check-in`, { hours });
}

export function closeCheckIn(id: string) {
  return api.delete(`${eventPath(id)}/check-in`);
}

export function listParticipants(id: string) {
  return api.get<TEventParticipant[]>(`${eventPath(id)}/participants`);
}

export function importParticipants(id: string, file: Blob, dryRun: boolean): Promise<TImportReport> {
  return postExcelImport(`${eventPath(id)}/participants/import`, file, dryRun);
}

export function downloadParticipantTemplate(): Promise<void> {
  return downloadFile('/api/events/participants-template.xlsx', {}, 'mau-nguoi-tham-gia-moi.xlsx');
}

export function removePhoto(id: string, fileId: string) {
  return api.delete(`${eventPath(id)}/photos/${encodeURIComponent(fileId)}`);
}

export const photoUrl = (id: string, fileId: string, thumbnail: boolean) =>
  `${eventPath(id)}/photos/${encodeURIComponent(fileId)}/${thumbnail ? 'thumbnail' : 'content'}`;

// ---- Public check-in (no session) ----

export function getPublicCheckIn(token: string) {
  return api.get<TPublicCheckInEvent>(`/api/public/check-in/${encodeURIComponent(token)}`);
}

export function checkIn(token: string, request: TCheckInRequest) {
  return api.post<TCheckInResult>(`/api/public/check-in/${encodeURIComponent(token)}`, request);
}
