import { BellOutlined } from '@ant-design/icons';
import { NOTIFICATION_KIND_LABELS, type TNotification } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, Popover, Spin } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { fetchUnreadCount, listNotifications, notificationKeys } from '../../modules/notifications/notifications.api';
import { useInboxActions } from '../../modules/notifications/use-inbox-actions';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../i18n/i18n';

const LATEST = 10;

/** The bell in the header: the unread count (refreshed every minute and on return to the tab) and the latest ten. */
export function NotificationBell() {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const { open: openNotification, readAll } = useInboxActions();

  const unread = useQuery({
    queryKey: notificationKeys.unreadCount,
    queryFn: fetchUnreadCount,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
  const latest = useQuery({
    queryKey: notificationKeys.latest,
    queryFn: () => listNotifications({}, 1, LATEST),
    enabled: open,
  });
  const count = unread.data?.count ?? 0;

  const choose = (notification: TNotification) => {
    setOpen(false);
    openNotification(notification);
  };

  const items = latest.data?.items ?? [];
  const content = (
    <div style={{ width: 360, maxWidth: 'calc(100vw - 32px)' }} data-testid="notification-popover">
      <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 8 }}>
        <span className="loa-strong">{t('notifications.bell.title')}</span>
        <Button
          type="link"
          size="small"
          disabled={count === 0}
          loading={readAll.isPending}
          onClick={() => readAll.mutate()}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {latest.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : latest.isError ? (
        <span className="loa-danger">{t('notifications.bell.loadError')}</span>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 420, overflowY: 'auto' }}>
          {items.map((notification) => (
            <li key={notification.id} style={{ borderBottom: '1px solid #f0f0f0' }}>
              <button
                type="button"
                onClick={() => choose(notification)}
                style={{
                  display: 'block',
                  width: '100%',
                  textAlign: 'start',
                  padding: '8px 4px',
                  background: notification.readAt ? 'transparent' : '#f0f7ff',
                  border: 0,
                  cursor: 'pointer',
                  font: 'inherit',
                }}
              >
                <Flex gap={8} align="flex-start">
                  <Badge status={notification.readAt ? 'default' : 'processing'} style={{ marginTop: 4 }} />
                  <Flex vertical style={{ minWidth: 0 }}>
                    <span className={notification.readAt ? undefined : 'loa-strong'}>
                      {notification.title[locale]}
                      {!notification.readAt && (
                        <span className="loa-visually-hidden"> ({t('notifications.unread')})</span>
                      )}
                    </span>
                    <span className="loa-secondary" style={{ fontSize: 12 }}>
                      {NOTIFICATION_KIND_LABELS[notification.kind][locale]} · {formatDateTime(notification.createdAt)}
                    </span>
                  </Flex>
                </Flex>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div style={{ marginTop: 8, textAlign: 'center' }}>
        <Link to="/notifications" onClick={() => setOpen(false)}>
          {t('notifications.bell.viewAll')}
        </Link>
      </div>
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content} arrow={false}>
      <Button
        type="text"
        data-testid="notification-bell"
        aria-label={t('notifications.bell.label', { count })}
        aria-haspopup="dialog"
        aria-expanded={open}
        icon={
          <Badge count={count} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} aria-hidden />
          </Badge>
        }
      />
    </Popover>
  );
}
