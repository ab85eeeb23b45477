import { NOTIFICATION_KIND_LABELS, type TNotificationPreference } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { useCurrentUser } from '../auth/session';
import { fetchPreferences, notificationKeys, updatePreferences } from './notifications.api';

type Channel = 'inApp' | 'email';

/** Per kind of notification, whether it arrives in Loa and by e-mail; each switch saves at once. */
export function PreferencesCard() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const preferences = useQuery({ queryKey: notificationKeys.preferences, queryFn: fetchPreferences });

  const save = useMutation({
    mutationFn: (change: TNotificationPreference) => updatePreferences([change]),
    onSuccess: (all) => {
      queryClient.setQueryData(notificationKeys.preferences, all);
      message.success(t('common.saved'));
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const channelColumn = (channel: Channel): TableColumnsType<TNotificationPreference>[number] => {
    const channelLabel = t(channel === 'inApp' ? 'notifications.preferences.inApp' : 'notifications.preferences.email');
    return {
      title: channelLabel,
      key: channel,
      width: 100,
      align: 'center',
      render: (_, preference) => (
        <Switch
          size="small"
          checked={preference[channel]}
          loading={save.isPending && save.variables?.kind === preference.kind}
          aria-label={t('notifications.preferences.switchLabel', {
            channel: channelLabel,
            kind: NOTIFICATION_KIND_LABELS[preference.kind][locale],
          })}
          onChange={(checked) => save.mutate({ ...preference, [channel]: checked })}
        />
      ),
    };
  };

  const columns: TableColumnsType<TNotificationPreference> = [
    {
      title: t('notifications.preferences.kind'),
      dataIndex: 'kind',
      render: (kind: TNotificationPreference['kind']) => NOTIFICATION_KIND_LABELS[kind][locale],
    },
    channelColumn('inApp'),
    channelColumn('email'),
  ];

  return (
    <Card size="small" title={t('notifications.preferences.title')} data-testid="notification-preferences">
      <Typography.Paragraph type="secondary">{t('notifications.preferences.intro')}</Typography.Paragraph>
      {!user.email && (
        <Alert type="info" showIcon title={t('notifications.preferences.noEmail')} style={{ marginBottom: 12 }} />
      )}
      <Table<TNotificationPreference>
        size="small"
        rowKey="kind"
        pagination={false}
        columns={columns}
        dataSource={preferences.data ?? []}
        loading={preferences.isFetching}
        locale={{ emptyText: preferences.isError ? errorText(preferences.error, t) : t('common.loading') }}
      />
    </Card>
  );
}
