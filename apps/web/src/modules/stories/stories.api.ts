import type {
  TChangeStoryStatusRequest,
  TConsentStatus,
  TCreateStoryRequest,
  TPage,
  TRecordConsentRequest,
  TStory,
  TStoryDetail,
  TStoryKind,
  TStoryStatus,
  TUpdateStoryRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export interface StoryFilters {
  q?: string | undefined;
  kind?: TStoryKind | undefined;
  status?: TStoryStatus | undefined;
  consent?: TConsentStatus | undefined;
  unitId?: string | undefined;
  theme?: string | undefined;
  occurredFrom?: string | undefined;
  occurredTo?: string | undefined;
  sort?: string | undefined;
}

export const storyKeys = {
  all: ['stories'] as const,
  list: (filters: StoryFilters, page: number, pageSize: number) =>
    ['stories', 'list', filters, { page, pageSize }] as const,
  detail: (id: string) => ['stories', 'detail', id] as const,
};

const storyPath = (id: string) => `/api/stories/${encodeURIComponent(id)}`;

export function listStories(filters: StoryFilters, page: number, pageSize: number): Promise<TPage<TStory>> {
  return api.get<TPage<TStory>>('/api/stories', { query: { ...filters, page, pageSize } });
}

export function getStory(id: string): Promise<TStoryDetail> {
  return api.get<TStoryDetail>(storyPath(id));
}

export function createStory(request: TCreateStoryRequest): Promise<TStoryDetail> {
  return api.post<TStoryDetail>('/api/stories', request);
}

export function updateStory(id: string, request: TUpdateStoryRequest): Promise<TStoryDetail> {
  return api.patch<TStoryDetail>(storyPath(id), request);
}

export function recordConsent(id: string, request: TRecordConsentRequest): Promise<TStoryDetail> {
  return api.post<TStoryDetail>(`${storyPath(id)}/consent`, request);
}

export function changeStoryStatus(id: string, request: TChangeStoryStatusRequest): Promise<TStoryDetail> {
  return api.post<TStoryDetail>(`${storyPath(id)}/status`, request);
}

/** Downloads the stories matching the current filters as Excel. */
export function exportStories(filters: StoryFilters): Promise<void> {
  return downloadFile('/api/stories/export.xlsx', { ...filters }, 'cau-chuyen.xlsx');
}

/** Where a story's files are uploaded (raw body, see FileUpload). */
export const mediaUrl = (storyId: string) => `${storyPath(storyId)}/media`;

/** Where a story's file downloads from (images and PDF open in place). */
export const mediaContentUrl = (storyId: string, fileId: string) => `${mediaUrl(storyId)}/${fileId}/content`;

export const removeMedia = (storyId: string, fileId: string) => api.delete(`${mediaUrl(storyId)}/${fileId}`);
