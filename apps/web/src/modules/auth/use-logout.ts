import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { logout, sessionKeys } from './auth.api';

/** Signs out, forgets every cached record of the previous user and goes to the login page. */
export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await logout();
    } catch {
      // The session is gone for this browser either way; the server expires it on its own.
    }
    queryClient.removeQueries();
    queryClient.setQueryData(sessionKeys.me, null);
    navigate('/login', { replace: true });
  }, [queryClient, navigate]);
}
