import {
  MAX_PAGE_SIZE,
  type TAddIncidentActionRequest,
  type TAlert,
  type TArticleDetail,
  type TArticleSearchResult,
  type TCreateIncidentRequest,
  type TIncident,
  type TIncidentDeadlineSettings,
  type TIncidentSummary,
  type TIncidentTransitionRequest,
  type TMonitoringQuery,
  type TPage,
  type TPublication,
  type TPublicationPage,
  type TUpdateIncidentRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';
import { listQuery, type IncidentFilters } from './incident-values';

export const incidentKeys = {
  all: ['incidents'] as const,
  list: (filters: IncidentFilters, page: number, pageSize: number) =>
    ['incidents', 'list', filters, { page, pageSize }] as const,
  board: (filters: IncidentFilters, status: string) => ['incidents', 'board', filters, status] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
  settings: ['incidents', 'settings'] as const,
  alert: (id: string) => ['incidents', 'source-alert', id] as const,
  article: (id: string) => ['incidents', 'source-article', id] as const,
  queries: ['incidents', 'queries'] as const,
  publications: (q: string) => ['incidents', 'publications', q] as const,
  articleSearch: (q: string) => ['incidents', 'article-search', q] as const,
};

const incidentPath = (id: string) => `/api/incidents/${encodeURIComponent(id)}`;

export const listIncidents = (filters: IncidentFilters, page: number, pageSize: number) =>
  api.get<TPage<TIncidentSummary>>('/api/incidents', { query: { ...listQuery(filters), page, pageSize } });

/** Every incident of the filtered list (not only the page on screen), as one workbook. */
export const exportIncidents = (filters: IncidentFilters) =>
  downloadFile('/api/incidents/export.xlsx', listQuery(filters), 'su-co-truyen-thong.xlsx');

export const getIncident = (id: string) => api.get<TIncident>(incidentPath(id));

export const createIncident = (request: TCreateIncidentRequest) => api.post<TIncident>('/api/incidents', request);

export const updateIncident = (id: string, request: TUpdateIncidentRequest) =>
  api.patch<TIncident>(incidentPath(id), request);

export const transitionIncident = (id: string, request: TIncidentTransitionRequest) =>
  api.post<TIncident>(`${incidentPath(id)}/transition`, request);

export const addIncidentAction = (id: string, request: TAddIncidentActionRequest) =>
  api.post<TIncident>(`${incidentPath(id)}/actions`, request);

export const linkIncidentItems = (id: string, articleIds: string[]) =>
  api.post<TIncident>(`${incidentPath(id)}/items`, { articleIds });

export const unlinkIncidentItem = (id: string, articleId: string) =>
  api.delete<TIncident | undefined>(`${incidentPath(id)}/items/${encodeURIComponent(articleId)}`);

export const getDeadlineSettings = () => api.get<TIncidentDeadlineSettings>('/api/incidents/settings');

export const saveDeadlineSettings = (settings: TIncidentDeadlineSettings) =>
  api.put<TIncidentDeadlineSettings>('/api/incidents/settings', settings);

// ---- What a case is opened from or linked to (other modules' endpoints). ----

export const getAlert = (id: string) => api.get<TAlert>(`/api/monitoring/alerts/${encodeURIComponent(id)}`);

export const getArticle = (id: string) => api.get<TArticleDetail>(`/api/monitoring/articles/${encodeURIComponent(id)}`);

/** Monitored articles matching `q` (every copy, newest first), for "Gắn tin". */
export const searchArticles = (q: string) =>
  api.get<TArticleSearchResult>('/api/monitoring/articles', {
    query: { q, collapse: 'false', pageSize: 20 },
  });

/** The saved queries the caller may see (a few hundred at most). */
export async function listSavedQueries(): Promise<TMonitoringQuery[]> {
  const page = await api.get<TPage<TMonitoringQuery>>('/api/monitoring/queries', {
    query: { pageSize: MAX_PAGE_SIZE, sort: 'name' },
  });
  return page.items;
}

/** Publications of Loa matching `q`, for the "correction published" action. */
export async function searchPublications(q: string): Promise<TPublication[]> {
  const page = await api.get<TPublicationPage>('/api/publications', { query: { q, pageSize: 20 } });
  return page.items;
}
