import { DeleteOutlined, DownloadOutlined, EditOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import {
  REVIEW_KIND_LABELS,
  REVIEW_KINDS,
  REVIEW_SECTION_LABELS,
  type TReviewKind,
  type TReviewSubscription,
} from '@loa/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Flex,
  Input,
  Popconfirm,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { OneTimeSecretModal } from '../../shared/ui/one-time-secret';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import {
  createFeedToken,
  deleteSubscription,
  exportSubscriptions,
  listSubscriptions,
  reviewKeys,
  type SubscriptionFilters,
} from './press-reviews.api';
import { SUBSCRIPTION_MANAGER_ROLES } from './review-roles';
import { SubscriptionDrawer } from './subscription-drawer';

const BOOLS = ['true', 'false'] as const;
const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);

/** Đăng ký nhận: who receives the press review and the bulletin, what part of it, by e-mail and by feed. */
export function SubscriptionsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [editing, setEditing] = useState<TReviewSubscription | null | undefined>(undefined);
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const canManage = hasAnyRole(user, SUBSCRIPTION_MANAGER_ROLES);

  const filters: SubscriptionFilters = {
    q: params.get('q') ?? undefined,
    kind: pick(params.get('kind'), REVIEW_KINDS),
    active: pick(params.get('active'), BOOLS),
    sort: params.get('sort') ?? undefined,
  };
  const subscriptions = useQuery({
    queryKey: reviewKeys.subscriptionList(filters, page, pageSize),
    queryFn: () => listSubscriptions(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const exportList = useDownload(() => exportSubscriptions(filters));
  const refresh = () => queryClient.invalidateQueries({ queryKey: reviewKeys.subscriptions });

  const remove = useMutation({
    mutationFn: (s: TReviewSubscription) => deleteSubscription(s.id),
    onSuccess: async (_r, s) => {
      await refresh();
      message.success(t('reviews.subs.deleted', { name: s.user.fullName }));
    },
    onError: (error) => message.error(errorText(error, t)),
  });
  const feed = useMutation({
    mutationFn: (s: TReviewSubscription) => createFeedToken(s.id),
    onSuccess: async (result) => {
      setFeedUrl(new URL(result.feedUrl, window.location.origin).toString());
      await refresh();
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });
  const all = <Typography.Text type="secondary">{t('reviews.subs.all')}</Typography.Text>;
  const columns: TableColumnsType<TReviewSubscription> = [
    {
      title: t('reviews.subs.kind'),
      dataIndex: 'kind',
      ...sortable('kind'),
      width: 150,
      render: (kind: TReviewKind) => REVIEW_KIND_LABELS[kind][locale],
    },
    {
      title: t('reviews.subs.user'),
      ...sortable('user'),
      width: 220,
      render: (_, s) => (
        <>
          {s.user.fullName}
          <br />
          <Typography.Text type="secondary">{s.user.email ?? s.user.username}</Typography.Text>
        </>
      ),
    },
    { title: t('reviews.subs.unit'), ...sortable('unit'), width: 180, render: (_, s) => s.orgUnit.name },
    {
      title: t('reviews.subs.sourceUnit'),
      ...sortable('sourceUnit'),
      width: 180,
      render: (_, s) => s.sourceUnit.name,
    },
    {
      title: t('reviews.subs.sections'),
      width: 220,
      render: (_, s) =>
        s.sections.length === 0
          ? all
          : s.sections.map((section) => (
              <Tag key={section} style={{ marginBlock: 2 }}>
                {REVIEW_SECTION_LABELS[section][locale]}
              </Tag>
            )),
    },
    {
      title: t('reviews.subs.provinces'),
      width: 160,
      render: (_, s) => (s.provinces.length === 0 ? all : s.provinces.map((p) => p.name).join(', ')),
    },
    {
      title: t('reviews.subs.email'),
      dataIndex: 'email',
      width: 90,
      render: (value: boolean) => (value ? t('reviews.yes') : t('reviews.no')),
    },
    {
      title: t('reviews.subs.active'),
      dataIndex: 'active',
      width: 120,
      render: (value: boolean) =>
        value ? <Tag color="green">{t('reviews.subs.activeOn')}</Tag> : <Tag>{t('reviews.subs.activeOff')}</Tag>,
    },
    {
      title: t('reviews.subs.feed'),
      dataIndex: 'hasFeed',
      width: 100,
      render: (value: boolean) => (value ? t('reviews.subs.feedOn') : t('common.none')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 220,
      render: (_, s) => (
        <Flex gap={4} wrap>
          <Tooltip title={t('common.edit')}>
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={t('reviews.subs.editFor', { name: s.user.fullName })}
              onClick={() => setEditing(s)}
            />
          </Tooltip>
          <Popconfirm
            title={s.hasFeed ? t('reviews.subs.feedReplaceConfirm') : t('reviews.subs.feedCreateConfirm')}
            okText={t('reviews.subs.feedCreate')}
            cancelText={t('common.cancel')}
            onConfirm={() => feed.mutateAsync(s).catch(() => undefined)}
          >
            <Button size="small" icon={<LinkOutlined />} loading={feed.isPending && feed.variables.id === s.id}>
              {t('reviews.subs.feedCreate')}
            </Button>
          </Popconfirm>
          {canManage && (
            <Popconfirm
              title={t('reviews.subs.deleteConfirm', { name: s.user.fullName })}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutateAsync(s).catch(() => undefined)}
            >
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('reviews.subs.deleteFor', { name: s.user.fullName })}
              />
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('reviews.subs.title')}
        subtitle={t('reviews.subs.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                {t('reviews.subs.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('reviews.subs.searchLabel')}
          placeholder={t('reviews.subs.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 320 }}
        />
        <Select<TReviewKind>
          allowClear
          aria-label={t('reviews.subs.kind')}
          placeholder={t('reviews.subs.kind')}
          value={filters.kind}
          onChange={(value?: TReviewKind) => update({ kind: value })}
          options={REVIEW_KINDS.map((k) => ({ value: k, label: REVIEW_KIND_LABELS[k][locale] }))}
          style={{ width: 200 }}
        />
        <Select<'true' | 'false'>
          allowClear
          aria-label={t('reviews.subs.active')}
          placeholder={t('reviews.subs.active')}
          value={filters.active}
          onChange={(value?: 'true' | 'false') => update({ active: value })}
          options={[
            { value: 'true', label: t('reviews.subs.activeOn') },
            { value: 'false', label: t('reviews.subs.activeOff') },
          ]}
          style={{ width: 180 }}
        />
      </Flex>
      <Table<TReviewSubscription>
        rowKey="id"
        size="small"
        aria-label={t('reviews.subs.tableLabel')}
        columns={columns}
        dataSource={subscriptions.data?.items ?? []}
        loading={subscriptions.isFetching}
        locale={{ emptyText: subscriptions.isError ? errorText(subscriptions.error, t) : t('reviews.subs.empty') }}
        pagination={tablePagination(
          t,
          { page, pageSize, total: subscriptions.data?.total ?? 0 },
          (nextPage, nextSize) => update({ page: nextPage, pageSize: nextSize }, true),
        )}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortParam(sorter) });
        }}
        scroll={{ x: 1650 }}
      />
      {editing !== undefined && <SubscriptionDrawer subscription={editing} onClose={() => setEditing(undefined)} />}
      <OneTimeSecretModal
        open={feedUrl !== null}
        title={t('reviews.subs.feedTitle')}
        secret={feedUrl}
        warning={t('reviews.subs.feedWarning')}
        testId="review-feed-url"
        onClose={() => setFeedUrl(null)}
      />
    </>
  );
}
