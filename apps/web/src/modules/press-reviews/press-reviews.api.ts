import type {
  TArticleSearchResult,
  TCompileReviewRequest,
  TCreateSubscriptionRequest,
  TDeliveryStatus,
  TPage,
  TReorderReviewRequest,
  TReview,
  TReviewDelivery,
  TReviewKind,
  TReviewSection,
  TReviewStatus,
  TReviewSubscription,
  TReviewSummary,
  TSubscriptionFeedToken,
  TUpdateReviewEntryRequest,
  TUpdateReviewRequest,
  TUpdateSubscriptionRequest,
} from '@loa/contracts';
import { api, ApiError, CLIENT_ERROR_CODES, downloadFile } from '../../shared/api';

/** The same handlers serve both editions, under their own paths. */
export const API_BASE: Record<TReviewKind, string> = { review: '/api/reviews', bulletin: '/api/bulletins' };
/** Where each edition's screens live in the app. */
export const APP_BASE: Record<TReviewKind, string> = { review: '/reviews', bulletin: '/bulletins' };
/** ASCII stems of downloaded files (the server's Content-Disposition wins when present). */
const FILE_STEM: Record<TReviewKind, string> = { review: 'diem-bao', bulletin: 'ban-tin-24h' };

export interface ReviewFilters {
  q?: string | undefined;
  status?: TReviewStatus | undefined;
  orgUnitId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: string | undefined;
}

export interface DeliveryQuery {
  status?: TDeliveryStatus | undefined;
  sort?: string | undefined;
  page: number;
  pageSize: number;
}

export interface SubscriptionFilters {
  q?: string | undefined;
  kind?: TReviewKind | undefined;
  active?: 'true' | 'false' | undefined;
  sort?: string | undefined;
}

export const reviewKeys = {
  all: ['press-reviews'] as const,
  list: (kind: TReviewKind, filters: ReviewFilters, page: number, pageSize: number) =>
    ['press-reviews', 'list', kind, filters, { page, pageSize }] as const,
  detail: (kind: TReviewKind, id: string) => ['press-reviews', 'detail', kind, id] as const,
  document: (kind: TReviewKind, id: string, mine: boolean, version: number) =>
    ['press-reviews', 'document', kind, id, { mine, version }] as const,
  deliveries: (kind: TReviewKind, id: string, query: DeliveryQuery) =>
    ['press-reviews', 'deliveries', kind, id, query] as const,
  articles: (q: string) => ['press-reviews', 'articles', q] as const,
  subscriptions: ['review-subscriptions'] as const,
  subscriptionList: (filters: SubscriptionFilters, page: number, pageSize: number) =>
    ['review-subscriptions', 'list', filters, { page, pageSize }] as const,
};

const reviewPath = (kind: TReviewKind, id: string) => `${API_BASE[kind]}/${encodeURIComponent(id)}`;

export const listReviews = (kind: TReviewKind, filters: ReviewFilters, page: number, pageSize: number) =>
  api.get<TPage<TReviewSummary>>(API_BASE[kind], { query: { ...filters, page, pageSize } });

export const exportReviews = (kind: TReviewKind, filters: ReviewFilters) =>
  downloadFile(`${API_BASE[kind]}/export.xlsx`, { ...filters }, `${FILE_STEM[kind]}.xlsx`);

/** Compiles today's edition now (or returns the one already compiled for that unit and day). */
export const compileReview = (kind: TReviewKind, request: TCompileReviewRequest) =>
  api.post<TReview>(API_BASE[kind], request);

export const getReview = (kind: TReviewKind, id: string) => api.get<TReview>(reviewPath(kind, id));

export const updateReview = (kind: TReviewKind, id: string, request: TUpdateReviewRequest) =>
  api.patch<unknown>(reviewPath(kind, id), request);

export const updateEntry = (kind: TReviewKind, id: string, entryId: string, request: TUpdateReviewEntryRequest) =>
  api.patch<unknown>(`${reviewPath(kind, id)}/entries/${encodeURIComponent(entryId)}`, request);

export const addEntry = (
  kind: TReviewKind,
  id: string,
  request: { version: number; articleId: string; section?: TReviewSection },
) => api.post<unknown>(`${reviewPath(kind, id)}/entries`, request);

export const reorderReview = (kind: TReviewKind, id: string, request: TReorderReviewRequest) =>
  api.put<unknown>(`${reviewPath(kind, id)}/order`, request);

export const approveReview = (kind: TReviewKind, id: string, version: number) =>
  api.post<TReview>(`${reviewPath(kind, id)}/approve`, { version });

/** Marks the caller's copy as read (a no-op on the server when the caller is no recipient). */
export const markReviewRead = (kind: TReviewKind, id: string) => api.post<unknown>(`${reviewPath(kind, id)}/read`);

/** The edition as the e-mail's HTML (the whole edition, or with `mine` the caller's own filtered copy). */
export async function fetchReviewHtml(kind: TReviewKind, id: string, mine: boolean): Promise<string> {
  const url = `${reviewPath(kind, id)}/document.html${mine ? '?mine=true' : ''}`;
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
  } catch (cause) {
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, title: String(cause) });
  }
  if (response.ok) return response.text();
  // The server answers failures with problem+json: keep its translated title and code.
  const problem = (await response.json().catch(() => null)) as { code?: string; title?: string } | null;
  throw new ApiError({
    status: response.status,
    code: problem?.code ?? CLIENT_ERROR_CODES.http,
    title: problem?.title ?? response.statusText,
    body: problem,
  });
}

export const downloadReviewDocument = (
  kind: TReviewKind,
  id: string,
  format: 'pdf' | 'docx',
  editionDate: string,
  mine: boolean,
) =>
  downloadFile(
    `${reviewPath(kind, id)}/document.${format}`,
    { mine: mine ? 'true' : undefined },
    `${FILE_STEM[kind]}-${editionDate}.${format}`,
  );

export const listDeliveries = (kind: TReviewKind, id: string, query: DeliveryQuery) =>
  api.get<TPage<TReviewDelivery>>(`${reviewPath(kind, id)}/deliveries`, { query: { ...query } });

export const retryDelivery = (kind: TReviewKind, id: string, deliveryId: string) =>
  api.post<unknown>(`${reviewPath(kind, id)}/deliveries/${encodeURIComponent(deliveryId)}/retry`);

/** The first stories of a search, one article per story, for "Thêm tin". */
export const searchArticlesToAdd = (q: string) =>
  api.get<TArticleSearchResult>('/api/monitoring/articles', { query: { q: q || undefined, pageSize: 10 } });

// ---- Subscriptions ----

const subscriptionPath = (id: string) => `/api/review-subscriptions/${encodeURIComponent(id)}`;

export const listSubscriptions = (filters: SubscriptionFilters, page: number, pageSize: number) =>
  api.get<TPage<TReviewSubscription>>('/api/review-subscriptions', { query: { ...filters, page, pageSize } });

export const exportSubscriptions = (filters: SubscriptionFilters) =>
  downloadFile('/api/review-subscriptions/export.xlsx', { ...filters }, 'dang-ky-nhan-diem-bao.xlsx');

export const createSubscription = (request: TCreateSubscriptionRequest) =>
  api.post<TReviewSubscription>('/api/review-subscriptions', request);

export const updateSubscription = (id: string, request: TUpdateSubscriptionRequest) =>
  api.patch<TReviewSubscription>(subscriptionPath(id), request);

export const deleteSubscription = (id: string) => api.delete(subscriptionPath(id));

/** A new secret feed address; the previous one stops working. */
export const createFeedToken = (id: string) => api.post<TSubscriptionFeedToken>(`${subscriptionPath(id)}/feed-token`);
