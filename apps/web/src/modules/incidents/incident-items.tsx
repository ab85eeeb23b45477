import { DisconnectOutlined, ExportOutlined, LinkOutlined } from '@ant-design/icons';
import { FLAG_LABELS, type TIncident, type TIncidentItem } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { IncidentLinkModal } from './incident-link-modal';
import { getIncident, incidentKeys, unlinkIncidentItem } from './incidents.api';

interface Props {
  incident: TIncident;
  onChanged: (incident: TIncident) => Promise<void>;
}

/** The items behind the case: linked by officers or arrived later from matching; "Gắn tin" links more. */
export function IncidentItems({ incident, onChanged }: Props) {
  const { t } = useI18n();
  const [linking, setLinking] = useState(false);
  const canEdit = incident.canEdit && incident.status !== 'closed';

  return (
    <Card
      size="small"
      title={t('incidents.items.title', { count: incident.items.length })}
      data-testid="incident-items"
      extra={
        canEdit && (
          <Button size="small" icon={<LinkOutlined />} onClick={() => setLinking(true)}>
            {t('incidents.items.link')}
          </Button>
        )
      }
    >
      {incident.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.items.empty')} />
      ) : (
        <Flex vertical gap={10} role="list">
          {incident.items.map((item) => (
            <ItemRow key={item.articleId} incident={incident} item={item} canEdit={canEdit} onChanged={onChanged} />
          ))}
        </Flex>
      )}
      {linking && (
        <IncidentLinkModal
          incident={incident}
          onCancel={() => setLinking(false)}
          onLinked={async (next) => {
            setLinking(false);
            await onChanged(next);
          }}
        />
      )}
    </Card>
  );
}

function ItemRow({ incident, item, canEdit, onChanged }: Props & { item: TIncidentItem; canEdit: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const unlink = useMutation({
    mutationFn: async () => {
      // The server may answer with the case or with nothing: read it again then.
      const next = await unlinkIncidentItem(incident.id, item.articleId);
      return next ?? getIncident(incident.id);
    },
    onSuccess: async (next) => {
      message.success(t('incidents.items.unlinked'));
      await onChanged(next);
    },
    onError: async (error) => {
      message.error(errorText(error, t));
      await queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incident.id) });
    },
  });

  return (
    <Flex role="listitem" justify="space-between" align="flex-start" gap={8}>
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Link to={`/monitoring/articles/${encodeURIComponent(item.articleId)}`}>{item.title}</Link>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {item.sourceName} · {formatDateTime(item.publishedAt)}
        </Typography.Text>
        <Flex gap={4} wrap>
          <Tag color={item.addedBy === 'matching' ? 'geekblue' : 'default'}>
            {t(`incidents.items.addedBy.${item.addedBy}`)} · {formatDateTime(item.addedAt)}
          </Tag>
          {item.flags.map((flag) => (
            <Tag key={flag} color="volcano">
              {FLAG_LABELS[flag][locale]}
            </Tag>
          ))}
        </Flex>
      </Flex>
      <Flex gap={4}>
        <Button
          type="text"
          size="small"
          icon={<ExportOutlined />}
          href={item.url}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={t('incidents.items.openOriginal', { title: item.title })}
        />
        {canEdit && (
          <Popconfirm
            title={t('incidents.items.unlinkConfirm')}
            okText={t('incidents.items.unlink')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => unlink.mutateAsync().catch(() => undefined)}
          >
            <Button
              type="text"
              size="small"
              danger
              icon={<DisconnectOutlined />}
              loading={unlink.isPending}
              aria-label={t('incidents.items.unlinkLabel', { title: item.title })}
            />
          </Popconfirm>
        )}
      </Flex>
    </Flex>
  );
}
