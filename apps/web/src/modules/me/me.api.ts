import type {
  TApiToken,
  TChangePasswordRequest,
  TCreateApiTokenRequest,
  TCreatedApiToken,
  TPage,
  TUpdateMeRequest,
} from '@loa/contracts';
import { api, setCsrfToken } from '../../shared/api';

export const meKeys = {
  all: ['me'] as const,
  tokens: ['me', 'tokens'] as const,
};

/** Saves the user's own settings (full name, UI language). */
export async function updateMe(request: TUpdateMeRequest): Promise<void> {
  await api.patch<unknown>('/api/me', request);
}

/** Changes the user's own password; a new CSRF token is kept if the server rotates the session. */
export async function changePassword(request: TChangePasswordRequest): Promise<void> {
  const response = await api.post<{ csrfToken?: string } | undefined>('/api/me/password', request);
  if (response?.csrfToken) setCsrfToken(response.csrfToken);
}

/** All of the user's tokens, newest first (a short list: fetched as one page of up to 1000). */
export function listTokens(): Promise<TPage<TApiToken>> {
  return api.get<TPage<TApiToken>>('/api/me/tokens?pageSize=1000&sort=-createdAt');
}

/** Creates a personal API token; the secret in the answer is never shown again. */
export function createToken(request: TCreateApiTokenRequest): Promise<TCreatedApiToken> {
  return api.post<TCreatedApiToken>('/api/me/tokens', request);
}

export function revokeToken(id: string): Promise<void> {
  return api.delete<void>(`/api/me/tokens/${encodeURIComponent(id)}`);
}
