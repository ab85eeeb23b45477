import { Col, Row, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { PageHeader } from '../../shared/ui/page-header';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { InboxPanel } from './inbox-panel';
import { OutboxPanel } from './outbox-panel';
import { PreferencesCard } from './preferences-card';

/** Thông báo: my notifications and settings; for administrators, also the outbox of e-mails of their scope. */
export function NotificationsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const isAdmin = hasAnyRole(user, ['admin']);

  const inbox = (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <InboxPanel />
      </Col>
      <Col xs={24} xl={8}>
        <PreferencesCard />
      </Col>
    </Row>
  );

  return (
    <>
      <PageHeader title={t('notifications.title')} subtitle={t('notifications.subtitle')} />
      {isAdmin ? (
        <Tabs
          activeKey={params.get('tab') === 'outbox' ? 'outbox' : 'inbox'}
          onChange={(key) => setParams(key === 'outbox' ? { tab: 'outbox' } : {}, { replace: true })}
          items={[
            { key: 'inbox', label: t('notifications.tab.inbox'), children: inbox },
            { key: 'outbox', label: t('notifications.tab.outbox'), children: <OutboxPanel /> },
          ]}
        />
      ) : (
        inbox
      )}
    </>
  );
}
