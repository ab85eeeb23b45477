import { CALENDAR_STATUSES, type TCalendarItem, type TCalendarStatus } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Select, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { useCurrentUser } from '../auth/session';
import { formatDay } from './calendar-days';
import { CalendarStatusTag } from './calendar-labels';
import { calendarKeys, updateCalendarItem } from './calendar.api';
import { describeRecurrence } from './recurrence-text';

/**
 * An item the user may not edit, shown as it is; its assignee may still move its status along (an occurrence of
 * a series changes on its own).
 */
export function CalendarItemView({
  item,
  onOpenRegulation,
}: {
  item: TCalendarItem;
  onOpenRegulation: (id: string) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const isAssignee = item.assignee?.id === user.id;
  const none = t('common.none');

  const status = useMutation({
    mutationFn: (next: TCalendarStatus) =>
      updateCalendarItem(item.id, {
        status: next,
        version: item.version,
        ...(item.series ? { scope: 'one' as const } : {}),
      }),
    onSuccess: async (saved) => {
      message.success(t('calendar.saved', { title: saved.title }));
      await queryClient.invalidateQueries({ queryKey: calendarKeys.all });
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const dates = item.endsOn ? `${formatDay(item.startsOn)} – ${formatDay(item.endsOn)}` : formatDay(item.startsOn);
  return (
    <>
      <Alert
        type="info"
        showIcon
        title={isAssignee ? t('calendar.drawer.statusOnly') : t('calendar.drawer.readOnly')}
        style={{ marginBottom: 16 }}
      />
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'title', label: t('calendar.field.title'), children: item.title },
          { key: 'dates', label: t('calendar.field.dates'), children: dates },
          {
            key: 'status',
            label: t('calendar.field.status'),
            children: isAssignee ? (
              <Select<TCalendarStatus>
                aria-label={t('calendar.field.status')}
                value={item.status}
                loading={status.isPending}
                onChange={(next) => status.mutate(next)}
                options={CALENDAR_STATUSES.map((s) => ({ value: s, label: t(`calendar.status.${s}`) }))}
                style={{ minWidth: 180 }}
              />
            ) : (
              <CalendarStatusTag status={item.status} />
            ),
          },
          { key: 'owner', label: t('calendar.field.ownerUnit'), children: item.ownerUnit.name },
          { key: 'assignee', label: t('calendar.field.assignee'), children: item.assignee?.fullName ?? none },
          { key: 'channel', label: t('calendar.field.channel'), children: item.channelCode ?? none },
          { key: 'form', label: t('calendar.field.form'), children: item.formCode ?? none },
          { key: 'themes', label: t('calendar.field.themes'), children: item.themeCodes.join(', ') || none },
          { key: 'audiences', label: t('calendar.field.audiences'), children: item.audienceCodes.join(', ') || none },
          {
            key: 'regulation',
            label: t('calendar.field.regulation'),
            children: item.regulation ? (
              <Button type="link" style={{ padding: 0 }} onClick={() => onOpenRegulation(item.regulation!.id)}>
                {t('calendar.openRegulation', { number: item.regulation.number })}
              </Button>
            ) : (
              none
            ),
          },
          {
            key: 'repeat',
            label: t('calendar.repeat.title'),
            children: item.series
              ? describeRecurrence(item.series.recurrence, item.startsOn, t)
              : t('calendar.repeat.none'),
          },
          {
            key: 'description',
            label: t('calendar.field.description'),
            children: item.description ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {item.description}
              </Typography.Paragraph>
            ) : (
              none
            ),
          },
        ]}
      />
    </>
  );
}
