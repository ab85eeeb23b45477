import { DownloadOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CONTRACT_STATUSES,
  CONTRACT_STATUS_LABELS,
  WORKING_ROLES,
  formatDong,
  remainingToPay,
  type TContractStatus,
  type TPressContractSummary,
} from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, InputNumber, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { ContractFormDrawer } from './contract-form-drawer';
import {
  contractKeys,
  exportContracts,
  listContracts,
  listOutletOptions,
  type ContractFilters,
} from './press-contracts.api';

const UUID = /^[0-9a-f-]{36}$/i;
export const STATUS_COLORS: Record<TContractStatus, string> = {
  draft: 'default',
  signed: 'blue',
  completed: 'green',
  terminated: 'red',
};

/** Hợp đồng báo chí: contracts signed in the user's scope, with filters, sorting, paging and Excel export. */
export function PressContractsPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [outletSearch, setOutletSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const canWrite = hasAnyRole(user, WORKING_ROLES);
  const year = Number(params.get('year')) || undefined;
  const outletId = params.get('outletId');
  const status = CONTRACT_STATUSES.find((s) => s === params.get('status'));
  const filters: ContractFilters = {
    q: params.get('q') ?? undefined,
    year,
    status,
    outletId: outletId && UUID.test(outletId) ? outletId : undefined,
    sort: params.get('sort') ?? undefined,
  };
  const contracts = useQuery({
    queryKey: contractKeys.list(filters, page, pageSize),
    queryFn: () => listContracts(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const debouncedOutlet = useDebouncedValue(outletSearch, 300);
  const outlets = useQuery({
    queryKey: ['press-contracts', 'outlets', debouncedOutlet],
    queryFn: () => listOutletOptions(debouncedOutlet || undefined),
  });
  const exportList = useDownload(() => exportContracts(filters));
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });

  const columns: TableColumnsType<TPressContractSummary> = [
    {
      title: t('pressContracts.field.number'),
      dataIndex: 'number',
      ...sortable('number'),
      render: (number: string, c) => (
        <>
          <Link to={`/press/contracts/${c.id}`}>{number}</Link>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {c.title}
          </Typography.Text>
        </>
      ),
    },
    { title: t('pressContracts.field.outlet'), key: 'outlet', render: (_: unknown, c) => c.outlet.name },
    {
      title: t('pressContracts.field.unit'),
      key: 'unit',
      responsive: ['lg'],
      render: (_: unknown, c) => c.unit.name,
    },
    { title: t('pressContracts.field.year'), dataIndex: 'year', ...sortable('year') },
    {
      title: t('pressContracts.field.period'),
      ...sortable('periodFrom'),
      render: (_: unknown, c) => `${formatDate(c.periodFrom)} – ${formatDate(c.periodTo)}`,
    },
    {
      title: t('pressContracts.field.value'),
      dataIndex: 'value',
      align: 'right',
      ...sortable('value'),
      render: (value: number) => formatDong(value),
    },
    {
      title: t('pressContracts.field.paid'),
      key: 'paid',
      align: 'right',
      render: (_: unknown, c) => (
        <>
          {formatDong(c.paid)}
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {t('pressContracts.field.remaining')}: {formatDong(remainingToPay(c.value, c.paid))}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('pressContracts.field.status'),
      dataIndex: 'status',
      render: (value: TContractStatus) => (
        <Tag color={STATUS_COLORS[value]}>{CONTRACT_STATUS_LABELS[value][locale]}</Tag>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, c) => (
        <Button
          size="small"
          icon={<EyeOutlined />}
          aria-label={`${t('pressContracts.open')} ${c.number}`}
          onClick={() => void navigate(`/press/contracts/${c.id}`)}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('pressContracts.title')}
        subtitle={t('pressContracts.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('pressContracts.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('pressContracts.searchLabel')}
          placeholder={t('pressContracts.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 320 }}
        />
        <InputNumber
          aria-label={t('pressContracts.filter.year')}
          placeholder={t('pressContracts.filter.year')}
          min={2000}
          max={2100}
          value={year ?? null}
          onChange={(value) => update({ year: value ?? undefined })}
          style={{ width: 150 }}
        />
        <Select
          allowClear
          aria-label={t('pressContracts.filter.status')}
          placeholder={t('pressContracts.filter.status')}
          value={status}
          onChange={(value?: TContractStatus) => update({ status: value })}
          options={CONTRACT_STATUSES.map((s) => ({ value: s, label: CONTRACT_STATUS_LABELS[s][locale] }))}
          style={{ width: 180 }}
        />
        <Select
          allowClear
          showSearch={{ filterOption: false, onSearch: setOutletSearch }}
          aria-label={t('pressContracts.filter.outlet')}
          placeholder={t('pressContracts.filter.outlet')}
          value={filters.outletId}
          onChange={(value?: string) => update({ outletId: value })}
          options={(outlets.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          style={{ width: 240 }}
        />
      </Flex>
      <Table<TPressContractSummary>
        rowKey="id"
        aria-label={t('pressContracts.tableLabel')}
        columns={columns}
        dataSource={contracts.data?.items ?? []}
        loading={contracts.isFetching}
        locale={{ emptyText: contracts.isError ? errorText(contracts.error, t) : t('pressContracts.empty') }}
        pagination={tablePagination(t, { page, pageSize, total: contracts.data?.total ?? 0 }, (p, s) =>
          update({ page: p, pageSize: s }, true),
        )}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortParam(sorter) });
        }}
        scroll={{ x: 1000 }}
      />
      {creating && (
        <ContractFormDrawer
          contract={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => void navigate(`/press/contracts/${saved.id}`)}
        />
      )}
    </>
  );
}
