import type { TLoginRequest, TLoginResponse, TSessionUser } from '@loa/contracts';
import { api, ApiError, setCsrfToken } from '../../shared/api';

export const sessionKeys = {
  me: ['session', 'me'] as const,
};

/** The signed-in user, or null when there is no session (401). Keeps the CSRF token it receives. */
export async function fetchSession(): Promise<TSessionUser | null> {
  try {
    const response = await api.get<TLoginResponse>('/api/me', { skipAuthRedirect: true });
    setCsrfToken(response.csrfToken);
    return response.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Signs in with a username or e-mail and a password; keeps the CSRF token of the new session. */
export async function login(request: TLoginRequest): Promise<TSessionUser> {
  const response = await api.post<TLoginResponse>('/api/auth/login', request, { skipAuthRedirect: true });
  setCsrfToken(response.csrfToken);
  return response.user;
}

/** Ends the session on the server; the token is forgotten whatever the outcome. */
export async function logout(): Promise<void> {
  try {
    await api.post<void>('/api/auth/logout', undefined, { skipAuthRedirect: true });
  } finally {
    setCsrfToken(null);
  }
}
