import { DownloadOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import {
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  SOURCE_TIER_LABELS,
  SOURCE_TIERS,
  type TMonitoringSource,
  type TSourceKind,
  type TSourceTier,
} from '@loa/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { sortParam } from '../../shared/table-sort';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { SourceDisableModal } from './source-disable-modal';
import { SourceFormDrawer } from './source-form-drawer';
import { SourceImportModal } from './source-import-modal';
import { SourceLogDrawer } from './source-log-drawer';
import { SourceSubmitUrlModal } from './source-submit-url-modal';
import { sourceColumns } from './sources-columns';
import { SOURCE_MANAGER_ROLES } from './sources-helpers';
import {
  deleteSource,
  exportSources,
  fetchSourceNow,
  listSources,
  setSourceEnabled,
  sourceKeys,
  type SourceFilters,
} from './sources.api';

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);
const BOOLS = ['true', 'false'] as const;

type Dialog =
  | { kind: 'form'; source: TMonitoringSource | null }
  | { kind: 'disable' | 'log' | 'import'; source: TMonitoringSource }
  | { kind: 'submit'; source: TMonitoringSource | null };

/** Nguồn tin theo dõi: feeds, sitemaps and listing pages polled politely, with their health and fetch log. */
export function SourcesPage() {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const canManage = hasAnyRole(user, SOURCE_MANAGER_ROLES);

  const filters: SourceFilters = {
    q: params.get('q') ?? undefined,
    kind: pick(params.get('kind'), SOURCE_KINDS),
    tier: pick(params.get('tier'), SOURCE_TIERS),
    enabled: pick(params.get('enabled'), BOOLS),
    failing: pick(params.get('failing'), BOOLS),
    sort: params.get('sort') ?? undefined,
  };
  const sources = useQuery({
    queryKey: sourceKeys.list(filters, page, pageSize),
    queryFn: () => listSources(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const exportList = useDownload(() => exportSources(filters));
  const refresh = () => queryClient.invalidateQueries({ queryKey: sourceKeys.all });

  const enable = useMutation({
    mutationFn: (source: TMonitoringSource) => setSourceEnabled(source.id, { enabled: true, version: source.version }),
    onSuccess: async (saved) => {
      await refresh();
      message.success(t('monSources.enabled', { name: saved.name }));
    },
    onError: (error) => message.error(errorText(error, t)),
  });
  const fetchNow = useMutation({
    mutationFn: (source: TMonitoringSource) => fetchSourceNow(source.id),
    onSuccess: async (_result, source) => {
      await refresh();
      message.success(t('monSources.fetchQueued', { name: source.name }));
    },
    onError: (error) => message.error(errorText(error, t)),
  });
  const remove = useMutation({
    mutationFn: (source: TMonitoringSource) => deleteSource(source.id),
    onSuccess: async (_result, source) => {
      await refresh();
      message.success(t('monSources.deleted', { name: source.name }));
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const columns = sourceColumns(t, locale, filters.sort, {
    edit: (source) => setDialog({ kind: 'form', source }),
    fetchNow: (source) => fetchNow.mutate(source),
    toggle: (source, next) => (next ? enable.mutate(source) : setDialog({ kind: 'disable', source })),
    showLog: (source) => setDialog({ kind: 'log', source }),
    importFile: (source) => setDialog({ kind: 'import', source }),
    submitUrl: (source) => setDialog({ kind: 'submit', source }),
    remove: (source) =>
      void modal.confirm({
        title: t('monSources.deleteConfirm', { name: source.name }),
        content: t('monSources.deleteHint'),
        okText: t('common.delete'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: () => remove.mutateAsync(source),
      }),
    fetching: fetchNow.isPending ? (fetchNow.variables?.id ?? null) : null,
  });

  return (
    <>
      <PageHeader
        title={t('monSources.title')}
        subtitle={t('monSources.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {canManage && (
              <Button icon={<LinkOutlined />} onClick={() => setDialog({ kind: 'submit', source: null })}>
                {t('monSources.submit.action')}
              </Button>
            )}
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="create-source"
                onClick={() => setDialog({ kind: 'form', source: null })}
              >
                {t('monSources.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('monSources.searchLabel')}
          placeholder={t('monSources.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 320 }}
        />
        <Select
          allowClear
          aria-label={t('monSources.field.kind')}
          placeholder={t('monSources.field.kind')}
          value={filters.kind}
          onChange={(value?: TSourceKind) => update({ kind: value })}
          options={SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABELS[k][locale] }))}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          aria-label={t('monSources.field.tier')}
          placeholder={t('monSources.field.tier')}
          value={filters.tier}
          onChange={(value?: TSourceTier) => update({ tier: value })}
          options={SOURCE_TIERS.map((k) => ({ value: k, label: SOURCE_TIER_LABELS[k][locale] }))}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          aria-label={t('monSources.filter.enabled')}
          placeholder={t('monSources.filter.enabled')}
          value={filters.enabled}
          onChange={(value?: 'true' | 'false') => update({ enabled: value })}
          options={BOOLS.map((b) => ({ value: b, label: t(`monSources.filter.enabled.${b}`) }))}
          style={{ width: 180 }}
        />
        <Select
          allowClear
          aria-label={t('monSources.filter.failing')}
          placeholder={t('monSources.filter.failing')}
          value={filters.failing}
          onChange={(value?: 'true' | 'false') => update({ failing: value })}
          options={BOOLS.map((b) => ({ value: b, label: t(`monSources.filter.failing.${b}`) }))}
          style={{ width: 180 }}
        />
      </Flex>
      <Table<TMonitoringSource>
        rowKey="id"
        aria-label={t('monSources.tableLabel')}
        columns={columns}
        dataSource={sources.data?.items ?? []}
        loading={sources.isFetching}
        locale={{ emptyText: sources.isError ? errorText(sources.error, t) : t('monSources.empty') }}
        pagination={tablePagination(t, { page, pageSize, total: sources.data?.total ?? 0 }, (nextPage, nextSize) =>
          update({ page: nextPage, pageSize: nextSize }, true),
        )}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortParam(sorter) });
        }}
        scroll={{ x: 1100 }}
      />
      {dialog?.kind === 'form' && <SourceFormDrawer source={dialog.source} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'disable' && <SourceDisableModal source={dialog.source} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'log' && <SourceLogDrawer source={dialog.source} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'import' && <SourceImportModal source={dialog.source} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'submit' && <SourceSubmitUrlModal source={dialog.source} onClose={() => setDialog(null)} />}
    </>
  );
}
