import type { TRole, TSessionUser } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { createContext, use } from 'react';
import { fetchSession, sessionKeys } from './auth.api';

/** The session query: the signed-in user, null when signed out. */
export function useSessionQuery() {
  return useQuery({ queryKey: sessionKeys.me, queryFn: fetchSession, staleTime: Infinity, retry: 1 });
}

export const SessionContext = createContext<TSessionUser | null>(null);

/** The signed-in user; only for components rendered inside <RequireSession>. */
export function useCurrentUser(): TSessionUser {
  const user = use(SessionContext);
  if (!user) throw new Error('useCurrentUser must be used inside <RequireSession>');
  return user;
}

/** True when the user holds at least one of `roles` (or when no roles are required). */
export function hasAnyRole(user: Pick<TSessionUser, 'roles'>, roles: readonly TRole[] | undefined): boolean {
  return !roles || roles.some((role) => user.roles.includes(role));
}

/** A safe in-app path to return to after login: same-origin paths only. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

/** The login URL that brings the user back to `path` afterwards. */
export function loginPath(path: string, reason?: 'expired'): string {
  const params = new URLSearchParams();
  if (path && path !== '/') params.set('next', path);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}
