import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { NAV_ENTRIES } from '../../app/nav';
import { PageHeader } from '../../shared/ui/page-header';
import { RoleTags, UnitKindLabel } from '../../shared/ui/labels';
import { hasAnyRole, useCurrentUser } from '../auth/session';

/** Welcome page: who the user is, which unit they act for, and the screens open to them. */
export function HomePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const entries = NAV_ENTRIES.filter((entry) => entry.key !== 'home' && hasAnyRole(user, entry.roles));

  return (
    <>
      <PageHeader title={t('home.welcome', { name: user.fullName })} subtitle={t('home.intro')} />
      <Card size="small" title={t('home.yourUnit')} style={{ marginBottom: 24 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'unit', label: t('orgUnits.field.name'), children: `${user.orgUnit.name} (${user.orgUnit.code})` },
            { key: 'kind', label: t('orgUnits.field.kind'), children: <UnitKindLabel kind={user.orgUnit.kind} /> },
            { key: 'roles', label: t('account.profile.roles'), children: <RoleTags roles={user.roles} /> },
          ]}
        />
      </Card>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('home.shortcuts')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {entries.map((entry) => (
          <Col key={entry.key} xs={24} md={12} xl={8}>
            <Link to={entry.path} style={{ display: 'block', height: '100%' }}>
              <Card hoverable size="small" style={{ height: '100%' }}>
                <Card.Meta avatar={entry.icon} title={t(entry.labelKey)} description={t(entry.descriptionKey)} />
              </Card>
            </Link>
          </Col>
        ))}
        <Col xs={24} md={12} xl={8}>
          <Link to="/account" style={{ display: 'block', height: '100%' }}>
            <Card hoverable size="small" style={{ height: '100%' }}>
              <Card.Meta title={t('nav.account')} description={t('home.card.account')} />
            </Card>
          </Link>
        </Col>
      </Row>
    </>
  );
}
