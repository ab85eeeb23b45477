import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { TIncident } from '@loa/contracts';
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { formatDateTime } from '../../shared/format';

/** The first-assessment and response deadlines: due, met, overdue (red) and escalated to leaders. */
export function IncidentDeadlines({ incident }: { incident: TIncident }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('incidents.deadlines.title')} data-testid="incident-deadlines">
      {incident.deadlines.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.deadlines.none')} />
      ) : (
        <Flex vertical gap={12} role="list">
          {incident.deadlines.map((deadline) => (
            <Flex
              key={deadline.kind}
              role="listitem"
              vertical
              gap={2}
              style={{
                borderInlineStart: `3px solid ${deadline.overdue ? '#ff4d4f' : deadline.metAt ? '#52c41a' : '#1677ff'}`,
                paddingInlineStart: 8,
              }}
            >
              <Typography.Text strong>{t(`incidents.deadline.${deadline.kind}`)}</Typography.Text>
              <Typography.Text type={deadline.overdue ? 'danger' : undefined}>
                {t('incidents.deadlines.due', { at: formatDateTime(deadline.dueAt) })}
              </Typography.Text>
              <Flex gap={4} wrap>
                {deadline.metAt && (
                  <Tag color="green" icon={<CheckCircleOutlined />}>
                    {t('incidents.deadlines.met', { at: formatDateTime(deadline.metAt) })}
                  </Tag>
                )}
                {deadline.overdue && <Tag color="red">{t('incidents.overdue')}</Tag>}
                {!deadline.metAt && !deadline.overdue && incident.status !== 'closed' && (
                  <Tag color="blue">{t('incidents.deadlines.pending')}</Tag>
                )}
                {deadline.escalatedAt && (
                  <Tag color="volcano" icon={<WarningOutlined />}>
                    {t('incidents.deadlines.escalated', { at: formatDateTime(deadline.escalatedAt) })}
                  </Tag>
                )}
              </Flex>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
