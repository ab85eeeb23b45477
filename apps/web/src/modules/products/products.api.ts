import type {
  TCalendarPage,
  TCreateProductRequest,
  TPage,
  TProduct,
  TProductDetail,
  TProductDiff,
  TProductStatus,
  TProductStory,
  TProductVersion,
  TStory,
  TUpdateProductRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export interface ProductFilters {
  q?: string | undefined;
  typeCode?: string | undefined;
  themeCode?: string | undefined;
  audienceCode?: string | undefined;
  channelCode?: string | undefined;
  unitId?: string | undefined;
  status?: TProductStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: string | undefined;
}

export const productKeys = {
  all: ['products'] as const,
  list: (filters: ProductFilters, page: number, pageSize: number) =>
    ['products', 'list', filters, { page, pageSize }] as const,
  detail: (id: string) => ['products', 'detail', id] as const,
  versions: (id: string) => ['products', 'versions', id] as const,
  diff: (id: string, from: number, to: number) => ['products', 'diff', id, from, to] as const,
  calendarSearch: (q: string) => ['products', 'calendar-search', q] as const,
  storySearch: (q: string) => ['products', 'story-search', q] as const,
};

const productPath = (id: string) => `/api/products/${encodeURIComponent(id)}`;

export function listProducts(filters: ProductFilters, page: number, pageSize: number): Promise<TPage<TProduct>> {
  return api.get<TPage<TProduct>>('/api/products', { query: { ...filters, page, pageSize } });
}

export function getProduct(id: string): Promise<TProductDetail> {
  return api.get<TProductDetail>(productPath(id));
}

export function createProduct(request: TCreateProductRequest): Promise<TProductDetail> {
  return api.post<TProductDetail>('/api/products', request);
}

export function updateProduct(id: string, request: TUpdateProductRequest): Promise<TProductDetail> {
  return api.patch<TProductDetail>(productPath(id), request);
}

export function archiveProduct(id: string, version: number): Promise<TProductDetail> {
  return api.post<TProductDetail>(`${productPath(id)}/archive`, { version });
}

export function listVersions(id: string): Promise<TProductVersion[]> {
  return api.get<TProductVersion[]>(`${productPath(id)}/versions`);
}

export function diffVersions(id: string, from: number, to: number): Promise<TProductDiff> {
  return api.get<TProductDiff>(`${productPath(id)}/diff`, { query: { from, to } });
}

export const productFilesUrl = (id: string) => `${productPath(id)}/files`;
export const productFileContentUrl = (id: string, fileId: string) =>
  `${productFilesUrl(id)}/${encodeURIComponent(fileId)}/content`;

/** The thumbnail of an image of the product, readable by whoever reads the product. */
export const productFileThumbnailUrl = (id: string, fileId: string) =>
  `${productFilesUrl(id)}/${encodeURIComponent(fileId)}/thumbnail`;

export function removeProductFile(id: string, fileId: string): Promise<void> {
  return api.delete<void>(`${productFilesUrl(id)}/${encodeURIComponent(fileId)}`);
}

export function linkProductStory(id: string, storyId: string): Promise<TProductStory[]> {
  return api.post<TProductStory[]>(`${productPath(id)}/stories`, { storyId });
}

export function unlinkProductStory(id: string, storyId: string): Promise<void> {
  return api.delete<void>(`${productPath(id)}/stories/${encodeURIComponent(storyId)}`);
}

/** Usable stories of the library matching `q` (or the newest ones), the only ones a product may link. */
export async function searchUsableStories(q: string): Promise<TStory[]> {
  const page = await api.get<TPage<TStory>>('/api/stories', {
    query: { status: 'usable', ...(q ? { q } : {}), pageSize: 20 },
  });
  return page.items;
}

/** Downloads the products matching the current filters as Excel. */
export function exportProducts(filters: ProductFilters): Promise<void> {
  return downloadFile('/api/products/export.xlsx', { ...filters }, 'san-pham-truyen-thong.xlsx');
}

/** Calendar items matching `q` from about half a year back to half a year ahead, to link a product to. */
export async function searchCalendarItems(
  q: string,
  today: Date = new Date(),
): Promise<{ id: string; title: string }[]> {
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const page = await api.get<TCalendarPage>('/api/calendar', {
    query: { q, from: day(-190), to: day(190), kind: 'item', pageSize: 20 },
  });
  return page.items.map((item) => ({ id: item.id, title: item.title }));
}
