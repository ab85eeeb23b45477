import {
  MAX_PAGE_SIZE,
  type TCreateRegulationRequest,
  type TCreateRelationRequest,
  type TCreateTaskRequest,
  type TGenerateTasksResponse,
  type TPage,
  type TRegulation,
  type TRegulationDetail,
  type TRegulationKind,
  type TRegulationTask,
  type TRegulationUnitOption,
  type TTaskPhase,
  type TTaskStatusFilter,
  type TTaskTemplateItem,
  type TUpdateRegulationRequest,
  type TUpdateTaskRequest,
  type TUpdateTaskTemplateRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export interface RegulationFilters {
  q?: string | undefined;
  kind?: TRegulationKind | undefined;
  draftingUnitId?: string | undefined;
  issuedFrom?: string | undefined;
  issuedTo?: string | undefined;
  needsCommunication?: 'true' | 'false' | undefined;
  tag?: string | undefined;
  sort?: string | undefined;
}

export interface MyTaskFilters {
  q?: string | undefined;
  status?: TTaskStatusFilter | undefined;
  phase?: TTaskPhase | undefined;
  dueBefore?: string | undefined;
  sort?: string | undefined;
}

export const regulationKeys = {
  all: ['regulations'] as const,
  list: (filters: RegulationFilters, page: number, pageSize: number) =>
    ['regulations', 'list', filters, { page, pageSize }] as const,
  detail: (id: string) => ['regulations', 'detail', id] as const,
  tasks: (id: string) => ['regulations', 'tasks', id] as const,
  search: (q: string) => ['regulations', 'search', q] as const,
  draftingUnits: ['regulations', 'drafting-units'] as const,
  template: ['regulations', 'template'] as const,
  /** Tasks live under the regulations key too: a change to one refreshes every task list. */
  mine: (filters: MyTaskFilters, page: number, pageSize: number) =>
    ['regulations', 'mine', filters, { page, pageSize }] as const,
};

const regulationPath = (id: string) => `/api/regulations/${encodeURIComponent(id)}`;

export function listRegulations(
  filters: RegulationFilters,
  page: number,
  pageSize: number,
): Promise<TPage<TRegulation>> {
  return api.get<TPage<TRegulation>>('/api/regulations', { query: { ...filters, page, pageSize } });
}

/** A few documents matching `q` (number, summary, unit), for pickers. */
export async function searchRegulations(q: string): Promise<TRegulation[]> {
  const page = await api.get<TPage<TRegulation>>('/api/regulations', { query: { q, pageSize: 20 } });
  return page.items;
}

export function getRegulation(id: string): Promise<TRegulationDetail> {
  return api.get<TRegulationDetail>(regulationPath(id));
}

export function createRegulation(request: TCreateRegulationRequest): Promise<TRegulationDetail> {
  return api.post<TRegulationDetail>('/api/regulations', request);
}

export function updateRegulation(id: string, request: TUpdateRegulationRequest): Promise<TRegulationDetail> {
  return api.patch<TRegulationDetail>(regulationPath(id), request);
}

export function deleteRegulation(id: string): Promise<void> {
  return api.delete(regulationPath(id));
}

export function addRelation(id: string, request: TCreateRelationRequest): Promise<TRegulationDetail> {
  return api.post<TRegulationDetail>(`${regulationPath(id)}/relations`, request);
}

export function removeRelation(id: string, relatedId: string): Promise<void> {
  return api.delete(`${regulationPath(id)}/relations/${encodeURIComponent(relatedId)}`);
}

/** Downloads the documents matching the current filters as Excel. */
export function exportRegulations(filters: RegulationFilters): Promise<void> {
  return downloadFile('/api/regulations/export.xlsx', { ...filters }, 'van-ban.xlsx');
}

/** The units that may be named as drafting unit (a few hundred at most). */
export async function listDraftingUnits(): Promise<TRegulationUnitOption[]> {
  const page = await api.get<TPage<TRegulationUnitOption>>('/api/regulations/drafting-units', {
    query: { pageSize: MAX_PAGE_SIZE },
  });
  return page.items;
}

/** A document's tasks the user may see, before → during → after (a document has a handful). */
export async function listRegulationTasks(id: string): Promise<TRegulationTask[]> {
  const page = await api.get<TPage<TRegulationTask>>(`${regulationPath(id)}/tasks`, {
    query: { pageSize: MAX_PAGE_SIZE },
  });
  return page.items;
}

export function generateTasks(id: string): Promise<TGenerateTasksResponse> {
  return api.post<TGenerateTasksResponse>(`${regulationPath(id)}/tasks/generate`);
}

export function createTask(regulationId: string, request: TCreateTaskRequest): Promise<TRegulationTask> {
  return api.post<TRegulationTask>(`${regulationPath(regulationId)}/tasks`, request);
}

export function updateTask(id: string, request: TUpdateTaskRequest): Promise<TRegulationTask> {
  return api.patch<TRegulationTask>(`/api/regulation-tasks/${encodeURIComponent(id)}`, request);
}

export function listMyTasks(filters: MyTaskFilters, page: number, pageSize: number): Promise<TPage<TRegulationTask>> {
  return api.get<TPage<TRegulationTask>>('/api/tasks/mine', { query: { ...filters, page, pageSize } });
}

export async function listTemplate(): Promise<TTaskTemplateItem[]> {
  const page = await api.get<TPage<TTaskTemplateItem>>('/api/task-templates', { query: { pageSize: MAX_PAGE_SIZE } });
  return page.items;
}

export async function saveTemplate(request: TUpdateTaskTemplateRequest): Promise<TTaskTemplateItem[]> {
  const page = await api.put<TPage<TTaskTemplateItem>>('/api/task-templates', request);
  return page.items;
}

/** Where a document's attachments are uploaded (raw body, see FileUpload). */
export const attachmentsUrl = (regulationId: string) => `/api/regulations/${regulationId}/attachments`;

/** Where an attachment downloads from (images and PDF open in place). */
export const attachmentContentUrl = (regulationId: string, fileId: string) =>
  `${attachmentsUrl(regulationId)}/${fileId}/content`;

export const removeAttachment = (regulationId: string, fileId: string) =>
  api.delete(`${attachmentsUrl(regulationId)}/${fileId}`);
