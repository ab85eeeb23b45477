import type { TRole } from '@loa/contracts';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { hasAnyRole, useCurrentUser } from '../../modules/auth/session';
import { useI18n } from '../i18n/i18n';

/** Shows `children` only to users holding one of `roles`; others get a "not allowed" page. */
export function RequireRoles({ roles, children }: { roles: readonly TRole[] | undefined; children: ReactNode }) {
  const user = useCurrentUser();
  const { t } = useI18n();
  if (hasAnyRole(user, roles)) return children;
  return <Result status="403" title={t('error.forbiddenPage')} extra={<BackHomeButton />} />;
}

export function NotFoundPage() {
  const { t } = useI18n();
  return <Result status="404" title={t('error.notFoundPage')} extra={<BackHomeButton />} />;
}

function BackHomeButton() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      {t('common.backHome')}
    </Button>
  );
}
