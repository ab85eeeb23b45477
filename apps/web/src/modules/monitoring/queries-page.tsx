import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  QUERY_ALERT_LABELS,
  QUERY_ALERTS,
  RELEVANCE_LABELS,
  WORKING_ROLES,
  type TMonitoringQuery,
  type TQueryAlert,
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
import { formatDateTime } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { QueryEditorDrawer } from './query-editor-drawer';
import { UnitPicker } from './source-pickers';
import { deleteQuery, exportQueries, listQueries, queryKeys, type QueryFilters } from './queries.api';

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);
const BOOLS = ['true', 'false'] as const;
const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

/** Truy vấn theo dõi: each unit's saved boolean queries, their alerts and how often they matched lately. */
export function QueriesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [editing, setEditing] = useState<TMonitoringQuery | null | 'new'>(null);
  const canCreate = hasAnyRole(user, WORKING_ROLES);

  const filters: QueryFilters = {
    q: params.get('q') ?? undefined,
    enabled: pick(params.get('enabled'), BOOLS),
    alert: pick(params.get('alert'), QUERY_ALERTS),
    orgUnitId: params.get('orgUnitId') ?? undefined,
    sort: params.get('sort') ?? undefined,
  };
  const queries = useQuery({
    queryKey: queryKeys.list(filters, page, pageSize),
    queryFn: () => listQueries(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const exportList = useDownload(() => exportQueries(filters));
  const remove = useMutation({
    mutationFn: (query: TMonitoringQuery) => deleteQuery(query.id),
    onSuccess: async (_result, query) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.all });
      message.success(t('monQueries.deleted', { name: query.name }));
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });
  const columns: TableColumnsType<TMonitoringQuery> = [
    {
      title: t('monQueries.field.name'),
      dataIndex: 'name',
      ...sortable('name'),
      render: (name: string, q) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{name}</Typography.Text>
          {q.description && <Typography.Text type="secondary">{q.description}</Typography.Text>}
          <span>
            {!q.enabled && <Tag>{t('monQueries.disabledTag')}</Tag>}
            {q.seeded && <Tag color="geekblue">{t('monQueries.seededTag')}</Tag>}
          </span>
        </Flex>
      ),
    },
    {
      title: t('monQueries.field.text'),
      dataIndex: 'text',
      render: (text: string) => (
        <Tooltip title={<span style={{ fontFamily: MONO, whiteSpace: 'pre-wrap' }}>{text}</span>}>
          <Typography.Text code ellipsis style={{ maxWidth: 340, fontFamily: MONO }}>
            {text}
          </Typography.Text>
        </Tooltip>
      ),
    },
    { title: t('monQueries.field.orgUnit'), ...sortable('orgUnit'), render: (_: unknown, q) => q.orgUnit.name },
    {
      title: t('monQueries.field.alert'),
      dataIndex: 'alert',
      ...sortable('alert'),
      render: (alert: TQueryAlert, q) => (
        <Flex vertical gap={2} align="start">
          <Tag color={alert === 'immediate' ? 'red' : alert === 'daily' ? 'blue' : 'default'}>
            {QUERY_ALERT_LABELS[alert][locale]}
          </Tag>
          {alert !== 'none' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('monQueries.minRelevanceShort', { level: RELEVANCE_LABELS[q.alertMinRelevance][locale] })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('monQueries.field.matches30d'), dataIndex: 'matches30d', align: 'right', ...sortable('matches') },
    {
      title: t('monQueries.field.lastMatch'),
      dataIndex: 'lastMatchAt',
      ...sortable('lastMatchAt'),
      responsive: ['lg'],
      render: (at: string | null) => (at ? formatDateTime(at) : t('common.none')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, q) =>
        q.canEdit && (
          <Flex gap={4}>
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={`${t('common.edit')} ${q.name}`}
              onClick={() => setEditing(q)}
            />
            <Popconfirm
              title={t('monQueries.deleteConfirm', { name: q.name })}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutateAsync(q)}
            >
              <Button size="small" danger icon={<DeleteOutlined />} aria-label={`${t('common.delete')} ${q.name}`} />
            </Popconfirm>
          </Flex>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('monQueries.title')}
        subtitle={t('monQueries.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {canCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="create-query"
                onClick={() => setEditing('new')}
              >
                {t('monQueries.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('monQueries.searchLabel')}
          placeholder={t('monQueries.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 320 }}
        />
        <Select
          allowClear
          aria-label={t('monQueries.filter.enabled')}
          placeholder={t('monQueries.filter.enabled')}
          value={filters.enabled}
          onChange={(value?: 'true' | 'false') => update({ enabled: value })}
          options={BOOLS.map((b) => ({ value: b, label: t(`monQueries.filter.enabled.${b}`) }))}
          style={{ width: 180 }}
        />
        <Select
          allowClear
          aria-label={t('monQueries.field.alert')}
          placeholder={t('monQueries.field.alert')}
          value={filters.alert}
          onChange={(value?: TQueryAlert) => update({ alert: value })}
          options={QUERY_ALERTS.map((a) => ({ value: a, label: QUERY_ALERT_LABELS[a][locale] }))}
          style={{ width: 200 }}
        />
        <UnitPicker
          allowClear
          placeholder={t('monQueries.field.orgUnit')}
          value={filters.orgUnitId ?? null}
          onChange={(value) => update({ orgUnitId: value ?? undefined })}
          style={{ width: 280 }}
        />
      </Flex>
      <Table<TMonitoringQuery>
        rowKey="id"
        aria-label={t('monQueries.tableLabel')}
        columns={columns}
        dataSource={queries.data?.items ?? []}
        loading={queries.isFetching}
        locale={{ emptyText: queries.isError ? errorText(queries.error, t) : t('monQueries.empty') }}
        pagination={tablePagination(t, { page, pageSize, total: queries.data?.total ?? 0 }, (nextPage, nextSize) =>
          update({ page: nextPage, pageSize: nextSize }, true),
        )}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortParam(sorter) });
        }}
        scroll={{ x: 1000 }}
      />
      {editing !== null && (
        <QueryEditorDrawer query={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
