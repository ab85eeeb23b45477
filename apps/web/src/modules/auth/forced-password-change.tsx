import { Alert, Button, Card, Flex, Typography } from 'antd';
import { LangSwitch } from '../../app/layout/lang-switch';
import { useI18n } from '../../app/i18n/i18n';
import { ChangePasswordForm } from '../me/change-password-form';
import { useCurrentUser } from './session';
import { useLogout } from './use-logout';

/** The only screen a user with a temporary or expired password can reach. */
export function ForcedPasswordChange() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const logout = useLogout();

  return (
    <Flex
      justify="center"
      align="flex-start"
      style={{ minHeight: '100vh', padding: '48px 16px', background: '#f0f2f5' }}
    >
      <Card style={{ width: 480, maxWidth: '100%' }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {t('auth.forced.title')}
          </Typography.Title>
          <LangSwitch />
        </Flex>
        <Alert
          type="warning"
          showIcon
          title={t('auth.forced.explain', { name: user.fullName })}
          style={{ marginBottom: 24 }}
        />
        <ChangePasswordForm />
        <Button type="link" onClick={() => void logout()} style={{ paddingInline: 0, marginTop: 16 }}>
          {t('nav.logout')}
        </Button>
      </Card>
    </Flex>
  );
}
