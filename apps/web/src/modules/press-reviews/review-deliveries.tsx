import { RedoOutlined } from '@ant-design/icons';
import {
  DELIVERY_STATUS_LABELS,
  DELIVERY_STATUSES,
  type TDeliveryStatus,
  type TReview,
  type TReviewDelivery,
} from '@loa/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { tablePagination } from '../../shared/ui/table-pagination';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { listDeliveries, retryDelivery, reviewKeys, type DeliveryQuery } from './press-reviews.api';
import { DeliveryStatusTag } from './review-labels';
import { REVIEW_EDITOR_ROLES } from './review-roles';

/** How often the list is refreshed while any copy is still waiting to be sent. */
const PENDING_REFRESH_MS = 5000;

/** "Gửi": every recipient's e-mail copy, its status and attempts; failed and held copies can be sent again. */
export function ReviewDeliveries({ review }: { review: TReview }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const [query, setQuery] = useState<DeliveryQuery>({ page: 1, pageSize: 20 });
  const canRetry = hasAnyRole(user, REVIEW_EDITOR_ROLES);

  const deliveries = useQuery({
    queryKey: reviewKeys.deliveries(review.kind, review.id, query),
    queryFn: () => listDeliveries(review.kind, review.id, query),
    placeholderData: keepPreviousData,
    enabled: review.status === 'approved',
    refetchInterval: (current) =>
      review.delivery.pending > 0 || current.state.data?.items.some((d) => d.status === 'pending')
        ? PENDING_REFRESH_MS
        : false,
  });

  const retry = useMutation({
    mutationFn: (delivery: TReviewDelivery) => retryDelivery(review.kind, review.id, delivery.id),
    onSuccess: async (_result, delivery) => {
      message.success(t('reviews.deliveries.retried', { name: delivery.user.fullName }));
      await queryClient.invalidateQueries({ queryKey: ['press-reviews', 'deliveries', review.kind, review.id] });
      await queryClient.invalidateQueries({ queryKey: reviewKeys.detail(review.kind, review.id) });
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  if (review.status !== 'approved') {
    return <Alert type="info" showIcon title={t('reviews.deliveries.notYet')} />;
  }

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(query.sort, key) });
  const columns: TableColumnsType<TReviewDelivery> = [
    {
      title: t('reviews.deliveries.recipient'),
      ...sortable('user'),
      render: (_, d) => (
        <>
          {d.user.fullName}
          <br />
          <Typography.Text type="secondary">{d.user.username}</Typography.Text>
        </>
      ),
    },
    {
      title: t('reviews.deliveries.address'),
      dataIndex: 'toAddress',
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      ...sortable('status'),
      width: 190,
      render: (value: TDeliveryStatus) => <DeliveryStatusTag status={value} />,
    },
    {
      title: t('reviews.deliveries.attempts'),
      dataIndex: 'attempts',
      ...sortable('attempts'),
      width: 110,
      align: 'right',
    },
    {
      title: t('reviews.deliveries.lastError'),
      dataIndex: 'lastError',
      render: (value: string | null) =>
        value ? <Typography.Text type="danger">{value}</Typography.Text> : t('common.none'),
    },
    {
      title: t('reviews.deliveries.sentAt'),
      dataIndex: 'sentAt',
      ...sortable('sentAt'),
      width: 150,
      render: (value: string | null) => formatDateTime(value) || t('common.none'),
    },
    {
      title: t('reviews.deliveries.readAt'),
      dataIndex: 'readAt',
      ...sortable('readAt'),
      width: 150,
      render: (value: string | null) => formatDateTime(value) || t('common.none'),
    },
    ...(canRetry
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, d: TReviewDelivery) =>
              d.status === 'failed' || d.status === 'held' ? (
                <Button
                  size="small"
                  icon={<RedoOutlined />}
                  loading={retry.isPending && retry.variables.id === d.id}
                  aria-label={t('reviews.deliveries.retryFor', { name: d.user.fullName })}
                  onClick={() => retry.mutate(d)}
                >
                  {t('reviews.deliveries.retry')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('reviews.deliveries.hint')}
      </Typography.Paragraph>
      <Select<TDeliveryStatus>
        allowClear
        aria-label={t('common.status')}
        placeholder={t('common.status')}
        value={query.status}
        onChange={(value?: TDeliveryStatus) => setQuery((q) => ({ ...q, status: value, page: 1 }))}
        options={DELIVERY_STATUSES.map((s) => ({ value: s, label: DELIVERY_STATUS_LABELS[s][locale] }))}
        style={{ width: 240 }}
      />
      <Table<TReviewDelivery>
        rowKey="id"
        size="small"
        aria-label={t('reviews.deliveries.tableLabel')}
        columns={columns}
        dataSource={deliveries.data?.items ?? []}
        loading={deliveries.isFetching && !deliveries.data}
        locale={{
          emptyText: deliveries.isError ? errorText(deliveries.error, t) : t('reviews.deliveries.empty'),
        }}
        pagination={tablePagination(t, { ...query, total: deliveries.data?.total ?? 0 }, (page, pageSize) =>
          setQuery((q) => ({ ...q, page, pageSize })),
        )}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') setQuery((q) => ({ ...q, sort: sortParam(sorter), page: 1 }));
        }}
        scroll={{ x: 1100 }}
      />
    </Flex>
  );
}
