import { RedoOutlined } from '@ant-design/icons';
import { OUTBOX_STATUSES, type TOutboxMessage, type TOutboxStatus } from '@loa/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Flex,
  Input,
  Popconfirm,
  Select,
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
import { listOutbox, notificationKeys, retryOutboxMessage } from './notifications.api';

const STATUS_COLORS: Record<TOutboxStatus, string> = {
  pending: 'blue',
  sent: 'green',
  failed: 'red',
  held: 'orange',
};

function RetryButton({ message: outgoing }: { message: TOutboxMessage }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => retryOutboxMessage(outgoing.id),
    onSuccess: async () => {
      message.success(t('notifications.outbox.retried', { address: outgoing.toAddress }));
      await queryClient.invalidateQueries({ queryKey: notificationKeys.outbox });
    },
    onError: (error) => message.error(errorText(error, t)),
  });
  return (
    <Popconfirm
      title={t('notifications.outbox.retryConfirm', { address: outgoing.toAddress })}
      description={t('notifications.outbox.retryExplain')}
      okText={t('notifications.outbox.retry')}
      cancelText={t('common.cancel')}
      onConfirm={() => retry.mutateAsync().catch(() => undefined)}
    >
      <Button type="link" size="small" icon={<RedoOutlined />} loading={retry.isPending}>
        {t('notifications.outbox.retry')}
      </Button>
    </Popconfirm>
  );
}

/** Hộp thư đi (administrators): the e-mails to users of their scope, their status, and sending again. */
export function OutboxPanel() {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<TOutboxStatus | undefined>();
  const [sort, setSort] = useState<string | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const firstPage = () => setPaging((p) => ({ ...p, page: 1 }));

  const filters = { q: q || undefined, status, sort };
  const outbox = useQuery({
    queryKey: notificationKeys.outboxList(filters, paging.page, paging.pageSize),
    queryFn: () => listOutbox(filters, paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<TOutboxMessage> = [
    {
      title: t('notifications.outbox.column.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 140,
      sorter: true,
      sortDirections: ['descend', 'ascend'],
      sortOrder: sortOrderOf(sort ?? '-createdAt', 'createdAt'),
      render: formatDateTime,
    },
    {
      title: t('notifications.outbox.column.recipient'),
      key: 'recipient',
      width: 200,
      render: (_, m) => (
        <Flex vertical>
          <span>{m.recipient.fullName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.recipient.username} · {m.recipient.orgUnitCode}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('notifications.outbox.column.toAddress'),
      dataIndex: 'toAddress',
      key: 'toAddress',
      width: 220,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'toAddress'),
    },
    { title: t('notifications.outbox.column.subject'), dataIndex: 'subject', key: 'subject', width: 360 },
    {
      title: t('common.status'),
      dataIndex: 'status',
      key: 'status',
      width: 110,
      render: (value: TOutboxStatus) => (
        <Tag color={STATUS_COLORS[value]}>{t(`notifications.outbox.status.${value}`)}</Tag>
      ),
    },
    {
      title: t('notifications.outbox.column.attempts'),
      dataIndex: 'attempts',
      key: 'attempts',
      width: 100,
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'attempts'),
    },
    {
      title: t('notifications.outbox.column.lastError'),
      dataIndex: 'lastError',
      key: 'lastError',
      width: 200,
      render: (value: string | null) =>
        value ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: value }} style={{ maxWidth: 190 }}>
            {value}
          </Typography.Text>
        ) : (
          ''
        ),
    },
    {
      title: t('notifications.outbox.column.sentAt'),
      dataIndex: 'sentAt',
      key: 'sentAt',
      width: 140,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'sentAt'),
      render: (value: string | null) => formatDateTime(value),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 120,
      render: (_, m) => (m.status === 'sent' ? null : <RetryButton message={m} />),
    },
  ];

  const onChange: TableProps<TOutboxMessage>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort') return;
    setSort(sortParam(sorter));
    firstPage();
  };

  return (
    <div data-testid="notifications-outbox">
      <Alert type="info" showIcon title={t('notifications.outbox.intro')} style={{ marginBottom: 12 }} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('notifications.outbox.searchLabel')}
          placeholder={t('notifications.outbox.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            firstPage();
          }}
          style={{ width: 320 }}
        />
        <Select<TOutboxStatus>
          allowClear
          aria-label={t('notifications.outbox.statusFilter')}
          placeholder={t('notifications.outbox.statusFilter')}
          value={status}
          onChange={(value) => {
            setStatus(value);
            firstPage();
          }}
          options={OUTBOX_STATUSES.map((value) => ({ value, label: t(`notifications.outbox.status.${value}`) }))}
          style={{ width: 200 }}
        />
      </Flex>
      <Table<TOutboxMessage>
        size="small"
        rowKey="id"
        aria-label={t('notifications.outbox.tableLabel')}
        columns={columns}
        dataSource={outbox.data?.items ?? []}
        loading={outbox.isFetching}
        onChange={onChange}
        expandable={{ expandedRowRender: (m) => <pre className="loa-pre">{m.text}</pre> }}
        locale={{ emptyText: outbox.isError ? errorText(outbox.error, t) : t('notifications.outbox.empty') }}
        pagination={tablePagination(t, { ...paging, total: outbox.data?.total ?? 0 }, (page, pageSize) =>
          setPaging({ page, pageSize }),
        )}
        scroll={{ x: 1400 }}
      />
    </div>
  );
}
