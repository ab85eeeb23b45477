import type {
  TNotification,
  TNotificationPreference,
  TOutboxMessage,
  TOutboxStatus,
  TPage,
  TReadAllResponse,
  TUnreadCount,
} from '@loa/contracts';
import { api } from '../../shared/api';

export interface InboxFilters {
  q?: string | undefined;
  unread?: boolean | undefined;
  sort?: string | undefined;
}

export interface OutboxFilters {
  q?: string | undefined;
  status?: TOutboxStatus | undefined;
  sort?: string | undefined;
}

/** The inbox's queries share one prefix, so reading a notification refreshes the bell, its list and the page. */
export const notificationKeys = {
  inbox: ['notifications', 'inbox'] as const,
  unreadCount: ['notifications', 'inbox', 'unread-count'] as const,
  latest: ['notifications', 'inbox', 'latest'] as const,
  list: (filters: InboxFilters, page: number, pageSize: number) =>
    ['notifications', 'inbox', 'list', filters, { page, pageSize }] as const,
  preferences: ['notifications', 'preferences'] as const,
  outbox: ['notifications', 'outbox'] as const,
  outboxList: (filters: OutboxFilters, page: number, pageSize: number) =>
    ['notifications', 'outbox', filters, { page, pageSize }] as const,
};

export function listNotifications(
  filters: InboxFilters,
  page: number,
  pageSize: number,
): Promise<TPage<TNotification>> {
  return api.get<TPage<TNotification>>('/api/notifications', {
    query: { q: filters.q, sort: filters.sort, unread: filters.unread ? 'true' : undefined, page, pageSize },
  });
}

export function fetchUnreadCount(): Promise<TUnreadCount> {
  return api.get<TUnreadCount>('/api/notifications/unread-count');
}

export function markRead(id: string): Promise<TNotification> {
  return api.post<TNotification>(`/api/notifications/${encodeURIComponent(id)}/read`);
}

export function markAllRead(): Promise<TReadAllResponse> {
  return api.post<TReadAllResponse>('/api/notifications/read-all');
}

export function fetchPreferences(): Promise<TNotificationPreference[]> {
  return api.get<TNotificationPreference[]>('/api/notifications/preferences');
}

/** Saves some kinds' switches; the server answers with every kind's. */
export function updatePreferences(changes: TNotificationPreference[]): Promise<TNotificationPreference[]> {
  return api.put<TNotificationPreference[]>('/api/notifications/preferences', changes);
}

export function listOutbox(filters: OutboxFilters, page: number, pageSize: number): Promise<TPage<TOutboxMessage>> {
  return api.get<TPage<TOutboxMessage>>('/api/notifications/outbox', { query: { ...filters, page, pageSize } });
}

export function retryOutboxMessage(id: string): Promise<TOutboxMessage> {
  return api.post<TOutboxMessage>(`/api/notifications/outbox/${encodeURIComponent(id)}/retry`);
}
