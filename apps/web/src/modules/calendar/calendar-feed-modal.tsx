import { CopyOutlined, DeleteOutlined, ReloadOutlined } from '@ant-design/icons';
import type { TCalendarFeedToken } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Popconfirm, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { calendarKeys, getFeedStatus, revokeFeedToken, rotateFeedToken } from './calendar.api';

/** The address to subscribe to: Loa's own origin and the feed's path. */
const feedUrl = (created: TCalendarFeedToken) => new URL(created.path, window.location.origin).toString();

/**
 * "My calendar on my phone": creates, replaces or revokes the personal iCalendar link and shows a new link once,
 * to copy into Google Calendar, Outlook or a phone's calendar.
 */
export function CalendarFeedModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<TCalendarFeedToken | null>(null);
  const status = useQuery({ queryKey: calendarKeys.feed, queryFn: getFeedStatus });
  const refresh = () => queryClient.invalidateQueries({ queryKey: calendarKeys.feed });
  const fail = (error: unknown) => message.error(errorText(error, t));

  const rotate = useMutation({
    mutationFn: rotateFeedToken,
    onSuccess: async (token) => {
      setCreated(token);
      await refresh();
    },
    onError: fail,
  });
  const revoke = useMutation({
    mutationFn: revokeFeedToken,
    onSuccess: async () => {
      setCreated(null);
      message.success(t('calendar.feed.revoked'));
      await refresh();
    },
    onError: fail,
  });

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(feedUrl(created));
      message.success(t('common.copied'));
    } catch {
      message.error(t('common.copyFailed'));
    }
  };

  const active = status.data?.active ?? false;
  return (
    <Modal
      open
      width={640}
      title={t('calendar.feed.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('calendar.feed.close')}
        </Button>
      }
    >
      <Typography.Paragraph>{t('calendar.feed.explain')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('calendar.feed.howTo')}</Typography.Paragraph>
      {status.isLoading && <Spin description={t('common.loading')} />}
      {status.isError && (
        <Alert type="error" showIcon title={t('calendar.feed.loadFailed')} description={errorText(status.error, t)} />
      )}
      {created && (
        <>
          <Alert type="warning" showIcon title={t('calendar.feed.once')} style={{ marginBottom: 12 }} />
          <Typography.Text strong>{t('calendar.feed.url')}</Typography.Text>
          <Flex gap={8} align="center" style={{ margin: '8px 0 16px' }}>
            <code className="loa-secret" data-testid="calendar-feed-url" style={{ flex: 1 }}>
              {feedUrl(created)}
            </code>
            <Button icon={<CopyOutlined />} onClick={() => void copy()}>
              {t('common.copy')}
            </Button>
          </Flex>
        </>
      )}
      {status.isSuccess && (
        <Flex gap={8} align="center" wrap>
          <Typography.Text>
            {active && status.data.createdAt
              ? t('calendar.feed.active', { date: formatDateTime(status.data.createdAt) })
              : t('calendar.feed.inactive')}
          </Typography.Text>
          {active ? (
            <>
              <Popconfirm
                title={t('calendar.feed.rotateConfirm')}
                okText={t('calendar.feed.rotate')}
                cancelText={t('common.cancel')}
                onConfirm={() => rotate.mutateAsync()}
              >
                <Button icon={<ReloadOutlined />} loading={rotate.isPending}>
                  {t('calendar.feed.rotate')}
                </Button>
              </Popconfirm>
              <Popconfirm
                title={t('calendar.feed.revokeConfirm')}
                okText={t('calendar.feed.revoke')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => revoke.mutateAsync()}
              >
                <Button danger icon={<DeleteOutlined />} loading={revoke.isPending}>
                  {t('calendar.feed.revoke')}
                </Button>
              </Popconfirm>
            </>
          ) : (
            <Button type="primary" loading={rotate.isPending} onClick={() => rotate.mutate()}>
              {t('calendar.feed.create')}
            </Button>
          )}
        </Flex>
      )}
    </Modal>
  );
}
