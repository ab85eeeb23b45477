import type {
  TChannelKind,
  TChannelStatus,
  TCreateOfficialChannelRequest,
  TOfficialChannel,
  TPage,
  TPublicCheckResult,
  TUpdateOfficialChannelRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export interface ChannelFilters {
  q?: string | undefined;
  kind?: TChannelKind | undefined;
  status?: TChannelStatus | undefined;
  retired?: 'true' | 'false' | 'all' | undefined;
  sort?: string | undefined;
}

export const channelKeys = {
  all: ['official-channels'] as const,
  list: (filters: ChannelFilters, page: number, pageSize: number) =>
    ['official-channels', 'list', filters, { page, pageSize }] as const,
};

const channelPath = (id: string) => `/api/official-channels/${encodeURIComponent(id)}`;

export function listChannels(
  filters: ChannelFilters,
  page: number,
  pageSize: number,
): Promise<TPage<TOfficialChannel>> {
  return api.get<TPage<TOfficialChannel>>('/api/official-channels', { query: { ...filters, page, pageSize } });
}

export function createChannel(request: TCreateOfficialChannelRequest): Promise<TOfficialChannel> {
  return api.post<TOfficialChannel>('/api/official-channels', request);
}

export function updateChannel(id: string, request: TUpdateOfficialChannelRequest): Promise<TOfficialChannel> {
  return api.patch<TOfficialChannel>(channelPath(id), request);
}

export function exportChannels(filters: ChannelFilters): Promise<void> {
  return downloadFile('/api/official-channels/export.xlsx', { ...filters }, 'kenh-chinh-thuc.xlsx');
}

/** The public check (no session needed): what the links, domains and phone numbers of `input` are. */
export function checkInput(input: string): Promise<TPublicCheckResult> {
  return api.post<TPublicCheckResult>('/api/public/check', { input });
}
