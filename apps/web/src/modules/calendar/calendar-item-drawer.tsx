import { LinkOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { CalendarItemForm } from './calendar-item-form';
import { CalendarItemView } from './calendar-item-view';
import { calendarKeys, getCalendarItem } from './calendar.api';
import { describeRecurrence } from './recurrence-text';

interface Props {
  /** The item to open; null to add one. */
  itemId: string | null;
  /** The start date a new item is offered. */
  defaultDate: string;
  onClose: () => void;
  onOpenRegulation: (id: string) => void;
}

/** Adds, edits or shows a calendar item (read-only for those who may not change it). */
export function CalendarItemDrawer({ itemId, defaultDate, onClose, onOpenRegulation }: Props) {
  const { t } = useI18n();
  const user = useCurrentUser();
  // The Communication Center's inbox holds every proposal; the others find theirs under "my proposals".
  const proposalsPath = hasAnyRole(user, ['admin', 'leader', 'comms_center']) ? '/proposals' : '/proposals/mine';
  const item = useQuery({
    queryKey: calendarKeys.item(itemId ?? ''),
    queryFn: () => getCalendarItem(itemId!),
    enabled: itemId !== null,
  });
  // An item deleted since it was cached answers "not found": show that, not the old copy.
  const data = item.isError ? null : (item.data ?? null);
  const title = !itemId
    ? t('calendar.drawer.createTitle')
    : data?.canEdit
      ? t('calendar.drawer.editTitle')
      : t('calendar.drawer.viewTitle');

  return (
    <Drawer open size={760} title={title} onClose={onClose} destroyOnHidden>
      {itemId && item.isLoading && <Spin description={t('common.loading')} />}
      {itemId && item.isError && (
        <Alert
          type="error"
          showIcon
          title={t('calendar.drawer.loadFailed')}
          description={errorText(item.error, t)}
          action={<Button onClick={() => void item.refetch()}>{t('common.retry')}</Button>}
        />
      )}
      {data && (
        <Space wrap style={{ marginBottom: 16 }}>
          {data.series && (
            <Tag color="purple">
              {t('calendar.recurring')}: {describeRecurrence(data.series.recurrence, data.startsOn, t)}
            </Tag>
          )}
          {data.proposalId && (
            <Link to={`${proposalsPath}?id=${encodeURIComponent(data.proposalId)}`}>
              <LinkOutlined aria-hidden /> {t('calendar.openProposal')}
            </Link>
          )}
          <Typography.Text type="secondary">
            {t('common.createdAt')}: {formatDateTime(data.createdAt)}
          </Typography.Text>
        </Space>
      )}
      {(itemId === null || data?.canEdit) && (
        <CalendarItemForm
          key={data ? `${data.id}-${data.version}` : 'new'}
          item={data}
          defaultDate={defaultDate}
          onClose={onClose}
          onOpenRegulation={onOpenRegulation}
        />
      )}
      {data && !data.canEdit && <CalendarItemView item={data} onOpenRegulation={onOpenRegulation} />}
    </Drawer>
  );
}
