import type {
  TLocale,
  TArticleDetail,
  TArticleSearchResult,
  TCorrectArticleRequest,
  TCreateSavedViewRequest,
  TSavedView,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';
import { searchQuery, type ArticleFilters } from './search-url';

export const articleKeys = {
  all: ['monitoring-articles'] as const,
  // Facet labels, evidence and verdicts come in the caller's language: the language is part of the key.
  search: (filters: ArticleFilters, page: number, pageSize: number, locale: TLocale) =>
    ['monitoring-articles', 'search', filters, { page, pageSize, locale }] as const,
  detail: (id: string, locale: TLocale) => ['monitoring-articles', 'detail', id, locale] as const,
  views: ['monitoring-views'] as const,
};

const articlePath = (id: string) => `/api/monitoring/articles/${encodeURIComponent(id)}`;

export function searchArticles(filters: ArticleFilters, page: number, pageSize: number): Promise<TArticleSearchResult> {
  return api.get<TArticleSearchResult>('/api/monitoring/articles', {
    query: { ...searchQuery(filters), page, pageSize },
  });
}

/** Every article of the search (not only the page on screen), streamed by the server into one workbook. */
export function exportArticles(filters: ArticleFilters): Promise<void> {
  return downloadFile('/api/monitoring/articles/export.xlsx', searchQuery(filters), 'theo-doi-bao-chi.xlsx');
}

export function getArticle(id: string): Promise<TArticleDetail> {
  return api.get<TArticleDetail>(articlePath(id));
}

export function correctArticle(id: string, request: TCorrectArticleRequest): Promise<TArticleDetail> {
  return api.post<TArticleDetail>(`${articlePath(id)}/corrections`, request);
}

export function listViews(): Promise<TSavedView[]> {
  return api.get<TSavedView[]>('/api/monitoring/views');
}

export function createView(request: TCreateSavedViewRequest): Promise<TSavedView> {
  return api.post<TSavedView>('/api/monitoring/views', request);
}

export function deleteView(id: string): Promise<void> {
  return api.delete(`/api/monitoring/views/${encodeURIComponent(id)}`);
}
