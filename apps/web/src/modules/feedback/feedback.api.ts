import {
  MAX_PAGE_SIZE,
  type TAnswerFeedbackRequest,
  type TCloseFeedbackRequest,
  type TCreateFaqRequest,
  type TCreateFeedbackRequest,
  type TFaqEntry,
  type TFaqStatus,
  type TFeedback,
  type TFeedbackCategory,
  type TFeedbackDetail,
  type TFeedbackStatus,
  type TPage,
  type TReopenFeedbackRequest,
  type TRouteFeedbackRequest,
  type TUnitRef,
  type TUpdateFaqRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export interface FeedbackFilters {
  q?: string | undefined;
  status?: TFeedbackStatus | undefined;
  category?: TFeedbackCategory | undefined;
  routedUnitId?: string | undefined;
  overdue?: 'true' | 'false' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: string | undefined;
}

export interface FaqFilters {
  q?: string | undefined;
  category?: TFeedbackCategory | undefined;
  status?: TFaqStatus | undefined;
}

export const feedbackKeys = {
  all: ['feedback'] as const,
  list: (filters: FeedbackFilters, page: number, pageSize: number) =>
    ['feedback', 'list', filters, { page, pageSize }] as const,
  detail: (id: string) => ['feedback', 'detail', id] as const,
  units: ['feedback', 'units'] as const,
};

export const faqKeys = {
  all: ['faq'] as const,
  list: (filters: FaqFilters, page: number, pageSize: number) => ['faq', 'list', filters, { page, pageSize }] as const,
};

const feedbackPath = (id: string) => `/api/feedback/${encodeURIComponent(id)}`;

export const listFeedback = (filters: FeedbackFilters, page: number, pageSize: number) =>
  api.get<TPage<TFeedback>>('/api/feedback', { query: { ...filters, page, pageSize } });
export const exportFeedback = (filters: FeedbackFilters) =>
  downloadFile('/api/feedback/export.xlsx', { ...filters }, 'vuong-mac.xlsx');
export const getFeedback = (id: string) => api.get<TFeedbackDetail>(feedbackPath(id));
export const createFeedback = (request: TCreateFeedbackRequest) => api.post<TFeedbackDetail>('/api/feedback', request);
export const routeFeedback = (id: string, request: TRouteFeedbackRequest) =>
  api.post<TFeedbackDetail>(`${feedbackPath(id)}/route`, request);
export const answerFeedback = (id: string, request: TAnswerFeedbackRequest) =>
  api.post<TFeedbackDetail>(`${feedbackPath(id)}/answer`, request);
export const reopenFeedback = (id: string, request: TReopenFeedbackRequest) =>
  api.post<TFeedbackDetail>(`${feedbackPath(id)}/reopen`, request);
export const closeFeedback = (id: string, request: TCloseFeedbackRequest) =>
  api.post<TFeedbackDetail>(`${feedbackPath(id)}/close`, request);
export const feedbackFileUrl = (id: string, fileId: string) =>
  `${feedbackPath(id)}/files/${encodeURIComponent(fileId)}`;

export async function listCentralUnits(): Promise<TUnitRef[]> {
  return (await api.get<TPage<TUnitRef>>('/api/feedback/units')).items;
}

export const listFaq = (filters: FaqFilters, page: number, pageSize: number) =>
  api.get<TPage<TFaqEntry>>('/api/faq', { query: { ...filters, page, pageSize: Math.min(pageSize, MAX_PAGE_SIZE) } });
export const exportFaq = (filters: FaqFilters) => downloadFile('/api/faq/export.xlsx', { ...filters }, 'hoi-dap.xlsx');
export const createFaq = (request: TCreateFaqRequest) => api.post<TFaqEntry>('/api/faq', request);
export const updateFaq = (id: string, request: TUpdateFaqRequest) =>
  api.patch<TFaqEntry>(`/api/faq/${encodeURIComponent(id)}`, request);
export const getFaq = (id: string) => api.get<TFaqEntry>(`/api/faq/${encodeURIComponent(id)}`);
