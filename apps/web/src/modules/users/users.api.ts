import type {
  TCreatedUser,
  TCreateUserRequest,
  TPage,
  TPerson,
  TRole,
  TUpdateUserRequest,
  TUser,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export type UserStatus = 'active' | 'disabled' | 'locked';
export const USER_STATUSES: readonly UserStatus[] = ['active', 'disabled', 'locked'];

export interface UserFilters {
  q?: string | undefined;
  role?: TRole | undefined;
  orgUnitId?: string | undefined;
  status?: UserStatus | undefined;
  sort?: string | undefined;
}

export const userKeys = {
  all: ['users'] as const,
  list: (filters: UserFilters, page: number, pageSize: number) =>
    ['users', 'list', filters, { page, pageSize }] as const,
};

export function listUsers(filters: UserFilters, page: number, pageSize: number): Promise<TPage<TUser>> {
  return api.get<TPage<TUser>>('/api/users', { query: { ...filters, page, pageSize } });
}

/** Creates a user; when no password is given the server returns a one-time temporary password. */
export function createUser(request: TCreateUserRequest): Promise<TCreatedUser> {
  return api.post<TCreatedUser>('/api/users', request);
}

export function updateUser(id: string, request: TUpdateUserRequest): Promise<TUser> {
  return api.patch<TUser>(`/api/users/${encodeURIComponent(id)}`, request);
}

export function unlockUser(id: string): Promise<unknown> {
  return api.post<unknown>(`/api/users/${encodeURIComponent(id)}/unlock`);
}

/** Issues a new temporary password (shown once); the user must change it at next login. */
export function resetPassword(id: string): Promise<{ temporaryPassword: string }> {
  return api.post<{ temporaryPassword: string }>(`/api/users/${encodeURIComponent(id)}/reset-password`);
}

/** Downloads the users matching the current filters as Excel. */
export function exportUsers(filters: UserFilters): Promise<void> {
  return downloadFile('/api/users/export.xlsx', { ...filters }, 'nguoi-dung.xlsx');
}

/** What the status column shows: disabled wins over a temporary lock. */
export function userStatus(user: Pick<TUser, 'disabled' | 'lockedUntil'>, now = Date.now()): UserStatus {
  if (user.disabled) return 'disabled';
  if (user.lockedUntil && new Date(user.lockedUntil).getTime() > now) return 'locked';
  return 'active';
}

export const peopleKeys = {
  lookup: (q: string, orgUnitId: string | undefined, endpoint = PEOPLE_ENDPOINT) =>
    ['people', endpoint, { q, orgUnitId }] as const,
};

const PEOPLE_ENDPOINT = '/api/people';

/**
 * Active colleagues of the user's scope (optionally of one unit's subtree), for assignee pickers; `endpoint` names
 * another lookup of the same shape (the users one may subscribe to press reviews: `/api/review-subscriptions/people`).
 */
export function lookupPeople(q: string, orgUnitId: string | undefined, endpoint = PEOPLE_ENDPOINT): Promise<TPerson[]> {
  return api.get<TPerson[]>(endpoint, { query: { q: q || undefined, orgUnitId, limit: 20 } });
}
