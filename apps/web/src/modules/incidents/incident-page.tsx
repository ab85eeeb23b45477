import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { INCIDENT_STATUSES, INCIDENT_STATUS_LABELS, WORKING_ROLES, type TIncident } from '@loa/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Spin, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { IncidentActions } from './incident-actions';
import { IncidentDeadlines } from './incident-deadlines';
import { formValuesOf } from './incident-form';
import { IncidentFormDrawer } from './incident-form-drawer';
import { IncidentItems } from './incident-items';
import { SeverityTag, StatusTag } from './incident-tags';
import { IncidentTimeline } from './incident-timeline';
import { getIncident, incidentKeys } from './incidents.api';

/** One media incident: where it stands, its deadlines, what was done (actions, timeline) and the items behind it. */
export function IncidentPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const detail = useQuery({ queryKey: incidentKeys.detail(id), queryFn: () => getIncident(id) });

  const back = (
    <Link to="/incidents">
      <ArrowLeftOutlined /> {t('incidents.back')}
    </Link>
  );
  if (detail.isPending) return <Spin />;
  if (detail.isError) {
    return (
      <>
        {back}
        <Alert type="error" showIcon title={errorText(detail.error, t)} style={{ marginTop: 12 }} />
      </>
    );
  }
  const incident = detail.data;
  // Supporting units record actions too; the server has the last word on scope.
  const canAct =
    incident.canEdit ||
    (hasAnyRole(user, WORKING_ROLES) && incident.supportingUnits.some((unit) => unit.id === user.orgUnit.id));

  /** Every change answers with the whole case: show it at once and refresh the board. */
  const onChanged = async (next: TIncident) => {
    queryClient.setQueryData(incidentKeys.detail(id), next);
    await queryClient.invalidateQueries({ queryKey: incidentKeys.all, refetchType: 'inactive' });
  };

  return (
    <>
      {back}
      <PageHeader
        title={incident.title}
        subtitle={
          <Flex gap={8} align="center" wrap component="span">
            <span>{incident.code}</span>
            <SeverityTag severity={incident.severity} />
            <StatusTag status={incident.status} />
            {incident.overdue && <Tag color="red">{t('incidents.overdue')}</Tag>}
          </Flex>
        }
        actions={
          incident.canEdit &&
          incident.status !== 'closed' && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )
        }
      />
      <Steps
        size="small"
        style={{ marginBottom: 16 }}
        current={INCIDENT_STATUSES.indexOf(incident.status)}
        status={incident.status === 'closed' ? 'finish' : 'process'}
        aria-label={t('incidents.field.status')}
        items={INCIDENT_STATUSES.map((status) => ({ title: INCIDENT_STATUS_LABELS[status][locale] }))}
      />
      <IncidentSummary incident={incident} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            {canAct && incident.status !== 'closed' && (
              <IncidentActions incident={incident} canTransition={incident.canEdit} onChanged={onChanged} />
            )}
            <IncidentTimeline incident={incident} />
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <IncidentDeadlines incident={incident} />
            <IncidentItems incident={incident} onChanged={onChanged} />
          </Flex>
        </Col>
      </Row>
      {editing && (
        <IncidentFormDrawer
          incident={incident}
          initial={formValuesOf(incident)}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
    </>
  );
}

function IncidentSummary({ incident }: { incident: TIncident }) {
  const { t } = useI18n();
  return (
    <Card size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'owning', label: t('incidents.field.owningUnit'), children: incident.owningUnit.name },
          {
            key: 'supporting',
            label: t('incidents.field.supportingUnits'),
            children:
              incident.supportingUnits.length > 0
                ? incident.supportingUnits.map((unit) => <Tag key={unit.id}>{unit.name}</Tag>)
                : t('common.none'),
          },
          {
            key: 'opened',
            label: t('incidents.field.openedAt'),
            children: `${formatDateTime(incident.openedAt)}${incident.openedBy ? ` · ${incident.openedBy}` : ''}`,
          },
          {
            key: 'query',
            label: t('incidents.field.query'),
            children: incident.query?.name ?? t('common.none'),
          },
          ...(incident.closedAt
            ? [{ key: 'closed', label: t('incidents.field.closedAt'), children: formatDateTime(incident.closedAt) }]
            : []),
          {
            key: 'description',
            label: t('incidents.field.description'),
            span: 'filled' as const,
            children: incident.description ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {incident.description}
              </Typography.Paragraph>
            ) : (
              t('common.none')
            ),
          },
          ...(incident.lessons
            ? [
                {
                  key: 'lessons',
                  label: t('incidents.field.lessons'),
                  span: 'filled' as const,
                  children: (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                      {incident.lessons}
                    </Typography.Paragraph>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
