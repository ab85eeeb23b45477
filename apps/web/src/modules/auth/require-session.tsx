import { useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { setUnauthorizedHandler } from '../../shared/api';
import { sessionKeys } from './auth.api';
import { loginPath, SessionContext, useSessionQuery } from './session';
import { useLocaleSync } from './use-locale-sync';
import { PageFallback } from '../../shared/ui/page-fallback';

// Few sessions ever see it: its form (and antd's form machinery) loads only when a password must change.
const ForcedPasswordChange = lazy(() =>
  import('./forced-password-change').then((m) => ({ default: m.ForcedPasswordChange })),
);

/** Shows its child routes only to a signed-in user who has no pending forced password change. */
export function RequireSession() {
  const { t } = useI18n();
  const session = useSessionQuery();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const here = location.pathname + location.search;

  useLocaleSync(session.data);

  useEffect(() => {
    setUnauthorizedHandler((code) => {
      queryClient.setQueryData(sessionKeys.me, null);
      navigate(loginPath(here, code === 'auth.session_expired' ? 'expired' : undefined), { replace: true });
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient, navigate, here]);

  if (session.isPending) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <Spin size="large" description={t('common.loading')} />
      </div>
    );
  }
  if (session.isError) {
    return (
      <Result
        status="error"
        title={t('error.sessionLoad')}
        subTitle={session.error.message}
        extra={
          <Button type="primary" onClick={() => void session.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!session.data) return <Navigate to={loginPath(here)} replace />;

  return (
    <SessionContext value={session.data}>
      {session.data.mustChangePassword ? (
        <Suspense fallback={<PageFallback />}>
          <ForcedPasswordChange />
        </Suspense>
      ) : (
        <Outlet />
      )}
    </SessionContext>
  );
}
