import {
  GUIDANCE_KIND_PATHS,
  type TCopyGuidanceRequest,
  type TGuidanceItem,
  type TGuidanceYear,
  type TUpdateGuidanceItemRequest,
} from '@loa/contracts';
import { api } from '../../shared/api';

/** URL segment of a catalog tab: audiences, themes, forms, channels, product-types. */
export type GuidanceSegment = keyof typeof GUIDANCE_KIND_PATHS;
export const GUIDANCE_SEGMENTS = Object.keys(GUIDANCE_KIND_PATHS) as GuidanceSegment[];

export const guidanceKeys = {
  all: ['guidance'] as const,
  years: ['guidance', 'years'] as const,
  items: (year: number, segment: GuidanceSegment) => ['guidance', 'items', year, segment] as const,
};

/** Every guidance year, newest first (one per year: a few dozen at most). */
export async function listYears(): Promise<TGuidanceYear[]> {
  const response = await api.get<{ items: TGuidanceYear[] }>('/api/guidance?pageSize=1000&sort=-year');
  return response.items;
}

/** All items of one kind for a year (a catalog is small: one page of up to 1000). */
export async function listItems(year: number, segment: GuidanceSegment): Promise<TGuidanceItem[]> {
  const response = await api.get<{ items: TGuidanceItem[] }>(`/api/guidance/${year}/${segment}`, {
    query: { pageSize: 1000 },
  });
  return response.items;
}

export function updateItem(year: number, id: string, request: TUpdateGuidanceItemRequest): Promise<TGuidanceItem> {
  return api.patch<TGuidanceItem>(`/api/guidance/${year}/items/${encodeURIComponent(id)}`, request);
}

/** Starts a new year's guidance as a copy of `year`, to be edited afterwards. */
export function copyYear(year: number, request: TCopyGuidanceRequest): Promise<TGuidanceYear> {
  return api.post<TGuidanceYear>(`/api/guidance/${year}/copy`, request);
}
