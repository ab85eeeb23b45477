import { CheckOutlined } from '@ant-design/icons';
import { NOTIFICATION_KIND_LABELS, type TNotification } from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Flex,
  Input,
  Segmented,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { fetchUnreadCount, listNotifications, notificationKeys } from './notifications.api';
import { useInboxActions } from './use-inbox-actions';

type Show = 'all' | 'unread';

/** My notifications: search, all or unread, newest first; opening one marks it read and goes to its record. */
export function InboxPanel() {
  const { t, locale } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const [show, setShow] = useState<Show>('all');
  const [sort, setSort] = useState<string | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { open, read, readAll } = useInboxActions();

  const filters = { q: q || undefined, unread: show === 'unread' || undefined, sort };
  const notifications = useQuery({
    queryKey: notificationKeys.list(filters, paging.page, paging.pageSize),
    queryFn: () => listNotifications(filters, paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
  });
  const unread = useQuery({ queryKey: notificationKeys.unreadCount, queryFn: fetchUnreadCount });
  const firstPage = () => setPaging((p) => ({ ...p, page: 1 }));

  const columns: TableColumnsType<TNotification> = [
    {
      title: t('notifications.column.title'),
      key: 'title',
      render: (_, notification) => {
        const title = (
          <Typography.Text strong={!notification.readAt}>
            {notification.title[locale]}
            {!notification.readAt && <span className="loa-visually-hidden"> ({t('notifications.unread')})</span>}
          </Typography.Text>
        );
        return (
          <Flex gap={8} align="flex-start">
            <Badge status={notification.readAt ? 'default' : 'processing'} style={{ marginTop: 4 }} />
            <Flex vertical style={{ minWidth: 0 }}>
              <Button
                type="link"
                style={{ padding: 0, height: 'auto', textAlign: 'start', whiteSpace: 'normal' }}
                onClick={() => open(notification)}
              >
                {title}
              </Button>
              {notification.body && (
                <Typography.Paragraph type="secondary" className="loa-pre" style={{ margin: 0, fontFamily: 'inherit' }}>
                  {notification.body[locale]}
                </Typography.Paragraph>
              )}
            </Flex>
          </Flex>
        );
      },
    },
    {
      title: t('notifications.column.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 170,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'kind'),
      render: (kind: TNotification['kind']) => <Tag>{NOTIFICATION_KIND_LABELS[kind][locale]}</Tag>,
    },
    {
      title: t('notifications.column.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 150,
      sorter: true,
      // Newest first until the user chooses otherwise.
      sortDirections: ['descend', 'ascend'],
      sortOrder: sortOrderOf(sort ?? '-createdAt', 'createdAt'),
      render: formatDateTime,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, notification) =>
        notification.readAt ? (
          <Typography.Text type="secondary">{t('notifications.read')}</Typography.Text>
        ) : (
          <Button
            type="link"
            size="small"
            icon={<CheckOutlined />}
            loading={read.isPending && read.variables === notification.id}
            onClick={() => read.mutate(notification.id)}
          >
            {t('notifications.markRead')}
          </Button>
        ),
    },
  ];

  const onChange: TableProps<TNotification>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort') return;
    setSort(sortParam(sorter));
    firstPage();
  };

  return (
    <div data-testid="notifications-inbox">
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('notifications.searchLabel')}
          placeholder={t('notifications.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            firstPage();
          }}
          style={{ width: 340 }}
        />
        <Segmented<Show>
          aria-label={t('notifications.filterLabel')}
          value={show}
          onChange={(value) => {
            setShow(value);
            firstPage();
          }}
          options={[
            { label: t('notifications.filter.all'), value: 'all' },
            { label: t('notifications.filter.unread'), value: 'unread' },
          ]}
        />
        <Button
          icon={<CheckOutlined />}
          disabled={(unread.data?.count ?? 0) === 0}
          loading={readAll.isPending}
          onClick={() => readAll.mutate()}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      <Table<TNotification>
        size="small"
        rowKey="id"
        aria-label={t('notifications.tableLabel')}
        columns={columns}
        dataSource={notifications.data?.items ?? []}
        loading={notifications.isFetching}
        onChange={onChange}
        locale={{
          emptyText: notifications.isError
            ? errorText(notifications.error, t)
            : show === 'unread'
              ? t('notifications.emptyUnread')
              : t('notifications.empty'),
        }}
        pagination={tablePagination(t, { ...paging, total: notifications.data?.total ?? 0 }, (page, pageSize) =>
          setPaging({ page, pageSize }),
        )}
        scroll={{ x: 720 }}
      />
    </div>
  );
}
