import type {
  TApprovePressAnswer,
  TCreatePressConference,
  TCreatePressRequest,
  TDeclinePressRequest,
  TDraftPressAnswer,
  TPage,
  TPressConference,
  TPressConferenceStatus,
  TPressRequest,
  TPressRequestDetail,
  TPressRequestStatus,
  TReturnPressRequest,
  TRoutePressRequest,
  TSendPressAnswer,
  TUnitRef,
  TUpdatePressConference,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export interface PressRequestFilters {
  q?: string | undefined;
  status?: TPressRequestStatus | undefined;
  unitId?: string | undefined;
  overdue?: 'true' | 'false' | undefined;
  /** Requests from an outlet or a journalist of the media database. */
  outletId?: string | undefined;
  contactId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: string | undefined;
}

export interface ConferenceFilters {
  q?: string | undefined;
  status?: TPressConferenceStatus | undefined;
  sort?: string | undefined;
}

export const pressKeys = {
  all: ['press-requests'] as const,
  list: (filters: PressRequestFilters, page: number, pageSize: number) =>
    ['press-requests', 'list', filters, { page, pageSize }] as const,
  detail: (id: string) => ['press-requests', 'detail', id] as const,
  people: (q: string) => ['press-requests', 'people', q] as const,
  units: ['press-requests', 'units'] as const,
  conferences: ['press-conferences'] as const,
  conferenceList: (filters: ConferenceFilters, page: number, pageSize: number) =>
    ['press-conferences', 'list', filters, { page, pageSize }] as const,
};

const requestPath = (id: string) => `/api/press/requests/${encodeURIComponent(id)}`;
export const conferencePath = (id: string) => `/api/press/conferences/${encodeURIComponent(id)}`;

export const listPressRequests = (filters: PressRequestFilters, page: number, pageSize: number) =>
  api.get<TPage<TPressRequest>>('/api/press/requests', { query: { ...filters, page, pageSize } });
export const exportPressRequests = (filters: PressRequestFilters) =>
  downloadFile('/api/press/requests/export.xlsx', { ...filters }, 'yeu-cau-bao-chi.xlsx');
export const getPressRequest = (id: string) => api.get<TPressRequestDetail>(requestPath(id));
export const createPressRequest = (request: TCreatePressRequest) =>
  api.post<TPressRequestDetail>('/api/press/requests', request);
export const routePressRequest = (id: string, request: TRoutePressRequest) =>
  api.post<TPressRequestDetail>(`${requestPath(id)}/route`, request);
export const draftPressAnswer = (id: string, request: TDraftPressAnswer) =>
  api.post<TPressRequestDetail>(`${requestPath(id)}/draft`, request);
export const approvePressAnswer = (id: string, request: TApprovePressAnswer) =>
  api.post<TPressRequestDetail>(`${requestPath(id)}/approve`, request);
export const returnPressRequest = (id: string, request: TReturnPressRequest) =>
  api.post<TPressRequestDetail>(`${requestPath(id)}/return`, request);
export const sendPressAnswer = (id: string, request: TSendPressAnswer) =>
  api.post<TPressRequestDetail>(`${requestPath(id)}/answer`, request);
export const declinePressRequest = (id: string, request: TDeclinePressRequest) =>
  api.post<TPressRequestDetail>(`${requestPath(id)}/decline`, request);

export interface Person {
  id: string;
  name: string;
  unitName: string;
}
export async function searchPeople(q: string): Promise<Person[]> {
  return (await api.get<TPage<Person>>('/api/press/people', { query: { q } })).items;
}
/** Units to route to: the central units (the feedback module lists them). */
export async function listCentralUnits(): Promise<TUnitRef[]> {
  return (await api.get<TPage<TUnitRef>>('/api/feedback/units')).items;
}

export const listConferences = (filters: ConferenceFilters, page: number, pageSize: number) =>
  api.get<TPage<TPressConference>>('/api/press/conferences', { query: { ...filters, page, pageSize } });
export const exportConferences = (filters: ConferenceFilters) =>
  downloadFile('/api/press/conferences/export.xlsx', { ...filters }, 'hoi-nghi-bao-chi.xlsx');
export const createConference = (request: TCreatePressConference) =>
  api.post<TPressConference>('/api/press/conferences', request);
export const updateConference = (id: string, request: TUpdatePressConference) =>
  api.patch<TPressConference>(conferencePath(id), request);
export const removeMaterial = (id: string, fileId: string) =>
  api.delete<void>(`${conferencePath(id)}/materials/${encodeURIComponent(fileId)}`);
