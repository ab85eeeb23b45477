import { DownloadOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  FUNDING_SOURCE_LABELS,
  formatDong,
  type TAllocation,
  type TBudgetCategory,
} from '@loa/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { AllocationDrawer } from './allocation-drawer';
import {
  budgetKeys,
  exportAllocations,
  listAllocations,
  reverseAllocation,
  type AllocationFilters,
} from './budget.api';
import { BUDGET_WRITE_ROLES, Dong, YearSelect, amountColumn, categoryOptions, useFiscalYears } from './budget-ui';
import { ReasonModal } from './reason-modal';

const UUID = /^[0-9a-f-]{36}$/i;
const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);

/** Phân bổ: allocations made by or to the units in scope, with the appropriation at the root. */
export function AllocationsTab() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const years = useFiscalYears(params.get('year'));
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [creating, setCreating] = useState(false);
  const [reversing, setReversing] = useState<TAllocation | null>(null);
  const unitParam = params.get('unitId');
  const filters: AllocationFilters = {
    q: params.get('q') ?? undefined,
    year: years.year,
    unitId: unitParam && UUID.test(unitParam) ? unitParam : undefined,
    category: pick(params.get('category'), BUDGET_CATEGORIES),
    sort: params.get('sort') ?? undefined,
  };
  const list = useQuery({
    queryKey: budgetKeys.allocations(filters, page, pageSize),
    queryFn: () => listAllocations(filters, page, pageSize),
    placeholderData: keepPreviousData,
    enabled: years.query.isSuccess,
  });
  const download = useDownload(() => exportAllocations(filters));
  const canWrite = hasAnyRole(user, BUDGET_WRITE_ROLES);
  const canAppropriate =
    hasAnyRole(user, ['admin']) || (hasAnyRole(user, ['leader']) && user.orgUnit.kind === 'agency');
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });

  const columns: TableColumnsType<TAllocation> = [
    { title: t('budget.field.decidedOn'), dataIndex: 'decidedOn', ...sortable('decidedOn'), render: formatDate },
    {
      title: t('budget.field.decisionNo'),
      dataIndex: 'decisionNo',
      render: (no: string, a) => (
        <>
          <Typography.Text strong>{no}</Typography.Text>
          {a.reversesId && <Tag style={{ marginInlineStart: 8 }}>{t('budget.entry.reversal')}</Tag>}
          {a.reversedById && (
            <Tag color="orange" style={{ marginInlineStart: 8 }}>
              {t('budget.entry.reversed')}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: t('budget.field.fromUnit'),
      key: 'from',
      render: (_: unknown, a) =>
        a.fromUnit?.name ??
        t('budget.allocation.fromSource', { source: a.source ? FUNDING_SOURCE_LABELS[a.source][locale] : '' }),
    },
    { title: t('budget.field.toUnit'), key: 'toUnit', render: (_: unknown, a) => a.toUnit.name },
    {
      title: t('budget.field.category'),
      dataIndex: 'category',
      ...sortable('category'),
      render: (c: TBudgetCategory) => BUDGET_CATEGORY_LABELS[c][locale],
    },
    {
      title: t('budget.field.amount'),
      dataIndex: 'amount',
      ...sortable('amount'),
      ...amountColumn,
      render: (amount: number) => <Dong value={amount} />,
    },
    {
      title: t('budget.field.note'),
      key: 'note',
      responsive: ['xl'],
      render: (_: unknown, a) => a.note ?? '',
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, a) =>
        a.canReverse && (
          <Button
            size="small"
            danger
            icon={<RollbackOutlined />}
            aria-label={`${t('budget.reverse.action')} ${a.decisionNo}`}
            onClick={() => setReversing(a)}
          >
            {t('budget.reverse.action')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('budget.allocation.search')}
          placeholder={t('budget.allocation.search')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 280 }}
        />
        <YearSelect rows={years.rows} value={years.year} onChange={(year) => update({ year })} />
        <Select
          allowClear
          aria-label={t('budget.field.category')}
          placeholder={t('budget.field.category')}
          value={filters.category}
          onChange={(value?: TBudgetCategory) => update({ category: value })}
          options={categoryOptions(locale)}
          style={{ width: 260 }}
        />
        <OrgUnitTreeSelect
          allowClear
          aria-label={t('budget.field.unit')}
          placeholder={t('budget.field.unit')}
          value={filters.unitId}
          onChange={(value?: string) => update({ unitId: value })}
          style={{ width: 260 }}
        />
        <Button icon={<DownloadOutlined />} loading={download.running} onClick={() => void download.run()}>
          {t('common.exportExcel')}
        </Button>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="allocation-new">
            {t('budget.allocation.create')}
          </Button>
        )}
      </Flex>
      <Table<TAllocation>
        rowKey="id"
        aria-label={t('budget.tab.allocations')}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: list.isError ? errorText(list.error, t) : t('budget.allocation.empty') }}
        pagination={tablePagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) =>
          update({ page: p, pageSize: s }, true),
        )}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortParam(sorter) });
        }}
        scroll={{ x: 1000 }}
      />
      {creating && (
        <AllocationDrawer
          years={years.rows}
          year={years.year}
          canAppropriate={canAppropriate}
          onClose={() => setCreating(false)}
        />
      )}
      {reversing && (
        <ReasonModal
          danger
          title={t('budget.reverse.allocationTitle', { no: reversing.decisionNo })}
          intro={t('budget.reverse.allocationIntro', {
            amount: formatDong(reversing.amount),
            unit: reversing.toUnit.name,
          })}
          okText={t('budget.reverse.action')}
          submit={({ reason }) => reverseAllocation(reversing.id, { reason })}
          onDone={() => {
            message.success(t('budget.reverse.done'));
            setReversing(null);
            void queryClient.invalidateQueries({ queryKey: budgetKeys.all });
          }}
          onClose={() => setReversing(null)}
        />
      )}
    </>
  );
}
