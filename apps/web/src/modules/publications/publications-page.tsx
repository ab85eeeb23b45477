import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  PUBLICATION_CHANNEL_LABELS,
  PUBLICATION_CHANNELS,
  WORKING_ROLES,
  type TPublication,
  type TPublicationChannel,
} from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Input, Select, Table, Typography, Upload, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { MetricsImportModal } from './metrics-import-modal';
import { ReachSummary } from './product-publications';
import { exportPublications, listPublications, publicationKeys, type PublicationFilters } from './publications.api';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (value: string | null) => (value && DAY.test(value) ? value : undefined);

/** Đăng phát: every publication the user may read, filtered in the URL, with total reach and Excel export. */
export function PublicationsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [importFile, setImportFile] = useState<File | null>(null);

  const filters: PublicationFilters = {
    q: params.get('q') ?? undefined,
    channel: PUBLICATION_CHANNELS.find((c) => c === params.get('channel')),
    unitId: params.get('unitId') ?? undefined,
    from: day(params.get('from')),
    to: day(params.get('to')),
    sort: params.get('sort') ?? undefined,
  };
  const list = useQuery({
    queryKey: publicationKeys.list(filters, page, pageSize),
    queryFn: () => listPublications(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const exportList = useDownload(() => exportPublications(filters));
  const sortable = (key: string) => ({
    key,
    sorter: true,
    sortOrder: sortOrderOf(filters.sort ?? '-publishedAt', key),
  });

  const columns: TableProps<TPublication>['columns'] = [
    {
      title: t('publications.field.product'),
      ...sortable('product'),
      minWidth: 240,
      render: (_, p) => (
        <Typography.Link
          href={`/products/${p.product.id}`}
          onClick={(event) => {
            event.preventDefault();
            void navigate(`/products/${p.product.id}`);
          }}
        >
          {p.product.title}
        </Typography.Link>
      ),
    },
    { title: t('publications.field.unit'), ...sortable('unit'), width: 180, render: (_, p) => p.unit.name },
    {
      title: t('publications.field.channel'),
      ...sortable('channel'),
      width: 150,
      render: (_, p) => PUBLICATION_CHANNEL_LABELS[p.channel][locale],
    },
    { title: t('publications.field.outlet'), ...sortable('outlet'), width: 200, render: (_, p) => p.outlet },
    {
      title: t('publications.field.url'),
      width: 200,
      ellipsis: true,
      render: (_, p) =>
        p.url ? (
          <a href={p.url} target="_blank" rel="noopener noreferrer">
            {p.url}
          </a>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('publications.field.publishedAt'),
      ...sortable('publishedAt'),
      width: 140,
      render: (_, p) => formatDateTime(p.publishedAt),
    },
    { title: t('publications.field.proofs'), width: 100, align: 'right', render: (_, p) => p.proofs.length },
    {
      title: t('publications.field.reach'),
      width: 140,
      align: 'right',
      render: (_, p) => (
        <Flex vertical align="end">
          <span>{p.reach.reached.toLocaleString(locale)}</span>
          {p.readOn && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('publications.reach.readOn', { date: formatDate(p.readOn) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('publications.title')}
        subtitle={t('publications.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {hasAnyRole(user, WORKING_ROLES) && (
              <Upload
                accept=".xlsx,.csv,text/csv"
                showUploadList={false}
                beforeUpload={(file) => {
                  setImportFile(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>{t('publications.metrics.importButton')}</Button>
              </Upload>
            )}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('publications.searchLabel')}
          placeholder={t('publications.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 300 }}
        />
        <Select<TPublicationChannel>
          allowClear
          aria-label={t('publications.filter.channel')}
          placeholder={t('publications.filter.channel')}
          value={filters.channel}
          onChange={(value) => update({ channel: value })}
          options={PUBLICATION_CHANNELS.map((value) => ({ value, label: PUBLICATION_CHANNEL_LABELS[value][locale] }))}
          style={{ width: 200 }}
        />
        <OrgUnitTreeSelect
          allowClear
          aria-label={t('publications.filter.unit')}
          placeholder={t('publications.filter.unit')}
          value={filters.unitId}
          onChange={(value: string | undefined) => update({ unitId: value })}
          style={{ width: 220 }}
        />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          aria-label={t('publications.filter.period')}
          placeholder={[t('publications.filter.period'), '']}
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        />
      </Flex>
      {list.data && (
        <div style={{ marginBottom: 12 }}>
          <ReachSummary reach={list.data.reach} count={list.data.total} />
        </div>
      )}
      <Table<TPublication>
        size="small"
        rowKey="id"
        aria-label={t('publications.tableLabel')}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortParam(sorter) });
        }}
        locale={{ emptyText: list.isError ? errorText(list.error, t) : t('publications.empty') }}
        pagination={tablePagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (next, size) =>
          update({ page: next, pageSize: size }, true),
        )}
        scroll={{ x: 1300 }}
      />
      {importFile && <MetricsImportModal file={importFile} onClose={() => setImportFile(null)} />}
    </>
  );
}
