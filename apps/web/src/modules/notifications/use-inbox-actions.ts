import type { TNotification } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { appPathOf } from './notification-link';
import { markAllRead, markRead, notificationKeys } from './notifications.api';

/** Reading notifications, shared by the bell and the page: each refreshes every view of the inbox. */
export function useInboxActions() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.inbox });
  const fail = (error: unknown) => message.error(errorText(error, t));

  const read = useMutation({ mutationFn: markRead, onSettled: refresh, onError: fail });
  const readAll = useMutation({
    mutationFn: markAllRead,
    onSuccess: ({ count }) => message.success(t('notifications.markedAllRead', { count })),
    onSettled: refresh,
    onError: fail,
  });

  /** Marks the notification read (if it is not) and goes to what it is about. */
  const open = (notification: TNotification) => {
    if (!notification.readAt) read.mutate(notification.id);
    const path = appPathOf(notification.link);
    if (path) void navigate(path);
  };

  return { read, readAll, open };
}
