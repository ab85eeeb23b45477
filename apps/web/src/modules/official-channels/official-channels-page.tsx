import {
  DownloadOutlined,
  EditOutlined,
  GlobalOutlined,
  PlusOutlined,
  StopOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import {
  CHANNEL_KIND_LABELS,
  CHANNEL_KINDS,
  CHANNEL_STATUS_LABELS,
  CHANNEL_STATUSES,
  type TChannelKind,
  type TChannelStatus,
  type TOfficialChannel,
} from '@loa/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { ChannelFormDrawer } from './channel-form-drawer';
import { channelKeys, exportChannels, listChannels, updateChannel, type ChannelFilters } from './official-channels.api';
import { CheckForm } from './public-check-page';

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);
const RETIRED = ['false', 'true', 'all'] as const;

/** Kênh chính thức: the registry the Communication Center keeps, with a quick check of any link or number. */
export function OfficialChannelsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [editing, setEditing] = useState<TOfficialChannel | null | 'new'>(null);
  const canWrite = hasAnyRole(user, ['admin', 'comms_center']);

  const filters: ChannelFilters = {
    q: params.get('q') ?? undefined,
    kind: pick(params.get('kind'), CHANNEL_KINDS),
    status: pick(params.get('status'), CHANNEL_STATUSES),
    retired: pick(params.get('retired'), RETIRED),
    sort: params.get('sort') ?? undefined,
  };
  const channels = useQuery({
    queryKey: channelKeys.list(filters, page, pageSize),
    queryFn: () => listChannels(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const exportList = useDownload(() => exportChannels(filters));
  const retire = useMutation({
    mutationFn: (channel: TOfficialChannel) =>
      updateChannel(channel.id, { version: channel.version, retired: channel.retiredAt === null }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: channelKeys.all });
      message.success(t(saved.retiredAt ? 'channels.retired' : 'channels.restored', { name: saved.display }));
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });
  const columns: TableColumnsType<TOfficialChannel> = [
    {
      title: t('channels.field.value'),
      dataIndex: 'display',
      ...sortable('display'),
      render: (display: string, c) => (
        <>
          <Typography.Text strong>{display}</Typography.Text>
          {display !== c.value && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} code>
              {c.value}
            </Typography.Paragraph>
          )}
        </>
      ),
    },
    {
      title: t('channels.field.kind'),
      dataIndex: 'kind',
      ...sortable('kind'),
      render: (kind: TChannelKind) => CHANNEL_KIND_LABELS[kind][locale],
    },
    {
      title: t('channels.field.status'),
      dataIndex: 'status',
      ...sortable('status'),
      render: (status: TChannelStatus, c) => (
        <>
          <Tag color={status === 'official' ? 'green' : 'red'}>{CHANNEL_STATUS_LABELS[status][locale]}</Tag>
          {c.retiredAt && <Tag>{`${t('channels.retired.true')} ${formatDate(c.retiredAt)}`}</Tag>}
        </>
      ),
    },
    { title: t('channels.field.note'), dataIndex: 'note', responsive: ['lg'] },
    { title: t('channels.field.source'), dataIndex: 'source', responsive: ['xl'] },
    {
      title: t('channels.field.orgUnit'),
      key: 'orgUnit',
      responsive: ['xl'],
      render: (_: unknown, c) => c.orgUnit.name,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, c) =>
        c.canEdit && (
          <Flex gap={4}>
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={`${t('common.edit')} ${c.display}`}
              onClick={() => setEditing(c)}
            />
            {c.retiredAt ? (
              <Button
                size="small"
                icon={<UndoOutlined />}
                aria-label={`${t('channels.restore')} ${c.display}`}
                onClick={() => retire.mutate(c)}
              />
            ) : (
              <Popconfirm title={t('channels.retireConfirm', { name: c.display })} onConfirm={() => retire.mutate(c)}>
                <Button
                  size="small"
                  danger
                  icon={<StopOutlined />}
                  aria-label={`${t('channels.retire')} ${c.display}`}
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
        title={t('channels.title')}
        subtitle={t('channels.subtitle')}
        actions={
          <>
            <Button icon={<GlobalOutlined />} href="/kiem-tra" target="_blank">
              {t('channels.publicLink')}
            </Button>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {canWrite && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="create-channel"
                onClick={() => setEditing('new')}
              >
                {t('channels.create')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small" title={t('channels.check.title')} style={{ marginBottom: 16, maxWidth: 720 }}>
        <CheckForm compact />
      </Card>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('channels.searchLabel')}
          placeholder={t('channels.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 340 }}
        />
        <Select
          allowClear
          aria-label={t('channels.filter.kind')}
          placeholder={t('channels.filter.kind')}
          value={filters.kind}
          onChange={(value?: TChannelKind) => update({ kind: value })}
          options={CHANNEL_KINDS.map((k) => ({ value: k, label: CHANNEL_KIND_LABELS[k][locale] }))}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          aria-label={t('channels.filter.status')}
          placeholder={t('channels.filter.status')}
          value={filters.status}
          onChange={(value?: TChannelStatus) => update({ status: value })}
          options={CHANNEL_STATUSES.map((s) => ({ value: s, label: CHANNEL_STATUS_LABELS[s][locale] }))}
          style={{ width: 220 }}
        />
        <Select
          aria-label={t('channels.filter.retired')}
          value={filters.retired ?? 'false'}
          onChange={(value: (typeof RETIRED)[number]) => update({ retired: value === 'false' ? undefined : value })}
          options={RETIRED.map((r) => ({ value: r, label: t(`channels.retired.${r}`) }))}
          style={{ width: 180 }}
        />
      </Flex>
      <Table<TOfficialChannel>
        rowKey="id"
        aria-label={t('channels.tableLabel')}
        columns={columns}
        dataSource={channels.data?.items ?? []}
        loading={channels.isFetching}
        locale={{ emptyText: channels.isError ? errorText(channels.error, t) : t('channels.empty') }}
        pagination={tablePagination(t, { page, pageSize, total: channels.data?.total ?? 0 }, (nextPage, nextSize) =>
          update({ page: nextPage, pageSize: nextSize }, true),
        )}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortParam(sorter) });
        }}
        scroll={{ x: 900 }}
      />
      {editing !== null && (
        <ChannelFormDrawer channel={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
