import { Card, Col, Row } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { PageHeader } from '../../shared/ui/page-header';
import { ApiTokensCard } from './api-tokens-card';
import { ChangePasswordForm } from './change-password-form';
import { ProfileCard } from './profile-card';

/** "My account": profile, password and personal API tokens. */
export function AccountPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('account.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ProfileCard />
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('account.password.title')}>
            <ChangePasswordForm />
          </Card>
        </Col>
        <Col span={24}>
          <ApiTokensCard />
        </Col>
      </Row>
    </>
  );
}
